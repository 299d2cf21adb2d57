using System.Buffers.Binary;
using System.Numerics.Tensors;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Domain.Voice;

/// <summary>
/// Measures pitch and loudness of voiced speech in a PCM16 16 kHz mono stream, for voice emotion. Pitch is found by
/// normalized autocorrelation on a 4 kHz copy of the signal (enough for a voice's fundamental, 70-400 Hz, at a quarter
/// of the cost), in 40 ms frames; only frames that are both loud enough and clearly periodic count as voiced.
/// <see cref="TakeUtterance"/> closes the utterance at a speech stop and starts the next. Chunks may split samples.
/// Not thread-safe: one instance per audio stream.
/// </summary>
public sealed class ProsodyTracker
{
    private const int Decimation = 4;
    private const int DecimatedRate = PcmFormat.SampleRate / Decimation;
    private const int FrameSamples = DecimatedRate * FrameMs / 1000;
    private const int FrameMs = 40;
    private const int MinLag = DecimatedRate / 400;
    private const int MaxLag = DecimatedRate / 70;
    private const double ReferenceHz = 55;

    /// <summary>Quieter frames are not examined: room noise and breath, not voice.</summary>
    private const double MinVoicedDb = -50;

    /// <summary>How alike a frame must be to itself one period later to count as voiced.</summary>
    private const double MinPeriodicity = 0.6;

    /// <summary>An utterance with less voiced speech than this says too little about its pitch.</summary>
    private const long MinVoicedMs = 240;

    private readonly byte[] _partialGroup = new byte[Decimation * PcmFormat.BytesPerSample];
    private readonly float[] _frame = new float[FrameSamples];
    private readonly double[] _energyBefore = new double[FrameSamples + 1];
    private int _partialLength;
    private int _frameLength;
    private int _voicedFrames;
    private double _pitchSum;
    private double _pitchSquares;
    private double _levelSum;

    /// <summary>A pitch in semitones above the reference (as <see cref="ProsodySample"/> holds it), in Hz.</summary>
    public static double ToHz(double semitones) => ReferenceHz * Math.Pow(2, semitones / 12);

    /// <summary>Adds the next chunk of the stream.</summary>
    public void Process(ReadOnlySpan<byte> pcm)
    {
        if (_partialLength > 0)
        {
            var take = Math.Min(_partialGroup.Length - _partialLength, pcm.Length);
            pcm[..take].CopyTo(_partialGroup.AsSpan(_partialLength));
            _partialLength += take;
            pcm = pcm[take..];
            if (_partialLength < _partialGroup.Length)
            {
                return;
            }

            AddGroup(_partialGroup);
            _partialLength = 0;
        }

        var whole = pcm.Length - (pcm.Length % _partialGroup.Length);
        for (var offset = 0; offset < whole; offset += _partialGroup.Length)
        {
            AddGroup(pcm.Slice(offset, _partialGroup.Length));
        }

        pcm[whole..].CopyTo(_partialGroup);
        _partialLength = pcm.Length - whole;
    }

    /// <summary>The prosody of the voiced frames since the last call (null when too little was voiced), and a fresh start.</summary>
    public ProsodySample? TakeUtterance()
    {
        var voicedMs = (long)_voicedFrames * FrameMs;
        ProsodySample? sample = null;
        if (voicedMs >= MinVoicedMs)
        {
            var mean = _pitchSum / _voicedFrames;
            var spread = Math.Sqrt(Math.Max(0, (_pitchSquares / _voicedFrames) - (mean * mean)));
            sample = new ProsodySample(Math.Round(mean, 2), Math.Round(spread, 2), Math.Round(_levelSum / _voicedFrames, 1), voicedMs);
        }

        _voicedFrames = 0;
        _pitchSum = _pitchSquares = _levelSum = 0;
        return sample;
    }

    /// <summary>Averages four samples into one (a crude low-pass before decimation, enough below 1 kHz).</summary>
    private void AddGroup(ReadOnlySpan<byte> group)
    {
        var sum = 0;
        for (var i = 0; i < group.Length; i += PcmFormat.BytesPerSample)
        {
            sum += BinaryPrimitives.ReadInt16LittleEndian(group[i..]);
        }

        _frame[_frameLength++] = sum / (Decimation * 32768f);
        if (_frameLength == FrameSamples)
        {
            AnalyzeFrame();
            _frameLength = 0;
        }
    }

    private void AnalyzeFrame()
    {
        var frame = _frame.AsSpan();
        TensorPrimitives.Subtract(frame, TensorPrimitives.Sum<float>(frame) / frame.Length, frame);
        for (var i = 0; i < frame.Length; i++)
        {
            _energyBefore[i + 1] = _energyBefore[i] + (frame[i] * frame[i]);
        }

        var levelDb = PcmFormat.PowerToDb(_energyBefore[^1] / frame.Length);
        if (levelDb < MinVoicedDb || Pitch(frame, _energyBefore) is not { } hz)
        {
            return;
        }

        var semitones = 12 * Math.Log2(hz / ReferenceHz);
        _voicedFrames++;
        _pitchSum += semitones;
        _pitchSquares += semitones * semitones;
        _levelSum += levelDb;
    }

    /// <summary>
    /// The fundamental frequency, or null for an aperiodic frame. Takes the shortest lag whose correlation is close to
    /// the best one, so a frame is not read an octave low (every multiple of the period correlates too).
    /// <paramref name="energyBefore"/>[i] is the energy of the first i samples, so each lag's two overlapping
    /// stretches cost nothing to normalize.
    /// </summary>
    private static double? Pitch(ReadOnlySpan<float> frame, ReadOnlySpan<double> energyBefore)
    {
        Span<double> correlation = stackalloc double[MaxLag + 2];
        var best = 0.0;
        for (var lag = MinLag - 1; lag <= MaxLag + 1; lag++)
        {
            var overlap = frame.Length - lag;
            double product = TensorPrimitives.Dot(frame[..overlap], frame[lag..]);
            var head = energyBefore[overlap];
            var tail = energyBefore[frame.Length] - energyBefore[lag];
            correlation[lag] = head > 0 && tail > 0 ? product / Math.Sqrt(head * tail) : 0;
            if (lag is >= MinLag and <= MaxLag)
            {
                best = Math.Max(best, correlation[lag]);
            }
        }

        if (best < MinPeriodicity)
        {
            return null;
        }

        for (var lag = MinLag; lag <= MaxLag; lag++)
        {
            if (correlation[lag] >= 0.9 * best && correlation[lag] >= correlation[lag - 1] && correlation[lag] >= correlation[lag + 1])
            {
                // A parabola through the peak and its neighbours places the period between whole samples.
                var (left, centre, right) = (correlation[lag - 1], correlation[lag], correlation[lag + 1]);
                var curvature = left - (2 * centre) + right;
                var shift = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
                return DecimatedRate / (lag + Math.Clamp(shift, -0.5, 0.5));
            }
        }

        return null;
    }
}
