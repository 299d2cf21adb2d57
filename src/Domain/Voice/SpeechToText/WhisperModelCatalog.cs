namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>One official ggml Whisper model: its name (<c>base</c>, <c>small.en</c>...), its exact size and SHA-256.</summary>
public sealed record WhisperModelEntry(string Name, long SizeBytes, string Sha256)
{
    /// <summary>The file name in the whisper.cpp model repository, also used in the data folder.</summary>
    public string FileName => $"ggml-{Name}.bin";
}

/// <summary>
/// The models <see cref="WhisperModelFetcher"/> may download, each with the checksum the file must have before it is
/// loaded. A singleton in DI: production uses <see cref="Official"/>; a test registers its own table for a file it serves.
/// </summary>
public sealed class WhisperModelCatalog(IEnumerable<WhisperModelEntry> entries)
{
    private readonly Dictionary<string, WhisperModelEntry> _entries = entries.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The whisper.cpp project's ggml models on Hugging Face (ggerganov/whisper.cpp, branch main): sizes and SHA-256
    /// are the Git LFS object ids of those files. (The project's models/README.md lists SHA-1 values of the same files.)
    /// </summary>
    public static WhisperModelCatalog Official { get; } = new(
    [
        new("tiny", 77_691_713, "be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21"),
        new("tiny.en", 77_704_715, "921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f"),
        new("base", 147_951_465, "60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe"),
        new("base.en", 147_964_211, "a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002"),
        new("small", 487_601_967, "1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b"),
        new("small.en", 487_614_201, "c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d"),
        new("medium", 1_533_763_059, "6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208"),
        new("medium.en", 1_533_774_781, "cc37e93478338ec7700281a7ac30a10128929eb8f427dda2e865faa8f6da4356"),
    ]);

    public IEnumerable<string> Names => _entries.Keys;

    public WhisperModelEntry? Find(string? name) => name is not null && _entries.TryGetValue(name, out var entry) ? entry : null;
}
