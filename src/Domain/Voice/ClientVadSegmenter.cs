namespace BeMore.Domain.Voice;

/// <summary>
/// One voice-activity frame computed by the browser (<c>SendVad</c>).
/// <paramref name="Energy"/> is the frame's linear RMS relative to full scale (0..1), as Web Audio reports it.
/// </summary>
public readonly record struct ClientVadFrame(long TsMs, bool IsSpeech, double Energy, int DurationMs);

/// <summary>
/// Turns client-sent VAD frames into the same utterance transitions as <see cref="VoiceActivityDetector"/>, with the
/// same minimum utterance, minimum pause and hangover rules, so the live view and the report
/// (<see cref="SpeechPauseCalculator"/>) see the same utterances whether or not audio is streamed. Time between frames
/// counts as silence; frames that overlap already-seen time (retries, duplicates) or are malformed are skipped.
/// </summary>
public sealed class ClientVadSegmenter
{
    /// <summary>Longest frame accepted: browsers send 10-100 ms frames; anything longer is not a frame.</summary>
    public const int MaxFrameMs = 1000;

    /// <summary>Latest timestamp accepted (one day), so a bogus timestamp cannot overflow the time arithmetic.</summary>
    public const long MaxTimestampMs = 24L * 60 * 60 * 1000;

    private readonly UtteranceSegmenter _segmenter;
    private double _lastLevelDb = PcmFormat.SilenceDb;
    private bool _completed;

    public ClientVadSegmenter(VoiceActivityOptions? options = null)
    {
        var validated = options ?? new VoiceActivityOptions();
        validated.Validate();
        _segmenter = new UtteranceSegmenter(validated);
    }

    public VoiceActivityState State => new(
        AudioMs: _segmenter.NowMs,
        IsSpeaking: _segmenter.IsSpeaking,
        UtteranceMs: _segmenter.UtteranceMs,
        PauseMs: _segmenter.PauseMs,
        LevelDb: _lastLevelDb,
        NoiseFloorDb: null);

    /// <summary>Feeds frames in time order; returns how many were accepted.</summary>
    public int Accept(ReadOnlySpan<ClientVadFrame> frames, ICollection<VoiceActivityTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (_completed)
        {
            throw new InvalidOperationException("The client VAD stream was completed.");
        }

        var accepted = 0;
        foreach (var frame in frames)
        {
            if (frame.DurationMs is <= 0 or > MaxFrameMs || frame.TsMs < _segmenter.NowMs || frame.TsMs > MaxTimestampMs)
            {
                continue;
            }

            if (frame.TsMs > _segmenter.NowMs)
            {
                _segmenter.Observe(_segmenter.NowMs, frame.TsMs, voiced: false, power: 0, transitions);
            }

            var rms = double.IsFinite(frame.Energy) ? Math.Clamp(frame.Energy, 0, 1) : 0;
            var power = rms * rms;
            _lastLevelDb = PcmFormat.PowerToDb(power);
            _segmenter.Observe(frame.TsMs, frame.TsMs + frame.DurationMs, frame.IsSpeech, power, transitions);
            accepted++;
        }

        return accepted;
    }

    /// <summary>Ends the stream: an open utterance stops at its hangover or at the last frame's end.</summary>
    public void Complete(ICollection<VoiceActivityTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (!_completed)
        {
            _completed = true;
            _segmenter.Complete(transitions);
        }
    }
}
