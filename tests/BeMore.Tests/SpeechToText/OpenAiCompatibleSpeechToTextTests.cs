using System.Diagnostics;
using BeMore.Domain.Voice;
using BeMore.Domain.Voice.SpeechToText;
using Microsoft.Extensions.Options;

namespace BeMore.Tests.SpeechToText;

/// <summary>The OpenAI-compatible provider against a loopback server speaking that protocol.</summary>
public sealed class OpenAiCompatibleSpeechToTextTests : IAsyncLifetime
{
    private FakeTranscriptionServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTranscriptionServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Transcribe_SendsMultipartWithFileModelAndBearerKey_AndReadsTheText()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var provider = Provider(http, apiKey: "sk-test-key");
        var wav = await SpeechToTextAudio.WavAsync(durationMs: 500);

        var result = await provider.TranscribeAsync(wav, "en", CancellationToken.None);

        Assert.Equal("utterance 1", result.Text);
        Assert.Equal("en", result.Language);
        Assert.Equal(500, result.DurationMs);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Equal("Bearer sk-test-key", request.Authorization);
        Assert.Equal("whisper-test", request.Model);
        Assert.Equal("json", request.ResponseFormat);
        Assert.Equal("en", request.Language);
        Assert.Equal(wav, request.File);
    }

    [Fact]
    public async Task Transcribe_WithoutApiKeyOrLanguage_SendsNeither()
    {
        using var http = new HttpClient();
        var provider = Provider(http, apiKey: null);

        var result = await provider.TranscribeAsync(await SpeechToTextAudio.WavAsync(200), null, CancellationToken.None);

        Assert.Null(result.Language);
        var request = Assert.Single(_server.Requests);
        Assert.Null(request.Authorization);
        Assert.Null(request.Language);
    }

    [Fact]
    public async Task Transcribe_SlowerThanTheTimeout_FailsAsTimeoutPromptly()
    {
        _server.Behaviour = FakeBehaviour.Hang;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var provider = Provider(http, apiKey: null, timeout: TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SpeechToTextException>(async () => await provider.TranscribeAsync(await SpeechToTextAudio.WavAsync(200), null, CancellationToken.None));

        Assert.Equal(SpeechToTextFailure.Timeout, error.Reason);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Transcribe_ServerError_FailsAsProviderErrorNamingTheStatus()
    {
        _server.Behaviour = FakeBehaviour.Fail;
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<SpeechToTextException>(async () => await Provider(http, null).TranscribeAsync(await SpeechToTextAudio.WavAsync(200), null, CancellationToken.None));

        Assert.Equal(SpeechToTextFailure.ProviderError, error.Reason);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcribe_NobodyListening_FailsAsProviderError()
    {
        using var http = new HttpClient();
        var provider = new OpenAiCompatibleSpeechToText(http, Options.Create(new SpeechToTextOptions
        {
            Provider = SpeechToTextProvider.OpenAiCompatible,
            BaseUrl = new Uri($"http://127.0.0.1:{Infrastructure.FreePort.Next()}"),
        }));

        var error = await Assert.ThrowsAsync<SpeechToTextException>(async () => await provider.TranscribeAsync(await SpeechToTextAudio.WavAsync(200), null, CancellationToken.None));

        Assert.Equal(SpeechToTextFailure.ProviderError, error.Reason);
    }

    private OpenAiCompatibleSpeechToText Provider(HttpClient http, string? apiKey, TimeSpan? timeout = null) =>
        new(http, Options.Create(new SpeechToTextOptions
        {
            Provider = SpeechToTextProvider.OpenAiCompatible,
            BaseUrl = _server.BaseUrl,
            Model = "whisper-test",
            ApiKey = apiKey,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        }));
}

/// <summary>Small WAV files for the speech-to-text tests.</summary>
internal static class SpeechToTextAudio
{
    public static async Task<byte[]> WavAsync(int durationMs)
    {
        using var stream = new MemoryStream();
        await WavFile.WriteAsync(stream, new byte[PcmFormat.BytesForMs(durationMs)]);
        return stream.ToArray();
    }
}
