using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.SpeechToText;

/// <summary>POST /api/stt/transcribe with the OpenAI-compatible provider pointed at the loopback fake.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class TranscribeRouteTests(SpeechToTextWebFactory factory) : IClassFixture<SpeechToTextWebFactory>
{
    [Fact]
    public async Task Transcribe_Wav_AnswersTheProvidersText()
    {
        factory.Transcriber.Behaviour = FakeBehaviour.Numbered;
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();

        using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, await SpeechToTextAudio.WavAsync(750), language: "en");
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("utterance ", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("en", body.RootElement.GetProperty("language").GetString());
        Assert.Equal(750, body.RootElement.GetProperty("durationMs").GetInt64());
        Assert.Contains(factory.Transcriber.Requests, request => request.Authorization == "Bearer sk-e2e");
    }

    [Fact]
    public async Task SttStatus_WithAProvider_SaysAvailable()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();

        using var response = await http.SendAsync(HttpMethod.Get, "/api/stt/status", user.AccessToken);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Transcribe_Oversized_Is413PayloadTooLarge()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var tooLong = await SpeechToTextAudio.WavAsync((int)(SpeechToTextWebFactory.MaxUploadBytes / 32) + 100);

        using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, tooLong);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", body.Code());
    }

    [Fact]
    public async Task Transcribe_NotAWav_Is400ValidationErrorOnAudio()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();

        using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, "this is not audio at all, just text"u8.ToArray());
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("audio", out _));
    }

    [Fact]
    public async Task Transcribe_ProviderFails_Is502SttFailed()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        factory.Transcriber.Behaviour = FakeBehaviour.Fail;
        try
        {
            using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, await SpeechToTextAudio.WavAsync(300));
            using var body = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("STT_FAILED", body.Code());
        }
        finally
        {
            factory.Transcriber.Behaviour = FakeBehaviour.Numbered;
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheRouteAsMultipart()
    {
        using var document = await factory.CreateApiClient().GetFromJsonAsync<JsonDocument>("/openapi/v1.json");

        var post = document!.RootElement.GetProperty("paths").GetProperty("/api/stt/transcribe").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }

    [Fact]
    public async Task Transcribe_WithoutToken_Is401()
    {
        using var response = await TranscribeRoute.PostAsync(factory.CreateApiClient(), token: null, await SpeechToTextAudio.WavAsync(300));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>With the default provider (None) the route says speech-to-text is not configured.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class TranscribeRouteWithoutProviderTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task Transcribe_ProviderNone_Is501SttNotConfigured()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();

        using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, await SpeechToTextAudio.WavAsync(300));
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("STT_NOT_CONFIGURED", body.Code());
    }
}

/// <summary>Provider=Whisper: a missing model file, or a model that cannot be fetched, stops start-up naming the setting; a fetched one is used.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class WhisperConfigurationTests
{
    [Fact]
    public async Task Start_WhisperModelMissing_FailsNamingTheSetting()
    {
        await using var factory = new MissingWhisperModelWebFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("BeMore:Stt:Whisper:ModelPath", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(factory.ModelPath, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhisperWithoutModelPath_DownloadsTheVerifiedModelIntoTheDataFolderAndLoadsIt()
    {
        await using var models = await ModelFileServer.StartAsync();
        await using var factory = new DownloadingWhisperWebFactory(models);
        var http = factory.CreateApiClient();

        Assert.Equal(models.Content, await File.ReadAllBytesAsync(factory.ModelFile));
        var user = await http.SignUpAsync();
        using var response = await TranscribeRoute.PostAsync(http, user.AccessToken, await SpeechToTextAudio.WavAsync(300));
        using var body = await response.ReadJsonAsync();

        // The real loader read the downloaded file, and random bytes are no ggml model.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("STT_FAILED", body.Code());
    }

    [Fact]
    public async Task Start_WhisperModelUnreachable_FailsNamingTheSettings()
    {
        await using var factory = new UnreachableWhisperModelWebFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("BeMore:Stt:Whisper:ModelPath", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("BeMore:Stt:Whisper:Model ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(factory.ModelBaseUrl.ToString(), error.ToString(), StringComparison.Ordinal);
    }
}

internal static class TranscribeRoute
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string? token, byte[] audio, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stt/transcribe");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent { { file, "audio", "speech.wav" } };
        if (language is not null)
        {
            form.Add(new StringContent(language), "language");
        }

        request.Content = form;
        return await http.SendAsync(request);
    }
}
