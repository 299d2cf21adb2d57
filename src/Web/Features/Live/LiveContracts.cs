using MessagePack;

namespace BeMore.Web.Features.Live;

/// <summary>Server-to-client calls. Payloads are camelCase maps, identical in the JSON and MessagePack protocols.</summary>
public interface ISessionClient
{
    Task SessionEvent(IReadOnlyDictionary<string, object?> sessionEvent);
}

// Client-to-server messages are mutable classes with explicit camelCase keys: the MessagePack protocol binds them
// by these names (as browsers send them), and the JSON protocol by its camelCase policy.

/// <summary>Audio format of an upload; only 16 kHz mono PCM16 is accepted.</summary>
[MessagePackObject]
public sealed class AudioFormat
{
    [Key("encoding")] public string? Encoding { get; set; }

    [Key("sampleRate")] public int SampleRate { get; set; }

    [Key("channels")] public int Channels { get; set; }

    [IgnoreMember]
    public bool IsSupported => Encoding == "pcm16" && SampleRate == 16_000 && Channels == 1;
}

/// <summary>A client-computed voice-activity frame.</summary>
[MessagePackObject]
public sealed class VadFrameMessage
{
    [Key("tsMs")] public long TsMs { get; set; }

    [Key("isSpeech")] public bool IsSpeech { get; set; }

    [Key("energy")] public double Energy { get; set; }

    [Key("durationMs")] public int DurationMs { get; set; }
}

/// <summary>A MediaPipe face-mesh frame: 468 points of [x, y, z].</summary>
[MessagePackObject]
public sealed class LandmarkFrameMessage
{
    [Key("tsMs")] public long TsMs { get; set; }

    [Key("points")] public double[][]? Points { get; set; }
}

/// <summary>Transcript text produced by the client; validated like the REST route's body.</summary>
[MessagePackObject]
public sealed class TranscriptMessage
{
    [Key("clientSegmentId")] public string? ClientSegmentId { get; set; }

    [Key("text")] public string? Text { get; set; }

    [Key("startMs")] public long StartMs { get; set; }

    [Key("endMs")] public long EndMs { get; set; }

    [Key("language")] public string? Language { get; set; }
}
