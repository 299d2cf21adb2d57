using BeMore.Domain.Voice.SpeechToText;

namespace BeMore.Tests.SpeechToText;

/// <summary>The start-up checks of <c>BeMore:Stt:Whisper</c> when the model is to be downloaded.</summary>
public sealed class WhisperSettingsValidationTests
{
    private readonly SpeechToTextOptionsValidator _validator = new(WhisperModelCatalog.Official);

    [Fact]
    public void Validate_DefaultsWithoutModelPath_Succeed() => Assert.True(_validator.Validate(null, Whisper()).Succeeded);

    [Fact]
    public void Validate_ModelNotInTheTable_FailsNamingTheSettingAndTheKnownModels()
    {
        var options = Whisper();
        options.Whisper.Model = "large-v9";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("BeMore:Stt:Whisper:Model 'large-v9'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("small.en", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://mirror.example/models/")]
    [InlineData("https://user:secret@mirror.example/models/")]
    public void Validate_ModelBaseUrlNotPlainHttp_FailsNamingTheSetting(string url)
    {
        var options = Whisper();
        options.Whisper.ModelBaseUrl = new Uri(url);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("BeMore:Stt:Whisper:ModelBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DownloadTimeoutOutOfRange_FailsNamingTheSetting()
    {
        var options = Whisper();
        options.Whisper.DownloadTimeout = TimeSpan.Zero;

        Assert.Contains("BeMore:Stt:Whisper:DownloadTimeout", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    private static SpeechToTextOptions Whisper() => new() { Provider = SpeechToTextProvider.Whisper };
}
