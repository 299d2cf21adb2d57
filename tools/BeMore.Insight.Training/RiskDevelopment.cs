using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;

namespace BeMore.Insight.Training;

/// <summary>
/// The risk decision chosen on development data (README, "Live analysis accuracy"): each training writer held out in turn
/// with one fold of the everyday sentences, the session talk, the development hard cases and the development wishes (index mod
/// the number of writers, in writer order; the last two are only scored, never learned), the models trained on
/// the rest, and every candidate scored on what was held out. Candidates: the utterance model's risk class without the
/// session talk (the baseline), with it, and with it agreeing with the risk-vs-rest model on content words (shipped);
/// each across the risk threshold, the risk-cue guard's cutoff and the question guard's, per language; then the wish
/// guard's cutoff at the shipped settings. The same folds also sweep the distortion threshold (each fold's utterance model
/// on the held-out writer's lines; the Korean distortions ship from the distortion model, which the folds do not train).
/// The fold models are kept by <see cref="InsightCorpus.RiskHash"/>, so lines that teach only distortions or only emotions keep them.
/// </summary>
internal static class RiskDevelopment
{
    private static readonly double[] Thresholds = [0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];

    /// <summary>
    /// The distortion thresholds swept on the same folds (<see cref="InsightThresholds.Distortion"/>): each held-out
    /// writer's lines read by the fold's utterance model, pooled over the writers, per language.
    /// </summary>
    private static readonly double[] DistortionThresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

    /// <summary>The guard's cutoff: a classifier-only finding below it needs a risk cue; 0 is no guard.</summary>
    private static readonly double[] CueCutoffs = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

    /// <summary>The question guard's cutoff: a classifier-only finding in words that ask needs it; 0 is no guard.</summary>
    private static readonly double[] QuestionCutoffs = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

    /// <param name="listMisses">Also list, for the shipped candidate at the shipped settings, every held-out line it alerted on
    /// wrongly or missed: the development lines to read before changing a rule, each read by a model that never saw it.</param>
    /// <param name="models">Where the second stage's weights are written (<see cref="RiskDecisionDevelopment"/>).</param>
    public static void Run(string corpus, string fixtures, string models, IReadOnlyList<string> writers, Func<string, bool> train, bool listMisses)
    {
        var cache = Path.Combine(Path.GetTempPath(), "bemore-risk-dev", InsightCorpus.RiskHash(corpus));
        var readings = new List<Reading>();
        var shipped = new InsightThresholds();
        var distortions = new List<(string Language, double Threshold, int Found, int Correct, int Lines)>();
        for (var fold = 0; fold < writers.Count; fold++)
        {
            var held = writers[fold];
            var heldFold = fold;
            bool Others(int line) => line % writers.Count != heldFold;
            var baseline = new InsightTrainer(corpus, fixtures, w => train(w) && w != held, _ => false, _ => false);
            var talk = new InsightTrainer(corpus, fixtures, w => train(w) && w != held, Others, Others);
            using var utterance = Cached(baseline, cache, $"{held}-utterance", baseline.Utterance);
            using var talkUtterance = Cached(talk, cache, $"{held}-talk-utterance", talk.Utterance);
            using var talkContent = Cached(talk, cache, $"{held}-talk-rest-content", () => talk.Risk(contentWordsOnly: true));
            // Each variant reads risk with its own utterance model: one without the session talk (the recall rule's
            // baseline), or one that also learned it, alone or agreeing with the content-words model (shipped). Other
            // agreement scales (3, 5) and the content-words model alone lost to these in earlier sweeps (README).
            var variants = new (string Name, SentenceClassifier Utterance, RiskReaders Risk)[]
            {
                ("baseline", utterance, RiskReaders.Both(null)),
                ("talk", talkUtterance, RiskReaders.Both(null)),
                (Shipped, talkUtterance, RiskReaders.Both(new RiskClassifier(talkUtterance, contentWordsOnly: false, agreeing: (talkContent, 8f)))),
                // The second stage's input: the shipped reader as it runs live, reading the content-words model only from
                // the shipped threshold (InsightThresholds), so a feature means what it will mean in production.
                (Decision, talkUtterance, new RiskReaders(Agreeing(shipped.Risk), Agreeing(shipped.RiskKorean))),
            };
            RiskClassifier Agreeing(double from) =>
                new(talkUtterance, contentWordsOnly: false, agreeing: (talkContent, 8f), agreeingFrom: (float)from);
            foreach (var code in InsightCorpus.Languages)
            {
                var language = TextLanguages.FromCode(code);
                var lines = InsightCorpus.Utterances(corpus, code, w => w == held)
                    .Select(l => (l.Text, Kind: l.Label is "risk" or "none" ? l.Label : "distortion", Source: held, l.Subtype))
                    .Concat(InsightCorpus.Everyday(corpus, code, i => !Others(i)).Select(t => (Text: t, Kind: "everyday", Source: "everyday", Subtype: "")))
                    .Concat(InsightCorpus.TrainingTalk(corpus, code, i => !Others(i))
                        .Select(t => (t.Text, Kind: t.Label == "risk" ? "risk" : "everyday", Source: "talk " + t.Writer, t.Subtype)))
                    .Concat(InsightCorpus.DevelopmentWishes(corpus, code, i => !Others(i))
                        .Select(t => (t.Text, Kind: t.Label == "risk" ? "risk" : "everyday", Source: "wishes " + t.Writer, t.Subtype)))
                    .Concat(InsightCorpus.DevelopmentHardCases(corpus, code, i => !Others(i))
                        .Select(t => (t.Text, Kind: t.Label == "risk" ? "risk" : "lookalike", Source: "hard " + t.Writer, t.Subtype)))
                    .ToList();
                foreach (var (name, model, risk) in variants)
                {
                    var reader = new UtteranceInsight(model, model, shipped, risk);
                    readings.AddRange(lines.Select(l => new Reading(name, code, held, l.Kind, l.Source, l.Subtype, l.Text, reader.ReadRisk(l.Text, language))));
                }

                var written = InsightCorpus.Utterances(corpus, code, w => w == held);
                var labelled = written.Count(l => l.Label is not ("risk" or "none"));
                foreach (var t in DistortionThresholds)
                {
                    var reader = new UtteranceInsight(talkUtterance, talkUtterance, shipped with { Distortion = t, DistortionKorean = t });
                    var (found, correct) = DevelopmentReport.DistortionsFound(reader, written, language);
                    distortions.Add((code, t, found, correct, labelled));
                }
            }

            Console.WriteLine($"== risk development: writer {held} and fold {fold} of the everyday sentences, talk, hard cases and wishes scored");
        }

        foreach (var language in distortions.GroupBy(d => d.Language))
        {
            var lines = language.Where(d => d.Threshold == DistortionThresholds[0]).Sum(d => d.Lines);
            Console.WriteLine($"-- distortions {language.Key}, each held-out writer read by its fold's utterance model, pooled ({lines} distortion lines)");
            foreach (var at in language.GroupBy(d => d.Threshold))
            {
                var (found, correct) = (at.Sum(d => d.Found), at.Sum(d => d.Correct));
                Console.WriteLine($"   p>={at.Key:F2}: precision {(double)correct / Math.Max(1, found):F3} ({correct}/{found}), exact recall {(double)correct / Math.Max(1, lines):F3}");
            }
        }

        var chosen = new List<(string Variant, string Language, Score Score)>();
        foreach (var group in readings.Where(r => r.Variant != Decision).GroupBy(r => (r.Variant, r.Language)))
        {
            var baseline = Count(readings.Where(r => r.Variant == "baseline" && r.Language == group.Key.Language), 0.2, 0, 0, writers);
            Console.WriteLine($"-- {group.Key.Variant} {group.Key.Language} (baseline recall {baseline.Recall}/{baseline.RiskLines}, per writer {string.Join('/', baseline.PerWriter)})");
            Score? best = null;
            foreach (var t in Thresholds)
            {
                foreach (var c in CueCutoffs.Where(c => c == 0 || c > t))
                {
                    foreach (var q in QuestionCutoffs.Where(q => q == 0 || q > t))
                    {
                        var s = Count(group, t, c, q, writers);
                        var passes = s.Recall >= baseline.Recall - (0.02 * baseline.RiskLines)
                            && s.PerWriter.Zip(baseline.PerWriter).All(p => p.First >= p.Second - 3);
                        Console.WriteLine($"   t {t:F2} cue {c:F2} question {q:F2}: {s.Summary}{(passes ? "" : " FAILS")}");
                        if (passes && (best is null || Better(s, best)))
                        {
                            best = s;
                        }
                    }
                }
            }

            if (best is not null)
            {
                chosen.Add((group.Key.Variant, group.Key.Language, best));
            }
        }

        Console.WriteLine($"== best passing configuration per candidate and language (fewest dev false alerts plus {MissedRiskWeight} per missed risk line)");
        foreach (var (variant, language, s) in chosen)
        {
            Console.WriteLine($"   {variant} {language}: t {s.Threshold:F2} cue {s.Cue:F2} question {s.Question:F2}, {s.Summary}, cost {s.Cost}");
        }

        WishGuard(readings.Where(r => r.Variant == Shipped).ToList(), shipped, writers, listMisses);

        RiskDecisionDevelopment.Run(readings.Where(r => r.Variant == Decision).ToList(), writers, chosen.Where(c => c.Variant == Shipped).ToDictionary(c => c.Language, c => c.Score),
            models, InsightCorpus.RiskHash(corpus), listMisses);

        if (listMisses)
        {
            foreach (var language in readings.Where(r => r.Variant == Shipped).GroupBy(r => r.Language))
            {
                Console.WriteLine($"== {Shipped} {language.Key} at the shipped settings: held-out lines alerted wrongly (FALSE) or missed (MISSED)");
                foreach (var r in language)
                {
                    var alert = UtteranceInsight.Alerts(r.Risk, shipped);
                    if (alert != (r.Kind == "risk"))
                    {
                        // Why: the rules' level, else the classifier's probability on what it read (the scope), set
                        // aside (a denial, idiom or retold clause taken out) and whether those words ask.
                        var why = r.Risk.RuleLevel != RiskLevel.None ? $"rule {r.Risk.RuleLevel}"
                            : $"p {r.Risk.Probability:F2}{(r.Risk.SetAside ? " aside" : "")}{(r.Risk.Asks ? " asks" : "")}";
                        Console.WriteLine($"   {(alert ? "FALSE " : "MISSED")}\t{why}\t{r.Kind}\t{r.Subtype}\t{r.Source}\t{r.Text}\t[{r.Risk.Scope}]");
                    }
                }
            }
        }
    }

    /// <summary>The wish guard's cutoffs (<see cref="InsightThresholds.RiskWishWithoutCue"/>): 0 is no guard, above 1 no classifier-only alert on a wish without a risk cue.</summary>
    private static readonly double[] WishCutoffs = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01];

    /// <summary>
    /// The wish guard at the shipped settings, per language: a cutoff passes when the held-out lines other than the
    /// development wishes lose at most two risk lines against no guard and the cost of all held-out lines is lower
    /// (a rule fixed before the sweep that first read it, README "Live analysis accuracy").
    /// </summary>
    /// <param name="listChanges">Also list the held-out lines the gentlest guard (the lowest cutoff above 0) no longer alerts on.</param>
    private static void WishGuard(IReadOnlyList<Reading> shippedReadings, InsightThresholds shipped, IReadOnlyList<string> writers, bool listChanges)
    {
        foreach (var language in shippedReadings.GroupBy(r => r.Language))
        {
            var code = TextLanguages.FromCode(language.Key);
            Score Read(double w, bool wishes)
            {
                var at = shipped with { RiskWishWithoutCue = w, RiskWishWithoutCueKorean = w };
                return Count(language.Where(r => r.Source.StartsWith("wishes ", StringComparison.Ordinal) == wishes)
                    .Select(r => (r, UtteranceInsight.Alerts(r.Risk, at))), shipped.RiskFor(code), shipped.RiskWithoutCueFor(code), shipped.RiskInQuestionFor(code), writers);
            }

            var (otherOff, wishesOff) = (Read(0, false), Read(0, true));
            Console.WriteLine($"-- wish guard {language.Key} at the shipped settings (cost of all held-out lines off: {otherOff.Cost + wishesOff.Cost})");
            foreach (var w in WishCutoffs)
            {
                var (other, wishes) = (Read(w, false), Read(w, true));
                var passes = w > 0 && other.Recall >= otherOff.Recall - 2 && other.Cost + wishes.Cost < otherOff.Cost + wishesOff.Cost;
                Console.WriteLine($"   wish {w:F2}: other lines {other.Summary}; wishes risk {wishes.Recall}/{wishes.RiskLines}, false {wishes.False}/{wishes.EverydayLines}; "
                    + $"cost {other.Cost + wishes.Cost}{(passes ? " passes" : "")}");
            }

            if (listChanges)
            {
                var gentlest = shipped with { RiskWishWithoutCue = WishCutoffs[1], RiskWishWithoutCueKorean = WishCutoffs[1] };
                foreach (var r in language.Where(r => UtteranceInsight.Alerts(r.Risk, shipped) && !UtteranceInsight.Alerts(r.Risk, gentlest)))
                {
                    Console.WriteLine($"   HELD BACK at {WishCutoffs[1]:F2}\tp {r.Risk.Probability:F2}\t{r.Kind}\t{r.Subtype}\t{r.Source}\t{r.Text}");
                }
            }
        }
    }

    /// <summary>The candidate that ships (InsightThresholds, RiskReaders).</summary>
    private const string Shipped = "talk both-agree 8";

    /// <summary>The shipped reader at its shipped settings, whose readings the second stage learns from (<see cref="RiskDecisionDevelopment"/>).</summary>
    private const string Decision = "decision";

    /// <param name="Source">The held-out writer, "everyday", the session talk's writer, the development hard cases' writer or the development wishes' writer.</param>
    internal sealed record Reading(string Variant, string Language, string Writer, string Kind, string Source, string Subtype, string Text, RiskReading Risk);

    /// <summary>
    /// A fold's model, kept under the temporary folder by the corpus hash and name so a second sweep does not train it
    /// again (training is most of a sweep's time).
    /// </summary>
    private static SentenceClassifier Cached(InsightTrainer trainer, string folder, string name, Func<ITransformer> train)
    {
        var path = Path.Combine(folder, name + ".zip");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            trainer.Save(train(), path + ".part");
            File.Move(path + ".part", path);
        }

        using var stream = File.OpenRead(path);
        return TrainedModel.Classifier(stream);
    }

    /// <summary>
    /// A held-out risk line missed weighs as much as this many false alerts. Without a weight (fewest false alerts among
    /// the settings within two points of the baseline's recall) every sweep spent the whole allowance on fewer false
    /// alerts, and one family could pay for all of it: with English N, S and T the Korean question guard at 0.7 took four
    /// of Q's risk questions for 16 fewer false alerts, and five of R's when read. Fixed at ten before the sweep that
    /// first used it (the weight the session-18 note proposed), not fitted to any figure.
    /// </summary>
    private const int MissedRiskWeight = 10;

    /// <summary>The lower cost (false alerts plus weighted misses); then higher recall; then fewer guards; then the higher threshold.</summary>
    private static bool Better(Score a, Score b) =>
        a.Cost != b.Cost ? a.Cost < b.Cost
        : a.Recall != b.Recall ? a.Recall > b.Recall
        : a.Guards != b.Guards ? a.Guards < b.Guards
        : a.Threshold > b.Threshold;

    private static Score Count(IEnumerable<Reading> rows, double t, double c, double q, IReadOnlyList<string> writers)
    {
        var at = At(t, c, q);
        return Count(rows.Select(r => (r, UtteranceInsight.Alerts(r.Risk, at))), t, c, q, writers);
    }

    /// <summary>The counts of held-out lines alerted on, each with whether it alerts.</summary>
    internal static Score Count(IEnumerable<(Reading Line, bool Alert)> rows, double t, double c, double q, IReadOnlyList<string> writers)
    {
        var list = rows.Select(r => (r.Line.Writer, r.Line.Kind, r.Alert)).ToList();
        int Alerts(string kind) => list.Count(r => r.Kind == kind && r.Alert);
        int Lines(string kind) => list.Count(r => r.Kind == kind);
        return new Score(t, c, q, Alerts("risk"), Lines("risk"), [.. writers.Select(w => list.Count(r => r.Writer == w && r.Kind == "risk" && r.Alert))],
            Alerts("everyday"), Lines("everyday"), Alerts("none"), Lines("none"), Alerts("distortion"), Lines("distortion"), Alerts("lookalike"), Lines("lookalike"));
    }

    /// <param name="Lookalike">The development hard cases' lookalikes alerted on.</param>
    internal sealed record Score(double Threshold, double Cue, double Question, int Recall, int RiskLines, int[] PerWriter,
        int Everyday, int EverydayLines, int None, int NoneLines, int Distortion, int DistortionLines, int Lookalike, int LookalikeLines)
    {
        public int False => Everyday + None + Distortion + Lookalike;

        public string Summary => $"recall {Recall}/{RiskLines} ({string.Join('/', PerWriter)}), false {False} (everyday {Everyday}/{EverydayLines}, "
            + $"none {None}/{NoneLines}, distortion {Distortion}/{DistortionLines}, lookalike {Lookalike}/{LookalikeLines})";

        public int Guards => (Cue == 0 ? 0 : 1) + (Question == 0 ? 0 : 1);

        public int Cost => False + (MissedRiskWeight * (RiskLines - Recall));

        public InsightThresholds Thresholds => At(Threshold, Cue, Question);
    }

    private static InsightThresholds At(double t, double c, double q) =>
        new() { Risk = t, RiskKorean = t, RiskWithoutCue = c, RiskWithoutCueKorean = c, RiskInQuestion = q, RiskInQuestionKorean = q };
}
