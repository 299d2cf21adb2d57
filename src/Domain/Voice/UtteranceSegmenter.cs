namespace BeMore.Domain.Voice;

/// <summary>
/// The utterance rules shared by server-side and client-sent voice activity: a stretch of voiced/unvoiced spans
/// becomes utterances with a minimum length, a minimum pause and a hangover. Spans arrive in time order.
/// </summary>
internal sealed class UtteranceSegmenter
{
    private readonly int _minUtteranceMs;
    private readonly int _minPauseMs;
    private readonly int _hangoverMs;

    private bool _speaking;
    private bool _pending;
    private long _startMs;
    private long _voicedMs;
    private long _lastVoicedEndMs;
    private double _voicedPowerMs;
    private long _lastUtteranceEndMs;

    public UtteranceSegmenter(VoiceActivityOptions options)
    {
        _minUtteranceMs = options.MinUtteranceMs;
        _minPauseMs = options.MinPauseMs;
        _hangoverMs = options.HangoverMs;
    }

    public long NowMs { get; private set; }

    public bool IsSpeaking => _speaking;

    public long UtteranceMs => _speaking ? NowMs - _startMs : 0;

    public long PauseMs => _speaking ? 0 : NowMs - _lastUtteranceEndMs;

    /// <summary>Feeds the span [startMs, endMs); <paramref name="power"/> is its mean square relative to full scale.</summary>
    public void Observe(long startMs, long endMs, bool voiced, double power, ICollection<VoiceActivityTransition> transitions)
    {
        NowMs = endMs;
        if (voiced)
        {
            if (!_speaking && !_pending)
            {
                _pending = true;
                _startMs = startMs;
                _voicedMs = 0;
                _voicedPowerMs = 0;
            }

            var spanMs = endMs - startMs;
            _voicedMs += spanMs;
            _voicedPowerMs += power * spanMs;
            _lastVoicedEndMs = endMs;
            if (_pending && _voicedMs >= _minUtteranceMs)
            {
                _pending = false;
                _speaking = true;
                transitions.Add(new VoiceActivityTransition(VoiceActivityTransitionKind.SpeechStarted, endMs, _startMs, null, MeanLevelDb()));
            }

            return;
        }

        if (endMs - _lastVoicedEndMs < _minPauseMs)
        {
            return;
        }

        // The pause is long enough: a pending burst is dropped, an utterance ends (padded by the hangover).
        _pending = false;
        if (_speaking)
        {
            Stop(_lastVoicedEndMs + _hangoverMs, transitions);
        }
    }

    /// <summary>Ends the stream: an open utterance stops at its hangover or at the end of the audio, whichever is first.</summary>
    public void Complete(ICollection<VoiceActivityTransition> transitions)
    {
        _pending = false;
        if (_speaking)
        {
            Stop(Math.Min(_lastVoicedEndMs + _hangoverMs, NowMs), transitions);
        }
    }

    private void Stop(long endMs, ICollection<VoiceActivityTransition> transitions)
    {
        _speaking = false;
        _lastUtteranceEndMs = endMs;
        transitions.Add(new VoiceActivityTransition(VoiceActivityTransitionKind.SpeechStopped, NowMs, _startMs, endMs, MeanLevelDb()));
    }

    private double MeanLevelDb() => PcmFormat.PowerToDb(_voicedMs > 0 ? _voicedPowerMs / _voicedMs : 0);
}
