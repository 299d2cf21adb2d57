using System.Buffers.Binary;

namespace BeMore.Domain.Voice;

/// <summary>
/// Streaming voice-activity detection on PCM16 little-endian 16 kHz mono. Chunks may have any size (frames and even
/// samples may straddle chunks); only a partial frame is kept between calls, so memory is bounded and processing
/// allocates nothing per frame. Not thread-safe: one instance per audio stream.
/// </summary>
public sealed class VoiceActivityDetector
{
    private readonly VoiceActivityOptions _options;
    private readonly byte[] _partialFrame;
    private readonly NoiseFloorTracker _noiseFloor;
    private readonly UtteranceSegmenter _segmenter;
    private readonly double _levelSmoothing;
    private int _partialLength;
    private long _frames;
    private double _levelPower;
    private bool _completed;

    public VoiceActivityDetector(VoiceActivityOptions? options = null)
    {
        _options = options ?? new VoiceActivityOptions();
        _options.Validate();
        _partialFrame = new byte[_options.FrameBytes];
        _noiseFloor = new NoiseFloorTracker(_options);
        _segmenter = new UtteranceSegmenter(_options);
        _levelSmoothing = (double)_options.FrameMs / (_options.FrameMs + _options.LevelSmoothingMs);
    }

    public VoiceActivityOptions Options => _options;

    /// <summary>The detector's state at the end of the audio processed so far.</summary>
    public VoiceActivityState State => new(
        AudioMs: _frames * _options.FrameMs,
        IsSpeaking: _segmenter.IsSpeaking,
        UtteranceMs: _segmenter.UtteranceMs,
        PauseMs: _segmenter.PauseMs,
        LevelDb: PcmFormat.PowerToDb(_levelPower),
        NoiseFloorDb: _noiseFloor.FloorDb);

    /// <summary>Processes the next chunk of audio, adding any utterance start/stop to <paramref name="transitions"/>.</summary>
    public void Process(ReadOnlySpan<byte> pcm, ICollection<VoiceActivityTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (_completed)
        {
            throw new InvalidOperationException("The audio stream was completed; use a new detector for a new stream.");
        }

        var frameBytes = _partialFrame.Length;
        if (_partialLength > 0)
        {
            var take = Math.Min(frameBytes - _partialLength, pcm.Length);
            pcm[..take].CopyTo(_partialFrame.AsSpan(_partialLength));
            _partialLength += take;
            pcm = pcm[take..];
            if (_partialLength < frameBytes)
            {
                return;
            }

            ProcessFrame(_partialFrame, transitions);
            _partialLength = 0;
        }

        while (pcm.Length >= frameBytes)
        {
            ProcessFrame(pcm[..frameBytes], transitions);
            pcm = pcm[frameBytes..];
        }

        pcm.CopyTo(_partialFrame);
        _partialLength = pcm.Length;
    }

    /// <summary>
    /// Ends the stream: an open utterance is stopped at the end of the audio (a trailing partial frame is ignored).
    /// The detector accepts no more audio afterwards.
    /// </summary>
    public void Complete(ICollection<VoiceActivityTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (_completed)
        {
            return;
        }

        _completed = true;
        _segmenter.Complete(transitions);
    }

    private void ProcessFrame(ReadOnlySpan<byte> frame, ICollection<VoiceActivityTransition> transitions)
    {
        long sumOfSquares = 0;
        for (var i = 0; i < frame.Length; i += PcmFormat.BytesPerSample)
        {
            long sample = BinaryPrimitives.ReadInt16LittleEndian(frame[i..]);
            sumOfSquares += sample * sample;
        }

        const double FullScaleSquared = 32768.0 * 32768.0;
        var power = sumOfSquares / (double)_options.FrameSamples / FullScaleSquared;
        var levelDb = PcmFormat.PowerToDb(power);
        _levelPower += (power - _levelPower) * _levelSmoothing;

        // Decide against the floor before this frame joins it, so a loud frame cannot raise its own threshold.
        var floorDb = _noiseFloor.FloorDb;
        var voiced = floorDb is { } floor && levelDb >= Math.Max(floor + _options.MarginDb, _options.MinSpeechLevelDb);
        _noiseFloor.Observe(levelDb);

        var startMs = _frames * _options.FrameMs;
        _frames++;
        _segmenter.Observe(startMs, startMs + _options.FrameMs, voiced, power, transitions);
    }
}
