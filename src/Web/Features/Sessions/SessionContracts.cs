using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Web.Infrastructure.Validation;

namespace BeMore.Web.Features.Sessions;

/// <summary>Consent is explicit: both choices must be made, and they hold for the session's whole life.</summary>
public sealed record ConsentRequest([Required] bool? Analysis, [Required] bool? StoreTranscript);

/// <summary>When the counselor answers: <c>off</c>, <c>onRequest</c> (the default) or <c>auto</c>.</summary>
public sealed record CounselorOptionRequest([AllowedValues(null, "off", "onRequest", "auto", ErrorMessage = "{0} must be off, onRequest or auto.")] string? Mode);

public sealed record CreateSessionRequest(
    [MaxLength(CreateSessionRequest.MaxTitleLength, ErrorMessage = "Title must be at most 200 characters.")][PlainText] string? Title,
    [Required] ConsentRequest? Consent,
    CounselorOptionRequest? Counselor = null)
{
    public const int MaxTitleLength = 200;
}

public sealed record TranscriptRequest(
    [Required, MaxLength(TranscriptRequest.MaxClientSegmentIdLength), PlainText] string ClientSegmentId,
    [Required, MaxLength(TranscriptRequest.MaxTextLength, ErrorMessage = "Text must be at most 5000 characters.")][PlainText(AllowLineBreaks = true)] string Text,
    [Range(0, TranscriptRequest.MaxOffsetMs)] long StartMs,
    [Range(0, TranscriptRequest.MaxOffsetMs)] long EndMs,
    [Required, AllowedValues("ko", "en", ErrorMessage = "{0} must be ko or en.")] string Language) : IValidatableObject
{
    public const int MaxClientSegmentIdLength = 128;
    public const int MaxTextLength = 5000;

    /// <summary>Offsets are milliseconds from the session's audio start; a day bounds any real session.</summary>
    public const long MaxOffsetMs = 86_400_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndMs < StartMs)
        {
            yield return new ValidationResult("EndMs must not be before StartMs.", [nameof(EndMs)]);
        }

        if (Text is not null && string.IsNullOrWhiteSpace(Text))
        {
            yield return new ValidationResult("Text must not be blank.", [nameof(Text)]);
        }
    }

    /// <summary>A segment is one line of speech: line breaks and tabs a client or recognizer put in are stored as spaces.</summary>
    public TranscriptInput ToInput() => new(ClientSegmentId, PlainTextAttribute.ToSingleLine(Text), StartMs, EndMs, Language);
}

public sealed record FeedbackRequest(
    [Required, Range(1, 5)] int? Rating,
    [MaxLength(FeedbackRequest.MaxCommentLength, ErrorMessage = "Comment must be at most 2000 characters.")][PlainText(AllowLineBreaks = true)] string? Comment)
{
    public const int MaxCommentLength = 2000;
}

public sealed record SessionPage(IReadOnlyList<SessionSnapshot> Items, string? NextCursor);

/// <summary>The short view dashboards poll.</summary>
public sealed record SessionSummaryResponse(
    string Id, SessionStatus Status, string? Title, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    long ActiveDurationMs, long LastSeq, LatestEmotion? LatestEmotion, SessionMetrics Metrics)
{
    public static SessionSummaryResponse From(SessionSnapshot snapshot) => new(
        snapshot.Id, snapshot.Status, snapshot.Title, snapshot.StartedAt, snapshot.EndedAt,
        snapshot.ActiveDurationMs, snapshot.LastSeq, snapshot.LatestEmotion, snapshot.Metrics);
}

public static class SessionIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>Anything that could not have been issued is answered like an unknown session.</summary>
    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
