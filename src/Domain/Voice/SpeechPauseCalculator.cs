namespace BeMore.Domain.Voice;

/// <summary>
/// The one reckoning of speech and pauses from a session's voice-activity updates (speaking or not, at an audio offset),
/// read by the live view (<c>analysis_result.speechRatio</c>) and by the report (<c>voice</c>). Utterances are the ones
/// <see cref="UtteranceTally"/> counts; the span runs from the stream's start (0) to the latest offset seen; a pause is the
/// silence between two consecutive utterances. Fold the updates in log order.
/// </summary>
public sealed class SpeechPauseCalculator
{
    private UtteranceTally _utterances;
    private long? _lastUtteranceEndMs;
    private long _pausesMs;

    /// <summary>Utterances finished so far.</summary>
    public int UtteranceCount => _utterances.Count;

    /// <summary>The latest audio offset seen.</summary>
    public long SpanMs { get; private set; }

    /// <summary>Time spoken in finished utterances.</summary>
    public long SpeechMs { get; private set; }

    public int PauseCount { get; private set; }

    public long LongestPauseMs { get; private set; }

    public double AverageUtteranceMs => UtteranceCount == 0 ? 0 : Math.Round((double)SpeechMs / UtteranceCount, 1);

    public double AveragePauseMs => PauseCount == 0 ? 0 : Math.Round((double)_pausesMs / PauseCount, 1);

    public void Observe(bool speaking, long atMs)
    {
        _utterances = _utterances.Observe(speaking, atMs, out var finished);
        SpanMs = Math.Max(SpanMs, atMs);
        if (finished is not { } utterance)
        {
            return;
        }

        SpeechMs += utterance.EndMs - utterance.StartMs;
        if (_lastUtteranceEndMs is { } previousEnd)
        {
            var pause = Math.Max(0, utterance.StartMs - previousEnd);
            PauseCount++;
            _pausesMs += pause;
            LongestPauseMs = Math.Max(LongestPauseMs, pause);
        }

        _lastUtteranceEndMs = utterance.EndMs;
    }

    /// <summary>
    /// Share of the span spent speaking, 0..1 to three places; null while no time has passed. With
    /// <paramref name="countOpenUtterance"/> an utterance in progress counts up to the latest offset (the live view, while
    /// the person speaks); without it only finished utterances count, like the report's utterance count.
    /// </summary>
    public double? SpeechRatio(bool countOpenUtterance)
    {
        if (SpanMs <= 0)
        {
            return null;
        }

        var speechMs = SpeechMs + (countOpenUtterance && _utterances.OpenSinceMs is { } open ? SpanMs - open : 0);
        return Math.Round(Math.Clamp((double)speechMs / SpanMs, 0, 1), 3);
    }

    /// <summary>Speaking rate over the time actually spoken (finished utterances), to one decimal; 0 before any.</summary>
    public double WordsPerMinute(int words) => SpeechMs == 0 ? 0 : Math.Round(words / (SpeechMs / 60_000.0), 1);
}
