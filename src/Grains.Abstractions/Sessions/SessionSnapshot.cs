namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>A point-in-time view of one session, computed by its grain.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionSnapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] SessionStatus Status,
    [property: Id(2)] string? Title,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? EndedAt,
    [property: Id(5)] long ActiveDurationMs,
    [property: Id(6)] long PausedDurationMs,
    [property: Id(7)] long LastSeq,
    [property: Id(8)] SessionConsent Consent,
    [property: Id(9)] LatestEmotion? LatestEmotion,
    [property: Id(10)] SessionMetrics Metrics,
    [property: Id(11)] Counseling.CounselorMode Counselor = Counseling.CounselorMode.OnRequest);

[GenerateSerializer, Immutable, Alias("bemore.LatestEmotion")]
public sealed record LatestEmotion(
    [property: Id(0)] string Label,
    [property: Id(1)] double Valence,
    [property: Id(2)] double Arousal,
    [property: Id(3)] DateTimeOffset At);

/// <summary>Running counts over the session's events; <see cref="RiskLevel"/> is the highest level alerted (or none).</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionMetrics")]
public sealed record SessionMetrics(
    [property: Id(0)] int SegmentCount,
    [property: Id(1)] int WordCount,
    [property: Id(2)] int DistortionCount,
    [property: Id(3)] int InterventionCount,
    [property: Id(4)] string RiskLevel,
    [property: Id(5)] int UtteranceCount,
    [property: Id(6)] string? DominantEmotion);

/// <summary>A transcript segment as a client sends it (REST or hub).</summary>
[GenerateSerializer, Immutable, Alias("bemore.TranscriptInput")]
public sealed record TranscriptInput(
    [property: Id(0)] string ClientSegmentId,
    [property: Id(1)] string Text,
    [property: Id(2)] long StartMs,
    [property: Id(3)] long EndMs,
    [property: Id(4)] string Language);

public static class RiskLevels
{
    public const string None = "none";
    public const string Low = "low";
    public const string Elevated = "elevated";
    public const string High = "high";

    public static int Rank(string level) => level switch
    {
        High => 3,
        Elevated => 2,
        Low => 1,
        _ => 0,
    };

    public static string Max(string a, string b) => Rank(a) >= Rank(b) ? a : b;
}

/// <summary>One MediaPipe face-mesh frame: 468 points flattened as x0, y0, z0, x1, ... (1,404 finite numbers).</summary>
[GenerateSerializer, Immutable, Alias("bemore.LandmarkFrame")]
public sealed record LandmarkFrame(
    [property: Id(0)] long TsMs,
    [property: Id(1)] float[] Coordinates)
{
    public const int PointCount = 468;
    public const int CoordinateCount = PointCount * 3;
}

/// <summary>
/// What the server's speech-to-text heard in one utterance of the session's audio. <see cref="UtteranceId"/> names the
/// utterance (audio stream and time range), so a retried result is appended once.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SpeechTranscript")]
public sealed record SpeechTranscript(
    [property: Id(0)] string UtteranceId,
    [property: Id(1)] string Text,
    [property: Id(2)] long StartMs,
    [property: Id(3)] long EndMs,
    [property: Id(4)] string Language);

/// <summary>
/// The prosody of one utterance, measured from the session's audio: pitch level and spread in semitones above 55 Hz
/// over its voiced frames, their mean loudness in dBFS, and how long it was voiced. Voice emotion is judged from it,
/// relative to the same speaker's other utterances.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.ProsodySample")]
public sealed record ProsodySample(
    [property: Id(0)] double PitchSemitones,
    [property: Id(1)] double PitchSpreadSemitones,
    [property: Id(2)] double LevelDb,
    [property: Id(3)] long VoicedMs);

/// <summary>
/// What the voice-activity grain hands the session at once: the speech starts and stops it cut (and the closing state
/// of a stream), the utterances they finished, and the prosody of the last one when it was measured. One call, one log
/// append.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.VoiceActivityReport")]
public sealed record VoiceActivityReport(
    [property: Id(0)] IReadOnlyList<VadUpdate> Updates,
    [property: Id(1)] IReadOnlyList<Utterance> Utterances,
    [property: Id(2)] ProsodySample? Prosody);
