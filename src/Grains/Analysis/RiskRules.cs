using System.Text.RegularExpressions;

namespace BeMore.Grains.Analysis;

/// <summary>
/// Self-harm and suicidal-ideation phrases. Explicit intent or a death wish is High; mentions and hopelessness are
/// Elevated. A negated intent ("I would never kill myself", "죽고 싶지는 않아") is a denial, not risk, and is reported as
/// such so the classifier's guess does not overrule it. Everyday hyperbole ("this homework is killing me", "배고파
/// 죽겠다", "dying to see it") is not risk.
/// </summary>
internal static class RiskRules
{
    private static readonly Regex EnglishNegatedBefore = Compile(@"\b(?:never|not|no|\w+n['’]t)\s+(?!(?:stop|help|quit|shake|get)\b)(?:\w+\s+){0,4}$", RegexOptions.IgnoreCase);

    private static readonly Regex KoreanNegatedAfter = Compile("^[^.!?,]{0,10}?(?:없|아니|않|안 ?해|안 ?할)", RegexOptions.None);

    /// <summary>Death and harm words in idioms and lookalikes: the classifier, which reads words not phrases, mistakes them for risk.</summary>
    private static readonly Regex EnglishIdiom = CompileLenient(
        @"\b(?:(?:is|are|was|it's|that's|they're)\s+killing\s+me|kill\s+for\s+a|dying\s+(?:to|for|of)|to\s+die\s+for|died\s+laughing|die\s+of\s+(?:embarrassment|boredom|shame|laughter)|(?:phone|battery|laptop|car|plant)(?:'s|\s+is|\s+was|\s+has|\s+had|\s+just)?\s+(?:dead|died)|want\s+to\s+live\s+(?:in|with|near|at|on|abroad|alone|together)|myself\s+(?:lol|lmao|haha)|suicide\s+squad)\b");

    private static readonly Regex KoreanIdiom = CompileLenient(
        "(?:어|아|워|해|와|나|려|워서|해서) ?죽(?:겠|을 ?뻔|는 ?줄)|죽을 ?맛|죽을 ?만큼 ?(?:좋|웃|맛있|창피|부끄)|죽이(?:네|는데|더라|다|지)|(?:폰|배터리|핸드폰|노트북)(?:이|가)? ?(?:죽었|나갔)");

    private static readonly RiskPattern[] English =
    [
        High(@"\b(?:want|wanna|going|gonna|plan(?:ning)?|thinking\s+(?:about|of)|think\s+about|tempted|urge|feel\s+like|try(?:ing)?|tried|decided|might|will|'ll|could)\s+(?:to\s+)?(?:just\s+)?(?:kill|hurt|harm|cut|hang|drown|poison|shoot|end)(?:ing)?\s+myself\b"),
        High(@"\bkill\s+myself\b"),
        High(@"\b(?:I'm|I\s+am|I\s+feel|feeling|been|get|getting|having|have)\s+(?:(?!not\b|never\b|no\b)\w+\s+)?suicidal\b|\bsuicidal\s+(?:thoughts|feelings|again|ideas)\b|\b(?:commit|committing|attempt(?:ed|ing)?|considering|thinking\s+(?:about|of)|contemplating|planning)\s+suicide\b"),
        High(@"\b(?:want|wanna|wish|going|gonna|plan(?:ning)?|ready)\s+(?:to\s+)?die\b(?!\s+(?:of|from|laughing|for|with))"),
        High(@"\b(?:end|take|ending|taking)\s+my\s+(?:own\s+)?life\b|\bend\s+it\s+all\b"),
        High(@"\b(?:don't|do\s+not|no\s+longer)\s+want\s+to\s+(?:live(?!\s+(?:in|with|near|at|on|there|abroad|alone|together|like\s+my))|be\s+alive|exist|wake\s+up|be\s+here\s+anymore)\b", negatable: false),
        High(@"\bbetter\s+off\s+(?:dead|without\s+me)\b|\bwish(?:ed)?\s+I\s+(?:was|were|had)\s+(?:dead|never\s+been\s+born)\b|\bno\s+reason\s+to\s+(?:live|go\s+on|keep\s+going)\b|\b(?:never|not)\s+wake\s+up\b"),
        High(@"\b(?:overdose|OD)\s+on\b|\btake\s+all\s+(?:my|the|of\s+my)\s+pills\b|\bjump\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:bridge|building|roof|train|cliff)\b"),
        Elevated(@"\bsuicid\w*\b(?!\s+squad)"),
        Elevated(@"\bself[-\s]?harm\w*|\b(?:hurt|hurting|cut|cutting|harm|harming|killing)\s+myself\b"),
        Elevated(@"\bhopeless(?:ness)?\b|\bno\s+way\s+out\b|\bcan't\s+(?:go\s+on|take\s+(?:it|this)\s+anymore|do\s+this\s+anymore)\b"),
        Elevated(@"\b(?:want|wish)\s+(?:I\s+could\s+|to\s+)?(?:disappear|vanish|sleep\s+forever|not\s+exist)\b|\bnobody\s+would\s+(?:care|notice|miss\s+me)\b|\btired\s+of\s+(?:living|life|being\s+alive)\b|\bwhat's\s+the\s+point\s+of\s+(?:living|anything|going\s+on|life)\b|\bgive\s+up\s+on\s+(?:life|everything|living)\b"),
    ];

    private static readonly RiskPattern[] Korean =
    [
        High("죽고 ?싶(?! ?지 ?(?:는 ?)?않| ?진 ?않| ?지는 ?않| ?지 ?않| ?을 ?(?:만큼|정도로))"),
        High("죽어 ?버리고 ?싶|죽어버릴(?:까|래|거)|차라리 ?죽(?:는|고|어|었으면|을)|(?:내가|나는|난|나) ?죽어야|(?:내가|나는|난|나|차라리) ?죽었으면|죽는 ?게 ?(?:나을|낫겠|낫다|나아|편할)"),
        High("자살(?:하고 ?싶|할(?:까| 거| 생각| 계획)|하려|을 ?(?:생각|시도|계획)|하면|충동|시도|생각|했으면)"),
        High("자해(?:하고 ?싶|했|를 ?했|를 ?하고|하는 ?중|충동)"),
        High("목숨을 ?끊|삶을 ?끝내|생을 ?마감|세상을 ?떠나고 ?싶|스스로 ?(?:목숨|생을)"),
        High("살고 ?싶지 ?(?:가 ?)?않|살기 ?싫|살고 ?싶은 ?마음이 ?없|(?:더 ?이상|더는) ?살 ?(?:이유|의미|자신)(?:가|이)? ?없|살 ?이유가 ?없", negatable: false),
        High("(?:내가|난|나는|나) ?없어지면[^.!?]{0,15}?(?:나을|편할|좋을|행복할)"),
        High("뛰어내리고 ?싶|뛰어내릴까|뛰어내려 ?버릴|목을 ?매|손목을 ?(?:긋|그었|그을)|약을 ?한꺼번에|수면제를 ?모으|수면제를 ?모아|번개탄"),
        High("(?:잠들어서|자다가) ?(?:안 ?깨|깨지 ?않|영원히)"),
        Elevated("자살|자해|죽고 ?싶|죽었으면 ?좋겠"),
        Elevated("사라지고 ?싶|없어지고 ?싶|희망이 ?(?:없|안 ?보)|버틸 ?(?:수가? ?없|자신이 ?없|힘이 ?없)|살아서 ?뭐 ?(?:해|하)|사는 ?게 ?(?:의미(?:가)? ?없|무의미|지옥|지겨)|다 ?포기하고 ?싶|더는 ?못 ?버티|다 ?끝내고 ?싶"),
    ];

    public static RuleRisk Assess(string text, TextLanguage language)
    {
        var patterns = language == TextLanguage.Korean ? Korean : English;
        var level = RiskLevel.None;
        EvidenceSpan? evidence = null;
        var denied = false;

        foreach (var pattern in patterns)
        {
            if (pattern.Level <= level)
            {
                continue;
            }

            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                if (pattern.Negatable && IsNegated(text, match, language))
                {
                    denied = true;
                    continue;
                }

                level = pattern.Level;
                evidence = new EvidenceSpan(match.Index, match.Length, text.Substring(match.Index, match.Length));
                break;
            }
        }

        return new RuleRisk(level, evidence, denied && level == RiskLevel.None);
    }

    /// <summary>Whether the utterance holds an idiom with a death or harm word ("this traffic is killing me", "배고파 죽겠다").</summary>
    public static bool HasIdiom(string text, TextLanguage language) => (language == TextLanguage.Korean ? KoreanIdiom : EnglishIdiom).IsMatch(text);

    private static bool IsNegated(string text, ValueMatch match, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanNegatedAfter.IsMatch(text.AsSpan(match.Index + match.Length))
        : EnglishNegatedBefore.IsMatch(text.AsSpan(0, match.Index));

    private static RiskPattern High(string pattern, bool negatable = true) => new(RiskLevel.High, negatable, CompileLenient(pattern));

    private static RiskPattern Elevated(string pattern, bool negatable = true) => new(RiskLevel.Elevated, negatable, CompileLenient(pattern));

    /// <summary>Case-insensitive, with either apostrophe, since transcripts come from many keyboards and recognisers.</summary>
    private static Regex CompileLenient(string pattern) =>
        Compile(pattern.Replace("'", "['’]", StringComparison.Ordinal), RegexOptions.IgnoreCase);

    private static Regex Compile(string pattern, RegexOptions options) =>
        new(pattern, options | RegexOptions.Compiled | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    /// <param name="Denied">The only phrases found were denied: "I'd never hurt myself".</param>
    internal sealed record RuleRisk(RiskLevel Level, EvidenceSpan? Evidence, bool Denied);

    private sealed record RiskPattern(RiskLevel Level, bool Negatable, Regex Regex);
}
