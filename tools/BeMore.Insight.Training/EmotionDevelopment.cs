using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Insight.Training;

/// <summary>
/// --emotion-dev: what the emotion writers' lines (<see cref="InsightCorpus.EmotionTrainingWriters"/>) add, on lines no
/// model saw. Each emotion writer is held out in turn and read twice: by the emotion model trained without any emotion
/// writer (the corpus writers' emotions.tsv alone, as shipped before them) and by the one trained with the other emotion
/// writers. The rule, fixed before the first run: their lines train the shipped model only if the second reads a higher
/// macro-F1 for every held-out writer.
/// </summary>
internal static class EmotionDevelopment
{
    public static void Run(string corpus, string fixtures, Func<string, bool> train)
    {
        var emotionWriters = InsightCorpus.EmotionTrainingWriters;
        var without = DevelopmentReport.Classifier(new InsightTrainer(corpus, fixtures, w => train(w) && !emotionWriters.Contains(w), _ => false, _ => true).Emotion());
        var better = 0;
        foreach (var held in emotionWriters)
        {
            var with = DevelopmentReport.Classifier(new InsightTrainer(corpus, fixtures, w => train(w) && w != held, _ => false, _ => true).Emotion());
            foreach (var code in InsightCorpus.Languages)
            {
                var lines = InsightCorpus.EmotionFiles(corpus, code, [held]);
                if (lines.Count == 0)
                {
                    continue;
                }

                var language = code == "ko" ? TextLanguage.Korean : TextLanguage.English;
                var before = DevelopmentReport.EmotionMacroF1(new TextEmotionAnalyzer(new TextEmotionOptions(), without), lines, language);
                var after = DevelopmentReport.EmotionMacroF1(new TextEmotionAnalyzer(new TextEmotionOptions(), with), lines, language);
                better += after > before ? 1 : 0;
                Console.WriteLine($"== emotion writer {held} ({code}, {lines.Count} lines held out): macro-F1 {before:F3} without the emotion writers, {after:F3} with the others");
            }
        }

        Console.WriteLine($"better for {better} of {emotionWriters.Count} held-out emotion writers: {(better == emotionWriters.Count ? "train on them" : "do not train on them")}");
    }
}
