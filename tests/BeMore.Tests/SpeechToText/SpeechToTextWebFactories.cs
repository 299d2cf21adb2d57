using System.Globalization;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.SpeechToText;

/// <summary>
/// The server with Provider=OpenAiCompatible pointed at a loopback fake, its own utterance temp folder, a small
/// upload limit and an audio budget large enough to stream a recording faster than real time.
/// </summary>
public sealed class SpeechToTextWebFactory : BeMoreWebFactory, IAsyncLifetime
{
    public const int MaxUploadBytes = 64 * 1024;

    private readonly TestFolder _tempFolder = new("stt");
    private FakeTranscriptionServer? _transcriber;

    public FakeTranscriptionServer Transcriber => _transcriber ?? throw new InvalidOperationException("The fake server starts in InitializeAsync.");

    public string TempDirectory => _tempFolder.Path;

    public async Task InitializeAsync() => _transcriber = await FakeTranscriptionServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Transcriber.DisposeAsync();
        _tempFolder.Dispose();
    }

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Stt:Provider", "OpenAiCompatible");
        builder.UseSetting("BeMore:Stt:BaseUrl", Transcriber.BaseUrl.ToString());
        builder.UseSetting("BeMore:Stt:ApiKey", "sk-e2e");
        builder.UseSetting("BeMore:Stt:Timeout", "00:00:02");
        builder.UseSetting("BeMore:Stt:TempDirectory", TempDirectory);
        builder.UseSetting("BeMore:Stt:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Hub:AudioBytesPerSecond", "4000000");
    }
}

/// <summary>The server with Provider=Whisper and a model file that does not exist.</summary>
public sealed class MissingWhisperModelWebFactory : BeMoreWebFactory
{
    public string ModelPath { get; } = Path.Combine(Path.GetTempPath(), $"bemore-missing-{Guid.NewGuid():N}", "ggml-base.bin");

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Stt:Provider", "Whisper");
        builder.UseSetting("BeMore:Stt:Whisper:ModelPath", ModelPath);
    }
}

/// <summary>
/// The server with Provider=Whisper, no ModelPath and the model repository at a loopback <see cref="ModelFileServer"/>;
/// the catalog holds the served file's checksum (the server's own table is left for production).
/// </summary>
public sealed class DownloadingWhisperWebFactory(ModelFileServer models) : BeMoreWebFactory
{
    public string ModelFile => Path.Combine(DataDirectory, "models", models.Entry.FileName);

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Stt:Provider", "Whisper");
        builder.UseSetting("BeMore:Stt:Whisper:Model", models.Entry.Name);
        builder.UseSetting("BeMore:Stt:Whisper:ModelBaseUrl", models.BaseUrl.ToString());
        builder.ConfigureServices(services => services.AddSingleton(new WhisperModelCatalog([models.Entry])));
    }
}

/// <summary>The server with Provider=Whisper, no ModelPath and the model repository unreachable (a closed loopback port).</summary>
public sealed class UnreachableWhisperModelWebFactory : BeMoreWebFactory
{
    public Uri ModelBaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}/models/");

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Stt:Provider", "Whisper");
        builder.UseSetting("BeMore:Stt:Whisper:ModelBaseUrl", ModelBaseUrl.ToString());
    }
}
