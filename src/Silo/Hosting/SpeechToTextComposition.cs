using BeMore.Domain.Voice.SpeechToText;
using BeMore.Grains.Voice.SpeechToText;
using Microsoft.Extensions.Options;

namespace BeMore.Silo.Hosting;

/// <summary>Speech-to-text: the provider chosen by <c>BeMore:Stt:Provider</c>, the utterance spool and the transcription worker.</summary>
public static class SpeechToTextComposition
{
    public static IServiceCollection AddSpeechToText(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeechToTextOptions>().BindConfiguration(SpeechToTextOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpeechToTextOptions>, SpeechToTextOptionsValidator>();
        services.AddSingleton<UtteranceSpool>();
        services.AddSingleton<TranscriptionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptionWorker>());

        var provider = configuration.GetSection(SpeechToTextOptions.SectionName).GetValue<SpeechToTextProvider?>(nameof(SpeechToTextOptions.Provider))
            ?? SpeechToTextProvider.None;
        switch (provider)
        {
            case SpeechToTextProvider.OpenAiCompatible:
                // The provider enforces BeMore:Stt:Timeout itself, so it can report a timeout as such.
                services.AddHttpClient<ISpeechToText, OpenAiCompatibleSpeechToText>(http => http.Timeout = Timeout.InfiniteTimeSpan);
                break;
            case SpeechToTextProvider.Whisper:
                services.AddSingleton<ISpeechToText, WhisperSpeechToText>();
                break;
            default:
                services.AddSingleton<ISpeechToText, DisabledSpeechToText>();
                break;
        }

        return services;
    }
}
