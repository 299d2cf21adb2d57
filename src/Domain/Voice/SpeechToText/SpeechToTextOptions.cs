using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Voice.SpeechToText;

public enum SpeechToTextProvider
{
    /// <summary>No server-side speech-to-text: transcripts come from clients.</summary>
    None,

    /// <summary>POST to <c>{BaseUrl}/v1/audio/transcriptions</c> (OpenAI, or a self-hosted Whisper server speaking that protocol).</summary>
    OpenAiCompatible,

    /// <summary>In-process Whisper.net with a ggml model file the operator supplies, or one downloaded and verified at start-up.</summary>
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
    /// <summary>The official download location; <c>ggml-{Model}.bin</c> is appended.</summary>
    public static readonly Uri OfficialModelBaseUrl = new("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/");

    /// <summary>Path of a ggml Whisper model file (e.g. ggml-base.bin). Unset: <see cref="Model"/> is downloaded into the data folder.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Without <see cref="ModelPath"/>: the official model to download and verify (a name of <see cref="WhisperModelCatalog"/>).</summary>
    public string Model { get; set; } = "base";

    /// <summary>Where <see cref="Model"/> is downloaded from (a mirror, or a loopback server in the tests).</summary>
    public Uri ModelBaseUrl { get; set; } = OfficialModelBaseUrl;

    /// <summary>Longest wait for the download server to answer or send its next bytes; past it start-up fails (a partial file is kept and resumed).</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The rules between settings that annotations cannot say, with messages naming the setting to fix.</summary>
public sealed class SpeechToTextOptionsValidator(WhisperModelCatalog catalog) : IValidateOptions<SpeechToTextOptions>
{
    private const string Whisper = SpeechToTextOptions.SectionName + ":Whisper";

    public ValidateOptionsResult Validate(string? name, SpeechToTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var whisper = options.Whisper;
        return options.Provider switch
        {
            SpeechToTextProvider.OpenAiCompatible when !IsHttpUrl(options.BaseUrl) =>
                ValidateOptionsResult.Fail($"{SpeechToTextOptions.SectionName}:BaseUrl must be an absolute http(s) URL when {SpeechToTextOptions.SectionName}:Provider is OpenAiCompatible."),
            SpeechToTextProvider.Whisper when !string.IsNullOrWhiteSpace(whisper.ModelPath) && !File.Exists(whisper.ModelPath) =>
                ValidateOptionsResult.Fail($"{Whisper}:ModelPath: the Whisper model file '{whisper.ModelPath}' does not exist. Download a ggml model (e.g. ggml-base.bin) and point the setting at it, or leave it unset to have {Whisper}:Model downloaded."),
            SpeechToTextProvider.Whisper when !string.IsNullOrWhiteSpace(whisper.ModelPath) => ValidateOptionsResult.Success,
            SpeechToTextProvider.Whisper when catalog.Find(whisper.Model) is null =>
                ValidateOptionsResult.Fail($"{Whisper}:Model '{whisper.Model}' is not a model this server can download and verify ({string.Join(", ", catalog.Names)}); set {Whisper}:ModelPath to use another ggml file."),
            SpeechToTextProvider.Whisper when !IsHttpUrl(whisper.ModelBaseUrl) || !string.IsNullOrEmpty(whisper.ModelBaseUrl.UserInfo) =>
                ValidateOptionsResult.Fail($"{Whisper}:ModelBaseUrl must be an absolute http(s) URL without credentials (it is logged)."),
            SpeechToTextProvider.Whisper when whisper.DownloadTimeout < TimeSpan.FromSeconds(1) || whisper.DownloadTimeout > TimeSpan.FromMinutes(10) =>
                ValidateOptionsResult.Fail($"{Whisper}:DownloadTimeout must be between 00:00:01 and 00:10:00."),
            _ => ValidateOptionsResult.Success,
        };
    }

    private static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
