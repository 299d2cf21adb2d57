using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Web.Features.Sessions;
using MessagePack;
using KeyAttribute = MessagePack.KeyAttribute;
using Microsoft.Extensions.Validation;

// [ValidatableType] is marked "for evaluation" in .NET 10; it is how types outside an endpoint's parameters get the
// generated validation metadata the REST API uses, so the hub's own inputs are checked by the same validator.
#pragma warning disable ASP0029

namespace BeMore.Web.Features.Live;

/// <summary>Server-to-client calls. Payloads carry the REST API's camelCase shape in both protocols (see <see cref="HubProtocols"/>).</summary>
public interface ISessionClient
{
    Task SessionEvent(SessionEventResponse sessionEvent);

    /// <summary>Live-only messages (no seq, never stored or replayed): a counselor reply's pieces as they are said.</summary>
    Task SessionLive(SessionLiveResponse message);
}

/// <summary>The wire shape of a live-only message: <c>{sessionId, type, at, data}</c>.</summary>
public sealed record SessionLiveResponse(string SessionId, string Type, DateTimeOffset At, object Data)
{
    public static SessionLiveResponse From(Grains.Abstractions.Counseling.SessionLiveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.SessionId, message.Type, message.At, message.Data);
    }
}

/// <summary>
/// JoinSession's answer: the session now, and the events after the client's <c>afterSeq</c>, at most
/// <see cref="LiveHubOptions.JoinMissedLimit"/> of them; <c>hasMore</c> says the client pages the rest through
/// <c>GET /api/session/{id}/events?after=</c> the last one.
/// </summary>
public sealed record JoinResult(SessionSnapshot Snapshot, IReadOnlyList<SessionEventResponse> Missed, bool HasMore);

// Client-to-server messages are mutable classes with explicit camelCase keys: the MessagePack protocol binds them
// by these names (as browsers send them), and the JSON protocol by its camelCase policy. Their limits are attributes,
// checked by InputValidator like a REST body.

/// <summary>Audio format of an upload; only 16 kHz mono PCM16 is accepted.</summary>
[MessagePackObject]
[ValidatableType]
public sealed class AudioFormat
{
    [Key("encoding")]
    [Required, AllowedValues("pcm16", ErrorMessage = "encoding must be pcm16.")]
    public string? Encoding { get; set; }

    [Key("sampleRate")]
    [AllowedValues(16_000, ErrorMessage = "sampleRate must be 16000.")]
    public int SampleRate { get; set; }

    [Key("channels")]
    [AllowedValues(1, ErrorMessage = "channels must be 1.")]
    public int Channels { get; set; }
}

/// <summary>A client-computed voice-activity frame.</summary>
[MessagePackObject]
public sealed class VadFrameMessage
{
    [Key("tsMs")]
    [Range(0, LiveHubOptions.MaxTimestampMs)]
    public long TsMs { get; set; }

    [Key("isSpeech")] public bool IsSpeech { get; set; }

    /// <summary>0..1; NaN and infinities fail the range.</summary>
    [Key("energy")]
    [Range(0.0, 1.0)]
    public double Energy { get; set; }

    [Key("durationMs")]
    [Range(1, LiveHubOptions.MaxVadFrameMs)]
    public int DurationMs { get; set; }
}

/// <summary>One SendVad call's frames: 1..200, timestamps strictly increasing.</summary>
[ValidatableType]
public sealed record VadBatch(
    [Required, Length(1, LiveHubOptions.MaxVadFramesPerCall, ErrorMessage = "frames must hold 1 to 200 VAD frames.")] IReadOnlyList<VadFrameMessage?>? Frames)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        LiveBatches.InOrder(Frames, f => f.TsMs, "VAD frames");
}

/// <summary>A MediaPipe face-mesh frame: 468 points of [x, y, z].</summary>
[MessagePackObject]
public sealed class LandmarkFrameMessage : IValidatableObject
{
    [Key("tsMs")]
    [Range(0, LiveHubOptions.MaxTimestampMs)]
    public long TsMs { get; set; }

    [Key("points")]
    [Required, Length(Grains.Abstractions.Sessions.LandmarkFrame.PointCount, Grains.Abstractions.Sessions.LandmarkFrame.PointCount, ErrorMessage = "points must hold 468 points.")]
    public double[][]? Points { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Points is not null && !Points.All(point => point is { Length: 3 } && point.All(double.IsFinite)))
        {
            yield return new ValidationResult("every point must be three finite numbers.", [nameof(Points)]);
        }
    }
}

/// <summary>One SendLandmarks call's frames: 1..10, timestamps strictly increasing.</summary>
[ValidatableType]
public sealed record LandmarkBatch(
    [Required, Length(1, LiveHubOptions.MaxLandmarkFramesPerCall, ErrorMessage = "frames must hold 1 to 10 face frames.")] IReadOnlyList<LandmarkFrameMessage?>? Frames)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        LiveBatches.InOrder(Frames, f => f.TsMs, "face frames");
}

/// <summary>Transcript text produced by the client; validated as the REST route's body (<c>TranscriptRequest</c>).</summary>
[MessagePackObject]
public sealed class TranscriptMessage
{
    [Key("clientSegmentId")] public string? ClientSegmentId { get; set; }

    [Key("text")] public string? Text { get; set; }

    [Key("startMs")] public long StartMs { get; set; }

    [Key("endMs")] public long EndMs { get; set; }

    [Key("language")] public string? Language { get; set; }
}

internal static class LiveBatches
{
    /// <summary>A batch holds no empty slots and its frames come in strictly increasing time.</summary>
    public static IEnumerable<ValidationResult> InOrder<T>(IReadOnlyList<T?>? frames, Func<T, long> timestamp, string what)
        where T : class
    {
        if (frames is null)
        {
            yield break;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i] is not { } frame || (i > 0 && frames[i - 1] is { } previous && timestamp(frame) <= timestamp(previous)))
            {
                yield return new ValidationResult($"{what} must be present and in strictly increasing time (frame {i}).", ["Frames"]);
                yield break;
            }
        }
    }
}
