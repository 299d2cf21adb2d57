using System.Text.RegularExpressions;
using BeMore.Domain.Analysis.Insight;
using BeMore.Grains.Abstractions.Counseling;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Reads the moves of a turn that the counselor should answer in kind (<see cref="TurnMoves"/>): a plan is met with
/// help to make it concrete, an insight with recognition, a goodbye with a closing, not with a question about feelings.
/// The phrase lists are written from how people wrap up, plan and self-correct in a session, not from corpus lines. A
/// plan or a goodbye is also what a farewell or a suicide plan sounds like ("I'm going to give my things away"), so no
/// plan is read in a turn that holds a risk cue, and no goodbye or insight in one the risk model leans towards at all:
/// such a turn is never praised as a good step.
/// </summary>
public static class ConversationMoves
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>
    /// A goodbye, an insight or daily life is doubtful where a risk cue is there and the risk model does not wave it away:
    /// "오늘 머리가 좀 정리됐어요. 안녕히 계세요" holds two cues (정리, 안녕) and is a goodbye, "그동안 고마웠어요. 다들 안녕"
    /// holds the same kind and is a farewell, and the model, which learned farewells as risk, tells them apart. A plan is
    /// refused at any cue, whatever the model says: it read "이번 주에 방 정리하고 물건들 나눠 주려고요" (giving things
    /// away) at 0.01. From a third of the alert threshold (0.15), well below where an alert is raised, so a near miss is
    /// never praised.
    /// </summary>
    private const float DoubtFrom = 0.05f;


    private static readonly Regex EnglishPlan = English(
        @"\b(?:i(?:'ll|\s+will)|i'm\s+(?:going\s+to|gonna)|i\s+(?:could|can|might|want\s+to|wanna|plan\s+to|guess\s+i'll|think\s+i'll)|maybe\s+i(?:'ll|\s+(?:could|can|should|will|might))|let\s+me)"
        + @"\s+(?:(?:actually|probably|just|really|at\s+least|also|maybe|try\s+(?:to|and))\s+)?"
        + @"(?:try|start|text|call|ask|write|jot|talk|reach\s+out|message|book|schedule|practi[cs]e|plan|set|put|make\s+(?:a|time|plans?)|go\s+(?:for|to|back\s+to)|take\s+a|check|email|tell|sign\s+up|join|walk|stretch|journal|look\s+into)\b"
        + @"|\b(?:my|the)\s+plan\s+is\b|\bthis\s+week\s+i(?:'ll|\s+will|'m\s+going\s+to)\b");

    /// <summary>
    /// Hangul syllables ending in ㄹ (할, 볼, 넣을's 을 ...): before 게(요) they make the promise form, "I will". Leaving
    /// (올게요, 갈게요, 잘게요) is a goodbye, not a step to try.
    /// </summary>
    private static readonly string FinalRieul = string.Concat(Enumerable.Range(0, 11172).Where(i => i % 28 == 8).Select(i => (char)(0xAC00 + i)).Where(c => "올갈잘".IndexOf(c) < 0));

    private static readonly Regex KoreanPlan = new(
        "(?:[" + FinalRieul + "]|을) ?게(?:요|$| )|볼까 ?봐|볼게요|볼게|보려고|보려구|볼래요|볼 ?생각|볼 ?계획|볼 ?거예요|볼 ?거야|하려고 ?(?:요|해요|해)|하기로 ?(?:했|하|해)|해야겠(?:어요|어|다)|할게요|해 ?볼까|시도해 ?볼|연락해 ?볼|물어봐야겠|적어 ?볼|써 ?볼",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishInsight = English(
        @"\b(?:i(?:'ve|\s+have)\s+(?:just\s+|kind\s+of\s+|kinda\s+|probably\s+)?been\s+(?:assuming|jumping\s+to|telling\s+myself|making\s+(?:it|this)\s+(?:up|bigger|worse)|reading\s+into|filling\s+in)"
        + @"|i\s+haven't\s+(?:actually|really|even)\s+(?:asked|checked|tested|tried)|i\s+never\s+(?:actually|really)\s+(?:asked|checked)"
        + @"|i\s+(?:just\s+)?(?:realized|realised|realize|realise|noticed|see\s+now)\s+(?:that\s+)?(?:i(?:'ve|\s+have)\s+been|it's\s+not|it\s+isn't|it\s+wasn't|maybe|i\s+(?:don't|didn't|haven't)\s+(?:actually|really)|(?:she|he|they)\s+(?:never|didn't|might\s+not))"
        + @"|(?:now\s+that|when)\s+i\s+(?:say|said|think\s+about|put)\s+it|saying\s+it\s+out\s+loud"
        + @"|maybe\s+(?:it's|it\s+is|that's|it\s+was)\s+not\s+(?:as|that|all|really|totally)|it's\s+not\s+(?:actually|really)\s+(?:true|that\s+bad|the\s+whole\s+story)"
        + @"|i'm\s+(?:probably\s+|maybe\s+)?being\s+(?:a\s+bit\s+|kind\s+of\s+|too\s+|really\s+)?(?:hard\s+on\s+myself|harsh\s+on\s+myself|unfair\s+to\s+myself)"
        + @"|that\s+doesn't\s+(?:actually\s+|really\s+)?(?:mean|prove)\s+(?:i'm|i\s+am|that)|one\s+(?:bad\s+)?(?:day|thing|mistake)\s+doesn't\s+(?:mean|make))\b");

    private static readonly Regex KoreanInsight = new(
        "생각해 ?보면|생각해 ?보니|생각해 ?보니까|돌이켜 ?보면|말하고 ?보니|말해 ?보니|얘기하다 ?보니|이야기하다 ?보니|알고 ?보면|깨달|단정한 ?거|단정했|단정 ?짓|넘겨짚|지레짐작|혼자 ?(?:그렇게 ?)?(?:판단|짐작|착각|오해|생각한 ?거)"
        + "|(?:물어본|물어 ?본|확인해 ?본|확인한|들어 ?본) ?적(?:은|이|도)? ?없|(?:제|내) ?생각일 ?(?:뿐|수도)|(?:가혹|엄격|모질)하게 ?(?:대했|굴었|생각했|몰아)"
        + "|그렇게까지 ?(?:나쁜|심한|큰) ?(?:일|건|게)는? ?아니|꼭 ?그런 ?(?:건|것|게) ?아니|그게 ?(?:다|전부)는 ?아니",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishGoodbye = English(
        @"\b(?:see\s+(?:you|ya)|talk\s+(?:to\s+you\s+)?(?:soon|later|next\s+(?:week|time))|(?:i'll|i\s+will|i'm\s+gonna|i'm\s+going\s+to)\s+(?:come\s+back|check\s+(?:back\s+)?in)|let\s+you\s+know\s+how\s+(?:it|that|things)\s+(?:goes|went)"
        + @"|(?:that's|thats)\s+(?:all|enough|it)\s+for\s+(?:today|now|tonight)|good\s*night|good\s*bye|ttyl|cya|bye(?:\s+for\s+now)?)\b"
        + @"|\bi\s+(?:should|gotta|have\s+to|need\s+to)\s+(?:go|get\s+going|head\s+off|log\s+off|sleep)\s*(?:now\b|[.!,]|$)");

    private static readonly Regex KoreanGoodbye = new(
        "안녕히|이만 ?(?:갈|가|들어|쉴|잘|자|줄|마칠|할게|하고|나갈)|(?:오늘은|오늘) ?(?:여기까지|이 ?정도로|이쯤)|잘게요|자러 ?(?:갈|가)|들어가 ?(?:볼게|보겠|볼께)|가 ?볼게요|가 ?보겠습니다|(?:또|다음에) ?(?:올게|와서|오겠|들를|얘기할게|이야기할게|말해 ?줄게|말씀드릴게)|다음에 ?(?:봬|뵐|또 ?봐|봐요)|빠이|바이바이",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishThanks = English(@"\b(?:thanks|thank\s+you|thx|ty|appreciate\s+(?:it|this|you|that))\b");

    private static readonly Regex KoreanThanks = new("고마워|고마웠|고맙|감사|땡큐|ㄱㅅ", Linear, Regex.InfiniteMatchTimeout);

    /// <summary>What thanks at the end of a talk say: it helped, it was good to talk (thanks for an answer say neither).</summary>
    private static readonly Regex EnglishHelped = English(
        @"\b(?:help(?:ed|ful|s)|good\s+to\s+(?:talk|get\s+(?:it|this)\s+out)|for\s+(?:listening|today|your\s+time|the\s+chat|this)|(?:feel|feeling)\s+(?:a\s+(?:bit|little)\s+|kinda\s+|so\s+much\s+)?(?:better|lighter|calmer)|needed\s+(?:that|this))\b");

    private static readonly Regex KoreanHelped = new(
        "숨통|도움|덕분|시원|후련|가벼워|가볍|나아졌|나아진|들어 ?주셔서|들어 ?줘서|얘기 ?들어|오늘|편해졌|위로",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishReassurance = English(
        @"\b(?:don't\s+worry|no\s+need\s+to\s+worry|not\s+(?:going\s+to|gonna)\s+do\s+anything|i'm\s+(?:ok|okay|fine|alright|all\s+right|safe)|came\s+out\s+wrong|(?:i\s+)?(?:just|only)\s+meant|didn't\s+mean\s+it\s+like\s+that|not\s+like\s+that|nothing\s+like\s+that|no\s+no|not\s+(?:serious|literally))\b");

    private static readonly Regex KoreanReassurance = new(
        "걱정 ?(?:안 ?하셔도|안 ?해도|마세요|마요|마|하지 ?마|하지 ?않으셔도)|하려는 ?(?:건|거|게) ?아니|그런 ?(?:뜻|의미|말)(?:은|이|로)? ?아니|해 ?본 ?말|그냥 ?한 ?말|말이 ?그렇게|잘못 ?(?:말했|나왔|얘기했)|괜찮아요|괜찮아|진짜 ?아니에요|아니에요 ?진짜|그 ?정도는 ?아니",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishDailyLife = English(
        @"\b(?:sleep(?:ing)?|slept|insomnia|(?:up|awake)\s+(?:till|until|at)\s+(?:like\s+)?\d|wake\s+up|waking\s+up|eat(?:ing)?|ate|meals?|appetite|cook(?:ing)?|skip(?:ping|ped)?\s+(?:meals|breakfast|lunch|dinner|class\w*)"
        + @"|gym|exercis\w*|work(?:ing)?\s+out|shower\w*|stopped\s+(?:going|cooking|exercising|seeing|drawing|reading|playing)|haven't\s+been\s+(?:out|going|in\s+ages)|bed\s+all\s+day|routine)\b");

    private static readonly Regex KoreanDailyLife = new(
        "잠[이을도은]|잠을|못 ?자|잘 ?못 ?자|새벽|밤새|밤낮|늦게 ?일어|일어나|밥[을도은이]|밥 ?먹|끼니|식욕|굶|대충 ?때우|운동|헬스|씻|하루 ?종일 ?누워|생활 ?패턴|루틴|잠자리",
        Linear, Regex.InfiniteMatchTimeout);

    private static readonly Regex EnglishAhead = English(@"\b(?:next\s+(?:week|time|session)|see\s+you\s+(?:next|soon|later|tomorrow|on)|talk\s+(?:to\s+you\s+)?(?:soon|later|tomorrow)|(?:i'll|i\s+will)\s+(?:come\s+back|let\s+you\s+know))\b");

    private static readonly Regex KoreanAhead = new("다음에|다음 ?주|다음 ?번|또 ?(?:올게|와서|오겠|들를|얘기할게|이야기할게)|내일 ?(?:또|봬|봐)", Linear, Regex.InfiniteMatchTimeout);

    private static readonly Lexicon EnglishWords = new(EnglishPlan, EnglishInsight, EnglishGoodbye, EnglishThanks, EnglishHelped, EnglishReassurance, EnglishDailyLife, EnglishAhead);

    private static readonly Lexicon KoreanWords = new(KoreanPlan, KoreanInsight, KoreanGoodbye, KoreanThanks, KoreanHelped, KoreanReassurance, KoreanDailyLife, KoreanAhead);

    /// <summary>The moves in <paramref name="text"/>; <paramref name="riskRaised"/> (the turn raised an alert) leaves only what a safety reply can use, a reassurance.</summary>
    public static TurnMoves Read(string text, TextLanguage language, bool riskRaised)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = language == TextLanguage.Korean ? KoreanWords : EnglishWords;
        // A turn that raised an alert keeps only its reassurance ("no no, I'm not going to do anything... I just want it
        // all to stop"): the safety reply stays, and only softens to believe what was clarified.
        var moves = words.Reassurance.IsMatch(text) ? TurnMoves.Reassurance : TurnMoves.None;
        if (riskRaised || text.Length == 0)
        {
            return moves;
        }

        var cue = RiskCues.Any(text, language);
        // Read only when a goodbye, an insight or daily life needs it: the risk model's second look costs a prediction.
        var doubtful = new Lazy<bool>(() => cue && UtteranceInsight.Shipped.ReadRisk(text, language).Probability >= DoubtFrom);
        var thanksForTheTalk = words.Thanks.IsMatch(text) && words.Helped.IsMatch(text);
        // A goodbye that looks ahead ("see you next week", "다음에 또 올게요") is no farewell, whatever words it holds.
        if ((words.Goodbye.IsMatch(text) || thanksForTheTalk) && (!doubtful.Value || words.Ahead.IsMatch(text)))
        {
            moves |= TurnMoves.Closing;
        }

        if (!cue && words.Plan.IsMatch(text))
        {
            moves |= TurnMoves.Plan;
        }

        if (words.Insight.IsMatch(text) && !doubtful.Value)
        {
            moves |= TurnMoves.Insight;
        }

        if (words.DailyLife.IsMatch(text) && !doubtful.Value)
        {
            moves |= TurnMoves.DailyLife;
        }

        return moves;
    }

    /// <summary>Case-insensitive, with either apostrophe, since transcripts come from many keyboards and recognisers.</summary>
    private static Regex English(string pattern) =>
        new(pattern.Replace("'", "['’]", StringComparison.Ordinal), RegexOptions.IgnoreCase | Linear, Regex.InfiniteMatchTimeout);

    /// <summary>One language's phrase lists.</summary>
    private sealed record Lexicon(Regex Plan, Regex Insight, Regex Goodbye, Regex Thanks, Regex Helped, Regex Reassurance, Regex DailyLife, Regex Ahead);
}
