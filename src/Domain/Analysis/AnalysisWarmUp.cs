using System.Diagnostics;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Readies the analysis before a node's first segment. Two costs dominate: the rules' compiled patterns JIT on their
/// first match (about 1 s of a core) and the models load from their compact files (about 0.4 s). The rules need no
/// model, so they warm on one core while the models load on the other; then one full reading per language, side by
/// side, runs what is left.
/// </summary>
public static class AnalysisWarmUp
{
    private static readonly (string Text, TextLanguage Language)[] Sentences =
    [
        ("It was an ordinary day.", TextLanguage.English),
        ("평범한 하루였어요.", TextLanguage.Korean),
    ];

    /// <returns>How long the models took to load.</returns>
    /// <exception cref="AggregateException">What a step threw, for example a <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> twice over on a starved host.</exception>
    public static TimeSpan Run()
    {
        var modelsLoaded = TimeSpan.Zero;
        Parallel.Invoke(
            () =>
            {
                var started = Stopwatch.GetTimestamp();
                _ = UtteranceInsight.Shipped;
                _ = new TextEmotionAnalyzer();
                modelsLoaded = Stopwatch.GetElapsedTime(started);
            },
            () =>
            {
                // Each first match compiles its pattern, the match most likely to stall past the timeout on a busy host.
                foreach (var sentence in Sentences)
                {
                    AnalysisRegex.Retried(sentence, static s => RiskRules.Denies(s.Text, s.Language));
                    AnalysisRegex.Retried(sentence, static s => RiskRules.UnqualifiedClauses(s.Text, s.Language));
                    AnalysisRegex.Retried(sentence, static s => DistortionRules.Detect(s.Text, s.Language));
                }
            });
        Parallel.ForEach(Sentences, sentence =>
        {
            RiskDetector.Assess(sentence.Text, sentence.Language);
            DistortionDetector.Detect(sentence.Text, sentence.Language);
            new TextEmotionAnalyzer().Analyze(sentence.Text, sentence.Language);
        });
        return modelsLoaded;
    }
}
