namespace BeMore.Domain.Voice;

/// <summary>
/// Voice metrics over [<paramref name="FromMs"/>, <paramref name="ToMs"/>) of audio time; the report's
/// <c>voice{speechRatio, utteranceCount, avgUtteranceMs, avgPauseMs, longestPauseMs, speechRateWpm, timeline[]}</c>
/// plus the live extras.
/// </summary>
/// <param name="SpeechRatio">Share of the span spent speaking, 0..1.</param>
/// <param name="UtteranceCount">Completed utterances (for a window: those ending inside it).</param>
/// <param name="AvgPauseMs">Mean silence between consecutive utterances; 0 when there is none.</param>
/// <param name="SpeechRateWpm">Transcript words per minute of the time they were spoken in; null before any words.</param>
/// <param name="EnergyVariabilityDb">Standard deviation of utterance levels (dB); null with fewer than two utterances.</param>
/// <param name="Timeline">Per-bucket points for the report; empty for a window snapshot.</param>
public sealed record VoiceMetricsSnapshot(
    long FromMs,
    long ToMs,
    double SpeechRatio,
    int UtteranceCount,
    long AvgUtteranceMs,
    long AvgPauseMs,
    long LongestPauseMs,
    double UtterancesPerMinute,
    double? SpeechRateWpm,
    double? EnergyVariabilityDb,
    IReadOnlyList<VoiceTimelinePoint> Timeline);

/// <summary>One report timeline point: speech over [<paramref name="StartMs"/>, <paramref name="EndMs"/>).</summary>
/// <param name="UtteranceCount">Utterances that started in this span.</param>
/// <param name="WordCount">Transcript words whose range started in this span.</param>
/// <param name="MeanLevelDb">Mean level of the utterances that started here; null when none did.</param>
public sealed record VoiceTimelinePoint(
    long StartMs,
    long EndMs,
    double SpeechRatio,
    int UtteranceCount,
    int WordCount,
    double? MeanLevelDb);
