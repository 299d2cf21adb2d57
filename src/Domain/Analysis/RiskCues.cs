using System.Text.RegularExpressions;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Words and phrases without which a sentence is hardly a risk statement: death and dying, self-harm, ending and giving up,
/// disappearing, being a burden, farewells and affairs settled, and the means and places a plan names (pills, heights,
/// balconies and bridges, ropes and belts, blades, weapons, traffic and the tracks, a hose). Written
/// from the Columbia scale's (C-SSRS) families, not from corpus lines; verb forms and slang for dying that development
/// lines showed missing (사라져, 없어져, 떠났, 뒤지다 as dying, "off myself", "dying", "permanently" as "forever", and means:
/// "railing", "hose", 난간, 선로)
/// were added as words, not as those lines' phrases; so were the words of an attempt told as a regret (survived, rescued,
/// woke up, in front of, went through with it), since a regret needs a cue to alert (<see cref="Insight.InsightThresholds.RiskRegretNeedsCue"/>);
/// 뒤지다 only in its dying forms (뒤지고 싶다, 뒤져 버리다), since it also means to rummage or to fall behind. Not evidence of risk by themselves ("my grandmother
/// died"): a classifier finding needs one of them unless it is very sure, so "I want to talk about my week" does not
/// turn a counselor's reply into the crisis script.
/// </summary>
internal static class RiskCues
{
    /// <summary>
    /// Flat word lists, matched in time linear in the text without backtracking, so they need no timeout: on a loaded host
    /// the analysis regexes' two-second timeout fired here, mid-match, during a long garbage collection.
    /// </summary>
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>
    /// The Korean list is literal syllables with at most an optional space between them, so backtracking can try no more
    /// than the list's own length at a position and needs no timeout either. Compiled, because as a linear automaton its
    /// hundreds of distinct syllables kept 13 MB of character-set caches alive for the node's life (compiled: about
    /// 0.1 MB; 1.3 us more a call measured alone, no difference the per-sentence benchmark could show). The English list
    /// keeps the linear engine: its word boundaries and endings cost two and a half times as much backtracking.
    /// </summary>
    private const RegexOptions FlatList = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static readonly Regex English = new(
        (@"\b(?:di(?:e|es|ed)|dying|dead|death|deadly|lethal|kill\w*|unalive\w*|off\s+myself|suicid\w*|alive|live|living|life|lives|exist\w*|born"
        + @"|(?:hurt|harm|cut|burn|punish|starve)\w*\s+myself|self[-\s]?harm\w*|cut(?:s|ting)?|blades?|razors?|scars?|bleed\w*|blood"
        + @"|end(?:s|ed|ing)?|finish\w*|quit|give\s+up|gave\s+up|giving\s+up|no\s+(?:reason|way\s+out|future|hope)|point|pointless|hopeless\w*|worthless|useless|matters?|can't\s+(?:go\s+on|keep|do\s+this|take\s+(?:it|this))|anymore|any\s+longer|tired\s+of|exhausted|numb|empty|pain|stop|peace|relief|forever|permanent\w*"
        + @"|disappear\w*|vanish\w*|gone|around|be\s+here|(?:go|goes|went|going|slip|fade|drift)\w*\s+away|escape|sleep\s+(?:forever|and\s+not)|wake\s+up|waking\s+up"
        + @"|burden\w*|better\s+off|without\s+me|miss\s+me|notice|in\s+the\s+way|(?:nobody|no\s+one)\s+(?:would|will)\s+care"
        + @"|goodbyes?|bye|farewell|letters?|notes?|wills?|forgive|give\s+away|gave\s+away|giving\s+away|affairs|in\s+order|take\s+care\s+of|insurance|last\s+time|one\s+last|for\s+the\s+last|one\s+more\s+time|after\s+I'm|when\s+I'm"
        + @"|pills?|tablets?|meds|medication|overdos\w*|sleeping|stockpil\w*|sav(?:e|ed|ing)\s+up|stash\w*|rope|noose|hang\w*|bridge|roof|ledge|jump\w*|train|tracks|gun|knife|knives|poison\w*|bleach|drown\w*|charcoal|exhaust|cliff|height|method|how\s+many|balcony|railing|traffic|driv(?:e|es|ing)\s+(?:into|off)|belt|rifle|weapon|firearm|hose|funeral|coffin|grave"
        + @"|tried|attempt\w*|hospital|emergency\s+room|ambulance|stomach\s+pumped|surviv\w*|rescu\w*|woken|woke\s+up|in\s+front\s+of|through\s+with\s+it)\b").Replace("'", "['’]", StringComparison.Ordinal),
        RegexOptions.IgnoreCase | Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex Korean = new(
        "죽|뒤지고 ?싶|뒤져 ?버리|뒤졌으면|뒈지|뒈져|자살|자해|목숨|생을|삶|살고|살기|살아|살 ?이유|살 ?의미|사는 ?게|존재|태어나"
        + "|긋|그었|그어|베었|베고|칼[로을날]|커터|면도|흉터|피가|피를|상처|손목|때리|굶"
        + "|끝|그만|포기|의미|소용|희망|버티|버틸|견디|지쳤|지쳐|지겹|지긋지긋|괴로|고통|공허|쓸모|필요 ?없|아무도|더 ?이상|더는|못 ?하겠|멈추|멈췄|편하게|영영"
        + "|사라지|사라져|사라졌|없어지|없어져|없어졌|없었으면|안 ?보이|떠나|떠날|떠났|멀리 ?가|잠들|안 ?깨|깨지 ?않|영원히|편해지|쉬고 ?싶"
        + "|짐[이만]|짐 ?같|민폐|부담|폐만|나 ?없이|내가 ?없|없는 ?게 ?나|없으면|모를 ?거|알아채"
        + "|작별|안녕|유서|편지|정리|물려|나눠 ?주|줘 ?버|보험|마지막|고마웠|미안했|용서"
        + "|약[을이들통봉]|칼(?= |$)|수면제|진통제|알약|모으|모아|모았|옥상|한강|대교|다리 ?위|다리에서|베란다|난간|선로|(?:줄|끈) ?(?:걸|묶)|움큼|별이 ?되|뛰어내|높은 ?곳|번개탄|연탄|밧줄|끈[을으]|목[을에] ?매|목매|독[을이약]|농약|락스|방법"
        + "|시도|응급실|병원|구급차|위세척",
        FlatList, Regex.InfiniteMatchTimeout);

    /// <summary>Whether <paramref name="text"/> holds any risk cue.</summary>
    public static bool Any(string text, TextLanguage language) => (language == TextLanguage.Korean ? Korean : English).IsMatch(text);
}
