using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Insight.Training;

/// <summary>
/// --distortion-dev W1,W2,...: what candidate corpus writers' lines add to the distortions the distortion model
/// (<see cref="InsightTrainer.Distortions"/>) reads on lines it never saw. Each candidate is held out in turn and read twice
/// at the shipped thresholds: by the distortion model trained without any candidate and by the one trained with the
/// other candidates. The rule, fixed before the
/// first run: the candidates' lines train the shipped models only if the second reads a higher exact-type F1 (the
/// precision of the distortions found with the exact-type recall of the distortion lines) for every held-out candidate,
/// in each language it wrote.
/// </summary>
internal static class DistortionDevelopment
{
    public static void Run(string corpus, string fixtures, Func<string, bool> train, IReadOnlyList<string> candidates)
    {
        var unknown = candidates.Where(c => !train(c) || InsightCorpus.Languages.All(l => InsightCorpus.Utterances(corpus, l, w => w == c).Count == 0)).ToList();
        if (candidates.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"--distortion-dev needs training corpus writers (W1,W2,...); not one: {string.Join(", ", unknown)}.");
        }

        var withoutAny = new InsightTrainer(corpus, fixtures, w => train(w) && !candidates.Contains(w), _ => false, _ => true);
        using var riskLevel = TrainedModel.Classifier(withoutAny.RiskLevel());
        using var without = TrainedModel.Classifier(withoutAny.Distortions());
        var (better, readings) = (0, 0);
        foreach (var held in candidates)
        {
            using var with = TrainedModel.Classifier(new InsightTrainer(corpus, fixtures, w => train(w) && w != held, _ => false, _ => true).Distortions());
            foreach (var code in InsightCorpus.Languages)
            {
                var lines = InsightCorpus.Utterances(corpus, code, w => w == held);
                if (lines.Count == 0)
                {
                    continue;
                }

                var language = TextLanguages.FromCode(code);
                var distortionLines = lines.Count(l => l.Label is not ("risk" or "none"));
                var before = ExactTypeF1(new UtteranceInsight(without, riskLevel, new InsightThresholds()), lines, language, distortionLines);
                var after = ExactTypeF1(new UtteranceInsight(with, riskLevel, new InsightThresholds()), lines, language, distortionLines);
                better += after.F1 > before.F1 ? 1 : 0;
                readings++;
                Console.WriteLine($"== distortion writer {held} ({code}, {lines.Count} lines held out): exact-type F1 {before.F1:F3} (precision "
                    + $"{before.Precision:F3}, recall {before.Recall:F3}) without the candidates, {after.F1:F3} ({after.Precision:F3}, {after.Recall:F3}) with the other candidates");
            }
        }

        Console.WriteLine($"better for {better} of {readings} held-out candidate files: {(readings > 0 && better == readings ? "train on them" : "do not train on them")}");
    }

    private static (double Precision, double Recall, double F1) ExactTypeF1(UtteranceInsight insight, IReadOnlyList<CorpusUtterance> lines, TextLanguage language, int distortionLines)
    {
        var (found, correct) = DevelopmentReport.DistortionsFound(insight, lines, language);
        var precision = found == 0 ? 0 : (double)correct / found;
        var recall = distortionLines == 0 ? 0 : (double)correct / distortionLines;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }
}
