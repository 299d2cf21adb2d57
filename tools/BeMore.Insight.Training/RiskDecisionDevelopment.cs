using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BeMore.Insight.Training;

/// <summary>
/// The second stage (<see cref="RiskDecision"/>) on development data. It only adds alerts: what the rules or the first
/// stage at its shipped thresholds alert stands, and the second stage reads what they leave where the rules set nothing
/// aside (<see cref="UtteranceInsight.SecondStageReads"/>). Per language, for each
/// held-out writer's fold, a logistic regression learns from the other folds' readings that the first stage left (each
/// line read by first-stage models that never saw it) and scores the held-out fold. It prints each threshold's figures
/// and the one the development rule's cost prefers among those that catch at least the first stage's best; the shipped
/// threshold (<see cref="InsightThresholds.RiskDecision"/>) is chosen from the printed figures by the rule written there
/// (a ceiling on false alerts on ordinary lines, a floor on the recall gained). The weights that ship learn from every fold.
/// </summary>
internal static class RiskDecisionDevelopment
{
    private static readonly double[] Thresholds = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

    /// <summary>Light enough that the marker weights stay small beside the probabilities', chosen before the first sweep.</summary>
    private const float L2Regularization = 1f;

    public static void Run(IReadOnlyList<RiskDevelopment.Reading> readings, IReadOnlyList<string> writers,
        IReadOnlyDictionary<string, RiskDevelopment.Score> shippedChoice, string models, string corpusHash, bool listMisses)
    {
        var ml = new MLContext(seed: 1);
        var final = new Dictionary<string, (float Bias, float[] Weights)>();
        foreach (var language in InsightCorpus.Languages)
        {
            var rows = readings.Where(r => r.Language == language).ToList();
            var left = rows.Where(r => !UtteranceInsight.Alerts(r.Risk, FirstStage) && UtteranceInsight.SecondStageReads(r.Risk)).ToList();
            var probability = new float[rows.Count];
            foreach (var held in writers)
            {
                var decision = Both(Train(ml, left.Where(r => r.Writer != held)));
                for (var i = 0; i < rows.Count; i++)
                {
                    if (rows[i].Writer == held)
                    {
                        probability[i] = decision.Probability(rows[i].Text, rows[i].Risk);
                    }
                }
            }

            var shipped = shippedChoice[language];
            var firstStage = RiskDevelopment.Count(rows.Select(r => (r, UtteranceInsight.Alerts(r.Risk, FirstStage))), 0, 0, 0, writers);
            Console.WriteLine($"-- second stage {language} after the first at its shipped thresholds ({firstStage.Summary}, cost {firstStage.Cost}), each fold "
                + $"scored by a stage trained on the others (the first stage at its best: {shipped.Summary}, cost {shipped.Cost})");
            RiskDevelopment.Score? best = null;
            foreach (var t in Thresholds)
            {
                var s = RiskDevelopment.Count(rows.Select((r, i) => (r, Alerts(r, probability[i], t))), t, 0, 0, writers);
                var passes = s.Recall >= shipped.Recall;
                Console.WriteLine($"   t {t:F2}: {s.Summary}, cost {s.Cost}{(passes ? "" : " FAILS")}");
                if (passes && (best is null || s.Cost < best.Cost))
                {
                    best = s;
                }
            }

            Console.WriteLine(best is null
                ? $"== second stage {language}: no threshold catches the shipped decision's risk lines"
                : $"== second stage {language}: t {best.Threshold:F2}, {best.Summary}, cost {best.Cost} against {shipped.Cost}{(best.Cost < shipped.Cost ? " (better)" : " (not better)")}");
            if (listMisses && best is not null)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var alert = Alerts(rows[i], probability[i], best.Threshold);
                    if (alert != (rows[i].Kind == "risk"))
                    {
                        Console.WriteLine($"   {(alert ? "FALSE " : "MISSED")}\tp2 {probability[i]:F2}\t{rows[i].Kind}\t{rows[i].Subtype}\t{rows[i].Source}\t{rows[i].Text}");
                    }
                }
            }

            final[language] = Train(ml, left);
        }

        var path = Path.Combine(models, ModelFiles.RiskDecision);
        File.WriteAllText(path, RiskDecision.Format(final["en"], final["ko"],
            $"Second-stage risk weights (RiskDecision), learned by --risk-dev from every development fold's readings; corpus {corpusHash}."));
        Console.WriteLine($"Second stage written to {path}.");
    }

    /// <summary>The first stage as it ships (InsightThresholds), whose readings the second stage learns its inputs from.</summary>
    private static readonly InsightThresholds FirstStage = new();

    private static bool Alerts(RiskDevelopment.Reading r, float probability, double threshold) =>
        UtteranceInsight.Alerts(r.Risk, FirstStage) || (UtteranceInsight.SecondStageReads(r.Risk) && probability >= threshold);

    private static RiskDecision Both((float Bias, float[] Weights) model) => new(model, model);

    /// <summary>A logistic regression on the readings' features; its Platt calibration folded into the weights.</summary>
    private static (float Bias, float[] Weights) Train(MLContext ml, IEnumerable<RiskDevelopment.Reading> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r =>
        {
            var features = new float[RiskDecision.FeatureCount];
            RiskDecision.Features(r.Text, r.Risk, features);
            return new DecisionRow { Label = r.Kind == "risk", Features = features };
        }).ToList());
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = L2Regularization,
            NumberOfThreads = 1,
        }).Fit(data).Model;
        var linear = model.SubModel;
        var platt = model.Calibrator;
        // Platt: p = 1 / (1 + exp(slope * score + offset)); RiskDecision computes 1 / (1 + exp(-(w·x + b))).
        var weights = linear.Weights.Select(w => (float)(-platt.Slope * w)).ToArray();
        return ((float)(-(platt.Slope * linear.Bias) - platt.Offset), weights);
    }

    private sealed class DecisionRow
    {
        public bool Label { get; set; }

        [VectorType(RiskDecision.FeatureCount)]
        public float[] Features { get; set; } = [];
    }
}
