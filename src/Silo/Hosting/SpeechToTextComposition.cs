using BeMore.Domain.Voice.SpeechToText;
using BeMore.Grains.Voice.SpeechToText;
using Microsoft.Extensions.Options;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Speech-to-text: the provider chosen by <c>BeMore:Stt:Provider</c> (Whisper with its model fetched and verified at
/// start-up), the utterance spool and the transcription worker.
/// </summary>
public static class SpeechToTextComposition
{
    public static IServiceCollection AddSpeechToText(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeechToTextOptions>().BindConfiguration(SpeechToTextOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpeechToTextOptions>, SpeechToTextOptionsValidator>();
        services.AddSingleton(WhisperModelCatalog.Official);
        services.AddSingleton<UtteranceSpool>();
        var provider = configuration.GetSection(SpeechToTextOptions.SectionName).GetValue<SpeechToTextProvider?>(nameof(SpeechToTextOptions.Provider))
            ?? SpeechToTextProvider.None;
        switch (provider)
        {
            case SpeechToTextProvider.OpenAiCompatible:
                // The provider enforces BeMore:Stt:Timeout itself, so it can report a timeout as such.
                services.AddHttpClient<ISpeechToText, OpenAiCompatibleSpeechToText>(http => http.Timeout = Timeout.InfiniteTimeSpan);
                break;
            case SpeechToTextProvider.Whisper:
                services.AddSingleton<WhisperSpeechToText>();
                services.AddSingleton<ISpeechToText>(provider => provider.GetRequiredService<WhisperSpeechToText>());
                services.AddSingleton(provider => new WhisperModelFolder(
                    Path.Combine(Path.GetFullPath(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory), "models")));
                // Per-read stall timeout (Whisper:DownloadTimeout) instead of one for the whole download.
                services.AddHttpClient<WhisperModelFetcher>(http => http.Timeout = Timeout.InfiniteTimeSpan);
                services.AddHostedService<WhisperModelStartup>();
                break;
            default:
                services.AddSingleton<ISpeechToText, DisabledSpeechToText>();
                break;
        }

        // After the model's start-up, so no utterance reaches a provider whose model is not ready.
        services.AddSingleton<TranscriptionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptionWorker>());

        return services;
    }
}
