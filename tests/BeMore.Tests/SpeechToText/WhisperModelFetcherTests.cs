using System.Security.Cryptography;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;

namespace BeMore.Tests.SpeechToText;

/// <summary>
/// Fetching the Whisper model when <c>Whisper:ModelPath</c> is unset: download, resume, checksum refusal and the
/// offline message, against a loopback server serving a small file whose true SHA-256 the test's catalog holds.
/// </summary>
public sealed class WhisperModelFetcherTests : IAsyncLifetime, IDisposable
{
    private readonly TestFolder _data = new("whisper-model");
    private readonly CapturedLogs _logs = new();
    private readonly SerilogLoggerFactory _loggers;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private ModelFileServer _server = null!;

    public WhisperModelFetcherTests() => _loggers = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(_logs).CreateLogger(), dispose: true);

    private string ModelFile => Path.Combine(_data.Path, _server.Entry.FileName);

    public async Task InitializeAsync() => _server = await ModelFileServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _loggers.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Fetch_NoModelYet_DownloadsVerifiesAndLogsProgressInTenths()
    {
        var path = await Fetcher().FetchAsync(CancellationToken.None);

        Assert.Equal(ModelFile, path);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + ".part"));
        var progress = _logs.Lines.Where(line => line.Contains("% downloaded", StringComparison.Ordinal)).ToList();
        Assert.InRange(progress.Count, 2, 10);
        Assert.Contains(progress, line => line.Contains("100% downloaded", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, line => line.Contains("downloaded and verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_AfterAnInterruptedDownload_ResumesWithARangeRequest()
    {
        _server.Serving = ModelServing.CutOff;
        _server.CutAfterBytes = 120_000;
        await Assert.ThrowsAsync<WhisperModelUnavailableException>(() => Fetcher().FetchAsync(CancellationToken.None));
        Assert.Equal(120_000, new FileInfo(ModelFile + ".part").Length);
        Assert.False(File.Exists(ModelFile));

        _server.Serving = ModelServing.Ranges;
        var path = await Fetcher().FetchAsync(CancellationToken.None);

        Assert.Equal(["", "bytes=120000-"], _server.Ranges);
        Assert.Equal(_server.Content.Length, _server.BytesSent);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task Fetch_ServerIgnoresTheRange_StartsOverAndStillVerifies()
    {
        await File.WriteAllBytesAsync(ModelFile + ".part", _server.Content.AsSpan(0, 50_000).ToArray());
        _server.Serving = ModelServing.IgnoreRanges;

        var path = await Fetcher().FetchAsync(CancellationToken.None);

        Assert.Equal(["bytes=50000-"], _server.Ranges);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Fetch_ChecksumDiffers_RefusesNamingTheSettingsAndKeepsNoFile()
    {
        var wrong = _server.Entry with { Sha256 = Convert.ToHexStringLower(SHA256.HashData("another file"u8)) };

        var error = await Assert.ThrowsAsync<WhisperModelUnavailableException>(() => Fetcher(wrong).FetchAsync(CancellationToken.None));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Contains(wrong.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Stt:Whisper:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ModelFile));
        Assert.False(File.Exists(ModelFile + ".part"));
    }

    [Fact]
    public async Task Fetch_ServerUnreachable_FailsNamingModelPathAndModel()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/models/");

        var error = await Assert.ThrowsAsync<WhisperModelUnavailableException>(() => Fetcher(baseUrl: closed).FetchAsync(CancellationToken.None));

        Assert.Contains("BeMore:Stt:Whisper:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Stt:Whisper:Model ", error.Message, StringComparison.Ordinal);
        Assert.Contains(closed.ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ModelFile));
    }

    [Fact]
    public async Task Fetch_ServerStalls_GivesUpAfterTheDownloadTimeout()
    {
        _server.Serving = ModelServing.Hang;

        var error = await Assert.ThrowsAsync<WhisperModelUnavailableException>(
            () => Fetcher(timeout: TimeSpan.FromSeconds(1)).FetchAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("BeMore:Stt:Whisper:DownloadTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Stt:Whisper:ModelPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_VerifiedModelAlreadyThere_DownloadsNothing()
    {
        await File.WriteAllBytesAsync(ModelFile, _server.Content);

        var path = await Fetcher().FetchAsync(CancellationToken.None);

        Assert.Equal(ModelFile, path);
        Assert.Empty(_server.Ranges);
    }

    [Fact]
    public async Task Fetch_ModelFileAltered_DownloadsItAgain()
    {
        var altered = _server.Content.ToArray();
        altered[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(ModelFile, altered);

        var path = await Fetcher().FetchAsync(CancellationToken.None);

        Assert.Single(_server.Ranges);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Fetch_ModelPathSet_ReturnsItWithoutAnyRequest()
    {
        var own = Path.Combine(_data.Path, "my-model.bin");
        await File.WriteAllBytesAsync(own, [1, 2, 3]);

        var path = await Fetcher(modelPath: own).FetchAsync(CancellationToken.None);

        Assert.Equal(own, path);
        Assert.Empty(_server.Ranges);
    }

    [Fact]
    public void OfficialCatalog_HoldsTinyBaseSmallAndMedium_WithSizesAndSha256()
    {
        var names = new[] { "tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en" };

        Assert.All(names, name => Assert.NotNull(WhisperModelCatalog.Official.Find(name)));
        Assert.All(names.Select(name => WhisperModelCatalog.Official.Find(name)!), entry =>
        {
            Assert.Matches("^[0-9a-f]{64}$", entry.Sha256);
            Assert.InRange(entry.SizeBytes, 70_000_000, 1_600_000_000);
        });
        Assert.Equal("ggml-base.bin", WhisperModelCatalog.Official.Find(new WhisperSettings().Model)!.FileName);
    }

    private WhisperModelFetcher Fetcher(WhisperModelEntry? entry = null, Uri? baseUrl = null, TimeSpan? timeout = null, string? modelPath = null)
    {
        var options = new SpeechToTextOptions { Provider = SpeechToTextProvider.Whisper };
        options.Whisper.ModelPath = modelPath;
        options.Whisper.Model = _server.Entry.Name;
        options.Whisper.ModelBaseUrl = baseUrl ?? _server.BaseUrl;
        options.Whisper.DownloadTimeout = timeout ?? TimeSpan.FromSeconds(30);
        return new WhisperModelFetcher(
            _http, Options.Create(options), new WhisperModelCatalog([entry ?? _server.Entry]), new WhisperModelFolder(_data.Path),
            _loggers.CreateLogger<WhisperModelFetcher>());
    }
}
