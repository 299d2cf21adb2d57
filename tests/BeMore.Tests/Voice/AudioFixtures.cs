using System.Text.Json;
using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

internal sealed record FixtureUtterance(string Text, long StartMs, long EndMs)
{
    public long DurationMs => EndMs - StartMs;
}

internal sealed record AudioFixture(string File, long DurationMs, IReadOnlyList<FixtureUtterance> Utterances)
{
    public byte[] Pcm { get; init; } = [];

    public double SpeechRatio => Utterances.Sum(u => u.DurationMs) / (double)DurationMs;
}

/// <summary>The committed WAV fixtures and the boundaries make-fixtures.sh computed for them.</summary>
internal static class AudioFixtures
{
    public const string ThreeSentences = "three-sentences.wav";
    public const string NoiseOnly = "noise-only.wav";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Audio");

    public static async Task<AudioFixture> LoadAsync(string file)
    {
        await using var manifestStream = File.OpenRead(Path.Combine(Folder, "manifest.json"));
        var manifest = await JsonSerializer.DeserializeAsync<Manifest>(manifestStream, Json)
            ?? throw new InvalidOperationException("Empty fixture manifest.");
        var entry = manifest.Files.Single(f => f.File == file);

        await using var wav = File.OpenRead(Path.Combine(Folder, file));
        var audio = await WavFile.ReadAsync(wav, maxDataBytes: 10 * 1024 * 1024);
        return entry with { Pcm = audio.Pcm.ToArray() };
    }

    private sealed record Manifest(int SampleRate, IReadOnlyList<AudioFixture> Files);
}
