using System.Globalization;
using System.Text;
using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Tests.Analysis;

/// <summary>
/// The public analysers (<see cref="DistortionDetector.Detect"/>, <see cref="RiskDetector.Assess"/>,
/// <see cref="TextEmotionAnalyzer.Analyze"/>) run over one language of the corpus's test split (writer C, whose lines
/// were never used for training or tuning), with every figure the evaluation reports.
/// </summary>
internal sealed class InsightEvaluation
{
    private const string None = "none";
    private const string Risk = "risk";

    private static readonly string[] EmotionLabels = ["neutral", "joy", "calm", "anxiety", "sadness", "anger"];

    private InsightEvaluation(TextLanguage language, string writer, IReadOnlyList<CorpusUtterance> utterances, IReadOnlyList<CorpusEmotion> emotions)
    {
        Language = language;
        Writer = writer;
        Utterances = utterances;
        Emotions = emotions;
        var analyzer = new TextEmotionAnalyzer();
        Detections = [.. utterances.Select(u => DistortionDetector.Detect(u.Text, language))];
        Risks = [.. utterances.Select(u => RiskDetector.Assess(u.Text, language))];
        EmotionPredictions = [.. emotions.Select(e => analyzer.Analyze(e.Text, language).Label.ToString().ToLowerInvariant())];
    }

    public static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public TextLanguage Language { get; }

    /// <summary>The writer whose lines these are.</summary>
    public string Writer { get; }

    public IReadOnlyList<CorpusUtterance> Utterances { get; }

    public IReadOnlyList<CorpusEmotion> Emotions { get; }

    public IReadOnlyList<IReadOnlyList<DistortionMatch>> Detections { get; }

    public IReadOnlyList<RiskAssessment> Risks { get; }

    public IReadOnlyList<string> EmotionPredictions { get; }

    /// <summary>Correct detections over all detections, on every line of the split (a detection on a risk or none line is false).</summary>
    public double Precision => Ratio(Indices.Sum(i => Detections[i].Count(d => d.Type.ToCode() == Utterances[i].Label)), Detections.Sum(d => d.Count));

    /// <summary>Distortion lines with any distortion found.</summary>
    public double Recall => Ratio(DistortionLines.Count(i => Detections[i].Count > 0), DistortionLines.Count());

    /// <summary>Distortion lines whose labelled type is among those found.</summary>
    public double ExactRecall => Ratio(DistortionLines.Count(i => Found(i, Utterances[i].Label)), DistortionLines.Count());

    public int RiskLines => RiskIndices.Count();

    public int RiskAlerted => RiskIndices.Count(i => Risks[i].Level != RiskLevel.None);

    public double RiskRecall => Ratio(RiskAlerted, RiskLines);

    public int NoneLines => NoneIndices.Count();

    public int FalseAlertsOnNone => NoneIndices.Count(i => Risks[i].Level != RiskLevel.None);

    public int Denials => NoneIndices.Count(i => Utterances[i].Subtype == "denial");

    public int FalseAlertsOnDenials => NoneIndices.Count(i => Utterances[i].Subtype == "denial" && Risks[i].Level != RiskLevel.None);

    /// <summary>Risk lines alerted with the level the writer gave (ideation, plan_means, act).</summary>
    public double RiskLevelAgreement => Ratio(RiskIndices.Count(i => Risks[i].Severity?.ToCode() == Utterances[i].RiskLevel), RiskLines);

    public double EmotionMacroF1 => EmotionLabels.Average(label =>
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < Emotions.Count; i++)
        {
            var labelled = Emotions[i].Emotion == label;
            var predicted = EmotionPredictions[i] == label;
            tp += labelled && predicted ? 1 : 0;
            fp += !labelled && predicted ? 1 : 0;
            fn += labelled && !predicted ? 1 : 0;
        }

        return tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
    });

    private IEnumerable<int> Indices => Enumerable.Range(0, Utterances.Count);

    private IEnumerable<int> DistortionLines => Indices.Where(i => Utterances[i].Label is not (None or Risk));

    private IEnumerable<int> RiskIndices => Indices.Where(i => Utterances[i].Label == Risk);

    private IEnumerable<int> NoneIndices => Indices.Where(i => Utterances[i].Label == None);

    public static InsightEvaluation TestSplit(TextLanguage language)
    {
        var code = language.ToCode();
        bool test(string writer) => writer == InsightCorpus.TestWriter;
        return new InsightEvaluation(language, InsightCorpus.TestWriter, InsightCorpus.Utterances(CorpusRoot, code, test), InsightCorpus.Emotions(CorpusRoot, code, test));
    }

    /// <summary>
    /// The unseen writers' split (<see cref="InsightCorpus.UnseenTestWriters"/>, never trained or tuned on): distortion, risk
    /// and none lines in the language, written after the models and rules that read them.
    /// </summary>
    public static InsightEvaluation UnseenTestSplit(TextLanguage language)
    {
        var lines = InsightCorpus.Utterances(CorpusRoot, language.ToCode(), InsightCorpus.UnseenTestWriters.Contains);
        return new(language, string.Join("+", lines.Select(l => l.Writer).Distinct()), lines, []);
    }

    /// <summary>
    /// The wishes' test split (<see cref="InsightCorpus.WishesTestWriters"/>, never trained or tuned on): ordinary wants,
    /// hopes and wishes to stop or get away, and wishes to be dead or to hurt oneself, in the language.
    /// </summary>
    public static InsightEvaluation WishesTestSplit(TextLanguage language) => TalkTestSplit(language, InsightCorpus.WishesTestWriters);

    /// <summary>
    /// The past's test split (<see cref="InsightCorpus.PastTestWriters"/>, never trained or tuned on): risk now from
    /// speakers who tell their past, past risk told as over, harmless alarming words and denials, in the language.
    /// </summary>
    public static InsightEvaluation PastTestSplit(TextLanguage language) => TalkTestSplit(language, InsightCorpus.PastTestWriters);

    /// <summary>The session talk files of those of <paramref name="writers"/> who wrote in the language.</summary>
    private static InsightEvaluation TalkTestSplit(TextLanguage language, IReadOnlyList<string> writers)
    {
        var lines = InsightCorpus.Talk(CorpusRoot, language.ToCode(), writers, _ => true);
        return new(language, string.Join("+", lines.Select(l => l.Writer).Distinct()), lines, []);
    }

    /// <summary>
    /// A session talk test split (corpus/talk, never trained or tuned on): writer F's ordinary talk in seven kinds and risk
    /// in eight families, what a live session mostly hears, where a false alert turns the counselor's reply into a crisis
    /// script; or writer R's questions.
    /// </summary>
    public static InsightEvaluation TalkTestSplit(TextLanguage language, string writer) =>
        new(language, writer, InsightCorpus.Talk(CorpusRoot, language.ToCode(), writer, _ => true), []);

    /// <summary>The emotion test split (corpus/emotion, never trained or tuned on): 50 lines per emotion in five kinds.</summary>
    public static InsightEvaluation EmotionTestSplit(TextLanguage language)
    {
        var lines = InsightCorpus.EmotionTest(CorpusRoot, language.ToCode());
        return new(language, string.Join("+", lines.Select(l => l.Writer).Distinct()), [], lines);
    }

    /// <summary>Distortions found on none lines (any is false: ordinary talk holds no labelled distortion).</summary>
    public int DistortionsOnNone => NoneIndices.Count(i => Detections[i].Count > 0);

    /// <summary>Denial lines the counselor acknowledges as such (<see cref="RiskDetector.DeniesRisk"/>).</summary>
    public int DenialsRecognised => NoneIndices.Count(i => Utterances[i].Subtype == "denial" && RiskDetector.DeniesRisk(Utterances[i].Text, Language));

    /// <summary>Risk alerts and distortions found per kind of ordinary talk, and alerts per risk family.</summary>
    public string TalkReport()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"== {Language} session talk test split (writer {Writer}): risk recall {RiskRecall:F3} ({RiskAlerted}/{RiskLines}), "
            + $"false alerts on none {FalseAlertsOnNone}/{NoneLines}, none lines with a distortion found {DistortionsOnNone}/{NoneLines}, "
            + $"denials recognised {DenialsRecognised}/{Denials}");
        foreach (var group in RiskIndices.GroupBy(i => Utterances[i].Subtype).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  family {group.Key}: {group.Count(i => Risks[i].Level != RiskLevel.None)}/{group.Count()}");
        }

        foreach (var group in NoneIndices.GroupBy(i => Utterances[i].Subtype).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  none/{group.Key}: risk alerts {group.Count(i => Risks[i].Level != RiskLevel.None)}, distortions found {group.Count(i => Detections[i].Count > 0)} of {group.Count()}");
        }

        return text.ToString();
    }

    public string Report()
    {
        var text = new StringBuilder();
        var types = Enum.GetValues<DistortionType>().Select(t => t.ToCode()).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"== {Language} test split (writer {Writer}): {Utterances.Count} utterances, {Emotions.Count} emotion lines");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"distortions: precision {Precision:F3}, recall {Recall:F3}, exact-type recall {ExactRecall:F3}");
        text.AppendLine("| type | precision | recall (exact) | found/labelled |");
        foreach (var type in types)
        {
            var found = Indices.Count(i => Found(i, type));
            var correct = Indices.Count(i => Utterances[i].Label == type && Found(i, type));
            var labelled = Indices.Count(i => Utterances[i].Label == type);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {Ratio(correct, found):F2} | {Ratio(correct, labelled):F2} | {found}/{labelled} |");
        }

        text.AppendLine("confusion (rows: label, columns: most confident type found, '-' nothing):");
        var columns = types.Append("-").ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"",-28}{string.Join("", columns.Select(c => $"{Abbreviation(c),6}"))}");
        foreach (var label in types.Append(Risk).Append(None))
        {
            var rows = Indices.Where(i => Utterances[i].Label == label).ToList();
            var counts = columns.Select(c => rows.Count(i => Top(i) == c));
            text.AppendLine(CultureInfo.InvariantCulture, $"{label,-28}{string.Join("", counts.Select(n => $"{n,6}"))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"risk: recall {RiskRecall:F3} ({RiskAlerted}/{RiskLines}), level agreement {RiskLevelAgreement:F3}, false alerts on none {FalseAlertsOnNone}/{NoneLines}, on denials {FalseAlertsOnDenials}/{Denials}, on distortion lines {DistortionLines.Count(i => Risks[i].Level != RiskLevel.None)}, denials recognised {DenialsRecognised}/{Denials}");
        foreach (var group in RiskIndices.GroupBy(i => Utterances[i].Subtype).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  family {group.Key}: {group.Count(i => Risks[i].Level != RiskLevel.None)}/{group.Count()}");
        }

        foreach (var group in RiskIndices.GroupBy(i => Utterances[i].RiskLevel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  level {group.Key}: alerted {group.Count(i => Risks[i].Level != RiskLevel.None)}/{group.Count()}, same level {group.Count(i => Risks[i].Severity?.ToCode() == group.Key)}");
        }

        foreach (var group in NoneIndices.GroupBy(i => Utterances[i].Subtype).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  none/{group.Key}: risk alerts {group.Count(i => Risks[i].Level != RiskLevel.None)}, distortions found {group.Count(i => Detections[i].Count > 0)} of {group.Count()}");
        }

        text.Append(EmotionReport());
        return text.ToString();
    }

    /// <summary>Macro-F1, each emotion's precision and recall with what its lines were read as, and the share read right per kind of line.</summary>
    public string EmotionReport()
    {
        var text = new StringBuilder();
        var lines = Enumerable.Range(0, Emotions.Count).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"text emotion: macro-F1 {EmotionMacroF1:F3} on {Emotions.Count}");
        foreach (var label in EmotionLabels)
        {
            var rows = lines.Where(i => Emotions[i].Emotion == label).ToList();
            var read = lines.Count(i => EmotionPredictions[i] == label);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {label,-8} precision {Ratio(rows.Count(i => EmotionPredictions[i] == label), read):F2} recall {Ratio(rows.Count(i => EmotionPredictions[i] == label), rows.Count):F2} -> {string.Join(" ", EmotionLabels.Select(p => $"{p}:{rows.Count(i => EmotionPredictions[i] == p)}"))}");
        }

        foreach (var kind in lines.GroupBy(i => Emotions[i].Kind).Where(g => g.Key != "-").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  kind {kind.Key}: read right {kind.Count(i => EmotionPredictions[i] == Emotions[i].Emotion)}/{kind.Count()}, read neutral {kind.Count(i => EmotionPredictions[i] == "neutral")}");
        }

        return text.ToString();
    }

    /// <summary>Lines of the given kind read as neutral (hopeless lines must read as sadness or anxiety).</summary>
    public int ReadNeutral(string kind) => Enumerable.Range(0, Emotions.Count).Count(i => Emotions[i].Kind == kind && EmotionPredictions[i] == "neutral");

    private bool Found(int i, string type) => Detections[i].Any(d => d.Type.ToCode() == type);

    private string Top(int i) => Detections[i].Count == 0 ? "-" : Detections[i].MaxBy(d => d.Confidence)!.Type.ToCode();

    private static string Abbreviation(string code) => code == "-" ? "-" : string.Concat(code.Split('_').Select(w => w[..Math.Min(2, w.Length)]));

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
