using System.Diagnostics;
using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Loads the analysis models (utterance, risk and emotion; about 1.3-1.5 s on a 2-core host) in the background as the
/// node starts, so the first segment the node analyses does not wait for them. The models are shared per process and
/// load once; a segment that comes earlier waits for that same load.
/// </summary>
internal sealed partial class AnalysisModelsWarmUp(ILogger<AnalysisModelsWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A plain sentence per language: it runs every model's prediction once too, not only its loading. The emotion
            // model loads beside the others (two cores: about the larger load's time instead of both).
            Parallel.Invoke(
                () => InBothLanguages((text, language) => { RiskDetector.Assess(text, language); DistortionDetector.Detect(text, language); }),
                () => InBothLanguages((text, language) => new TextEmotionAnalyzer().Analyze(text, language)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogLoaded(elapsed);
        }
        catch (AggregateException failure) when (failure.InnerExceptions.All(e => e is RegexMatchTimeoutException))
        {
            // A starved host (CI ran three nodes on two cores) can stall a first match past the analysis regexes'
            // timeout, and its retry too. The warm-up only saves the first segment a wait, so it must not stop the node:
            // the models are loaded by then or load on first use.
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogWarmUpStalled(elapsed);
        }
    }, stoppingToken);

    private static void InBothLanguages(Action<string, TextLanguage> read)
    {
        read("It was an ordinary day.", TextLanguage.English);
        read("평범한 하루였어요.", TextLanguage.Korean);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis models ready after {Elapsed}")]
    private partial void LogLoaded(TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis warm-up stopped after {Elapsed}: a regular expression ran past its timeout on a starved host; the first segment may wait for the models")]
    private partial void LogWarmUpStalled(TimeSpan elapsed);
}
