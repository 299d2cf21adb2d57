using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Web.Infrastructure.Validation;
using MessagePack;
using KeyAttribute = MessagePack.KeyAttribute;

namespace BeMore.Web.Features.Counselor;

/// <summary>A message to the counselor (REST body; the hub's <see cref="CounselorMessage"/> is checked as this record).</summary>
public sealed record CounselorRequest(
    [Required, MaxLength(CounselorRequest.MaxClientMessageIdLength), PlainText] string ClientMessageId,
    [Required, MaxLength(CounselorRequest.MaxTextLength, ErrorMessage = "Text must be at most 2000 characters.")][PlainText(AllowLineBreaks = true)] string Text,
    [Required, AllowedValues("ko", "en", ErrorMessage = "{0} must be ko or en.")] string Language) : IValidatableObject
{
    public const int MaxClientMessageIdLength = 128;
    public const int MaxTextLength = 2000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Text is not null && string.IsNullOrWhiteSpace(Text))
        {
            yield return new ValidationResult("Text must not be blank.", [nameof(Text)]);
        }
    }

    /// <summary>The message is stored as one transcript segment, so its line breaks become spaces as a segment's do.</summary>
    public CounselorAsk ToAsk() => new(ClientMessageId, PlainTextAttribute.ToSingleLine(Text), Language);
}

/// <summary><c>AskCounselor</c>'s argument, as clients send it in either hub protocol.</summary>
[MessagePackObject]
public sealed class CounselorMessage
{
    [Key("clientMessageId")] public string? ClientMessageId { get; set; }

    [Key("text")] public string? Text { get; set; }

    [Key("language")] public string? Language { get; set; }
}

/// <summary><c>AskCounselor</c>'s answer, given at once: the reply streams as <c>SessionLive</c> deltas, then a <c>counselor_reply</c> event.</summary>
public sealed record CounselorReplyStarted(string ReplyId);
