using MessagePack;

namespace BeMore.Web.Features.Live;

/// <summary>Server-to-client calls. Payloads are camelCase maps, identical in the JSON and MessagePack protocols.</summary>
public interface ISessionClient
{
    Task SessionEvent(IReadOnlyDictionary<string, object?> sessionEvent);
}

/// <summary>Audio format of an upload; only 16 kHz mono PCM16 is accepted.</summary>
[MessagePackObject]
public sealed record AudioFormat(
    [property: Key("encoding")] string Encoding,
    [property: Key("sampleRate")] int SampleRate,
    [property: Key("channels")] int Channels)
{
    public bool IsSupported => Encoding == "pcm16" && SampleRate == 16_000 && Channels == 1;
}

/// <summary>A client-computed voice-activity frame.</summary>
[MessagePackObject]
public sealed record VadFrameMessage(
    [property: Key("tsMs")] long TsMs,
    [property: Key("isSpeech")] bool IsSpeech,
    [property: Key("energy")] double Energy,
    [property: Key("durationMs")] int DurationMs);

/// <summary>A MediaPipe face-mesh frame: 468 points of [x, y, z].</summary>
[MessagePackObject]
public sealed record LandmarkFrameMessage(
    [property: Key("tsMs")] long TsMs,
    [property: Key("points")] double[][] Points);

/// <summary>Transcript text produced by the client; validated like the REST route's body.</summary>
[MessagePackObject]
public sealed record TranscriptMessage(
    [property: Key("clientSegmentId")] string ClientSegmentId,
    [property: Key("text")] string Text,
    [property: Key("startMs")] long StartMs,
    [property: Key("endMs")] long EndMs,
    [property: Key("language")] string Language);
