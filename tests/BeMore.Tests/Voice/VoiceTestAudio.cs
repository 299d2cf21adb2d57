using System.Buffers.Binary;
using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

/// <summary>Synthetic PCM16 16 kHz audio built from tones, silence and seeded noise, with exactly known boundaries.</summary>
internal sealed class VoiceTestAudio
{
    private readonly List<byte> _pcm = [];
    private readonly Random _noise;
    private readonly double _noiseAmplitude;
    private double _phase;

    /// <param name="noiseDbfs">Level of the background noise mixed into everything; null for digital silence.</param>
    public VoiceTestAudio(double? noiseDbfs = -60, int seed = 1)
    {
        _noise = new Random(seed);

        // Uniform noise in [-a, a] has RMS a / sqrt(3).
        _noiseAmplitude = noiseDbfs is { } db ? Math.Pow(10, db / 20) * Math.Sqrt(3) : 0;
    }

    public long DurationMs => PcmFormat.MsForBytes(_pcm.Count);

    public VoiceTestAudio Silence(int ms) => Append(ms, toneDbfs: null, 0, 0, harmonics: 0);

    /// <summary>A 220 Hz tone at the given RMS level, standing in for a voiced stretch.</summary>
    public VoiceTestAudio Tone(int ms, double toneDbfs = -20) => Append(ms, toneDbfs, 220, 220, harmonics: 1);

    /// <summary>
    /// A vowel-like voiced stretch: a fundamental gliding from <paramref name="fromHz"/> to <paramref name="toHz"/>
    /// with five harmonics falling off as 1/k, at about the given RMS level.
    /// </summary>
    public VoiceTestAudio Voice(int ms, double fromHz, double toHz, double dbfs = -20) => Append(ms, dbfs, fromHz, toHz, harmonics: 5);

    public byte[] ToArray() => [.. _pcm];

    private VoiceTestAudio Append(int ms, double? toneDbfs, double fromHz, double toHz, int harmonics)
    {
        var samples = (int)(PcmFormat.SampleRate * (long)ms / 1000);
        // Harmonic k has amplitude 1/k; the sum of their squares sets the RMS, so the level holds for any count.
        var power = Enumerable.Range(1, Math.Max(1, harmonics)).Sum(k => 1.0 / (k * k));
        var toneAmplitude = toneDbfs is { } db ? Math.Pow(10, db / 20) * Math.Sqrt(2 / power) : 0;
        Span<byte> bytes = stackalloc byte[2];
        for (var i = 0; i < samples; i++)
        {
            _phase += 2 * Math.PI * (fromHz + ((toHz - fromHz) * i / samples)) / PcmFormat.SampleRate;
            var voiced = 0.0;
            for (var k = 1; k <= harmonics; k++)
            {
                voiced += Math.Sin(k * _phase) / k;
            }

            var value = (toneAmplitude * voiced) + (_noiseAmplitude * ((_noise.NextDouble() * 2) - 1));
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
