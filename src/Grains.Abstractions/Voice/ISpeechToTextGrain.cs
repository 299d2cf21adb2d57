namespace BeMore.Grains.Abstractions.Voice;

/// <summary>What the configured speech-to-text provider heard in one WAV file.</summary>
[GenerateSerializer, Immutable, Alias("bemore.TranscriptionResult")]
public sealed record TranscriptionResult(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Language,
    [property: Id(2)] long DurationMs);

/// <summary>
/// The configured speech-to-text provider as a service for the web tier (a stateless worker: it holds nothing, any
/// node can answer). Throws <see cref="Errors.SpeechToTextNotConfiguredException"/> when the provider is None,
/// <see cref="Errors.InvalidAudioException"/> for a WAV it cannot accept and
/// <see cref="Errors.SpeechToTextFailedException"/> when the provider times out or fails.
/// </summary>
[Alias("bemore.ISpeechToTextGrain")]
public interface ISpeechToTextGrain : IGrainWithIntegerKey
{
    /// <summary><paramref name="language"/> is a hint ("ko", "en") or null to let the provider detect it.</summary>
    [Alias("Transcribe"), ResponseTimeout("00:05:00")]
    Task<TranscriptionResult> TranscribeAsync([Immutable] byte[] wav, string? language);
}
