using BeMore.Tests.Infrastructure;
using BeMore.Tests.SpeechToText;

namespace BeMore.Tests.Hosting;

/// <summary>
/// SIGTERM (docker stop, Ctrl+C) while the node is still starting is a stop like any other: the process ends promptly,
/// with exit code 0 and no unhandled exception, instead of crashing on the cancelled start.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class StartUpShutdownTests
{
    [Fact]
    public async Task Sigterm_DuringStartUp_EndsTheProcessWithZeroAndNoUnhandledException()
    {
        // Start-up fetches the Whisper model from a server that never answers, so the signal is sure to land inside the
        // host's start (hosted services are starting, the shutdown handlers are registered) and not before or after it.
        await using var models = await ModelFileServer.StartAsync();
        models.Serving = ModelServing.Hang;
        using var folder = new TestFolder("stop-starting");
        var settings = SiloSettings.Embedded(FreePort.Next());
        settings["BeMore__Stt__Provider"] = "Whisper";
        settings["BeMore__Stt__Whisper__ModelBaseUrl"] = models.BaseUrl.AbsoluteUri;
        await using var silo = SiloProcess.Launch(folder.Path, settings);
        await models.Requested.WaitAsync(TimeSpan.FromSeconds(60));

        var exitCode = await silo.StopGracefullyAsync(TimeSpan.FromSeconds(15));

        Assert.True(exitCode == 0, $"Exit code {exitCode}:\n{silo.Output}");
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Start-up cancelled by a shutdown request", silo.Output, StringComparison.Ordinal);
    }
}
