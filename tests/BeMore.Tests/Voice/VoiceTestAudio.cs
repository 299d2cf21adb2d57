using System.Buffers.Binary;
using BeMore.Grains.Voice;

namespace BeMore.Tests.Voice;

/// <summary>Synthetic PCM16 16 kHz audio built from tones, silence and seeded noise, with exactly known boundaries.</summary>
internal sealed class VoiceTestAudio
{
    private readonly List<byte> _pcm = [];
    private readonly Random _noise;
    private readonly double _noiseAmplitude;

    /// <param name="noiseDbfs">Level of the background noise mixed into everything; null for digital silence.</param>
    public VoiceTestAudio(double? noiseDbfs = -60, int seed = 1)
    {
        _noise = new Random(seed);

        // Uniform noise in [-a, a] has RMS a / sqrt(3).
        _noiseAmplitude = noiseDbfs is { } db ? Math.Pow(10, db / 20) * Math.Sqrt(3) : 0;
    }

    public long DurationMs => PcmFormat.MsForBytes(_pcm.Count);

    public VoiceTestAudio Silence(int ms) => Append(ms, toneDbfs: null);

    /// <summary>A 220 Hz tone at the given RMS level, standing in for a voiced stretch.</summary>
    public VoiceTestAudio Tone(int ms, double toneDbfs = -20) => Append(ms, toneDbfs);

    public byte[] ToArray() => [.. _pcm];

    private VoiceTestAudio Append(int ms, double? toneDbfs)
    {
        var samples = (int)(PcmFormat.SampleRate * (long)ms / 1000);
        var toneAmplitude = toneDbfs is { } db ? Math.Pow(10, db / 20) * Math.Sqrt(2) : 0;
        var offset = _pcm.Count / PcmFormat.BytesPerSample;
        Span<byte> bytes = stackalloc byte[2];
        for (var i = 0; i < samples; i++)
        {
            var t = (offset + i) / (double)PcmFormat.SampleRate;
            var value = (toneAmplitude * Math.Sin(2 * Math.PI * 220 * t)) + (_noiseAmplitude * ((_noise.NextDouble() * 2) - 1));
            BinaryPrimitives.WriteInt16LittleEndian(bytes, (short)Math.Clamp(Math.Round(value * 32767), short.MinValue, short.MaxValue));
            _pcm.Add(bytes[0]);
            _pcm.Add(bytes[1]);
        }

        return this;
    }
}

internal static class Vad
{
    /// <summary>Runs the whole buffer through a new detector and returns every transition, completing the stream.</summary>
    public static List<VoiceActivityTransition> Run(byte[] pcm, VoiceActivityOptions? options = null)
    {
        var detector = new VoiceActivityDetector(options);
        var transitions = new List<VoiceActivityTransition>();
        detector.Process(pcm, transitions);
        detector.Complete(transitions);
        return transitions;
    }

    /// <summary>Completed utterances as (start, end) pairs.</summary>
    public static List<(long StartMs, long EndMs)> Utterances(IEnumerable<VoiceActivityTransition> transitions) =>
        transitions.Where(t => !t.IsStart).Select(t => (t.StartMs, t.EndMs!.Value)).ToList();
}
