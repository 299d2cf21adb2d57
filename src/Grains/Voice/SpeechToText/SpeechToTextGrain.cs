using BeMore.Domain.Voice;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Voice;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace BeMore.Grains.Voice.SpeechToText;

/// <summary>
/// One-off transcription for <c>POST /api/stt/transcribe</c>. Reentrant: it holds nothing, and a turn mostly waits
/// on the provider, so one activation serves many calls.
/// </summary>
[GrainType("speech-to-text"), StatelessWorker, Reentrant]
public sealed class SpeechToTextGrain(ISpeechToText speechToText, IOptions<SpeechToTextOptions> options) : Grain, ISpeechToTextGrain
{
    private readonly SpeechToTextOptions _options = options.Value;

    public async Task<TranscriptionResult> TranscribeAsync(byte[] wav, string? language)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (_options.Provider == SpeechToTextProvider.None)
        {
            throw new SpeechToTextNotConfiguredException();
        }

        try
        {
            using var stream = new MemoryStream(wav, writable: false);
            await WavFile.ReadAsync(stream, _options.MaxUploadBytes);
        }
        catch (WavFormatException ex)
        {
            throw new InvalidAudioException(ex.Message, tooLarge: ex.Error == WavFormatError.TooLarge);
        }

        try
        {
            var result = await speechToText.TranscribeAsync(wav, language, CancellationToken.None);
            return new TranscriptionResult(result.Text, result.Language, result.DurationMs);
        }
        catch (SpeechToTextException ex)
        {
            throw new SpeechToTextFailedException(ex.Message);
        }
    }
}
