using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Voice.SpeechToText;

public enum SpeechToTextProvider
{
    /// <summary>No server-side speech-to-text: transcripts come from clients.</summary>
    None,

    /// <summary>POST to <c>{BaseUrl}/v1/audio/transcriptions</c> (OpenAI, or a self-hosted Whisper server speaking that protocol).</summary>
    OpenAiCompatible,

    /// <summary>In-process Whisper.net with a ggml model file the operator supplies.</summary>
    Whisper,
}

/// <summary>Speech-to-text settings (<c>BeMore:Stt</c>), validated at start-up.</summary>
public sealed class SpeechToTextOptions
{
    public const string SectionName = "BeMore:Stt";

    public SpeechToTextProvider Provider { get; set; } = SpeechToTextProvider.None;

    /// <summary>OpenAiCompatible: the server root, e.g. <c>https://api.openai.com</c>; <c>/v1/audio/transcriptions</c> is appended.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>OpenAiCompatible: the <c>model</c> form field.</summary>
    [Required]
    public string Model { get; set; } = "whisper-1";

    /// <summary>OpenAiCompatible: sent as <c>Authorization: Bearer</c> when set (self-hosted servers often need none).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for one transcription; a provider that takes longer counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:04:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Utterances waiting for transcription per session; when full the oldest is dropped and recorded.</summary>
    [Range(1, 1000)]
    public int MaxQueuedUtterances { get; set; } = 8;

    /// <summary>Transcriptions running at once on this node, across sessions (one at a time per session, in order).</summary>
    [Range(1, 64)]
    public int MaxConcurrentTranscriptions { get; set; } = 2;

    /// <summary>Largest WAV accepted by <c>POST /api/stt/transcribe</c>.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Root of the per-session utterance files; default <c>{temp}/bemore-audio</c>. Emptied at start-up.</summary>
    public string? TempDirectory { get; set; }

    public WhisperSettings Whisper { get; set; } = new();

    public string TempRoot => Path.GetFullPath(string.IsNullOrWhiteSpace(TempDirectory) ? Path.Combine(Path.GetTempPath(), "bemore-audio") : TempDirectory);
}

public sealed class WhisperSettings
{
    /// <summary>Path of a ggml Whisper model file (e.g. ggml-base.bin).</summary>
    public string? ModelPath { get; set; }
}

/// <summary>The rules between settings that annotations cannot say, with messages naming the setting to fix.</summary>
public sealed class SpeechToTextOptionsValidator : IValidateOptions<SpeechToTextOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechToTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            SpeechToTextProvider.OpenAiCompatible when options.BaseUrl is not { IsAbsoluteUri: true } || (options.BaseUrl.Scheme != Uri.UriSchemeHttp && options.BaseUrl.Scheme != Uri.UriSchemeHttps) =>
                ValidateOptionsResult.Fail($"{SpeechToTextOptions.SectionName}:BaseUrl must be an absolute http(s) URL when {SpeechToTextOptions.SectionName}:Provider is OpenAiCompatible."),
            SpeechToTextProvider.Whisper when string.IsNullOrWhiteSpace(options.Whisper.ModelPath) =>
                ValidateOptionsResult.Fail($"{SpeechToTextOptions.SectionName}:Whisper:ModelPath must name a ggml Whisper model file when {SpeechToTextOptions.SectionName}:Provider is Whisper."),
            SpeechToTextProvider.Whisper when !File.Exists(options.Whisper.ModelPath) =>
                ValidateOptionsResult.Fail($"{SpeechToTextOptions.SectionName}:Whisper:ModelPath: the Whisper model file '{options.Whisper.ModelPath}' does not exist. Download a ggml model (e.g. ggml-base.bin) and point the setting at it."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
