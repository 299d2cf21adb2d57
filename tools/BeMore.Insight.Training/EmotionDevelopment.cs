using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Insight.Training;

/// <summary>
/// --emotion-dev [W1,W2,...]: what the candidate emotion writers' lines (by default every one of
/// <see cref="InsightCorpus.EmotionTrainingWriters"/>) add, on lines no model saw. Each candidate is held out in turn
/// and read twice: by the emotion model trained without any candidate and by the one trained with the other
/// candidates. The rule, fixed before the first run: the candidates' lines train the shipped model only if the second
/// reads a higher macro-F1 for every held-out candidate (in each language it wrote).
/// </summary>
internal static class EmotionDevelopment
{
    public static void Run(string corpus, string fixtures, Func<string, bool> train, IReadOnlyList<string> candidates)
    {
        var unknown = candidates.Except(InsightCorpus.EmotionTrainingWriters).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not emotion training writers: {string.Join(", ", unknown)}.");
        }

        var without = TrainedModel.Classifier(new InsightTrainer(corpus, fixtures, w => train(w) && !candidates.Contains(w), _ => false, _ => true).Emotion());
        var (better, readings) = (0, 0);
        foreach (var held in candidates)
        {
            var with = TrainedModel.Classifier(new InsightTrainer(corpus, fixtures, w => train(w) && w != held, _ => false, _ => true).Emotion());
            foreach (var code in InsightCorpus.Languages)
            {
                var lines = InsightCorpus.EmotionFiles(corpus, code, [held]);
                if (lines.Count == 0)
                {
                    continue;
                }

                var language = TextLanguages.FromCode(code);
                var before = DevelopmentReport.EmotionMacroF1(new TextEmotionAnalyzer(new TextEmotionOptions(), without), lines, language);
                var after = DevelopmentReport.EmotionMacroF1(new TextEmotionAnalyzer(new TextEmotionOptions(), with), lines, language);
                better += after > before ? 1 : 0;
                readings++;
                Console.WriteLine($"== emotion writer {held} ({code}, {lines.Count} lines held out): macro-F1 {before:F3} without the candidates, {after:F3} with the other candidates");
            }
        }

        Console.WriteLine($"better for {better} of {readings} held-out candidate files: {(readings > 0 && better == readings ? "train on them" : "do not train on them")}");
    }
}
