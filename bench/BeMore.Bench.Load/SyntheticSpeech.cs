namespace BeMore.Bench.Load;

/// <summary>
/// Ten seconds of 16 kHz mono PCM16 that a voice-activity detector sees as speech and pauses: 1.5 s of a voiced,
/// syllable-modulated tone, then 1 s of faint noise, repeated; cut into 250 ms chunks (8,000 bytes).
/// </summary>
public static class SyntheticSpeech
{
    public const int SampleRate = 16_000;
    public const int ChunkMs = 250;
    public const int ChunkBytes = SampleRate * 2 * ChunkMs / 1000;

    private static readonly Lazy<byte[][]> Cached = new(Build);

    public static byte[][] Chunks() => Cached.Value;

    private static byte[][] Build()
    {
        const int seconds = 10;
        var random = new Random(7);
        var samples = new short[SampleRate * seconds];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / SampleRate;
            var speaking = t % 2.5 < 1.5;
            var noise = (random.NextDouble() - 0.5) * 60;
            var voice = speaking
                ? 6000 * (0.6 + (0.4 * Math.Sin(2 * Math.PI * 4 * t))) *
                  (Math.Sin(2 * Math.PI * 150 * t) + (0.5 * Math.Sin(2 * Math.PI * 300 * t)) + (0.25 * Math.Sin(2 * Math.PI * 450 * t)))
                : 0;
            samples[i] = (short)Math.Clamp(voice + noise, short.MinValue, short.MaxValue);
        }

        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return bytes.Chunk(ChunkBytes).ToArray();
    }
}
