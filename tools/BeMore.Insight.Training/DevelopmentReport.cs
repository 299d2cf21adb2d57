using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;

namespace BeMore.Insight.Training;

/// <summary>
/// The detectors, with models trained without one training writer, scored on that writer, across the thresholds of
/// <see cref="InsightThresholds"/> and <see cref="TextEmotionOptions.ClassifierWeight"/>: where their defaults come from.
/// </summary>
internal static class DevelopmentReport
{
    /// <summary>
    /// The utterance model's own risk class at the shipped Korean thresholds, for both languages: the shipped readers have
    /// the content-words model agree, which only --risk-dev trains per fold and scores.
    /// </summary>
    private static readonly InsightThresholds UtteranceModelAlone = KoreanForBoth(new InsightThresholds());

    private static InsightThresholds KoreanForBoth(InsightThresholds shipped) =>
        shipped with { Risk = shipped.RiskKorean, RiskWithoutCue = shipped.RiskWithoutCueKorean };

    public static void Print(ITransformer utterance, ITransformer riskLevel, ITransformer emotion, string corpus, Func<string, bool> heldOut, bool showMisses)
    {
        using var u = TrainedModel.Classifier(utterance);
        using var r = TrainedModel.Classifier(riskLevel);
        using var e = TrainedModel.Classifier(emotion);
        foreach (var code in InsightCorpus.Languages)
        {
            var language = TextLanguages.FromCode(code);
            var lines = InsightCorpus.Utterances(corpus, code, heldOut);
            if (lines.Count == 0)
            {
                continue;
            }

            Console.WriteLine($"-- {code}: {lines.Count} lines");
            var riskLines = lines.Where(l => l.Label == "risk").ToList();
            var noneLines = lines.Where(l => l.Label == "none").ToList();
            var distortionLines = lines.Where(l => l.Label is not ("risk" or "none")).ToList();
            // The utterance model's own risk class across the risk threshold and the ordinary-sentence guard ("cue 0.00" is
            // no guard, "cue 1.01" never alerts the classifier alone without a risk cue). The shipped choice between this
            // and the other risk readers (English: two models agreeing) is made by --risk-dev, which trains them per fold.
            var reader = new UtteranceInsight(u, r, new InsightThresholds());
            var readings = new Dictionary<CorpusUtterance, RiskReading>(ReferenceEqualityComparer.Instance);
            foreach (var line in lines)
            {
                readings[line] = reader.ReadRisk(line.Text, language);
            }

            foreach (var t in new[] { 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6 })
            {
                foreach (var cue in new[] { 0.0, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01 })
                {
                    var at = new InsightThresholds { Risk = t, RiskKorean = t, RiskWithoutCue = cue, RiskWithoutCueKorean = cue };
                    bool Alerts(CorpusUtterance l) => UtteranceInsight.Alerts(readings[l], at);
                    var alerts = noneLines.Where(Alerts).ToList();
                    Console.WriteLine($"   risk p>={t:F2} cue {cue:F2}: recall {riskLines.Count(Alerts)}/{riskLines.Count}, none alerts {alerts.Count}/{noneLines.Count} "
                        + $"({string.Join(", ", alerts.GroupBy(l => l.Subtype).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}), "
                        + $"on distortion lines {distortionLines.Count(Alerts)}/{distortionLines.Count}");
                }
            }

            if (showMisses)
            {
                // The held-out training writer's lines the utterance model gets wrong: where a rule or a denial phrasing is missing.
                var shipped = new UtteranceInsight(u, r, UtteranceModelAlone);
                foreach (var l in noneLines.Where(l => shipped.Risk(l.Text, language).Level != RiskLevel.None))
                {
                    Console.WriteLine($"   false alert ({l.Subtype}): {l.Text}");
                }

                foreach (var l in riskLines.Where(l => shipped.Risk(l.Text, language).Level == RiskLevel.None))
                {
                    Console.WriteLine($"   missed ({l.Subtype}): {l.Text}");
                }
            }

            foreach (var t in new[] { 0.35, 0.65, 0.8 })
            {
                var insight = new UtteranceInsight(u, r, UtteranceModelAlone with { RiskBesideDenial = t });
                var alerted = riskLines.Count(l => insight.Risk(l.Text, language).Level != RiskLevel.None);
                var alerts = noneLines.Where(l => insight.Risk(l.Text, language).Level != RiskLevel.None).ToList();
                Console.WriteLine($"   risk p>={insight.Thresholds.Risk:F2}, beside a set-aside clause p>={t:F2}: recall {alerted}/{riskLines.Count}, none alerts {alerts.Count}/{noneLines.Count} (denials {alerts.Count(l => l.Subtype == "denial")})");
            }

            foreach (var t in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9 })
            {
                var (detected, correct) = DistortionsFound(new UtteranceInsight(u, r, new InsightThresholds { Distortion = t, DistortionKorean = t }), lines, language);
                Console.WriteLine($"   distortion p>={t:F2}: precision {Ratio(correct, detected)}, exact recall {Ratio(correct, distortionLines.Count)}");
            }

            var emotions = InsightCorpus.Emotions(corpus, code, heldOut);
            foreach (var (weight, alone) in new[] { (0.8, 0.35), (0.8, 0.5), (0.8, 0.6), (0.8, 0.7), (1.0, 0.5) })
            {
                var f1 = EmotionMacroF1(new TextEmotionAnalyzer(new TextEmotionOptions { ClassifierWeight = weight, ClassifierAlone = alone }, e), emotions, language);
                Console.WriteLine($"   emotion classifier weight {weight:F2}, alone from {alone:F2}: macro-F1 {f1:F2} on {emotions.Count}");
            }

            // How often a named emotion (not neutral) is the right one, by the reading's confidence: the counselor's opener names
            // the feeling heard, and a wrong one reads as not listening. No floor ships: on the four held-out writers a 0.4 floor
            // took 154 English namings away to remove 58 wrong ones (0.76 -> 0.81 right), and higher floors leave a quarter.
            var named = new TextEmotionAnalyzer(new TextEmotionOptions(), e);
            var emotionReadings = emotions.Select(x => (x.Emotion, Reading: named.Analyze(x.Text, language)))
                .Where(x => x.Reading.Label != EmotionLabel.Neutral).ToList();
            foreach (var floor in new[] { 0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8 })
            {
                var above = emotionReadings.Where(x => x.Reading.Confidence >= floor).ToList();
                var right = above.Count(x => x.Reading.Label.ToString().Equals(x.Emotion, StringComparison.OrdinalIgnoreCase));
                Console.WriteLine($"   emotion named at confidence >= {floor:F2}: right {Ratio(right, above.Count)} of {emotions.Count} lines");
            }
        }
    }

    /// <summary>Macro-F1 over the six emotions of <paramref name="analyzer"/>'s readings of <paramref name="emotions"/>.</summary>
    public static double EmotionMacroF1(TextEmotionAnalyzer analyzer, IReadOnlyList<CorpusEmotion> emotions, TextLanguage language)
    {
        var predicted = emotions.Select(x => analyzer.Analyze(x.Text, language).Label.ToString().ToLowerInvariant()).ToList();
        return Enum.GetValues<EmotionLabel>().Select(label => label.ToString().ToLowerInvariant()).Select(c =>
        {
            var tp = emotions.Where((x, i) => x.Emotion == c && predicted[i] == c).Count();
            var fp = emotions.Where((x, i) => x.Emotion != c && predicted[i] == c).Count();
            var fn = emotions.Where((x, i) => x.Emotion == c && predicted[i] != c).Count();
            return tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        }).Average();
    }

    /// <summary>The distortions <paramref name="insight"/> finds on every line (none and risk lines too), and how many carry the line's label.</summary>
    internal static (int Found, int Correct) DistortionsFound(UtteranceInsight insight, IEnumerable<CorpusUtterance> lines, TextLanguage language)
    {
        var (found, correct) = (0, 0);
        foreach (var line in lines)
        {
            var matches = insight.Distortions(line.Text, language);
            found += matches.Count;
            correct += matches.Count(m => m.Type.ToCode() == line.Label);
        }

        return (found, correct);
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : $"{(double)a / b:F2} ({a}/{b})";
}
