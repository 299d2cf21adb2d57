using System.Diagnostics;
using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Readies the analysis (<see cref="AnalysisWarmUp"/>: the models load and the rules' patterns compile) in the background
/// as the node starts, so the first segment the node analyses does not wait for them. The models are shared per process
/// and load once; a segment that comes earlier waits for that same load.
/// </summary>
internal sealed partial class AnalysisModelsWarmUp(ILogger<AnalysisModelsWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var modelsLoaded = AnalysisWarmUp.Run();
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogLoaded(elapsed, modelsLoaded);
        }
        catch (AggregateException failure) when (failure.InnerExceptions.All(e => e is RegexMatchTimeoutException))
        {
            // A starved host (CI ran three nodes on two cores) can stall a first match past the analysis regexes'
            // timeout, and its retry too. The warm-up only saves the first segment a wait, so it must not stop the node:
            // what it did not reach loads or compiles on first use.
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogWarmUpStalled(elapsed);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis models ready after {Elapsed} (the models loaded after {ModelsLoaded})")]
    private partial void LogLoaded(TimeSpan elapsed, TimeSpan modelsLoaded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis warm-up stopped after {Elapsed}: a regular expression ran past its timeout twice on a starved host; the first segment may wait for what the warm-up did not reach")]
    private partial void LogWarmUpStalled(TimeSpan elapsed);
}
