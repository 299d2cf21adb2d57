namespace BeMore.Domain.Analysis.Insight;

/// <summary>Where the classifier's probabilities become findings; chosen on the training writers scored against each other.</summary>
public sealed record InsightThresholds
{
    /// <summary>
    /// An English distortion the classifier ranks first (above risk and none) is reported from this probability: the
    /// lowest at which the pooled held-out precision reaches the 0.95, a rule fixed before the sweep
    /// (<c>--risk-dev</c> sweeps it: each training writer read by its fold's model trained without it). With the thirteen
    /// English training writers of 2026-12-05: 0.952, exact-type recall 0.835 of 4,807 lines, against 0.963 and 0.789 at
    /// the 0.8 it had since writer H.
    /// </summary>
    public double Distortion { get; init; } = 0.65;

    /// <summary>
    /// Korean distortions, from this probability: the lowest at which the pooled held-out precision of the five training
    /// writers there were at writer H reaches the 0.95 (0.956; exact-type recall 0.770 against 0.723 at 0.8).
    /// </summary>
    public double DistortionKorean { get; init; } = 0.7;

    /// <summary>A second type, next to one already found, only when it is this sure ("unless two are clearly present").</summary>
    public double SecondDistortion { get; init; } = 0.9;

    /// <summary>
    /// English risk is alerted from this probability: the smaller of the utterance model's risk class and
    /// <see cref="RiskAgreeingScale"/> times the content-words model's (<see cref="RiskClassifier"/>), so both must read
    /// risk and no opening or function word can decide alone. Chosen by the development rule (README, "Live analysis
    /// accuracy"): the lowest cost, held-out false alerts (everyday sentences, session talk, none and distortion lines)
    /// plus ten for each held-out risk line missed, in each language, while pooled held-out risk recall stays within two
    /// points of the utterance model's at 0.2 without a guard and no writer loses more than three. With questions writer
    /// U and that weight: 0.07 without guards, 292 held-out false alerts, recall 1,022 of 1,074 (cost 812); the setting
    /// before (0.2, question guard 0.4) now fails the recall rule (986). It is also where the shipped reader
    /// starts reading the content-words model, and the second stage (<see cref="RiskDecision"/>) learned its inputs read
    /// that way: a change here means running <c>--risk-dev</c> again.
    /// </summary>
    public double Risk { get; init; } = 0.07;

    /// <summary>
    /// Korean risk, the same two models agreeing, from this probability, chosen by the same rule: with questions writer
    /// U, 0.03 with the cue guard at 0.3 and no question guard: 238 held-out false alerts, recall 744 of 781 (cost 608);
    /// the setting before (0.2, question guard 0.7) now fails the recall rule (714).
    /// </summary>
    public double RiskKorean { get; init; } = 0.03;

    /// <summary>
    /// The content-words model's weight in the agreement (<see cref="Risk"/>, <see cref="RiskKorean"/>); chosen with them
    /// (scale 5 gave 183 and 149 false alerts, 332 in all, against 331 here).
    /// </summary>
    public float RiskAgreeingScale { get; init; } = 8f;

    /// <summary>
    /// Risk in what is left of an utterance after a denial, idiom or retold clause was set aside needs this probability:
    /// after "I'm not suicidal", "I just want to rest" elaborates the denial unless it clearly says more.
    /// </summary>
    public double RiskBesideDenial { get; init; } = 0.5;

    /// <summary>
    /// A risk finding of the classifier alone, in words that hold no risk cue (<see cref="RiskCues"/>: death, harm,
    /// ending, disappearing, burden, farewell, means), needs this probability (English; 0 is no guard). Chosen with
    /// <see cref="Risk"/>: no guard.
    /// </summary>
    public double RiskWithoutCue { get; init; }

    /// <summary>The cue guard for Korean, chosen with <see cref="RiskKorean"/>: 0.3 (none with N, S and T, 0.4 with M, none with L and Q, 0.5 before).</summary>
    public double RiskWithoutCueKorean { get; init; } = 0.3;

    /// <summary>
    /// A risk finding of the classifier alone in words that ask something (<see cref="ConversationMoves.Asks"/>: "is it
    /// normal to take two sleeping pills?") needs this probability (English; 0 is no guard): an ordinary question with
    /// an alarming word is the commonest false alert, and a risk statement asked as a question is mostly said in words
    /// the classifier is sure of. Chosen with <see cref="Risk"/> by the development rule: none since questions writer U
    /// (0.4 before, 0.2 with M).
    /// </summary>
    public double RiskInQuestion { get; init; }

    /// <summary>The question guard for Korean (<see cref="RiskInQuestion"/>), chosen with <see cref="RiskKorean"/>: none (0.7 before, 0.3 with M).</summary>
    public double RiskInQuestionKorean { get; init; }

    /// <summary>
    /// A risk finding of the classifier alone in words that voice a wish (<see cref="ConversationMoves.Wishes"/>) and hold
    /// no risk cue needs this probability (English; 0 is no guard): "I want to get better", "I wish I'd called her back"
    /// and "둘째 생겼으면 좋겠다" read as risk because the commonest passive ideation is a wish ("I wish I could just not
    /// wake up", "자다가 안 깨어났으면 좋겠어"), and that wish names death, sleep, an end or going away. Off, by a rule fixed
    /// before its first <c>--risk-dev</c> sweep (2026-12-07): no cutoff keeps the other held-out lines' risk within two
    /// lines and lowers the cost; at 0.5 the ordinary development wishes' false alerts go 74 -> 53 of 233, but 7 of the
    /// other 1,512 risk lines and 3 of the 57 wishes to die are lost: wishes the classifier reads right in words no cue
    /// list holds ("I'd like to just switch myself off", "I want this to be my last Christmas").
    /// </summary>
    public double RiskWishWithoutCue { get; init; }

    /// <summary>
    /// The wish guard for Korean (<see cref="RiskWishWithoutCue"/>): off by the same rule (at 0.5: ordinary wishes 79 -> 73
    /// of 235 false alerts, other risk lines 981 -> 979 of 1,095, wishes to die 54 -> 53 of 55: a higher cost).
    /// </summary>
    public double RiskWishWithoutCueKorean { get; init; }

    /// <summary>
    /// A risk finding of the classifier alone in a wish about the speaker's own past ("I wish I'd studied something I cared
    /// about", "I wish I hadn't missed her games", "그 회사 안 들어갔으면 좋았을 텐데", Korean since session 44;
    /// <see cref="ConversationMoves.Regrets"/>) that holds no risk cue raises no alert. Regrets are the commonest false
    /// alert on ordinary English wishes (28 of the test wishes' 77, 18 of the development wishes' 74), and every
    /// development risk line said as a regret names death, birth or the means
    /// ("I wish I'd never been born", "I wish I'd died in the crash"); the cue list holds the regrets of an attempt too
    /// (survived, rescued, woke up, went through with it).
    /// </summary>
    public bool RiskRegretNeedsCue { get; init; } = true;

    /// <summary>
    /// A risk finding of the classifier alone in a wish for a plainly good outcome (<see cref="ConversationMoves.WishesWell"/>:
    /// "이번엔 붙었으면 좋겠다", "I hope my daughter gets into the uni she wants") that holds no risk cue raises no alert.
    /// </summary>
    public bool RiskGoodWishNeedsCue { get; init; } = true;

    /// <summary>
    /// A risk finding of the classifier alone in a wish that a named ordinary thing stop or end, with no risk cue but that
    /// stop word (<see cref="ConversationMoves.StopsSomethingOrdinary"/>: "I want the arguments to end", "공황 좀 그만
    /// 왔으면"), raises no alert.
    /// </summary>
    public bool RiskOrdinaryStopIsNotRisk { get; init; } = true;

    public double RiskWishWithoutCueFor(TextLanguage language) => language == TextLanguage.Korean ? RiskWishWithoutCueKorean : RiskWishWithoutCue;

    public double RiskInQuestionFor(TextLanguage language) => language == TextLanguage.Korean ? RiskInQuestionKorean : RiskInQuestion;

    public double DistortionFor(TextLanguage language) => language == TextLanguage.Korean ? DistortionKorean : Distortion;

    public double RiskFor(TextLanguage language) => language == TextLanguage.Korean ? RiskKorean : Risk;

    public double RiskWithoutCueFor(TextLanguage language) => language == TextLanguage.Korean ? RiskWithoutCueKorean : RiskWithoutCue;

    /// <summary>
    /// Where this is above 0, the second stage (<see cref="Insight.RiskDecision"/>) adds English alerts where it says at
    /// least this on an utterance the rules and the first stage left (<see cref="UtteranceInsight.SecondStageReads"/>).
    /// Chosen by a rule fixed before the <c>--risk-dev</c> run of 2026-12-05 (the cost rule alone had nearly doubled false
    /// alerts on ordinary talk): the lowest-cost threshold whose held-out false alerts on ordinary
    /// lines (everyday sentences, session talk, none and distortion lines) stay within 1.10 times the first stage's and
    /// whose recall gains at least 2 % of the development risk lines. Then only 0.35 passed (recall 1,210 -> 1,242 of 1,434,
    /// ordinary false alerts 257 -> 281, lookalikes 110 -> 117 of 360), and it shipped. Rerun with questions writers AU and
    /// AV (session 30) none passes: 0.35 gains 31 of 1,512 (1,289 -> 1,320) but reads 298 ordinary false alerts against a
    /// ceiling of 294 (268 at the first stage); 0.30 reads 306. So it is off (0), as in Korean.
    /// </summary>
    public double RiskDecision { get; init; }

    /// <summary>
    /// The second stage's threshold for Korean (<see cref="RiskDecision"/>): off, because no threshold passes the same
    /// rule (with development hard cases Y and AA: 0.20 reaches the recall, 922 of 1,015 against 901, but ordinary false
    /// alerts go 180 -> 217, over the ceiling of 198; 0.25 reads 200 of them and 920, both short; with AU and AV, 0.15
    /// reaches it, 1,003 of 1,095 against 977, at 288 ordinary false alerts over a ceiling of 225).
    /// </summary>
    public double RiskDecisionKorean { get; init; }

    public double RiskDecisionFor(TextLanguage language) => language == TextLanguage.Korean ? RiskDecisionKorean : RiskDecision;

    /// <summary>Ideation the rules did not name is High from this probability, Elevated below it; plans and acts are always High.</summary>
    public double HighRisk { get; init; } = 0.5;
}

/// <summary>One utterance's risk before the thresholds: a rule's level, or the classifier's probability in the clauses it read.</summary>
/// <param name="RuleLevel">What a phrase rule found; None when only the classifier can say.</param>
/// <param name="Probability">The risk probability, the highest of the kept text and each of its clauses.</param>
/// <param name="SetAside">A denial, idiom or retold clause was set aside from the utterance.</param>
/// <param name="Scope">The text the risk level is read from.</param>
/// <param name="Language">The language <paramref name="Scope"/> is in, for its risk cues (<see cref="RiskCues"/>).</param>
/// <param name="Whole">
/// The utterance model's risk probability on the whole utterance; 0 where the rules set something aside, which the second
/// stage does not read (<see cref="UtteranceInsight.SecondStageReads"/>).
/// </param>
/// <param name="Denied">The rules found only denied risk phrases ("I'd never hurt myself").</param>
/// <param name="Utterance">The whole utterance, where the classifier read it; what <see cref="ToldAsOver"/> reads.</param>
public sealed record RiskReading(RiskLevel RuleLevel, EvidenceSpan? Evidence, float Probability, bool SetAside, string Scope, TextLanguage Language,
    float Whole = 0, bool Denied = false, string? Utterance = null)
{
    public static RiskReading Nothing { get; } = new(RiskLevel.None, null, 0, false, "", TextLanguage.English);

    /// <summary>
    /// A rule's finding, or a risk cue in the words the classifier read: looked up only when a threshold asks, so the
    /// guard costs nothing per segment while it is off.
    /// </summary>
    public bool Cue => _cue ??= RuleLevel != RiskLevel.None || RiskCues.Any(Scope, Language);

    /// <summary>Whether the words the classifier read ask something; looked up only when the question guard is on.</summary>
    public bool Asks => _asks ??= ConversationMoves.Asks(Scope, Language);

    /// <summary>Whether the words the classifier read voice a wish; looked up only when the wish guard asks.</summary>
    public bool Wishes => _wishes ??= ConversationMoves.Wishes(Scope, Language);

    /// <summary>Whether the words the classifier read wish the speaker's own past otherwise; looked up only for a classifier-only finding.</summary>
    public bool Regrets => _regrets ??= ConversationMoves.Regrets(Scope, Language);

    /// <summary>
    /// Whether the utterance tells its risk as over, and why (<see cref="RiskRules.ToldAsOver"/>): a classifier's finding
    /// stands down. Looked up only for a finding the classifier would otherwise alert on.
    /// </summary>
    public bool ToldAsOver => _over ??= Utterance is not null && RiskRules.ToldAsOver(Utterance, Language);

    /// <summary>Whether the words the classifier read wish for a plainly good outcome; looked up only for a classifier-only finding.</summary>
    public bool WishesWell => _wishesWell ??= ConversationMoves.WishesWell(Scope, Language);

    /// <summary>Whether the words the classifier read wish a named ordinary thing to stop; looked up only for a classifier-only finding.</summary>
    public bool StopsSomethingOrdinary => _stops ??= ConversationMoves.StopsSomethingOrdinary(Scope, Language);

    private bool? _wishesWell;

    private bool? _stops;

    private bool? _over;

    private bool? _cue;

    private bool? _asks;

    private bool? _wishes;

    private bool? _regrets;
}

/// <summary>
/// One utterance read by the trained classifiers and the phrase rules together. The classifier (word and character
/// n-grams, maximum entropy, trained from the corpus by tools/BeMore.Insight.Training) gives recall on everyday wording
/// and a probability that serves as the finding's confidence; the rules give exact evidence spans, recognise disowned
/// thoughts and denials, and keep what they find.
/// </summary>
/// <param name="risk">
/// Where each language's risk probability comes from; null (or a null reader) for the utterance model's own risk class on
/// the whole text. Shipped: the utterance and content-words models agreeing, in both languages.
/// </param>
/// <param name="decision">The second stage, used in a language whose <see cref="InsightThresholds.RiskDecisionFor"/> is above 0.</param>
/// <param name="distortions">
/// Where each language's distortion classes are read; null (or a null model) for the utterance model. Shipped: the
/// distortion model for Korean, which learned writers the risk readers never see (<see cref="InsightCorpus.DistortionOnlyWriters"/>).
/// </param>
public sealed class UtteranceInsight(
    SentenceClassifier utterance, SentenceClassifier riskLevel, InsightThresholds thresholds, RiskReaders? risk = null, RiskDecision? decision = null,
    DistortionReaders? distortions = null)
{
    private const string RiskClass = "risk";

    private static readonly Lazy<UtteranceInsight> ShippedModels = new(() =>
    {
        // Each load is single-threaded deserialization: side by side they take about the largest one's time, not the sum.
        var content = Task.Run(() => SentenceClassifier.LoadEmbedded(ModelFiles.RiskContent));
        var riskLevel = Task.Run(() => SentenceClassifier.LoadEmbedded(ModelFiles.RiskLevel));
        var distortions = Task.Run(() => SentenceClassifier.LoadEmbedded(ModelFiles.Distortions));
        var utterance = SentenceClassifier.LoadEmbedded(ModelFiles.Utterance);
        var thresholds = new InsightThresholds();
        RiskClassifier Agreeing(double from) =>
            new(utterance, contentWordsOnly: false, agreeing: (content.Result, thresholds.RiskAgreeingScale), agreeingFrom: (float)from);
        return new UtteranceInsight(
            utterance, riskLevel.Result, thresholds, new RiskReaders(Agreeing(thresholds.Risk), Agreeing(thresholds.RiskKorean)), RiskDecision.LoadEmbedded(),
            new DistortionReaders(English: null, Korean: distortions.Result));
    });

    private readonly DistortionReaders? _distortions = distortions is null || distortions.HasClassesOf(utterance) ? distortions
        : throw new ArgumentException("A distortion model must have the utterance model's classes in its order.", nameof(distortions));

    private readonly int _risk = utterance.IndexOf(RiskClass);

    /// <summary>Each thread's last reading: a reading depends only on the text, the language and the instance that read it.</summary>
    [ThreadStatic]
    private static (UtteranceInsight? Reader, string? Text, TextLanguage Language, RiskReading? Reading) t_lastReading;
    private readonly float[] _noWords = [.. utterance.Classes.Select(c => c == "none" ? 1f : 0f)];
    private readonly DistortionType?[] _types = [.. utterance.Classes.Select(c => DistortionTypeCodes.TryParse(c, out var t) ? t : (DistortionType?)null)];

    public InsightThresholds Thresholds => thresholds;

    /// <summary>The same models and risk readers at other thresholds, and another second stage where one is given.</summary>
    public UtteranceInsight WithThresholds(InsightThresholds other, RiskDecision? otherDecision = null) =>
        new(utterance, riskLevel, other, risk, otherDecision ?? decision, _distortions);

    /// <summary>The models shipped in the grain assembly, loaded on first use.</summary>
    public static UtteranceInsight Shipped => ShippedModels.Value;

    public IReadOnlyList<DistortionMatch> Distortions(string text, TextLanguage language)
    {
        var rules = DistortionRules.Detect(text, language);
        var model = _distortions?.For(language) ?? utterance;
        var p = Probabilities(model, text);
        var top = ArgMax(p);
        var found = new List<DistortionMatch>(rules.Count + 1);
        foreach (var rule in rules)
        {
            found.Add(rule with { Confidence = Math.Max(rule.Confidence, p[ClassOf(rule.Type)]) });
        }

        if (_types[top] is { } type && p[top] >= thresholds.DistortionFor(language) && found.All(f => f.Type != type)
            && !DistortionRules.IsDisowned(text, language)
            && (found.Count == 0 || p[top] >= thresholds.SecondDistortion))
        {
            var evidence = BestClause(model, text, language, top) ?? Trimmed(text);
            found.Add(new DistortionMatch(type, DistortionRules.Amplified(DistortionSeverity.Medium, text, language), p[top], evidence));
        }

        return found;
    }

    public RiskAssessment Risk(string text, TextLanguage language)
    {
        var reading = ReadRisk(text, language);
        var decidedAt = thresholds.RiskDecisionFor(language);
        var alerts = Alerts(reading, thresholds)
            || (decision is not null && decidedAt > 0 && SecondStageReads(reading) && decision.Probability(text, reading) >= decidedAt);
        if (!alerts)
        {
            return RiskAssessment.None;
        }

        var severity = Severity(reading.Scope);
        var level = reading.RuleLevel == RiskLevel.High || severity != RiskSeverity.Ideation || reading.Probability >= thresholds.HighRisk
            ? RiskLevel.High : RiskLevel.Elevated;
        return new RiskAssessment(level, reading.Evidence ?? Trimmed(text), severity);
    }

    /// <summary>
    /// Whether the second stage (<see cref="RiskDecision"/>) reads an utterance the first stage did not alert on: only
    /// where no rule found anything and nothing was set aside. The rules own denial, idiom and someone else's words ("I
    /// would never kill myself, don't worry" raises nothing); the second stage reads the rest for what its words hide.
    /// </summary>
    public static bool SecondStageReads(RiskReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.RuleLevel == RiskLevel.None && reading.Evidence is not null && !reading.SetAside && !reading.ToldAsOver;
    }

    /// <summary>
    /// Whether the utterance states risk as the first stage reads it: a rule's finding, or the classifier at its own
    /// thresholds and guards (<see cref="Alerts"/>), without the second stage. The second stage's threshold leans to
    /// recall, as an alert should; what else follows from risk (the emotion read as sadness) needs the surer reading, or
    /// every extra false alert also turns a joyful or calm line to sadness.
    /// </summary>
    public bool StatesRisk(string text, TextLanguage language) => Alerts(ReadRisk(text, language), thresholds);

    /// <summary>
    /// What the rules and the classifier read in <paramref name="text"/> before any threshold; <see cref="Alerts"/> applies
    /// them, so the development report sweeps thresholds over one reading per line.
    /// </summary>
    public RiskReading ReadRisk(string text, TextLanguage language)
    {
        // The alert, the emotion reading and the counselor's denial check each ask about the same segment in turn.
        var last = t_lastReading;
        if (ReferenceEquals(last.Reader, this) && last.Language == language && string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            return last.Reading!;
        }

        var reading = Read(text, language);
        t_lastReading = (this, text, language, reading);
        return reading;
    }

    private RiskReading Read(string text, TextLanguage language)
    {
        var rules = RiskRules.Assess(text, language);
        if (rules.Level != RiskLevel.None)
        {
            return new RiskReading(rules.Level, rules.Evidence, risk?.For(language)?.Probability(text, language) ?? Probabilities(utterance, text)[_risk], false, text, language);
        }

        // What the rules' phrases found, told as over: the classifier is not asked either.
        if (rules.ToldAsOver)
        {
            return new RiskReading(RiskLevel.None, null, 0, true, text, language, 0, true);
        }

        // The classifier reads only the clauses that neither deny risk, retell someone else's words nor use an idiom:
        // "I'd never hurt myself" raises nothing, "I'd never kill myself but I've been saving pills" is read for its second half.
        if (RiskRules.UnqualifiedClauses(text, language) is not { } kept)
        {
            return new RiskReading(RiskLevel.None, null, 0, true, text, language, 0, rules.Denied);
        }

        // Each clause is scored too, so a risk clause is not diluted by the small talk around it, and is the evidence.
        var reader = risk?.For(language);
        var probability = reader?.Probability(kept.Text, language)
            ?? (ReferenceEquals(kept.Text, text) ? Probabilities(utterance, text)[_risk] : utterance.Predict(kept.Text)[_risk]);
        var evidence = ReferenceEquals(kept.Text, text) ? Trimmed(text) : kept.Span;

        // Before the clauses: with nothing set aside the reader has just asked the utterance model about this text, which
        // answers again from its cache.
        var whole = kept.SetAside ? 0 : Probabilities(utterance, text)[_risk];
        var clauseProbability = 0f;
        foreach (var clause in kept.Clauses)
        {
            var p = reader?.Probability(clause.Text, language) ?? utterance.Predict(clause.Text)[_risk];
            if (p > clauseProbability)
            {
                (clauseProbability, evidence) = (p, clause);
            }
        }

        return new RiskReading(RiskLevel.None, evidence, Math.Max(probability, clauseProbability), kept.SetAside, kept.Text, language, whole, rules.Denied, text);
    }

    /// <summary>
    /// Whether a reading raises an alert at <paramref name="at"/>. What the rules find always stands: a plain statement of
    /// intent alerts whatever the classifier says. The classifier alone needs its threshold, a higher one beside a
    /// set-aside clause, a risk cue in its words unless it is very sure, more certainty in words that ask, a risk cue
    /// beside a wish, always one beside a regret, and no risk told as over.
    /// </summary>
    public static bool Alerts(RiskReading reading, InsightThresholds at)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(at);
        return reading.RuleLevel != RiskLevel.None
            || (reading.Evidence is not null
                && reading.Probability >= (reading.SetAside ? Math.Max(at.RiskBesideDenial, at.RiskFor(reading.Language)) : at.RiskFor(reading.Language))
                && (reading.Probability >= at.RiskWithoutCueFor(reading.Language) || reading.Cue)
                && (reading.Probability >= at.RiskInQuestionFor(reading.Language) || !reading.Asks)
                && (reading.Probability >= at.RiskWishWithoutCueFor(reading.Language) || !reading.Wishes || reading.Cue)
                && (!at.RiskRegretNeedsCue || !reading.Regrets || reading.Cue)
                && (!at.RiskGoodWishNeedsCue || !reading.WishesWell || reading.Cue)
                && (!at.RiskOrdinaryStopIsNotRisk || !reading.StopsSomethingOrdinary)
                && !reading.ToldAsOver);
    }

    private RiskSeverity Severity(string text)
    {
        var p = riskLevel.Predict(text);
        return RiskSeverityCodes.FromCode(riskLevel.Classes[ArgMax(p)]) ?? RiskSeverity.Ideation;
    }

    /// <summary>The model's probabilities (the utterance model's classes); a text without words reads as none.</summary>
    private float[] Probabilities(SentenceClassifier model, string text) => text.Any(char.IsLetter) ? model.Predict(text) : _noWords;

    private int ClassOf(DistortionType type) => Array.IndexOf(_types, type);

    /// <summary>
    /// The clause of a several-clause utterance that the classifier, reading each clause alone, finds most of
    /// <paramref name="classIndex"/> in; null for a one-clause utterance, whose evidence is the whole of it.
    /// </summary>
    private static EvidenceSpan? BestClause(SentenceClassifier model, string text, TextLanguage language, int classIndex)
    {
        var clauses = RiskRules.ClauseSpans(text, language);
        if (clauses.Count < 2)
        {
            return null;
        }

        EvidenceSpan? best = null;
        var bestProbability = -1f;
        foreach (var clause in clauses)
        {
            var p = model.Predict(clause.Text)[classIndex];
            if (p > bestProbability)
            {
                (best, bestProbability) = (clause, p);
            }
        }

        return best;
    }

    private static EvidenceSpan Trimmed(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new EvidenceSpan(start, end - start, text[start..end]);
    }

    private static int ArgMax(float[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }
}
