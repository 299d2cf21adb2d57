using System.Text.RegularExpressions;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Self-harm and suicidal-ideation phrases. Explicit intent or a death wish is High; mentions and hopelessness are
/// Elevated. A negated intent ("I would never kill myself", "죽고 싶지는 않아") is a denial, not risk, and is reported as
/// such so the classifier's guess does not overrule it. Everyday hyperbole ("this homework is killing me", "배고파
/// 죽겠다", "dying to see it") is not risk.
/// </summary>
internal static class RiskRules
{
    /// <summary>A clause of fewer words is a fragment ("Suicidal?", "자해요?"), read with the clause next to it.</summary>
    private const int FragmentWords = 2;

    /// <summary>A negation, also typed without its apostrophe ("dont", "cant", "havent"), as chat and many recognisers write it.</summary>
    private static readonly Regex EnglishNegatedBefore = Compile(@"\b(?:never|not|no|cannot|(?:do|does|did|is|are|was|were|have|has|had|wo|would|ca|could|should|ai)n['’]?t)\s+(?!(?:stop(?:s|ped|ping)?|help|quit|shake|get)\b)(?:\w+\s+){0,4}$", RegexOptions.IgnoreCase);

    /// <summary>
    /// 없 as a "no": not "없진 않아" (not without), "수(가) 없어" (cannot), "밖에 없어" (nothing but: "자살할 수밖에 없어요",
    /// "죽고 싶다는 생각밖에 없어요") nor a question ("목 맬 만한 데 없나").
    /// </summary>
    private const string KoreanNone = "(?<!(?:수 ?[가도는]?|밖에|밖엔) ?)없(?! ?진| ?지는| ?지 ?않|나(?! ?봐)|냐|을까|는지|어지|어졌으면|어질|어져|으면|을 ?리)";

    /// <summary>
    /// Another person named as the subject or owner right before a plan or means ("엄마가 약을 모아두고", "할아버지의 유서"),
    /// read right to left from a match (<see cref="RiskPattern.NotAfter"/>) so that only matches pay for it; the person's
    /// word stands alone ("성형" is not "형") and carries its particle.
    /// </summary>
    private const string KoreanAnotherPersonBefore =
        "(?:^|[^가-힣])(?:친구|동생|언니|오빠|누나|형|엄마|아빠|어머니|아버지|아들|딸|남편|아내|와이프|할머니|할아버지|선배|후배|동료|지인|주인공|여주|남주|캐릭터)(?:가|이|는|은|도|께서|의) [^.!?\\n]{0,12}\\z";

    private static Regex NotAfter(string pattern) =>
        new(pattern, RegexOptions.RightToLeft | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    /// <summary>Looking up how to die that is not the speaker's: another person's, "how not to die" (안, 덜), a game's deaths or pests'.</summary>
    private static readonly Regex KoreanHowToDieNotAfter = NotAfter(KoreanAnotherPersonBefore
        + "|(?:^|\\s)(?:안|덜) ?\\z|(?:게임|배그|롤|레이드|던전)(?:에서|에선|할 ?때|하다가) [^.!?\\n]{0,20}\\z|(?:바퀴벌레|벌레|모기|쥐|잡초|개미)[^.!?\\n]{0,8}\\z");

    /// <summary>Pills kept back by another person ("할머니가 약을 모아두시는").</summary>
    private static readonly Regex KoreanPillsNotAfter = NotAfter(KoreanAnotherPersonBefore);

    /// <summary>A note someone else wrote, or one written in a class, a "death experience" programme or a story.</summary>
    private static readonly Regex KoreanNoteNotAfter = NotAfter(KoreanAnotherPersonBefore
        + "|(?:체험|프로그램|수업|과제|교육|활동|드라마|영화|소설|웹툰)[^.!?\\n]{0,15}\\z");

    /// <summary>A rope, a briquette or pesticide for camping, a swing, a tent, the farm or the garden.</summary>
    private static readonly Regex KoreanMeansNotAfter = NotAfter(
        "(?:캠핑|등산|그네|텐트|이삿짐|농장|과수원|농사|화분|텃밭)[^.!?\\n]{0,15}\\z");

    /// <summary>아니 as "it is not": not a question that leans towards yes ("죽고 싶은 거 아닌가 싶어요", "아닐까", "아니냐").</summary>
    private const string KoreanNotThat = "(?<!(?:한두|한|두|몇) ?번[이은]? ?)(?:아니(?!냐|니(?!까)|까|면|죠 ?\\?|지 ?\\?|라(?=[^.!?]{0,16}?(?:죽|자해|자살|이미|아예|끝내|사라지|없어지|뛰어)))|아닌(?!가(?! ?봐)|지)|아냐|아님)";

    /// <summary>
    /// A negation that does not deny: a condition, purpose, request or question ("자해 안 하면", "안 하려고", "안 하게 도와주세요",
    /// "않냐고요"), becoming ("아무렇지 않아져요"), time since ("안 한 지"), a wish it were so ("않았으면"), "if not" ("자해 아니면").
    /// Where one comes first, the phrase is not denied: a later negation belongs to something else.
    /// </summary>
    private const string KoreanNotDenying =
        "않(?:으면|을까|냐|니(?!까)|아지|아져|아졌|게|으려|았으면|기를|도록)"
        + "|안 ?(?:해|했|한|할|하)(?:면|으면|냐|니(?!까)|을까|려|기로|게|도록|고 ?싶| 자신| 수 |도 |(?<=한) ?지 )"
        + "|아니(?:냐|니(?!까)|면|라)|아닌(?:가|지)|없(?:으면|을 ?리|어지|어졌으면|어질|어져|나(?! ?봐)|냐|을까|는지)";

    /// <summary>
    /// A negation that does not deny after all: negated again ("자해 안 하면 안 될 것 같아", "죽고 싶지 않은 날이 하루도 없어",
    /// "죽고 싶다는 생각이 안 들 때가 없어요"), or a denial the speaker says was false ("자해 안 했다고 거짓말했어요", "안 한 척했어요").
    /// </summary>
    private const string KoreanNotAfterAll =
        "(?!(?:(?!(?:요|다|야|죠|데|(?<![다라])고|서|어) )[^.!?,]){0,14}?(?:않|(?<!잘)못|없|아니(?!요|오)|아닌|안 ?(?:돼|되|될)|어디 ?있)"
        + "|[^.!?,]{0,6}?(?:척|체하|처럼)"
        + "|[^.!?,]{0,14}?(?:거짓(?! ?아니| ?안)|둘러대|둘러댔|연기(?:해|했|하)|사실(?:은|상)? ?(?:아니|아닌|거짓|해|했|있|그래|매일)|다고 ?(?:말 ?)?해야|어렵|어려(?:워|운|울|웠)|자신(?:이|은)? ?없|장담 ?못)"
        + "|[^.!?,]{0,10}?(?:다고|라고)[^.!?,]{0,8}?(?:지만|는데)|[^.!?]{0,16}?약속[^.!?]{0,12}?(?:못 ?지키|못 ?지킬|어길|어겼|깰)|[^.!?,]{0,8}?(?:지만|는데|데) ?(?:사실|솔직히|실은)|[^.!?,]{0,6}?(?:지만|[은는]데) [^.!?]{0,8}?(?:달라|다르)"
        + "|[^.!?]{0,6}?(?:는데|지만|데) ?(?:저는|나는|난|전|저만|나만) ?(?:해|했|있|그래|그랬))";

    /// <summary>
    /// A negation soon after a phrase. Korean spells "not" in syllables that share no prefix: 아니, 아닌, 아냐; 안 해, 안 했,
    /// 안 한 ("죽고 싶은 건 아닌데", "자해는 안 했어"), and -지 않 ("죽고 싶지 않아요"). Not a denial: a conditional or a
    /// question ("자해 안 하면 미칠 것 같아", "자해 안 했냐고요"), time since ("자해 안 한 지 3개월 됐는데"), a negation past a
    /// finished predicate or a connective, which belongs to another verb ("다시 자해 시작했어 한동안 안 했는데", "죽고 싶어서 일도
    /// 안 하고"), "other than" or "nothing but" ("자해하는 거 말고 방법이 없어요", "죽고 싶다는 생각밖에 안 들어"), a verb of
    /// ceasing negated ("죽고 싶은 마음이 사라지질 않아요").
    /// Only the first negation decides (the atomic group): a later one must not stand in when the first is negated again.
    /// </summary>
    /// <summary>
    /// Risk told as past and gone: "그때는 죽고 싶었는데 지금 돌아보면 괜찮아졌어요", "뛰어내리고 싶던 때도 있었는데 지금은 아무렇지
    /// 않아요". Not when it comes back, goes on or is called untrue ("…지금은 괜찮다고 했지만 사실 아니에요", "근데 다시").
    /// </summary>
    private static readonly Regex KoreanPastAndGone = Compile(
        "^[^.!?]{0,8}?(?:었|았|던)(?![^.!?]*(?:사실|거짓|척|그대로|다시|또 |근데|하지만|그런데))[^.!?]{0,24}?(?:지금은?|이제는?|요즘은?)[^.!?]{0,16}?"
        + "(?:괜찮|없|안 ?(?:해|들|드|그래)|아무렇지|사라졌|지나갔|남 ?얘기)",
        RegexOptions.None);

    /// <summary>A phrase that is itself a "no" negated again or asked ("살 이유가 없진 않아요", "살고 싶지 않은 건 아니에요", "살 이유가 없냐고요?").</summary>
    private const string KoreanNotDoubled =
        "(?![^.!?,]{0,6}?(?:냐|니 ?\\?|진 ?않|지는 ?않|지 ?않|(?:건|거|게|것)[은는]? ?(?:전혀 |절대 )?(?:아니|아닌|아냐)))";

    private static readonly Regex KoreanNegatedAfter = Compile(
        "^(?>(?:(?!(?:어|요|야|네|서|(?<!물어봤|물었|물어보셨|물어봐서)는데|은데|때|해도|면서|나면|니까) |다 (?!이런|그런)|(?<!려|냐|다|라)고 (?!싶|있)|지 (?!않|못)|없 ?(?:진|지는|지 ?않)|"
        + KoreanNotDenying + "|말고|말곤|빼고|빼곤|외에|외엔|밖에|밖엔|사라지|가시|멈추|그치|떠나지|끊이|끊기)[^.!?,]){0,16}?"
        + "(?:" + KoreanNone + "|" + KoreanNotThat + "|않(?!으면|을까|냐|니(?!까)|아지|아져|아졌|게|으려|았으면|기를|도록)|안 ?(?:드|들)|안 ?(?:느껴|느끼|느낀|느꼈)"
        + "|안 ?(?:해|했|한|할|하)(?!면|으면|냐|니(?!까)|을까|려|기로|게|도록|고 ?싶| 자신| 수 |도 |(?<=한) ?지 )))"
        + KoreanNotAfterAll,
        RegexOptions.None);

    /// <summary>Death and harm words in idioms and lookalikes: the classifier, which reads words not phrases, mistakes them for risk.</summary>
    private static readonly Regex EnglishIdiom = CompileLenient(
        @"\b(?:(?:is|are|was|it's|that's|they're)\s+killing\s+me|kill\s+for\s+a|dying\s+(?:to|for|of)|to\s+die\s+for|died\s+laughing|die\s+of\s+(?:embarrassment|boredom|shame|laughter)|(?:phone|battery|laptop|car|plant)(?:'s|\s+is|\s+was|\s+has|\s+had|\s+just)?\s+(?:dead|died)|want\s+to\s+live\s+(?:in|with|near|at|on|abroad|alone|together)|myself\s+(?:lol|lmao|haha)|kms\s+(?:lol|lmao|haha)|suicide\s+(?:squad|mission))\b");

    /// <summary>Drugs a person could take too much of, as people name them when they ask how much would be enough.</summary>
    private const string EnglishMeans = @"(?:pills|tablets|meds|medication|tylenol|paracetamol|insulin|painkillers|antidepressants|doses?)";

    /// <summary>Pills by name, after 약 itself (which the hoarding phrase reads only as a word of its own, not 치약 or 예약).</summary>
    private const string KoreanPillNames = "수면제|진통제|알약|안정제|타이레놀";

    /// <summary>"죽고 싶" not after 쥐구멍 ("쥐구멍에 들어가 죽고 싶었어요" is dying of embarrassment).</summary>
    private const string KoreanWishToDie = "(?<!쥐구멍[^.!?]{0,12})죽고 ?싶";

    /// <summary>Embarrassment, which "죽고 싶을 만큼" intensifies rather than states risk ("죽고 싶을 만큼 창피했는데").</summary>
    private const string KoreanEmbarrassed = "(?:창피|쪽팔|부끄|민망)";

    /// <summary>
    /// A quote closing a remark before 는 ("'다 끝내고 싶다'는 말"); the apostrophe is an escape, since the lenient compile
    /// makes every apostrophe optional.
    /// </summary>
    private const string KoreanClosingQuote = "[\\u0027’\"”]";

    private static readonly Regex KoreanIdiom = CompileLenient(
        "번지 ?점프|스카이 ?다이빙|유언장 ?(?:써 ?보는|쓰기|쓰는) ?(?:수업|시간|활동|프로그램)|(?:어|아|워|해|와|나|려|여|서) ?죽(?:겠|을 ?뻔|는 ?줄)|죽는 ?줄 ?알았|때문에 ?죽을 ?(?:것|거) ?같|죽을 ?맛|죽을 ?만큼 ?(?:좋|웃|맛있|창피|부끄)|죽고 ?싶을 ?만큼 ?" + KoreanEmbarrassed + "|쥐구멍[^.!?]{0,12}?죽고 ?싶|죽이(?:네|는데|더라|다|지)|(?:폰|배터리|핸드폰|노트북)(?:이|가)? ?(?:죽었|나갔)");

    /// <summary>
    /// Hyperbole no one means, which sets aside even what the rules find in the same sentence:
    /// "if I have to sit through one more budget meeting I'll shoot myself", "shoot myself in the foot", "laughed so hard
    /// I thought I'd die", "jump off a cliff lol". Written from the training writers' idiom lines; "I want to kill myself
    /// lol" is not here, since people at risk say that too.
    /// </summary>
    private static readonly Regex EnglishHyperbole = CompileLenient(
        @"\bif\s+I\s+(?:have\s+to|gotta|need\s+to|hear|see|get|eat|make|do)\s+(?:[\w\u0027\u2019-]+\s+){0,4}?(?:one\s+more|another)\s+(?:[\w\u0027\u2019-]+\s+){0,2}?(?:meetings?|presentations?|zoom|calls?|lectures?|emails?|spreadsheets?|speech(?:es)?|cups?|bites?|episodes?|songs?|forms?|group\s+projects?|team-?building|ads?|reports?|slides?)\b"
        + @"|\bshoot(?:ing)?\s+myself\s+in\s+the\s+foot\b|\b(?:laugh(?:ed|ing)?|cried|crying)\s+so\s+hard\b|\bcliff\s+(?:lol|lmao|haha)|\b(?:lol|lmao)\s+I'm\s+(?:gonna|going\s+to)\s+jump\s+off\s+a\s+cliff\s+if\b");

    /// <summary>
    /// Someone else's act or words, or suicide talked about in general, which set aside what the rules find in that part
    /// of a sentence unless the speaker is in it too (<see cref="EnglishFirstPersonRisk"/>): "my son's friend attempted
    /// suicide", "my flatmate self-harms", "a book about a woman who self-harms", "suicide rates", "my mom keeps saying
    /// you'd all be better off without me". Written from the training writers' reported-speech and other-person lines.
    /// </summary>
    private static readonly Regex EnglishSomeoneElse = CompileLenient(
        @"\b(?:himself|herself|themselves|themself)\b"
        + @"|\b(?:my|a|his|her|their|our|this|the|some)\s+(?:(?!I\b|I[\u0027\u2019]|me\b|myself\b)[\w\u0027\u2019]+\s+){0,3}?(?:friend|son|daughter|mom|mum|mother|dad|father|brother|sister|cousin|uncle|aunt|grandma|grandpa|gran|nan|flatmate|roommate|classmate|colleague|co-?worker|ex|partner|boyfriend|girlfriend|husband|wife|kid|student|neighbou?r|mate|teammate|guy|girl|woman|man|person|character|singer)(?:'s|s)?\s+(?:(?!I\b|I[\u0027\u2019]|me\b|myself\b)[\w\u0027\u2019]+\s+){0,4}?(?:attempted|overdosed|died\s+by\s+suicide|took\s+(?:his|her|their)\s+own\s+life|self[-\s]?harm(?:s|ing)|cut(?:s|ting)|is\s+in\s+(?:the\s+)?hospital|(?:keeps\s+|been\s+|kept\s+)?(?:saying|texting|posting|writing)|said|says|wrote|posted)\b"
        + @"|\b(?:someone|somebody|people)\s+(?:who\s+)?(?:attempted|self-?harms?|died\s+by\s+suicide)\b"
        + @"|\b(?:documentary|article|podcast|episode|video|essay|lyrics|novel|book|film|movie|show|song)\s+(?:about|on|where|go)\b|\bsuicide\s+(?:rates?|prevention|awareness|statistics|stats)\b"
        + @"|\b(?:paper|essay|class|course|assignment|project|lecture|presentation|research)\s+(?:about|on)\b|\b(?:wrote|writing|write|research(?:ed|ing)?)\s+(?:a\s+\w+\s+)?(?:about|on)\s+suicide\b");

    /// <summary>The speaker's own risk words, which keep a rule's finding beside someone else's story ("my brother killed himself and I want to kill myself").</summary>
    private static readonly Regex EnglishFirstPersonRisk = CompileLenient(
        @"\bmyself\b|\bmy\s+(?:own\s+)?life\b|\bI(?:'m|\s+am|'ve|\s+have|'ll|\s+will|'d|\s+would)?\s+(?:really\s+|just\s+|also\s+|been\s+)?(?:want|wanna|wish|plan|planning|going\s+to|gonna|might|tried|attempted|overdosed|cut|thinking|thought\s+about|suicidal)\b"
        + @"|\bI(?:'m|\s+am)\s+still\s+(?:cutting|hurting)|\bmy\s+(?:arms?|wrists?|legs?|thighs?)\b|\bI\s+should\s+go\s+too\b|\bhonestly\s+same\b|\bI\s+wish\s+it\s+(?:was|were)\s+me\b");

    /// <summary>Where a new sentence or a contrast starts: a denial before "but" must not hide what follows it.</summary>
    private static readonly Regex EnglishClauseBreak = Compile(@"[.!?;]+\s*|\s*\b(?:but|though|although|except\s+that|yet)\b\s*", RegexOptions.IgnoreCase);

    private static readonly Regex KoreanClauseBreak = Compile(@"[.!?;]+\s*|\s*(?:그런데|근데|하지만|그렇지만|그치만)\s*|(?<=데|지만)\s+", RegexOptions.None);

    /// <summary>
    /// Denials the phrase list does not hold: safety statements, "no thoughts/plans of…", "it's not like I want to…",
    /// "not gonna do anything stupid"; the classifier reads their death words as risk.
    /// </summary>
    private static readonly Regex EnglishDenial = CompileLenient(
        @"\b(?:I'm|I\s+am|I\s+feel)(?<!\bif\s+I\S*)(?<!\bif\s+I\s+\w+)\s+(?:totally\s+|completely\s+|honestly\s+|genuinely\s+)?(?:safe|not\s+in\s+(?:any\s+)?(?:danger|a\s+(?:dangerous|dark|bad)\s+place))\b"
        + @"|\bnot\s+(?:gonna|going\s+to)\s+do\s+anything\s+(?:stupid|silly|drastic)\b"
        + @"|\b(?:no|not\s+any|haven't\s+had\s+any|don't\s+have\s+any|never\s+had\s+(?:any\s+)?)\s+(?:(?:thoughts?|urges?)\s+(?:of|about|like\s+that)|plans?\s+like\s+that)\b"
        + @"|\b(?:it's|its)\s+not\s+like\s+I\s+(?:want|wanna|'m\s+going|plan)\b"
        + @"|\b(?:never|not)\s+(?:been\s+|once\s+)?on\s+the\s+table\b|\bnowhere\s+near\s+that\b|\bnot\s+(?:there|in\s+that\s+place)\s+(?:now|anymore|any\s+more)\b"
        + @"|\b(?:wouldn't|would\s+never|will\s+never|won't)\s+(?:ever\s+)?act\s+on\b"
        + @"|\b(?:I\s+(?:said|put|ticked|answered|wrote|circled)|the\s+answer(?:'s|\s+is|\s+was))\s+(?:still\s+)?no\b|\bhas\s+never\s+been\s+an\s+option\b"
        + @"|\bnot\s+once\b[^.!?]{0,30}\b(?:hurt|cut|harm|kill|die|suicid)|\bno\s+part\s+of\s+me\s+(?:that\s+)?wants?\b"
        + @"|\bat\s+no\s+point\s+did\s+I\b|\bthat's\s+never\s+been\s+me\b|\bhaven't\s+had\s+(?:any|the)\s+urges?\b|\bwithout\s+being\s+suicidal\b|\bassumes?\s+I'm\s+suicidal\b"
        + @"|\b(?:isn't|is\s+not|wasn't|'s\s+not|ain't)\s+(?:ever\s+)?on\s+the\s+table\b|\bnot\s+where\s+my\s+head\s+is\b|\bnot\s+in\s+that\s+headspace\b"
        + @"|\b(?:never|not|don't|didn't|do\s+not|did\s+not)\s+(?:ever\s+|really\s+|actually\s+|once\s+)?(?:want(?:ed)?|wish(?:ed)?|wanna)\s+(?:to\s+)?(?:die|be\s+dead|kill\s+myself|hurt\s+myself|end\s+(?:it|my\s+life))\b"
        // What was said, said to mean something else: "when I said I can't do this anymore I meant the degree" (not "... and I
        // meant it"); the other forms are in EnglishSaidOtherwise.
        + @"|\b(?:when|what)\s+I\s+(?:said|say|wrote|typed|mentioned)\b[^.!?]{0,80}?\bI\s+(?:just\s+|only\s+|actually\s+|really\s+)?(?:meant|mean)\s+(?!it\b|that\b|every\s+word|what\s+I\s+said)");

    /// <summary>
    /// Words said to mean something else, or being low said not to mean wanting to die: "the 'I can't do this anymore' was
    /// about uni", "I didn't mean wanting to die", "being low doesn't mean I want to be gone", "wanting to die isn't part of
    /// it for me". On the linear engine: as alternatives of <see cref="EnglishDenial"/> they made its every word a start
    /// (1.5 -> 23 us a scan of a sentence). The quotes are written as escapes, since the lenient compile makes every
    /// apostrophe optional.
    /// </summary>
    private static readonly Regex EnglishSaidOtherwise = CompileLinear(
        @"\b(?:the|that|my)\s+[""\u0027\u2018\u201C][^.!?]{3,60}?[""\u0027\u2019\u201D](?:\s+(?:thing|comment|bit|line))?\s+(?:was|is)\s+(?:just\s+|only\s+|all\s+|really\s+)?about\b"
        + @"|\bI\s+(?:didn't|don't|did\s+not|do\s+not)\s+mean\s+(?:like\s+|it\s+like\s+)?(?:wanting\s+to\s+(?:die|be\s+dead|disappear)|I\s+want(?:ed)?\s+to\s+(?:die|be\s+dead)|dying|suicide|suicidal)\b"
        + @"|\b(?:doesn't|does\s+not|don't|didn't|do\s+not|did\s+not)\s+(?:automatically\s+|necessarily\s+)?mean\s+(?:that\s+)?I(?:'m|\s+am|'ll|\s+will)?\s+(?:want(?:ing)?\s+to\s+(?:die|be\s+(?:dead|gone)|kill\s+myself|hurt\s+myself|end\s+it)|(?:gonna|going\s+to)\s+(?:hurt|kill|harm|do\s+(?:anything|something))|suicidal)\b"
        + @"|\b(?:wanting\s+to\s+(?:die|be\s+dead)|suicide|self-?harm(?:ing)?|dying|killing\s+myself|hurting\s+myself|ending\s+it)\s+(?:isn't|is\s+not|'s\s+not|was\s+never|has\s+never\s+been|was\s+not)\s+(?:part\s+of|a\s+part\s+of|on\s+the\s+cards|in\s+the\s+picture|something\s+I)\b");

    /// <summary>
    /// Denials of one part of a clause read from the development hard cases (session 33): a screening answered with
    /// nothing, not the kind of person, nothing that makes them want it. Like <see cref="EnglishDenialPart"/>, only the
    /// part between commas is set aside ("zero thoughts of suicide on the form, but..."). Compiled rather than linear (the
    /// linear engine keeps its construction caches for the regex's life), and not inside <see cref="EnglishDenial"/>: with
    /// them in it, the per-sentence benchmark read about twice as slow (README, "Live analysis accuracy", session 33).
    /// </summary>
    private static readonly Regex EnglishDenialByAnswerOrKind = CompileLenient(
        // "zero thoughts of suicide", "zero on the self-harm question", "I put not at all".
        @"\bzero\s+(?:thoughts?|urges?|plans?)\s+(?:of|about)\s+(?:suicide|self-?harm|killing|hurting|ending|dying)\b|\bzero\s+on\s+the\s+(?:suicide|self-?harm|safety)\b|\bI\s+(?:put|ticked|answered|circled)\s+not\s+at\s+all\b"
        // "harming myself has never been something I'd do", "I'm the last person who'd hurt myself", "none of it makes me want to hurt myself".
        + @"|\b(?:has|have)\s+never\s+been\s+something\s+I(?:'d|\s+would)\b|\bI'm\s+the\s+last\s+person\s+(?:who'd|who\s+would|to)\s+(?:hurt|harm|kill)\b"
        + @"|\b(?:nothing|none)\s+(?:about\s+(?:this|it|that)|of\s+(?:it|this|that))\s+makes?\s+me\s+want\s+to\s+(?:die|hurt\s+myself|kill\s+myself|end\s+(?:it|my\s+life))\b"
        + @"|\b(?:self-?harm|suicide|hurting\s+myself)\s+(?:isn't|is\s+not)\s+a\s+thing\s+for\s+me\b|\b(?:haven't|have\s+not|never)\s+(?:ever\s+)?felt\s+like\s+I'd\s+be\s+better\s+off\s+dead\b"
        + @"|\bdon't\s+have\s+anything\s+(?:at\s+home\s+|here\s+)?I(?:'d|\s+would|\s+could)\s+use\b"
        + @"|\bnot\s+the\s+type\s+to\s+do\s+anything\s+(?:stupid|silly|drastic)\b|\b(?:it's|its)\s+not\s+like\s+I(?:'d|\s+would)\s+(?:ever\s+)?(?:actually\s+)?(?:hurt|harm|kill)\b");

    /// <summary>
    /// Denials of one part of a clause, between commas ("I'm not planning anything", "I want to live", "I meant done with
    /// the job, not with life", "I've never cut"): only that part is set aside, since a sentence often goes on after a
    /// comma to say risk ("sometimes I think about taking my own life, I don't have a plan or anything"). Written from
    /// the training writers' denial lines.
    /// </summary>
    private static readonly Regex EnglishDenialPart = CompileLinear(
        // Not at risk, not planning, not going to act: "I'm not planning anything", "no plan or anything", "I'm not a danger to myself".
        @"\b(?:I'm|I\s+am|I\s+was|I've\s+been)\s+(?:really\s+|honestly\s+|definitely\s+|seriously\s+)?not\s+(?:at\s+(?:any\s+)?risk|a\s+danger\s+to\s+myself|in\s+(?:a\s+)?crisis|planning\s+(?:anything|to\s+do\s+anything))\b"
        + @"|\b(?:no|not\s+any|don't\s+have\s+(?:a|any)|there's\s+no|haven't\s+got\s+(?:a|any))\s+plans?\s+(?:or\s+anything|like\s+that|to\s+do\s+anything)\b|^\s*(?:and\s+)?no\s+(?:pills|plans?|thoughts|urges)\s*$"
        + @"|\b(?:I'm|I\s+am)\s+not\s+(?:gonna|going\s+to)\s+do\s+anything(?:\s+to\s+myself)?(?:\s*[.!;]|\s+(?:to\s+myself|I\s+(?:just|want|promise)|tonight|I\s+swear)|\s*$)"
        + @"|\b(?:I'd|I\s+would|I\s+will|I'll|I\s+wouldn't|I\s+won't)\s+(?:never\s+)?(?:ever\s+)?do\s+(?:anything|that|something)\s+(?:stupid|silly|drastic|to\s+myself|like\s+that|to\s+(?:my|the)\s+(?:kids|family|children|mum|mom|parents))\b"
        + @"|\bno\s+risk\s+stuff\b|\b(?:fine|okay|ok|safe)\s+safety-?wise\b|\b(?:isn't|is\s+not|not)\s+a\s+cry\s+for\s+help\b"
        // Done with something else, "not with life": "I meant done with the job, not with life".
        + @"|\bnot\s+(?:done\s+)?with\s+life\b|\bnot\s+(?:like\s+)?done\s+done\b|\bnot\s+(?:with\s+)?life\s*(?:lol|haha)?\s*[.!?]"
        // Wanting to live: "I want to live", "I want to be here", "I'm not going anywhere", said as a statement of its own
        // (not "I don't know if I want to be here").
        + @"|(?:^|[.!;]\s*|\b(?:and|but|so|honestly|because|cause|no|yes|yeah)\s+)I\s+(?:really\s+|still\s+)?(?:want|wanna|plan\s+on)\s+(?:to\s+)?(?:live|be\s+(?:here|around)(?:\s+for\s+a\s+long\s+time)?|being\s+around)\b"
        + @"|\b(?:I'm|I\s+am)\s+not\s+going\s+anywhere\b|\btoo\s+much\s+to\s+live\s+for\b|\bI\s+(?:really\s+|actually\s+|honestly\s+)?love\s+(?:my\s+life|being\s+alive)\b"
        // Past and gone: "I've never cut", "those thoughts are gone", "haven't had those thoughts since".
        + @"|\b(?:I've|I\s+have|I)\s+never\s+(?:cut|tried\s+anything|self-?harmed|hurt\s+myself)\b|\b(?:haven't|have\s+not|hadn't)\s+cut\b|\bnot\s+(?:been\s+)?cutting\b"
        + @"|\bno\s+urges?\b|\bself-?harm(?:'s|\s+has|\s+is)\s+never\b|\b(?:suicide|death|dying)(?:'s|\s+is|\s+isn't|\s+has)\s+(?:not|never)\s+(?:been\s+)?on\s+my\s+mind\b"
        + @"|\b(?:haven't|have\s+not|hadn't|don't|never)\s+(?:had|have|got)\s+(?:those|any|these|dark|such)\s+(?:dark\s+)?thoughts\b|\bno\s+dark\s+thoughts\b"
        + @"|\b(?:those|the|these|that)\s+(?:dark\s+|scary\s+|bad\s+)?(?:thoughts|feelings?)\s+(?:are|were)\s+(?:gone|behind\s+me)\b|\b(?:thoughts|they)\s+(?:went|have\s+gone|are)\s+(?:away|gone)\b"
        + @"|\bhaven't\s+come\s+back\b|\b(?:never|hasn't|has\s+never|never\s+once)\s+crossed\s+my\s+mind\b|\bI\s+don't\s+think\s+about\s+(?:dying|death|that\s+stuff|it)\s+(?:anymore|any\s+more)\b"
        + @"|\bnot\s+thinking\s+(?:of|about)\s+ending\s+anything\b|\bnot\s+thinking\s+that\s+way\b"
        // Not that kind: "not for any dark reason", "not the dark kind", "I'm not that kind of down", "I didn't mean it like that".
        + @"|\bnot\s+(?:for\s+)?any\s+(?:dark|sad|bad)\s+reason\b|\bnot\s+(?:the|in\s+a)\s+dark\s+(?:kind|way)\b|\bnot\s+that\s+kind\s+of\s+(?:down|hopeless|sad|low|place|tired)\b"
        + @"|\bnot\s+in\s+that\s+kind\s+of\s+place\b|\b(?:didn't|don't|did\s+not|do\s+not)\s+mean\s+it\s+like\s+that\b|\bnothing\s+(?:else\s+going\s+on|like\s+that)\b");

    /// <remarks>
    /// The denials that a later negation can undo share one <see cref="KoreanNotAfterAll"/>: written once per alternative,
    /// the compiled matcher grew past the size the JIT optimises (it ran unoptimised, 0.6 -> 13 us a sentence).
    /// </remarks>
    private static readonly Regex KoreanDenial = CompileLenient(
        "(?:(?:그런|나쁜|극단적인?|이상한|위험한|무서운|죽을|죽음|죽는 ?(?:거|것)|자살|자해|해칠|끝내고 ?싶다는) ?(?:생각|맘|마음|쪽|충동)[은는이가도]?(?>[^.!?밖뿐]{0,16}?(?:" + KoreanNone + "|안 ?(?:해|들|드|함|했)|못 ?해|사라졌(?!으면)|" + KoreanNotThat + "))"
        // Asked about it, and the answer is no: "혹시 자해하냐고 물어보신 거면 아니에요".
        + "|(?:냐고|냐는|는지) ?(?:물어|묻|질문|하면|한다면)[^.!?]{0,16}?(?:아니|아닌|없)"
        + "|(?:자해|자살)(?:는|은)요, ?[^.!?]{0,8}?(?:안 ?해|" + KoreanNone + "|아니))" + KoreanNotAfterAll
        + "|(?:자해|자살)(?:하면|은|는) ?안 ?(?:되는|된다는) ?(?:거|걸|것)[^.!?]{0,8}?안 ?(?:해|할|하)|극단적인? ?선택[은는을도]? ?(?:절대 ?|결코 ?)?(?:안 ?(?:해|할|하)|않)|충동도 ?(?:이제 ?|더 ?이상 ?|전혀 ?)?" + KoreanNone
        + "|(?:저|나|난|전) ?(?:진짜 ?|정말 ?)?안전해|(?:모으|모아 ?두|모아놓)[^.!?]{0,10}?(?:없|안 ?해)"
        + "|(?:해치|손대|긋)[^.!?]{0,10}?(?:없|안 ?해|안 ?하|못 ?해)|한(?<!없이[^.!?]{0,14}한) ?번도[^.!?]{0,20}?(?:없|안 ?(?:해|했|들))"
        + "|생각(?:까지는?|해 ?본 ?적)[^.!?]{0,6}?(?:없|안 ?들)|선택지에 ?없|선택지가 ?아니|진짜 ?아니거든|(?:잘|진짜|정말|저) ?살고 ?싶어|오래 ?살 ?(?:거|거예요|래|고 ?싶)"
        + "|(?:진짜|정말|실제로|딱히) ?그런 ?(?:건|거|게) ?(?:아니|아닌|아냐)"
        + "|(?:살 ?이유|살 ?의미|희망|살고 ?싶은 ?마음)[이가은는]? ?없(?: ?진 ?않| ?지는 ?않| ?지 ?않|(?:다는|는) ?(?:건|거|게)[은는]? ?" + KoreanNotThat + ")"
        + "|(?:없다고|없음으로|아니라고|아니오로|아니요로) ?(?:체크|답|대답)(?![^.!?]{0,12}?(?:사실|거짓|솔직히|실은))" + "|그럴 ?일 ?(?:은 ?|도 ?|절대 ?)?없|죽을 ?일(?:은|도|까진)? ?(?:아니|없)"
        + "|짐이 ?(?:된다는|되는) ?(?:느낌|생각|기분)[은는이가도]? ?(?:전혀 ?|별로 ?)?(?:없|안 ?들)|없음[\\u0027\\u2018\\u2019\"\\u201C\\u201D]?(?:에|으로) ?(?:체크|표시|답|했)"
        // The words meant something else, said as the end of it: "그런 뜻은 아니야", "그 뜻 아니야" (not "그 뜻이 아니라 진짜…").
        + "|(?:그|그런) ?뜻(?:은|이)? ?(?:아니야|아냐|아님|아니에요|아니예요|아니거든)"
        + "|(?:죽고|사라지고|없어지고) ?싶은 ?(?:거|것|건|게)[는은]? ?(?:다르|다른|달라)"
        + "|(?:싫다|싶다|죽겠다|싫어|싶어) ?(?:까진|까지는|까지|정도는|정도까진) ?(?:아니|아님|않)");

    /// <summary>
    /// A wish named only to deny it or to say it is something else: "죽고 싶은 건 아닌데", "살기 싫다 이런 건 절대 아니고",
    /// "사라지고 싶다는 생각은 안 들어요", "죽고 싶다기보다는", "죽고 싶은 거랑은 다르잖아요", "죽고 싶다고는 안 했어". Read at the
    /// phrase's own match, so a second wish in the clause still counts ("죽고 싶은 건 아니고 그냥 사라지고 싶어요").
    /// </summary>
    private static readonly Regex KoreanWishDenied = Compile(
        "^(?:죽고 ?싶|사라지고 ?싶|없어지고 ?싶|끝내고 ?싶|뛰어내리고 ?싶|살기 ?싫|살고 ?싶지 ?않)(?:"
        + "[은다](?>[^.!?]{0,8}?(?:건|거|게|것)[은는]? ?(?:전혀 |절대 |절대로 |진짜 |정말 |딱히 )?" + KoreanNotThat + ")" + KoreanNotAfterAll
        + "|(?:다는|단|은) ?(?:생각|맘|마음)[은는이가도]?(?>[^.!?밖뿐]{0,12}?(?:" + KoreanNone + "|안 ?(?:들|드|해|했)|" + KoreanNotThat + "))" + KoreanNotAfterAll
        // Rather than dying, another way out is still one: "죽고 싶다기보다 그냥 끝내고 싶어".
        + "|다기 ?(?:보다|보단)(?![^.!?]{0,16}?(?:끝내|사라지|없어지|잠들|죽|살기|싫|태어))|은 ?(?:거|것|건|게)(?:랑|하고|와|과)[는은]? ?(?:다르|다른|달라)|다고(?:는|까지는)? ?(?:안 ?(?:했|해|한)|말 ?안))",
        RegexOptions.None);

    /// <summary>
    /// A denial the speaker takes back, will not make, or makes and undoes: "I told her I hadn't cut since summer but that
    /// was a lie", "I can't honestly say I haven't thought about it", "I'm not going to pretend the idea hasn't crossed my
    /// mind", "not that I'd never", "I'm not not suicidal", "it isn't like I'm scared of dying", an answer given and taken
    /// back ("I said no. I do have one", "I put a two, it's more like an eight"). Its phrases are not denied, nothing is set
    /// aside, and with a risk cue it is the rules' finding (<see cref="Refused"/>): the classifier learned negated risk
    /// words as denials. The refused words must be the speaker's or a thought's ("I can't guarantee the train won't be late"
    /// is not one).
    /// </summary>
    private static readonly Regex EnglishDenialTakenBack = CompileLenient(
        @"\b(?:that|which|it)\s+(?:(?:was|is|'s|would\s+be)\s+(?:a\s+|sort\s+of\s+a\s+|kind\s+of\s+a\s+)?(?:lie|lying|not\s+true|untrue)|(?:wasn't|isn't)\s+true)\b|\bI\s+lied\b(?!\s+about\s+(?:the|my|a|an|her|his|their|our)\b)"
        + @"|\b(?:it|that)(?:'s\s+not|\s+is\s+not|\s+isn't|\s+wasn't|\s+was\s+not)\s+(?:like|that)\s+I(?:\s+(?:don't|do\s+not|haven't|didn't|wasn't)|(?:'m|\s+am)\s+(?:not\s+)?scared)\b"
        + @"|\bI\s+(?:don't|do\s+not)\s+not\b|\bnot\s+not\b|\bI\s+don't\s+think\s+I'd\s+not\b|\bnot\s+sure\s+I\s+(?:wouldn't|won't)\b"
        + @"|\b(?:can't|cannot|couldn't|can\s+not|not\s+(?:gonna|going\s+to)|won't)\s+(?:\w+\s+){0,3}?(?:say|tell\s+\w+|promise(?:\s+\w+)?|pretend|swear|guarantee)(?:\s+that)?"
        + @"\s+(?:I|I'd|I'll|I've|I'm|(?:the\s+)?(?:thought|idea|urge|plan)s?\b(?:\s+\S+){0,8}?)\s+(?:haven't|hasn't|won't|wouldn't|don't|doesn't|isn't|didn't|never|not|wasn't|ain't|am\s+not)\b"
        + @"|\b(?:don't\s+know|dunno|idk|not\s+sure)\s+(?:if|whether)\s+I\s+(?:can|could)\s+(?:promise|say|guarantee)\b"
        + @"|\bnot\s+that\s+I(?:'d|\s+would|'ll|\s+will)?\s+never\b|\bI\s+never\s+said\s+I\s+(?:didn't|wasn't|wouldn't|won't|don't|hadn't)\b|\bnot\s+saying\s+I\s+(?:won't|wouldn't|haven't|don't|can't)\b"
        + @"|\bI\s+(?:said|told\s+\w+|put|ticked|answered|wrote|circled)\s+(?:that\s+)?(?:no|yes|yeah|nope|negative|good\s+to\s+go|(?:a\s+)?(?:zero|one|two|three|four|five|\d+)|I\s+was\s+(?:fine|ok|okay|good|safe|alright)|I'm\s+(?:fine|ok|okay|good|safe)"
        + @"|it\s+was\s+(?:nothing|years\s+ago|an\s+accident)|the\s+\w+|I\s+(?:hadn't|haven't|wasn't|wouldn't|won't|didn't|never|don't))\b[^.!?]{0,60}?(?:[.!?,]\s*[^.!?]{0,40}?)?"
        + @"\b(?:it's\s+more\s+like|it\s+wasn't\s+the|I'm\s+not\s+really|I'm\s+not(?=\s*[.!?]|\s*$)|I\s+was\s+not|I\s+do\s+have|but\s+I'm\s+not|but\s+(?:it's\s+been|I've|I\s+(?:have|had|do|did))\b)\b");

    /// <summary>
    /// A denial the speaker cannot stand behind (<see cref="Refused"/>, after <see cref="EnglishDenialTakenBack"/>): "I can't
    /// rule it out", "it isn't as if I never think about it". Its own regex, led by its literal words: as alternatives of
    /// <see cref="EnglishDenialTakenBack"/> they made that one, tried on every utterance, four times slower (1.2 -> 4.9 us).
    /// </summary>
    private static readonly Regex EnglishDenialUnsure = CompileLenient(
        @"(?<=\b(?:can't|cannot|couldn't)\s+(?:really\s+|totally\s+|completely\s+)?)rule\s+(?:it|that|anything)\s+out\b"
        + @"|(?<=\b(?:isn't|is\s+not|it's\s+not)\s+)as\s+if\s+I\s+(?:never|don't|haven't|didn't)\b");

    /// <summary>
    /// A screening question about the speaker's risk, told before the answer the speaker takes back: "the EAP guy asked if I
    /// had a plan", "you asked last week if I was safe", "when the nurse said one to ten how likely", "your question about
    /// whether I'd act on it", "asked if I was gonna do something stupid". It is the cue of the taking-back
    /// (<see cref="Refused"/>): "I said no. I do have one" says nothing of risk by itself. Not a plan for something ("asked
    /// if I had a plan for the weekend") nor a plan's, a place's or a task's safety ("asked if the plan was safe", "if I was
    /// safe to drive").
    /// </summary>
    private static readonly Regex EnglishScreeningAsked = CompileLenient(
        @"\b(?:asked|asks|asking|ask|question|form|said)\b[^.!?]{0,50}?(?:\b(?:I|you)\s+(?:had|have|'ve\s+got|got)\s+(?:a|any)\s+plan\b(?!\s+for\b)|\b(?:I|you)(?:'m|'re|\s+was|\s+were|\s+am|\s+are)\s+(?:\w+\s+)?safe\b(?!\s+to\b)"
        + @"|\bhow\s+likely\b|\b(?:act|acting)\s+on\s+(?:it|them)\b|\bsomething\s+(?:dumb|stupid)\b|\b(?:hurt|hurting|harm|harmed|harming|kill|killing)\s+(?:myself|yourself)\b|\bsuicid\w*)");

    /// <summary>
    /// The speaker's own safety in doubt: "I'm not sure I'm safe tonight", "I wouldn't say I'm safe", "I'm not exactly safe
    /// either", "I'm not safe in my own head", "not safe from me". A risk statement by itself, where a refused denial needs a
    /// risk cue beside it; not the safety of a place, a task or another person ("I'm not safe at home", "safe to drive",
    /// "not safe around him").
    /// </summary>
    private static readonly Regex EnglishSafetyDoubted = CompileLenient(
        @"\b(?:not\s+sure|don't\s+know\s+if|wouldn't\s+say|can't\s+say|not\s+(?:gonna|going\s+to)\s+say)\s+I(?:'m|\s+am)\s+safe\b(?!\s+to\b)"
        + @"|\bI(?:'m|\s+am)\s+not\s+(?:exactly\s+|really\s+|totally\s+|completely\s+|feeling\s+)?safe\b(?!\s+to\b|\s+(?:at|in)\s+(?:home|work|school|the\b)"
        + @"|\s+(?:around|with|near)\s+(?:him|her|them|my\s+(?:partner|husband|wife|dad|father|mum|mom|mother|boyfriend|girlfriend|ex|family|flatmate|roommate)\b))"
        + @"|\bnot\s+safe\s+(?:from|with)\s+(?:me|myself)\b");

    /// <summary>
    /// The Korean <see cref="EnglishSafetyDoubted"/>, in the speaker's own words only: "안전할 자신이 없어요", "오늘은 안전해요.
    /// 내일은 장담 못 하겠어요" (not "집이 안전하지 않아요", "이 약이 안전한지 모르겠어요" or "안전 점검은 약속 못 해요"), and the
    /// Korean <see cref="EnglishPromiseBounded"/>: not dying, or a promise not to, for a while and no further ("이번 주는 안 죽을
    /// 거예요. 다음 주는 모르겠고요", "이번 달은 안 할게. 그건 약속해. 그다음은 장담 못 하고"; not "이번 주는 운동 안 할 거예요.
    /// 다음 주는 모르겠어요").
    /// </summary>
    private static readonly Regex KoreanSafetyDoubted = Compile(
        "안전할 ?자신[이은]? ?없|안전(?:해|하다고|할)[^?]{0,40}?(?:장담|약속)[은는을이]? ?못 ?(?:하|해|드리)"
        + "|(?:이번 ?(?:주|달)|오늘|당분간)[은는]? ?(?:안 ?죽|죽지 ?않|안 ?할게[^?]{0,12}?약속)[^?]{0,40}?(?:다음 ?(?:주|달)|그 ?다음|내일|그 ?뒤|그 ?후)[은는엔]? ?[^.!?]{0,10}?(?:모르|장담 ?못|약속 ?못|자신 ?없)",
        RegexOptions.None);

    /// <summary>안 as "not" before a verb ("안 해본", "안드는", "안봤다고"), not the first syllable of a word (안전, 안녕, 안경, 안에).</summary>
    private const string KoreanNotVerb = "(?<![가-힣])안(?: |(?=[해한했하할된되돼드든들죽가간갔와온왔그먹보본봤봐찾써쓴]))\\S+";

    /// <summary>
    /// The Korean <see cref="EnglishDenialTakenBack"/> read by <see cref="Refused"/>: "없다고는 못 하겠어요", "안 해봤다고는 못
    /// 하죠", "안 한다고 약속은 못 드리겠어요", "부정 못 하겠어요", a "not" negated ("안 죽고 싶은 건 아니에요", "계획이 없는 건
    /// 아니에요"), an answer taken back ("없다고 했잖아요. 사실 있어요", "'없음' 찍었는데 … 있어요").
    /// </summary>
    private static readonly Regex KoreanDenialRefused = Compile(
        "(?:없|아니|않|" + KoreanNotVerb + ")[^.!?]{0,4}?(?:다고|라고)(?:는|까지는|도)? ?(?:못 ?(?:하|해|드리)|말 ?못|(?:장담|약속)[은는을이]? ?못|자신 ?없|하면 ?거짓말|하긴 ?좀|말하긴 ?좀)"
        + "|부정 ?(?:못|할 ?수 ?없)"
        + "|(?:" + KoreanNotVerb + "|없는|않은|않는) ?(?:건|거|게|것)[은는이가]? ?(?:아니(?!까|깐|라)|아녜|아냐)"
        + "|(?:없|아니|괜찮|안 ?했)[^.!?]{0,6}?(?:다고|라고|찍었|체크|답한|대답)[^?]{0,50}?(?:사실(?!이|입니|인)|거짓말|있어요|있어(?![가-힣])|하고 ?있어)",
        RegexOptions.None);

    /// <summary>
    /// Words for living and ways forward, which do not count as the cue of a refused denial: refusing to deny a lack of them
    /// is having them ("I can't say I don't have a reason to live", "살고 싶은 마음이 없는 건 아니에요", "해결 방법이 없는 건
    /// 아니에요").
    /// </summary>
    private static readonly Regex EnglishLiving = CompileLenient(@"\b(?:live|lives|living|alive|life|future|hope|reasons?\s+to)\b");

    /// <inheritdoc cref="EnglishLiving"/>
    private static readonly Regex KoreanLiving = Compile("살고|살기|살아|살 ?이유|살 ?의미|희망|미래|의미|해결|방법|기회", RegexOptions.None);

    /// <summary>
    /// The speaker saying someone else's risk is theirs too: "me too" said as an answer (not "they'll drop me too"),
    /// "honestly same", "I'd do the same", "I get why", "I was kind of jealous", "I want that", "I've been doing it too",
    /// "that could be me", "I've got his exact same pills", "I showed her mine" (<see cref="SameAsSomeoneElse"/>).
    /// </summary>
    private static readonly Regex EnglishSameAsThem = CompileLenient(
        @"(?<=^|[,;:.!?]\s*|\b(?:and|like|honestly|so|but|yeah)\s+)me\s+too\b|\b(?:same\s+here|(?:and|honestly|like)\s+same\b|same\s+(?:with|for)\s+me|(?:I'd|I\s+would|I'll|I\s+will)\s+(?:do|go)\s+(?:it\s+)?the\s+same\b"
        + @"|I\s+(?:get|got|understand|understood)\s+(?:it|why)\b|I\s+was\s+(?:kind\s+of\s+|kinda\s+|a\s+bit\s+)?(?:jealous|envious)|I\s+want(?:ed)?\s+that\b"
        + @"|I(?:'ve|\s+have)?\s+(?:been\s+)?(?:doing|done|did|do)\s+it\s+too\b|I\s+started\s+too\b|(?:could|would|will)\s+be\s+me\b"
        + @"|I(?:'ve|\s+have)\s+got\s+(?:his|her|their|the)\s+(?:exact\s+)?same\b|the\s+same\s+(?:plan|way|method)\s+(?:he|she|they)\b|I\s+(?:showed|show)\s+(?:her|him|them)\s+mine\b)");

    /// <summary>Someone else, or a story, told before the speaker takes its risk as their own (<see cref="SameAsSomeoneElse"/>).</summary>
    private static readonly Regex EnglishAnotherPerson = CompileLenient(
        @"\b(?:he|she|they|his|her|him|them|himself|herself|themselves"
        + @"|my\s+(?:friend|son|daughter|mom|mum|mother|dad|father|brother|sister|cousin|uncle|aunt|gran|grandma|grandad|grandpa|nan|wife|husband|partner|girlfriend|boyfriend|kid|colleague|co-?worker|mate|flatmate|roommate|classmate|neighbou?r|student|patient|client|boss)"
        + @"|(?:a|the|that|this)\s+(?:\w+\s+)?(?:guy|girl|kid|man|woman|teacher|teenager|lad|character|mother|father|actor|singer|news|book|song|show|documentary|tiktok|film|movie|video))\b");

    /// <summary>
    /// Another person's suicide, attempt or self-harm, or their wish to die, told before the speaker takes it as their own
    /// (<see cref="SameAsSomeoneElse"/>): narrower than <see cref="RiskCues"/>, so a death from illness or a friend's
    /// good news is not one ("my grandma died in March and I get why people say grief comes in waves").
    /// </summary>
    private static readonly Regex EnglishOthersRisk = CompileLenient(
        @"\b(?:kill(?:ed|s|ing)?\s+(?:him|her|them)sel(?:f|ves)|suicid\w*|took\s+(?:his|her|their)\s+(?:own\s+)?life|overdos\w*|jump(?:ed|s|ing)?|hang(?:ed|s|ing)?|hung|shot\s+(?:him|her)self"
        + @"|self[-\s]?harm\w*|cut(?:s|ting)?|scars?|tried|attempt\w*|(?:to|wants?\s+to|wanting\s+to|asking\s+to)\s+(?:die|disappear|be\s+gone)|(?:ended|ending)\s+(?:it|(?:his|her|their)\s+life)|walk(?:s|ed)?\s+into\s+the\s+(?:sea|lake|river|water))\b");

    /// <summary>
    /// The Korean <see cref="EnglishSameAsThem"/>: "나도 그래", "저도 딱 그래요", "저도 같이 가고 싶어요", "부러웠어요", "부러워요",
    /// "왜 그랬는지 알 것 같아", "그 말이 너무 이해가 돼요", "저도요"; not 하나도, not "이해가 되지 않아요", not the other person's
    /// own words ("걔가 나도 따라가고 싶다고 했었는데").
    /// </summary>
    private static readonly Regex KoreanSameAsThem = Compile(
        "(?:(?<![가-힣])(?:나|저)도 ?(?:딱 ?|진짜 ?|솔직히 ?|요즘 ?|속으로 ?|같이 ?)?(?:그래|그렇|똑같|같이 ?가|따라|그 ?방법|써 ?놨|차 ?있|그러고|그럴)|부럽|부러(?:워|웠|운)|왜 ?그랬는지 ?알|마음 ?알겠|이해가 ?(?:돼|되|가)(?!지 ?않)|(?<![가-힣])저도요)"
        + "(?![^.!?]{0,16}?(?:다고|라고|다는|단|자고) ?(?:했|하|말|그러))",
        RegexOptions.None);

    /// <summary>Another person's suicide, attempt or self-harm, or wish to die or to follow (Korean <see cref="EnglishOthersRisk"/>).</summary>
    private static readonly Regex KoreanOthersRisk = Compile(
        "자살|자해|극단적|스스로|목숨|목을? ?매|목매|뛰어내|투신|한강|옥상|번개탄|긋|그었|그은|흉터|시도|죽|가고 ?싶|따라가|떠났|그렇게 ?(?:갔|가셨|됐)|유서|약[을를]? ?(?:먹|삼키)|과다 ?복용|사망",
        RegexOptions.None);

    /// <summary>
    /// Someone else, or a story, told before the speaker takes its risk as their own (<see cref="SameAsSomeoneElse"/>): a
    /// person's word standing alone with its particle (not 형 in 형편, 애 in 연애, 아이 in 아이디어, 딸 in 딸기).
    /// </summary>
    private static readonly Regex KoreanAnotherPerson = Compile(
        "(?<![가-힣])(?:" + KoreanOthers + "|아버지|어머니|할머니|할아버지|삼촌|이모|고모|선배|후배|후임|선임|동기|룸메|베프|걔|주인공|연예인|누가|누군가|환자|스트리머|뉴스|드라마|웹툰|영화|기사)"
        + "(?:님)?(?:들)?(?:가|이|은|는|도|의|에서|에|랑|이랑|하고|한테|께서|께|처럼)?(?![가-힣])",
        RegexOptions.None);

    /// <summary>
    /// Risk said as a joke (<see cref="JokeTakenBack"/>): the words that make it one ("I always joke that", "haha", "lol",
    /// "kidding", "my catchphrase", "my bio", "dark humour", "my stand-up material", "kms", "speedrun"), not words that
    /// only describe something as funny.
    /// </summary>
    private static readonly Regex EnglishJoke = CompileLenient(
        @"\b(?:jok(?:e|es|ed|ing)|haha\w*|lol|lmao|kidding|meme|catchphrase|bio|dark\s+humou?r|punchline|stand-up|kms|speedrun)\b");

    /// <summary>
    /// A joke about risk the speaker then says is not one: "not really joking", "mostly not kidding", "genuinely",
    /// "seriously", "also true", "it's just accurate", "I meant it", "for real", "not a bit anymore", "it's not a mood, it's
    /// a plan", "I actually went", "I did actually try", "thing is I sort of did" (<see cref="JokeTakenBack"/>).
    /// </summary>
    private static readonly Regex EnglishJokeTakenBack = CompileLenient(
        @"\b(?:not\s+(?:really\s+|even\s+|just\s+)?(?:joking|kidding)|(?:mostly|only\s+sort\s+of|only\s+half|half)\s+(?:not\s+)?(?:joking|kidding)|genuinely|seriously|also\s+true"
        + @"|(?:it's\s+)?just\s+accurate|I\s+(?:mean|meant)\s+it|for\s+real|not\s+(?:sure\s+it's\s+)?a\s+bit|not\s+a\s+(?:mood|joke)|I\s+actually|actually\s+(?:went|did|tried|want|wanted|have|had)"
        + @"|I\s+did\s+actually|(?:thing|problem)\s+is|okay\s+maybe\s+I\s+would|I've\s+(?:kind\s+of|sort\s+of)\s+been\s+\w+ing)\b");

    /// <summary>The Korean <see cref="EnglishJoke"/>: 농담, 장난 (not 장난감), 드립, 밈 (not 꾸밈), ㅋㅋ, ㅎㅎ.</summary>
    private static readonly Regex KoreanJoke = Compile("농담|장난(?!감)|드립|(?<![가-힣])밈|ㅋㅋ|ㅎㅎ", RegexOptions.None);

    /// <summary>
    /// The Korean <see cref="EnglishJokeTakenBack"/>: 진심(이에요, 이었어요; not 진심 아님 or 진심은 아니에요, nor 진심으로 as
    /// "sincerely"), 진담, 진지하게, 농담 아니, 밈 아니.
    /// </summary>
    private static readonly Regex KoreanJokeTakenBack = Compile("진심(?!으로|[이은]? ?(?:아니|아님|아냐))|진담|진지하게|(?:농담|장난|밈) ?아니", RegexOptions.None);

    /// <summary>
    /// Risk that had stopped and is back (<see cref="Returned"/>): "they're back now and they're worse", "it came right
    /// back once I had nothing to do", "the dark thoughts are creeping back", "it's crept back", "I went back to hitting
    /// myself", "I'm back to wanting to not exist", "I started again on the weekend", "that's gone again", "most days again
    /// now", "looking at the same bridge". Not what returns from somewhere ("the results came
    /// back", "my body image stuff came back", "she's back from holiday", "back at work") nor what has not ("it never came
    /// back", "no i havent been cutting again").
    /// </summary>
    private static readonly Regex EnglishReturned = CompileLenient(
        @"\b(?:it|they|thoughts?|urges?|feelings?)\s+(?:(?!never\b|not\b)\w+\s+){0,3}?(?:came|crept|creeping|crawled|crawling)\s+(?:right\s+|straight\s+|all\s+)?back\b"
        + @"|\b(?:it|they|that)(?:'s|'ve|\s+has|\s+have)\s+crept\s+back\b"
        + @"|\b(?:they|it|that|thoughts?|urges?|feelings?|stuff|voices?)(?:'re|'s|\s+are|\s+is)\s+(?:all\s+|right\s+)?back\b(?!\s+(?:in|then|when|at|home|from|around|on|with|to\s+(?:normal|work|school|myself|being|my)\b))"
        + @"|\b(?:I'm|I\s+am|I've\s+gone|I\s+went|I\s+was)\s+(?:right\s+|straight\s+)?back\s+(?:to|at)\s+(?:wanting|thinking|hurting|cutting|burning|scratching|hitting|punching|starving|the\s+(?:old|bridge|edge)|square\s+one|where\s+I\s+was)\b"
        + @"|(?<!(?:n't|\bnot|\bnever)\s+(?:been\s+)?)\b(?:started|starting|doing\s+it|did\s+it|at\s+it|cutting|hurting\s+myself|burning\s+myself)\s+again\b"
        + @"|\b(?:gone|back)\s+again\b|\b(?:every|most)\s+(?:day|night)s?\s+again\b|\bthe\s+same\s+(?:bridge|pills|ledge|roof|cliff)\b");

    /// <summary>
    /// The words every <see cref="EnglishReturned"/> holds: a literal search the regex engine skips along, where the
    /// return's own alternatives (their subjects first, one behind a look-behind) are tried at nearly every word (about
    /// 3 us a sentence measured alone).
    /// </summary>
    private static readonly Regex EnglishReturnWord = CompileLenient(@"\b(?:back|again|same)\b");

    /// <summary>
    /// A denial of risk with an exception after it (<see cref="Returned"/>): "I haven't self harmed in ages, well since
    /// like the 3rd", "I don't think about killing myself anymore. Well, only when I'm drinking", "I'm not actively suicidal
    /// I guess, apart from the bit where I've been working out how". The exception starts the group <c>back</c>; the denied
    /// part before it must hold the risk cue.
    /// </summary>
    private static readonly Regex EnglishDenialExcepted = CompileLenient(
        @"(?:n't|\bnot|\bnever|\bno|\banymore|\bin\s+ages|\bpast\s+(?:all\s+)?that|\bover\s+(?:it|that))\b[^.!?]{0,60}?[.,;!?]+\s*(?:well,?\s+|I\s+mean,?\s+)?"
        + @"(?<back>since\s+(?!then\b)|till\b|until\b|only\s+when\b|except\b|apart\s+from\b)");

    /// <summary>
    /// Risk told as over, and why (<see cref="ToldAsOver"/>): a time without the act or the thoughts themselves ("I haven't
    /// in eight years", "haven't done it in like six years", "haven't had one since" but not "since Tuesday", "never felt
    /// like that since", "no thoughts like that since"), the thoughts or urges gone or lifted, the past put behind ("it's
    /// very much behind me", "that chapter's closed", "somebody else's story", "I'm past it now", "never looked back"),
    /// sober for a time, or a life that is well now ("I'm in a much better place", "I'm properly well now", "I've been
    /// steady since", "a life I really want to stick around for", "It's been two years and I'm good"). What also says risk
    /// is not read as its end: a time without something else ("I haven't felt happy in years"), something given up ("I
    /// don't need it anymore"), "made my peace", "everything's gone", "leaving it all behind me", "I don't want to stick
    /// around for this".
    /// </summary>
    private static readonly Regex EnglishToldAsOver = CompileLenient(
        @"\b(?:haven't|hasn't|have\s+not|has\s+not|had\s+not|never|not)\s+(?:(?:once|really|even|actually)\s+)?"
        + @"(?:(?:had|done|felt|thought|tried)\s+(?:(?:it|that|one|those|them|any|anything|such)(?:\s+(?:thoughts?|urges?))?|thoughts?|urges?)(?:\s+like\s+(?:that|it))?(?:\s+again)?\s+"
        + @"|(?:cut|self-?harmed|hurt\s+myself|relapsed)\s+)?"
        + @"(?:since(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|the\s+weekend|last|this|\d|a\s+(?:day|few\s+days|week)|the\s+\d))"
        + @"|in\s+(?:like\s+|about\s+|over\s+|almost\s+|nearly\s+)?(?:years|ages|a\s+long\s+time|" + EnglishSpanOfTime + @")|for\s+(?:years|months|ages|" + EnglishSpanOfTime + @"))\b"
        + @"|\bno\s+(?:\w+\s+)?(?:thoughts|urges?)\s+like\s+that\s+since\b"
        + @"|\b(?:those|the|these|that)\s+(?:\w+\s+){0,2}(?:thoughts|urges?)\s+(?:are|is|have|has|went|were)\s+(?:(?:all|completely|properly|long)\s+)?(?:gone|away|over|lifted)\b"
        + @"|\b(?:that|it|they)\s+lifted\b|\b(?:self[-\s]?harm|cutting|the\s+urges?)\s+stopped\s+(?:when|after|once)\b"
        + @"|\b(?:it's|that's|it\s+is|that\s+is)\s+(?:very\s+much\s+|really\s+|all\s+|well\s+|long\s+)?behind\s+me\b|\bnot\s+something\s+I\s+think\s+about\s+(?:anymore|any\s+more)\b"
        + @"|\b(?:that\s+chapter's\s+(?:is\s+)?(?:closed|over)|(?:somebody|someone)\s+else's\s+story|not\s+where\s+I\s+am|so\s+far\s+from\s+that"
        + @"|(?:I'm|I\s+am)\s+past\s+(?:it|that)|never\s+looked\s+back|(?:it's|that's)\s+not\s+like\s+that\s+(?:now|anymore))\b"
        + @"|\b(?:(?:years?|months)\s+(?:sober|clean)|(?:sober|clean)\s+(?:for\s+)?(?:\w+\s+)?(?:years?|months))\b"
        + @"|\b(?:I'm|I\s+am|I've\s+been)\s+(?:(?!going\b|gonna\b)\w+\s+)?(?:in\s+)?(?:such\s+|a\s+)?(?:much\s+|really\s+|very\s+|so\s+)?(?:a\s+)?(?:better|good|different)\s+place\b"
        + @"|\b(?:I'm|I\s+am)\s+(?:properly|really|very|genuinely)\s+(?:well|stable|steady)\b|\b(?:I've\s+been|been)\s+(?:really\s+)?(?:steady|stable|well)\s+since\b"
        + @"|\bgrateful\b[^.!?]{0,30}\bdidn't\s+work\b|\blife\s+I\s+(?:really\s+)?want\s+to\s+stick\s+around\s+for\b|\bwant\s+every\s+bit\s+of\s+it\b"
        + @"|\b(?:don't|do\s+not)\s+(?:even\s+)?think\s+about\s+(?:it|that|them)\s+(?:anymore|any\s+more)\b|\bI\s+don't\s+anymore\b"
        + @"|\bit's\s+been\s+(?:\w+\s+){1,2}(?:years?|months)(?:\s+now)?,?\s+and\s+I'm\s+(?:good|well|okay|ok|fine|happy|better)\b"
        + @"|\bthrew\s+(?:it|them)\s+out\b|\b(?:things|it)\s+turned\s+around\b");

    /// <summary>
    /// Risk told as over in the many other ways people say it (<see cref="ToldAsOver"/>), read only beside a past
    /// (<see cref="EnglishPastTold"/>): it stopped, faded or lifted, never came back, years free (sober or clean is the
    /// narrow reading's), "not anymore",
    /// "I'm not suicidal now", well or happy now or for years, "I love my life", "something to live for", "ancient
    /// history", "past tense", "long done", "a different person", "the turning point", "got me through". What also says
    /// risk is not read as its end: "my will to live went away when she died" (only thoughts, urges, a phase or self-harm
    /// stop here), "gone for good", "closure".
    /// </summary>
    private static readonly Regex EnglishOverNow = CompileLenient(
        @"\b(?:not\s+anymore|no\s+longer|not\s+any\s+more|and\s+now\s+I'm\s+not|I'm\s+not\s+(?:suicidal|like\s+that)\s+(?:anymore|now)"
        + @"|(?:never|not|hasn't|haven't|neither\s+has|nor\s+has)\s+(?:\w+\s+)?(?:came|come)\s+back"
        + @"|(?:thoughts?|urges?|feelings?|phase|self[-\s]?harm|cutting|stuff)\s+(?:\w+\s+)?(?:just\s+)?(?:kind\s+of\s+)?(?:stopped|ended|faded|went|lifted|passed|disappeared)\s+(?:\w+\s+)?(?:when|after|once|away|with)"
        + @"|it\s+(?:just\s+)?(?:kind\s+of\s+)?(?:stopped|faded|lifted)|(?:years?|months)\s+free|still\s+free"
        + @"|(?:I'm|I\s+am|I\s+feel|life's|life\s+is|things\s+are|it's|it's\s+been)\s+(?:\w+\s+)?(?:ok|okay|good|grand|great|well|happy|stable|steady|sound|alright|all\s+right|in\s+a\s+good\s+place|better)\s+(?:now|these\s+days|for\s+(?:a\s+)?(?:long|years|ages))"
        + @"|it's\s+been\s+fine\s+for\s+(?:a\s+)?(?:long|years|ages)|proud\s+of\s+(?:where\s+I\s+am|how\s+far)"
        + @"|(?:I|I've)\s+(?:really\s+|actually\s+)?(?:love|like|enjoy|found\s+I\s+like)\s+(?:my\s+life|living|being\s+alive)|want\s+to\s+be\s+here\s+now|something\s+to\s+live\s+for"
        + @"|ancient\s+history|it's\s+in\s+the\s+past|past\s+tense|long\s+(?:done|gone|over)|a\s+different\s+(?:person|woman|man)|turning\s+point|turned\s+(?:it|things|my\s+life)\s+(?:a)?round"
        + @"|(?:pulled|got|brought)\s+me\s+through|saved\s+my\s+life|big\s+fat\s+zero|haven't\s+had\s+a\s+thought\s+like\s+that|not\s+there\s+since|but\s+not\s+for\s+a\s+good\s+(?:while|couple|few))\b");

    /// <summary>
    /// A past the speaker tells (<see cref="EnglishOverNow"/>): "used to", "when I was", "back in", "years ago", a year, "as
    /// a teen", "in my twenties", "at uni", "there was a time", "my attempt", "I tried", "I was", "I had", "during my".
    /// </summary>
    private static readonly Regex EnglishPastTold = CompileLenient(
        @"\b(?:used\s+to|when\s+I\s+was|back\s+(?:in|when|then|after|at)|(?:years?|decades?)\s+ago|(?:in|since|of)\s+'?\d{2,4}\b|as\s+a\s+(?:kid|teen|teenager|student)"
        + @"|in\s+my\s+(?:teens|twenties|thirties|forties|first\s+year)|at\s+(?:uni|university|college|school|\d{2})|in\s+(?:high|middle|secondary|nursing)\s+school"
        + @"|there\s+was\s+a\s+time|in\s+the\s+past|(?:my|the|an|that)\s+attempt|past\s+tense|during\s+(?:my|the)|before\s+(?:that|it|I|my|the)"
        + @"|I\s+(?:tried|attempted|was|had|cut|self-?harmed|overdosed|wrote|swallowed|burned|did|didn't|wanted|thought|went|kept))\b");

    /// <summary>A number of years or months, in words or digits: "eight years", "a few months", "18 months".</summary>
    private const string EnglishSpanOfTime =
        @"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|several|many)\s+(?:years?|months)";

    /// <summary>
    /// What keeps risk told as over from being over (<see cref="ToldAsOver"/>): a recent time or an exception ("except last
    /// week", "lately", "tonight"), something still wanted or done, a return ("came back", "they're back", "gone again"),
    /// the telling called untrue ("a lie", "not really", "pretending to be fine"), or something not told ("I haven't told
    /// them I've been scratching since"), or a decision or a plan beside it ("I'm okay now because I've decided", not a
    /// safety plan). Not a return denied ("it hasn't come back", "neither has come back", "never again").
    /// </summary>
    private static readonly Regex EnglishStillGoing = CompileLenient(
        @"\b(?:except|until|till|apart\s+from|lately|recently|these\s+days|this\s+(?:week|month|morning)|last\s+(?:night|week|weekend|month)|tonight|right\s+now|yesterday"
        + @"|relapsed?|slipped|still\s+(?:think|want|wish|get|have\s+(?:the|those|them|it)|cut|feel|plan|keep)"
        + @"|(?<!(?:n't|not|never|neither\s+has|nor\s+has)\s)(?:came|come|coming|creeping)\s+back|(?:are|is|they're|it's)\s+back|(?<!never\s|not\s)again|but\s+(?:now|then)"
        + @"|a\s+lie|I\s+lied|lying|untrue|wasn't\s+true|not\s+true|not\s+really|pretend(?:ing)?\s+(?:to\s+be|I'm|that|I\s+am|everything)|(?:haven't|didn't|not)\s+told"
        + @"|decided|made\s+up\s+my\s+mind|made\s+my\s+peace|know\s+what\s+I'm\s+(?:going\s+to|gonna)|(?<!safety\s)plan)\b");

    /// <summary>
    /// The Korean <see cref="EnglishToldAsOver"/>: now, since then or a time later, and well or without that thought ("그 뒤로
    /// 그런 생각 안 들어요", "이젠 안 그래요", "이제는 남 얘기 같아요", "그 뒤로 5년, 다시는 그런 생각 안 해요"), unlike then
    /// ("지금은 그때랑 완전히 달라요"), a long time since self-harm or that thought stopped ("자해 안 한 지 5년 넘었어요", "자해
    /// 그만둔 지 3년째야"; not "이틀밖에 안 됐어요"), never once since, that thought gone ("그런 생각 싹 사라졌어", "그런 마음 하나도
    /// 없어"), that time over ("그 시절 끝났다는 의미로"), only the scars left. What also says risk is not read as its end:
    /// "이제 필요 없어요" and "이제 끝났어요" (goodbyes), "이제 그런 생각 안 해도 되니까", "연락 안 한 지 1년 넘었어요", "약 끊은 지
    /// 2주 됐어요", "살고 싶은 그 마음이 사라졌어요", "그때 끝났어야 했는데", "이젠 다 달라졌어".
    /// </summary>
    private static readonly Regex KoreanToldAsOver = Compile(
        "(?:지금은|이젠|이제는?|그 ?뒤로|그 ?후로|그 ?이후로?|[0-9]+ ?(?:년|개월|달)(?: 넘게| 동안| 넘었| 됐)?|반년|일 ?년)[^.!?]{0,24}?"
        + "(?:괜찮|나아졌|좋아졌|안 ?그래(?!도)|그런 ?(?:생각|적|일|마음|충동)[은이도]? ?(?:전혀 |한 번도 |하나도 |다시는 )?(?:없|안(?! ?(?:해도|하게|해야)))"
        + "|다시는 ?(?:그런 ?)?(?:생각|적)?[^.!?]{0,4}?(?:안(?! ?(?:해도|하게|해야))|없)|남 ?얘기|흉터만)"
        + "|(?:그때|예전|옛날)(?:이랑|랑|과|와|하고)[^.!?]{0,10}?달라"
        + "|(?:자해|그거|긋는 ?거|그런 ?생각|시도)[을를은는도]? ?(?:안 ?한|그만둔|끊은|안 ?그은) ?지 (?:벌써 |이제 |꽤 |한 )?(?:[0-9]+ ?(?:년|개월|달)|반년|일 ?년|한 ?해|몇 ?(?:년|달)|오래)[^.!?밖]{0,6}?(?:넘었|됐|째)"
        + "|한 ?번도 그런 ?(?:생각|적)[^.!?]{0,6}?(?:안|없)|(?:그런 ?(?:생각|마음|충동)|그 ?생각)[이은가]? (?:싹 |다 |완전히 )?(?:사라졌|없어졌)(?!었)"
        + "|그런 ?(?:생각|마음)[은이]? ?하나도 ?없|그 ?시절[^.!?]{0,6}?(?:끝났|지났|지나갔)|흉터만 ?(?:남|있)",
        RegexOptions.None);

    /// <summary>
    /// The Korean <see cref="EnglishOverNow"/>, read only after a past (<see cref="KoreanPastTold"/>): an old story or a
    /// thing gone by ("옛날 얘기", "지난 일", "과거가 됐어요"), that wish let go, settled or calmed ("그 마음은 내려놨어", "그
    /// 마음은 완전히 정리됐고", "그 마음이 다 가라앉았어요"), never come back ("돌아온 적 없어요", "그런 밤은 다시 안 왔어요",
    /// "떠올려본 적이 없어요"), that thought or urge not coming ("그 뒤론 그런 생각 안 듦", "충동 자체가 안 오더라"), glad to be
    /// alive ("살아 있길 잘했다", "살아서 다행"), a page turned ("이미 넘긴 페이지"), farewell to that time, years without a
    /// relapse, a score of zero, "다신 안 해요". What also says risk is not read as its end: "다 내려놨어요", "다 정리됐어요"
    /// (affairs settled), "가족들이랑 작별하는 중이에요", "대학 졸업했는데", "살고 싶은 마음이 안 들어요".
    /// </summary>
    private static readonly Regex KoreanOverNow = Compile(
        "옛날 ?얘기|지난 ?일이|과거가 ?됐|(?:다|이미) ?지난 ?(?:일|얘기)|(?:랑은|과는|하고는) ?졸업했|그 ?마음(?:은|을)? ?(?:다 ?)?내려놨|마음이 ?(?:다 ?)?가라앉았"
        + "|그 ?마음은? ?(?:완전히 ?)?정리됐|돌아온 ?적(?:이|은)? ?없|다시 ?안 ?왔|떠올려 ?본 ?적이? ?없"
        + "|(?:그런|그때 ?그|그) ?(?:생각|충동|마음)[이은]? ?(?:안 ?(?:듦|들어|나요|와요|오더라)|자체가 ?안)|충동[이은]? ?(?:자체가 ?)?안 ?(?:와|오)"
        + "|살아 ?있길 ?잘했|살아서 ?다행|이미 ?넘긴|그 ?시절(?:이랑|과|하고) ?작별|재발 ?없이|괜찮아진 ?거|0점|다신 ?안 ?해요|쑥 ?빠지",
        RegexOptions.None);

    /// <summary>
    /// A past told before <see cref="KoreanOverNow"/>: 예전, 옛날, 그때, 그 시절, years ago, last year, an age ("스무 살 때"),
    /// done once (-ㄴ 적이 있), or a past ending (었, 았, 했던, -던 적/때).
    /// </summary>
    private static readonly Regex KoreanPastTold = Compile(
        "예전|옛날|그때|그 ?시절|[0-9]+ ?년 ?전|몇 ?년 ?전|작년|재작년|살 ?때|적(?:이|은)? ?있|었|았|했던|던 ?(?:적|때|시절|거)",
        RegexOptions.None);

    /// <summary>
    /// The Korean <see cref="EnglishStillGoing"/>, anywhere in the utterance: 다시 (not 다시는, 다시 안 or 다시 그런 적 없), 또,
    /// a recent day or week (not "어제가 3주년"), lately (요즘 들어), an exception (빼고, 빼면), pretending or a lie (척,
    /// 거짓), almost or not yet (거의, 아직), a promise unsure or shaken (장담, 흔들, 자신이 없), a count reset, a return
    /// (돌아왔, 찾아왔, 올라와, 도졌), new scars, a start, worse, the telling only believed or said ("괜찮아진 줄 알았는데",
    /// "오래됐다고 했던 거") or true only until lately ("몇 주 전까지는 맞는 말이었어요").
    /// </summary>
    private static readonly Regex KoreanStillGoing = Compile(
        "다시(?!는| ?안 |도? ?그런 ?(?:생각|적)[은이도]? ?(?:안|없))|또 |또$|어제(?!가)|그저께|엊그제|지난 ?(?:주|달|번|[월화수목금토일]요일)|이번 ?(?:주|달)|요 ?며칠|(?:요새|요즘) ?들어"
        + "|빼고|빼면|말고는|척|거짓|거의|아직(?! ?모르)|장담|흔들|리셋|돌아왔|찾아왔|올라와|도졌|새로 ?생|시작됐|심해|자신(?:이|은)? ?없|줄 ?알았|다고 ?생각했"
        + "|(?:다고|라고) ?(?:했던|했는데|말했)|까지는",
        RegexOptions.None);

    /// <summary>
    /// A turn after Korean risk told as over (근데, 하지만, -는데, -지만, 사실): "끊은 지 200일 됐다고 자랑했잖아요. 근데…",
    /// "지금은 괜찮은데 밤마다 죽고 싶어요". Only after it, since the telling itself often turns on them
    /// ("자해했었는데 이제 흉터만 남았어", "근데 그런 생각 안 한 지 반년 넘었어요").
    /// </summary>
    private static readonly Regex KoreanTurnAfter = Compile("근데|그런데|하지만|[는은]데 |지만|사실", RegexOptions.None);

    /// <summary>
    /// A promise not to act that holds only for a while: "not this week anyway, is the best I can do for a promise", "I
    /// can't really promise you past that", "I'm not gonna do it before Christmas because of the kids. After that I don't
    /// know". A risk statement by itself, as the speaker's safety in doubt is; the whole utterance is its evidence.
    /// </summary>
    private static readonly Regex EnglishPromiseBounded = CompileLenient(
        @"\bnot\s+(?:this\s+(?:week|weekend|month)|today|tonight)\b[^.!?]{0,20}?\banyway\b[^?]{0,80}?\b(?:promise|do\s+(?:it|anything))\b"
        + @"|\b(?:can't|cannot)\s+(?:really\s+)?promise\s+(?:you\s+)?(?:past|beyond|after)\s+(?:that|this|tonight|today|tomorrow)\b"
        + @"|\bnot\s+(?:gonna|going\s+to)\s+do\s+(?:it|anything)\s+(?:before|until|till)\b[^?]{0,80}?\bafter\s+that,?\s+I\s+(?:don't|do\s+not)\s+know\b");

    /// <summary>
    /// The Korean <see cref="EnglishReturned"/>: a better time told first (괜찮았, 좋아졌, 없어졌, 조용했, 안 났, 안 했, 끊고, 척),
    /// then the return in the group <c>back</c>: 다시 (not 다시는, nor 다시 웃/살/잘/시작해 보 and the other ways forward), 돌아왔,
    /// 또 그랬, 리셋, 지난주엔 했. "약 끊고 나서 그 생각이 그대로 돌아왔어요", "좋아졌다고 생각했는데 요 며칠 다시 방법 찾아보고 있더라고요",
    /// "이번 주엔 안 했어, 지난주엔 했고", "자해도 안 한 날 세고 있었는데 43일에서 리셋됐어".
    /// </summary>
    private static readonly Regex KoreanReturned = Compile(
        "(?:괜찮았|괜찮아졌|괜찮아진|괜찮아질|좋아졌|나아졌|나아질|없어졌|조용했|안 ?났|안 ?했|안 ?해요|안 ?한 ?(?:날|지)|끊|그만뒀|척)[^?]{0,60}?"
        + "(?<back>다시(?!는|금|\\s*(?:웃|살|행복|일어|시작해 ?보|힘|잘|괜찮|좋아|건강|연락|만나|공부|운동|일|가|해 ?보))|돌아왔|또 ?그랬|리셋|지난주[에엔]? ?했)",
        RegexOptions.None);

    /// <summary>
    /// The counselor's question answered yes with "that thought" (<see cref="AnsweredYes"/>): "질문하신 거, 그런 생각 해요",
    /// "질문에 대답하자면 ㅇㅇ 그 생각 해 요즘 자주", "있어 그런 생각. 니가 물어봐서 하는 말이야". The thought's words are the group
    /// <c>thought</c>; not one denied ("그런 생각 안 해요" has 안 between them).
    /// </summary>
    private static readonly Regex KoreanQuestionAnsweredYes = Compile(
        "(?:질문|물어|물으|물었|묻)[^?]{0,40}?(?<thought>(?:그런|그|나쁜) ?생각)[이을도]? ?(?:해|하고 ?있|있어|들어|나요|자주)"
        + "|(?:있어|해요|해) ?(?<thought>(?:그런|그) ?생각)[^?]{0,20}?(?:물어|질문)",
        RegexOptions.None);

    /// <summary>
    /// A screening question about risk answered positively (<see cref="AnsweredYes"/>): its item about dying or self-harm
    /// (the PHQ-9's ninth, "the last one") ticked at a frequency ("I ticked 'nearly every day'", "question nine, I put more
    /// than half the days"), or being asked about a plan and saying yes ("when the nurse asked if I had a plan I said kind
    /// of, and yeah, I do"). Not another item's answer ("on the PHQ I ticked nearly every day for sleep") nor a plan for
    /// something ("asked if I had a plan for the weekend").
    /// </summary>
    private static readonly Regex EnglishScreeningAnswered = CompileLenient(
        @"\b(?:PHQ\b[^.?!]{0,40}?\b(?:last\s+(?:one|question|item)|nine|9)|question\s+(?:nine|9)|item\s+(?:nine|9)|(?:hurt|hurting|harm|harming|kill|killing)\s+(?:myself|yourself)|better\s+off\s+dead|suicid\w*)\b"
        + @"[^.?!]{0,80}?\b(?:ticked|put|checked|circled|marked|answered|wrote|picked|chose|said)\b[^.?!]{0,20}?(?:nearly\s+every\s+day|more\s+than\s+half\s+(?:of\s+)?the\s+days|several\s+days)\b"
        + @"|\basked\s+(?:me\s+)?(?:if|whether)\s+I\s+(?:had|have|'ve\s+got|got)\s+a\s+plan\b(?!\s+(?:for|to)\b)[^.?!]{0,40}?\b(?:I\s+said\s+(?:yes|yeah|kind\s+of|sort\s+of|maybe)|yeah,?\s+I\s+do|I\s+do)\b");

    /// <summary>
    /// The Korean <see cref="EnglishScreeningAnswered"/>: a question about harming oneself or dying ticked at a frequency
    /// ("'자신을 해치는 생각' 거기 '거의 매일'에 체크했어요"), answered yes in writing ("스스로를 해칠 계획이 있습니까 여기 '예'라고
    /// 쓸게요"), or the question about a plan or a way echoed and answered yes ("계획이 있냐고 물으시면... 네, 있어요", "어떻게 할지
    /// 생각해 봤냐고요? 네"). Not another item's frequency, nor a plan for something ("여행 계획 있냐고요? 네").
    /// </summary>
    private static readonly Regex KoreanScreeningAnswered = Compile(
        "(?:해치|죽는 ?게|자살|자해|죽고 ?싶|없어지고 ?싶|사라지고 ?싶)[^.!?]{0,40}?(?:거의 ?매일|절반 ?이상|일주일 ?이상)[^.!?]{0,12}?(?:체크|표시|골랐|썼|답)"
        + "|(?:해칠|자살|죽을)[^.!?]{0,20}?(?:계획|생각)[^.!?]{0,20}?['\"‘“]?(?:예|네)['\"’”]?(?:라고|로) ?(?:쓸|썼|체크|답|할|했)"
        + "|^\\s*(?:음…?\\s*|아\\s*)?(?:혹시\\s*)?(?:구체적(?:인|으로)\\s*)?(?:계획|방법|어떻게 ?할지|날짜)[^.!?]{0,20}?(?:냐고|냐는|있냐|봤냐|습니까)(?:요|고요)?(?: ?(?:물으시면|물어보시면|물으신다면|하시면))?[^가-힣]{0,8}(?:음…?\\s*)?(?:네|예|응|ㅇㅇ)(?=[,.\\s…!]|$)",
        RegexOptions.None);

    /// <summary>"That thought" said of risk in Korean (그 생각, 그런 생각, 나쁜 생각): a cue of a return (<see cref="KoreanReturned"/>) and of a refusal (<see cref="KoreanDenialRefused"/>).</summary>
    private static readonly Regex KoreanThatThought = Compile("그 ?생각|그런 ?생각|나쁜 ?생각", RegexOptions.None);

    /// <summary>
    /// A piece of a clause that says what the speaker "just" wants instead of what they denied before its comma, when that
    /// is not to be alive or here: "I don't want to kill myself, I just wish I wasn't alive", "..., I just want to go to
    /// sleep and not come back". Not another wish ("I don't want to die, I just want my parents to stop fighting").
    /// </summary>
    private static readonly Regex EnglishJustInstead = CompileLenient(
        @"^(?:I\s+|I'd\s+|I\s+would\s+)?(?:just|only)\b(?=.*\b(?:dead|alive|exist\w*|be\s+here|around|gone|disappear\w*|(?:wake|come)\s+(?:up|back))\b)");

    /// <summary>An English question about risk answered no, and the answers that go on ("no, but…", "not really, every day").</summary>
    private static readonly Regex EnglishNoAnswer = CompileLenient(
        @"^[\W_]*(?:(?:god|gosh|oh|lord|honestly|um|uh)[\s,!]+)?(?:no|nope|nah|never|not\s+at\s+all|not\s+really|no\s+way|absolutely\s+not|definitely\s+not)\b");

    private static readonly Regex EnglishAnswerGoesFurther = CompileLenient(@"\b(?:but|though|actually|every|daily|plan|planned|yes|yeah|kind\s+of|sort\s+of|sometimes|more\s+than|worse|already)\b");

    /// <summary>Something to live for asked back and answered that it is there: "reasons to keep going? my kids, my dog, plenty".</summary>
    private static readonly Regex EnglishHopeAskedBack = CompileLenient(@"\b(?:reasons?\s+to\s+(?:live|keep\s+going|stay)|a\s+future|hope|anything\s+to\s+look\s+forward\s+to)\s*$");

    private static readonly Regex EnglishHaveAnswer = CompileLenient(@"\b(?:plenty|lots|loads|so\s+many|of\s+course|definitely)\b");

    private static readonly Regex EnglishNegativeQuestion = CompileLenient(
        @"\b(?:not|never|no|cannot|(?:do|does|did|is|are|was|were|have|has|had|wo|would|ca|could|should)n't)\b");

    private static readonly Regex EnglishRiskAsked = CompileLenient(
        @"\b(?:cut|cutting|self[-\s]?harm\w*|suicid\w*|hurt(?:ing)?\s+(?:myself|yourself)|kill(?:ing)?\s+(?:myself|yourself)|end(?:ing)?\s+(?:it|my\s+life|your\s+life)|die|dying|overdos\w*)\b");

    /// <summary>Someone else's words or a story retold: the client reports them, the classifier would read them as the client's.</summary>
    private static readonly Regex EnglishReported = CompileLenient(
        @"\b(?:my|a|his|her|our|their|this|the)\s+(?:(?!I\b|I[\u0027\u2019])\w+\s+){0,2}(?:said|says|told|tells|posted|wrote|keeps\s+saying|used\s+to\s+say|always\s+said|talked\s+about)\b"
        + @"|\b(?:in|on)\s+(?:the|a|this)\s+(?:show|film|movie|book|series|song|news|story|feed)\b|\b(?:the|a|main)\s+character\b");

    /// <summary>
    /// Someone else's words, a post or a story retold ("동기가 다 끝내고 싶다고 해서", "후임이 '다 끝내고 싶다'는 말을 해요").
    /// </summary>
    private static readonly Regex KoreanReported = CompileLenient(
        "(?:친구|동생|언니|오빠|누나|형|엄마|아빠|할머니|할아버지|룸메|동료|동기|선임|후임|선배|후배|트친|부장님?|팀장님?|담임|아들|딸|남친|여친|남편|아내|와이프|부모님|반 ?애|어떤 ?애|사연자|지인)(?:가|이|는|도)(?![^.!?]{0,20}?(?:제가|내가))[^.!?]{0,40}?(?:했대|한대|했어|라고|다고|다" + KoreanClosingQuote + "?는 ?(?:말|농담|소리)|다면서|다며|래서|다 ?해서|대요|하더라|그러|하시|하길래)"
        + "|(?:누가|누군가|어떤 ?(?:애|사람|분|친구)(?:가|이)?|애들이|사람들이) [^.!?]{0,30}?(?:다고|라고|올렸|남겼|올리는|사진|글|댓글)"
        + "|(?:다고|라고) ?(?:했다며|했다면서|그랬다며|했대)|(?:드라마|웹툰|뉴스|소설|영화|노래|가사|책|라디오|다큐(?:멘터리)?|유튜브|기사|게임|채팅|단톡방?|트위터|커뮤니티|인스타|SNS|카톡|게시판|블로그)(?:에서|에|를|을)"
        // What the speaker posted, wrote or told someone there is the speaker's own: "유튜브에 죽고 싶다고 올렸어요", "채팅에서
        // 친구한테 죽고 싶다고 했어요" (not "누가 나한테 죽으라고 했어").
        + "(?![^.!?]{0,30}?(?:올렸|올린|올려|남겼|적었|썼|쓴|(?<!(?:^|\\s)(?:나|저))(?:한테|에게) [^.!?]{0,16}?(?:다고|라고) ?(?:했|말)))");

    /// <summary>A phrase someone else said, posted or wrote, told by the client ("my friend told me she'd been self-harming").</summary>
    private static readonly Regex EnglishRetoldBefore = CompileLenient(
        @"\b(?:he|she|they|(?:my|a|his|her|their)\s+(?:[\w\u0027\u2019]+\s+){0,3}?[\w\u0027\u2019]+)\s+(?:said|says|told\s+\w+|posted|wrote|talked|asked|asks|worries|worried|panics|panicked|(?:is|was|gets|got)\s+(?:scared|afraid|worried))\b[^.!?]{0,40}$");

    /// <summary>
    /// Someone else's act, seen or suspected, in a clause without the speaker in it (<see cref="KoreanSomeoneElses"/>):
    /// "동생이 손목을 긋는 거 같은데", "우리 반 애가 자해한다는 소문이 있는데", "친한 친구가 예전에 자살 시도했었다는 걸 알게 됐는데".
    /// Written from the training writers' other-person lines. A person named as the cause ("엄마가 소리 질러서 죽고 싶어")
    /// is not here: the act must be told as seen, heard or guessed.
    /// </summary>
    private const string KoreanOthers = "친구|동생|언니|오빠|누나|형|엄마|아빠|부모님|선생님|남친|여친|남편|아내|가족|아들|딸|애|아이|조카|사촌|지인|동료";

    private static readonly Regex KoreanOtherPerson = Compile(
        "(?:^|\\s)(?:친구|동생|언니|오빠|누나|형|엄마|아빠|아들|딸|애|애들|아이|학생|룸메|동료|동기|선배|후배|트친|남친|여친|남편|아내|조카|사촌|지인|연예인|사람들|삼촌|이모|고모|숙모|할머니|할아버지)(?:가|이|는|도|의)?\\s",
        RegexOptions.None);

    private static readonly Regex KoreanOthersAct = Compile(
        "(?:자해|자살|손목|긋|그었|그은)[^.!?]{0,8}?(?:(?:것|거) ?같|건지|는지|다는|흔적|소문|흉터|하셨|하시|셨|사진|영상|글|댓글|얘기|이야기)|자살(?:했|을 ?했)|(?:자해|자살|긋|그은)[^.!?]{0,4}?(?:는|한) ?(?:걸|거)[^.!?]{0,8}?(?:모르|몰라|몰랐|발견)", RegexOptions.None);

    /// <summary>
    /// The speaker in someone else's sentence without a pronoun (Korean drops it): the other person, as the subject, saw the
    /// act's marks or does not know of it ("엄마가 손목에 자해 흉터 보고 울었어요", "엄마는 자해하는지 전혀 몰라요"), or the speaker copied it
    /// ("동생이 자해하는 거 같아서 따라 해봤어요").
    /// </summary>
    private static readonly Regex KoreanSpeakerUnnamed = Compile(
        "(?:" + KoreanOthers + ")(?:가|이|께서|는|도) (?:(?!" + KoreanOthers + "|자해한|자해하는|그은|긋는)[^.!?]){0,16}?(?:흉터|흔적|자국|상처)[을를]? ?(?:좀 ?)?(?:보고|봤|보더니|보셨|발견)"
        + "|(?:흉터|흔적|자국|상처)[^.!?]{0,6}?들켰"
        + "|(?<!(?:" + KoreanOthers + ")(?:가|이) [^.!?]{0,12})(?:는지|는 ?(?:거|걸|줄))[^.!?]{0,6}?(?:몰라|모르(?!겠)|모름)"
        + "|따라 ?(?:해|했|하|할)(?! ?(?:지 ?마|지 ?말|고 ?싶(?:진|지 ?(?:는|도)? ?) ?않))|그거 ?(?:저|나|제 ?얘기)(?:예요|에요|야|였|임|거든)",
        RegexOptions.None);

    /// <summary>The speaker only as the one who found or saw it: "친구가 자해하는 걸 제가 처음 발견했어요".</summary>
    private static readonly Regex KoreanSpeakerWitness = Compile(
        "(?:제가|내가|저는|나는|전|난) ?(?:처음 ?|우연히 ?|먼저 ?)?(?:발견|봤|보고|알았|알게|들었|신고|말렸)", RegexOptions.None);

    /// <summary>What the speaker says of their own risk in another clause, which keeps a finding beside someone else's act.</summary>
    private static readonly Regex KoreanSpeakerOwnCue = Compile("(?:저도|나도|저만|나만) ?(?:해|했|하고|그래|그랬|같은|따라)|^(?:저는|나는|난|전) ?(?:있|해|했|그래|그랬)|하고 ?싶|해 ?봤|해 ?본", RegexOptions.None);

    /// <summary>My own (제, 내) before a person is that person, not the speaker: "제 친구가 자살했어요".</summary>
    private static readonly Regex KoreanFirstPerson = Compile(
        "(?:^|\\s)(?:나|난|내가|나는|나도|내(?! (?:" + KoreanOthers + "))|저|전|제가|저는|저도|제(?! (?:" + KoreanOthers + "))|날|나를|저를|나한테|저한테)(?:\\s|$)", RegexOptions.None);

    /// <summary>
    /// A question about risk answered no: "자살 생각이요? 아뇨 그런 건 없어요", "있냐고 물어보셨죠? 없어요 진짜로". Not a bare 아니,
    /// which often only opens the answer ("자살 생각이요? 아니 사실 매일 해요").
    /// </summary>
    private static readonly Regex KoreanNoAnswer = Compile(
        "^(?:(?:그런 ?(?:거|건|게)|그건|저는|전|요즘은?|요새는?|이제는?|지금은|절대|전혀|거의|진짜|정말)[ ,]*){0,3}"
        + "(?:아뇨|아니요|아니오|아니에요|아니야|아녜요|아니죠|없어|없습니다|없다고|없죠|전혀|안 ?해|안 ?했|안 ?하죠|ㄴㄴ|노노|한 ?번도 ?(?:없|안 ?해))", RegexOptions.None);

    /// <summary>The speaker asking back who is meant ("죽고 싶다고요? 제가요? 아니에요"): the answer is the clause after it.</summary>
    private static readonly Regex KoreanWhoMe = Compile("^(?:제가요|저요|제가|내가|나요|저말이에요)$", RegexOptions.None);

    private static readonly Regex KoreanNegativeQuestion = Compile("안 ?(?:하|해|했|한|할)|않|아니|아닌|없", RegexOptions.None);

    /// <summary>A question whether the speaker did not do it, answered that they did not: "자해 안 했냐고요? 네 안 했어요".</summary>
    private static readonly Regex KoreanNotDoneQuestion = Compile("안 ?(?:하|해|했|한)|않", RegexOptions.None);

    private static readonly Regex KoreanNotDoneAnswer = Compile("^(?:네|예|응|아니요|아뇨)?[ ,]*(?:안 ?(?:해|했|하|함)|않|없)", RegexOptions.None);

    /// <summary>A question whether something to live for is lacking, answered that it is there: "희망이 없냐고요? 아니요, 있어요".</summary>
    private static readonly Regex KoreanLackQuestion = Compile("(?:희망|이유|의미|힘|마음)[이가은는]? ?없(?:냐|니|나요|어요)", RegexOptions.None);

    private static readonly Regex KoreanHaveAnswer = Compile("^(?:아니요|아뇨|아니)?[ ,]*(?:있|많)", RegexOptions.None);

    /// <summary>Something to live for asked back and answered that it cannot be lacking: "살 이유요? 없을 리가요, 애들이 있는데".</summary>
    private static readonly Regex KoreanHopeAskedBack = Compile("(?:희망|이유|의미|힘)(?:이요|요)$", RegexOptions.None);

    private static readonly Regex KoreanNotLackingAnswer = Compile("^(?:그런 ?게 ?)?없(?:을 ?리|으면)|^(?:당연히 ?|물론 ?)?(?:있|많)", RegexOptions.None);

    /// <summary>A "no" that goes further than the question, or goes on: "자살 생각이요? 아니요 계획까지 세웠어요", "아뇨. 근데 하고 싶긴 해요".</summary>
    private static readonly Regex KoreanAnswerGoesFurther = Compile(
        "계획|준비|방법|시도|까지|실제로|이미|벌써|사실|근데|그런데|하지만|매일|맨날|자주|항상|요즘 ?(?:하고|해|들)|하고 ?싶|죽을 ?거|할 ?거|세웠", RegexOptions.None);

    private static readonly Regex KoreanRetoldAfter = Compile("^(?:(?!서 |(?<!하)고 )[^.!?]){0,8}?(?:다고|다" + KoreanClosingQuote + "?는|라고|라는|대요|댔|대(?:\\s|$)|다면서|다며|래요|다 ?(?:해서|하길래|하더라)|이런 ?말|그런 ?말|는 ?장면|한 ?적 ?있다고)|^[^.!?]{0,12}?(?:글|영상|사진|댓글|게시물)[을를]? ?(?:보고|봤|읽)", RegexOptions.None);

    /// <summary>The speaker joining what they retell: "웹툰에서 주인공이 자해하는 장면 보고 저도 하고 싶어졌어요".</summary>
    private static readonly Regex KoreanSpeakerJoins = Compile(
        "(?:저도|나도|저 ?역시|나 ?역시)[^.!?]{0,10}?(?:하고 ?싶|해 ?보고 ?싶|따라|했어|해요|했|가 ?볼까)|(?:는데|지만|데) ?(?:저는|나는|난|전|저만|나만) ?(?:해|했|있|그래|그랬)",
        RegexOptions.None);

    private static readonly RiskPattern[] English =
    [
        High(@"\b(?:want|wanna|going|gonna|plan(?:ning)?|thinking\s+(?:about|of)|think\s+about|tempted|urge|feel\s+like|try(?:ing)?|tried|decided|might|will|'ll|could)\s+(?:to\s+)?(?:just\s+)?(?:kill|hurt|harm|cut|hang|drown|poison|shoot|end)(?:ing)?\s+myself\b"),
        High(@"\bkill\s+myself\b|\b(?:want\s+to|wanna|gonna|going\s+to|about\s+to)\s+kms\b"),
        High(@"\b(?:I'm|I\s+am|I\s+feel|feeling|been|get|getting|having|have)\s+(?:(?!not\b|never\b|no\b)\w+\s+)?suicidal\b|\bsuicidal\s+(?:thoughts|feelings|again|ideas)\b|\b(?:commit|committing|attempt(?:ed|ing)?|considering|thinking\s+(?:about|of)|contemplating|planning)\s+suicide\b"),
        High(@"\b(?:want|wanna|wish|going|gonna|plan(?:ning)?|ready)\s+(?:to\s+)?die\b(?!\s+(?:of|from|laughing|for|with))|\bI\s+(?:[\w\x27\u2019]+\s+){0,3}wanting\s+to\s+die\b"),
        High(@"\b(?:end|take|ending|taking)\s+my\s+(?:own\s+)?life\b|\bend\s+it\s+all\b"),
        High(@"\b(?:don't|do\s+not|no\s+longer)\s+want\s+to\s+(?:live(?!\s+(?:in|with|near|at|on|there|abroad|alone|together|like\s+my))|be\s+alive|exist|wake\s+up|be\s+here\s+anymore)\b", negatable: false),
        High(@"\b(?:hop(?:e|ing)|wish(?:ing)?|pray(?:ing)?)\s+(?:that\s+)?I\s+(?:don't|won't|never|do\s+not|will\s+not)\s+wake\s+up\b|\bbetter\s+off\s+(?:dead|without\s+me)\b|\bwish(?:es|ed|ing)?\s+I\s+(?:was|were|had)\s+(?:dead|never\s+(?:been\s+)?born)\b|\bwish(?:es|ed|ing)?\s+I(?:'d|\s+had)\s+(?:just\s+)?died\b|\bI\s+wish\s+it\s+(?:was|were|had\s+been)\s+me\b|\bno\s+reason\s+to\s+(?:live|go\s+on|keep\s+going)\b|\b(?:never|not)\s+wake\s+up\b"),
        High(@"\b(?:overdose|OD)\s+on\b|\btake\s+all\s+(?:my|the|of\s+my)\s+pills\b|\btake\s+(?:them|the\s+pills|my\s+pills)\s+all\b|\bjump\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:bridge|building|roof|train|cliff)\b"),
        Elevated(@"\bsuicid\w*\b(?!\s+(?:squad|mission))"),
        High(@"\b(?:(?:isn't|is\s+not|not)\s+a|(?:hardly|barely|scarcely)\s+(?:a|any))\s+day\s+(?:goes\s+by\s+)?(?:now\s+)?(?:that\s+|when\s+)?I\s+(?:don't|do\s+not)\s+(?:think\s+(?:about|of)|want)\s+(?:dying|death|to\s+die|killing\s+myself|ending\s+it|suicide|hurting\s+myself|cutting)\b"
            + @"|\b(?:anything|nothing)\s+(?:but|except|other\s+than)\s+(?:ending\s+it|dying|death|killing\s+myself|suicide)\b"
            + @"|\b(?:don't|do\s+not|can't)\s+see\s+myself\s+(?:making\s+it|being\s+(?:here|alive|around))\b"
            + @"|\b(?:killed\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life)\b[^.!?]{0,60}\bI\s+(?:should|want\s+to|wanna)\s+(?:go|join|follow)\b", negatable: false, linear: true),
        Elevated(@"\burges?\s+to\s+(?:cut|hurt\s+myself|(?:burn|hit|punch|scratch|starve)\s+myself|die|self[-\s]?harm)\b|\bI(?:'m|\s+am|'ve\s+been)\s+(?:still\s+|been\s+)?cutting(?:\s+(?:myself|again|every|and|but)\b|\s*(?:[,.!?]|$))"
            + @"|\b(?:wrote|writing|written)\s+(?:goodbye\s+|little\s+)?(?:letters?|notes?)\s+to\s+(?:everyone|my\s+family|all\s+of\s+them|each\s+of\s+my)\b|\bgave\s+(?:away\s+)?my\s+(?:cat|dog|pets?)\s+(?:away|to)\b"
            + @"|\b(?:hit|hitting|bang(?:ing)?|punch(?:ing)?)\s+my\s+head\s+(?:on|against)\b[^.!?]{0,30}\bbleed|\b(?:saved|saving|stockpil\w+|hoard\w*)\s+(?:up\s+)?(?:my\s+|the\s+|some\s+|all\s+(?:my\s+|the\s+)?)?(?:sleeping\s+)?(?:pills|tablets|meds|painkillers)\b|\b(?:pills|tablets|meds|painkillers)\s+(?:saved(?:\s+up\b|\s*[.,!?]|\s*$)|stashed\b|stockpiled\b|hidden\b)"
            + @"|\b(?:looked\s+up|googled|researched|searched)\b[^.!?]{0,30}\b(?:lethal|overdose|how\s+many\s+pills|tylenol\s+thing|painless)|\blife\s+insurance\s+(?:covers|pays(?:\s+out)?)\s+(?:it|suicide)\b"
            + @"|\b(?:found|read|saw)\s+(?:the|my)\s+(?:suicide\s+)?note\s+I\s+(?:wrote|left)\b|\bmade\s+a\s+pact\b[^.!?]{0,40}\b(?:do\s+it|die|end\s+it)\b", linear: true),
        // Plans and means in the words people use for them (the scale's preparatory behaviour): a date set ("where you've
        // picked a date"; not a date for the wedding), a plan owned outright ("yes, I've got a plan"; not "do I have a plan?"
        // nor a plan for or to something), methods looked up, a search history that reads as a how-to, someone's old meds
        // or insulin collected, thinking how one would do it, and asking how much of a drug would be enough. Each ends in
        // what may follow it rather than a lookahead, so the list runs on the linear engine (as a backtracking one it cost
        // the English micro-benchmark about 6 us a sentence). The session's other new English phrases of this level are
        // alternatives of the same list: each list is one more scan of the text and of each clause.
        Elevated(@"\b(?:picked|set|chosen|chose|settled\s+on)\s+(?:a|the|my)\s+date(?:\s*(?:[.!?,;]|$)|\s+(?:already|now|and|too|yet|though)\b)"
            + @"|\bI(?:'ve|\s+have)\s+(?:got\s+)?(?:a|the)\s+plan(?:\s*(?:[.!,;]|$)|\s+(?:and|now|already|ready)\b)"
            + @"|\b(?:research(?:ed|ing)?|look(?:ed|ing)\s+up|googl(?:ed|ing)|search(?:ed|ing))\s+(?:\w+\s+){0,2}(?:methods|ways\s+to\s+(?:die|do\s+it|end))\b|\bsearch\s+history\b[^.!?]{0,30}\bhow[-\s]to\b"
            + @"|\b(?:stockpil\w+|hoard\w*|stash\w*)\s+(?:up\s+)?(?:my\s+|the\s+|(?:my\s+)?\w+[\u0027’]s\s+(?:old\s+)?)?(?:insulin|meds|pills|tablets|medication)\b"
            + @"|\bcollect(?:ing|ed)\s+(?:up\s+)?(?:(?:my\s+)?\w+[\u0027’]s\s+(?:old\s+)?|(?:all\s+)?(?:the\s+|my\s+)?(?:old|leftover|spare|unused)\s+)(?:insulin|meds|pills|tablets|medication)\b"
            + @"|\bhow\s+I'd\s+do\s+it(?:\s*(?:[.!?,;]|$)|\s+(?:and|though|now|anyway)\b)"
            + @"|\b" + EnglishMeans + @"\b[^.!?]{0,40}\b(?:would\s+be\s+enough|be\s+enough|(?:is|are)\s+too\s+many|for\s+it\s+to\s+be\s+enough|to\s+get\s+it\s+right)\b"
            + @"|\bhow\s+(?:many|much)\b[^.!?]{0,30}\b" + EnglishMeans + @"\b[^.!?]{0,25}\b(?:too\s+many|too\s+much|enough|lethal)\b"
            // A way out planned or made peace with, means kept in mind, envy of the dead: "planning my own way out", "I've
            // made my peace with going", "he keeps his guns in the basement ... I keep thinking about that", "when I hear
            // someone died I get this jealous feeling".
            + @"|\b(?:plan|planning|planned)\s+my\s+(?:own\s+)?way\s+out\b|\bmade\s+(?:my\s+)?peace\s+with\s+(?:going|dying|death|not\s+being\s+here)\b"
            + @"|\b(?:gun|guns|rifle|shotgun|shells|bullets)\b.{0,80}\bI\s+keep\s+thinking\s+about\s+(?:it|that|them)\b"
            + @"|\b(?:jealous|envious|envy)\b[^.!?]{0,40}\b(?:dies|died|dead|dying)\b|\b(?:dies|died|dead)\b[^.!?]{0,40}\b(?:jealous|envious|lucky\s+(?:them|him|her))\b"
            // Being dead as welcome, and dying as a kindness to others (passive ideation and burdensomeness): "I wouldn't mind
            // being dead", "wouldn't mind not waking up", "relieved when I imagine being dead", "how do I stop wanting to die",
            // "I'd be doing her a favour by dying", "everyone would move on if I died". Each starts at its first word, so its
            // own "wouldn't" is not read as the negation.
            + @"|\b(?:wouldn't|would\s+not|don't|do\s+not)\s+mind\s+(?:being\s+dead|not\s+waking\s+up|not\s+being\s+(?:here|alive|around)|dying|if\s+I\s+died)\b"
            + @"|\b(?:relieved|glad|happy|peaceful|calm|comfort\w*)\b[^.!?]{0,30}\b(?:being\s+dead|I\s+was\s+dead)\b|\bstop\s+wanting\s+to\s+die\b"
            + @"|\bfavou?r\b[^.!?]{0,20}\b(?:by\s+dying|if\s+I\s+died|if\s+I\s+was\s+gone)\b|\bif\s+I\s+(?:died|was\s+dead|were\s+dead)\b", linear: true),
        // Affairs settled for a time after the speaker (the scale's preparatory acts, told as their reason): "paid off my phone
        // so no one's left with bills", "I don't want to leave a mess behind", "so the dog is looked after once I'm not
        // around", "if I'm not here next week, it's not your fault", "just so she has it after", "really said goodbye". Each
        // starts at its first word, so the negation before it is the sentence's ("I don't want to leave a mess" is not
        // denied by its own "don't").
        Elevated(@"\bso\s+(?:no\s*one|nobody|(?:my\s+)?(?:family|kids|mum|mom|parents|wife|husband)|they|she|he)(?:'s|\s+is|\s+gets|\s+has|\s+won't\s+be)?\s+(?:left|stuck)\s+with\b"
            + @"|\b(?:don't|do\s+not)\s+want\s+to\s+leave\s+(?:a\s+|any\s+)?mess\s+behind\b|\b(?:once|when|after)\s+I(?:'m|\s+am)\s+(?:not\s+(?:around|here)|no\s+longer\s+(?:here|around)|gone)\b"
            + @"|\bif\s+I(?:'m|\s+am)\s+not\s+(?:here|around)\s+(?:next|tomorrow|by|anymore|any\s+more)\b|\b(?:so|just\s+so)\s+(?:she|he|they|you)\s+(?:has|have)\s+(?:it|them)\s+after\b"
            + @"|\bI(?:'ve|\s+have)?\s+(?:already\s+)?(?:really\s+)?said\s+(?:my\s+)?goodbyes?\b|\breally\s+said\s+goodbye\b|\ba\s+real\s+goodbye\b", linear: true),
        // Asked about a future, hope, safety or a plan and answered the risky way: "do I see a future? not really", "can I
        // stay safe tonight? I can't promise that", "have I thought about how? yeah".
        Elevated(@"\b(?:a\s+future|hope(?:ful)?|look(?:ing)?\s+forward\s+to|reasons?\s+to\s+(?:live|keep\s+going|stay)|anyone\s+(?:I\s+could|to)\s+(?:call|talk\s+to)|safe(?:\s+tonight|\s+at\s+home)?)\s*\?\s*(?:(?:honestly|um|uh|well)[\s,]+)?(?:no\b|nope|nah|not\s+really|nothing|no\s*one|nobody|I\s+can't\s+promise|can't\s+promise|probably\s+not|I\s+doubt\s+it|about\s+what)"
            + @"|\bthought\s+about\s+how\s*\?\s*(?:yes|yeah|yep|kind\s+of|sort\s+of|a\s+bit|maybe)|\bgoing\s+to\s+do\s+something\s*\?\s*(?:probably\s+not|no\b|not\s+sure|idk|maybe\s+not)"
            + @"|\bask(?:ed)?\s+(?:me\s+)?if\s+(?:things\s+(?:will|would)\s+get\s+better|I\s+(?:see|have)\s+a\s+future|I'm\s+safe)[^.!?]{0,24}?(?:don't\s+think\s+so|not\s+really|\bno\b)", negatable: false, linear: true),
        // A voice that says to die (the scale's ideation), and self-harm done despite trying not to: "my brain keeps saying
        // kill yourself", "I still ended up cutting".
        Elevated(@"\b(?:voices?|brain|head|mind)\b[^.!?]{0,30}\b(?:says|saying|tells\s+me|telling\s+me)\s+(?:to\s+)?(?:just\s+)?kill\s+(?:yourself|myself)\b"
            + @"|\bended\s+up\s+(?:cutting|hurting\s+myself|burning\s+myself)(?:\s*(?:[,.!?]|$)|\s+(?:again|myself|anyway)\b)"),
        Elevated(@"\bself[-\s]?harm\w*|\b(?:hurt|hurting|cut|cutting|harm|harming|killing)\s+myself\b"),
        // Hopelessness is the speaker's, about themselves, life, the future or everything: "I feel hopeless", "everything
        // feels hopeless", "hopeless about the future". Not a thing that feels hopeless ("the job hunt feels hopeless, so it
        // probably is", a distortion), hopeless at or with a thing ("at running a home", "with money"), nor a label ("I'm
        // hopeless, a total dunce", "hopeless case"): the development lines hold 40 such and no risk line said this way.
        // The speaker is read behind the word, so only a "hopeless" pays for it (led by the speaker, the phrase was tried at
        // nearly every word), and the negation check reads before it as it always did.
        Elevated(@"\bhopelessness\b|(?<=\b(?:I'm|I\s+am|I\s+feel|I\s+felt|I've\s+been|I've\s+felt|feeling|feel|felt|(?:everything|life|it\s+all|all\s+of\s+it)(?:'s|\s+is|\s+feels|\s+seems|\s+was)|it's\s+all|it\s+is\s+all)"
            + @"\s+(?:so\s+|completely\s+|totally\s+|utterly\s+|really\s+|just\s+|pretty\s+|very\s+|this\s+|kind\s+of\s+|kinda\s+|beyond\s+|more\s+)?)hopeless\b"
            + @"(?!\s+(?:about|at|with|over|for|in|on)\s+(?!(?:the\s+|my\s+)?future\b|(?:my\s+)?life\b|everything\b|myself\b|living\b|getting\s+better\b)|\s+case\b|,\s+(?:a|an|the)\s)"
            + @"|\bhopeless\s+(?:about|for)\s+(?:the\s+|my\s+)?(?:future|life|everything|myself|living)\b|\bno\s+way\s+out\b|\bcan't\s+(?:go\s+on|take\s+(?:it|this)\s+anymore|do\s+this\s+anymore(?!\s+with\b))\b"),
        Elevated(@"\b(?:want|wish)\s+(?:I\s+could\s+|to\s+)?(?:disappear(?!\s+(?:from|off|under|into|to)\b|\s+for\s+(?:a|an|the|some|one|two|three|\d+)\b(?!\s+(?:good|ever)\b))|vanish|sleep\s+forever|not\s+exist)\b|\bnobody\s+would\s+(?:care|notice|miss\s+me)\b|\btired\s+of\s+(?:living|life|being\s+alive)\b|\bwhat's\s+the\s+point\s+of\s+(?:living|anything|going\s+on|life)\b|\bgive\s+up\s+on\s+(?:life|everything|living)\b"),
        // The wish to be dead in its everyday euphemisms (the scale's passive ideation): "running out of reasons to stick
        // around", "lie down and never get back up", "disappear and never come back", "disappointed that I woke up", "if my
        // heart just stopped", "wish my parents had never had me", "not losing anything if I go". Not "the easy way out",
        // said as often of a chore, nor "disappointed that I did badly" or "they never had me on the team".
        Elevated(@"\b(?:out\s+of|no|any|fewer|lost\s+my)\s+(?:good\s+)?reasons?\s+to\s+(?:stick|stay|hang)\s+around\b|\blie\s+down\s+and\s+never\s+(?:get|getting)\s+(?:back\s+)?up\b"
            + @"|\b(?:disappear|vanish|go|walk|drive)\w*\s+(?:off\s+|away\s+)?and\s+never\s+come\s+back\b|\bdisappointed\s+(?:that\s+)?I\s+(?:woke|wake|made\s+it|did(?=\s*(?:[.!?,]|$)))"
            + @"|\bif\s+my\s+heart\s+(?:just\s+)?stopped\b|\b(?:wish|if\s+only)\b[^.!?]{0,30}\b(?:never|not)\s+had\s+me\b|\bnot\s+losing\s+anything\s+if\s+I\s+(?:go|went|die|died|wasn't\s+here)\b"),
        High(@"\bswallow(?:ed|ing)?\s+(?:the\s+first\s+|a\s+|another\s+)?handful\b", linear: true),
    ];

    private static readonly RiskPattern[] Korean =
    [
        High(KoreanWishToDie + "(?! ?지 ?(?:는 ?)?않| ?진 ?않| ?지는 ?않| ?지 ?않| ?을 ?(?:만큼|정도로))"),
        High("죽어 ?버리고 ?싶|죽어버릴(?:까|래|거)|차라리 ?죽(?:는|고|어|었으면|을)|(?:내가|나는|난|나) ?죽어야|(?:내가|나는|난|나|차라리) ?죽었으면|죽는 ?게 ?(?:나을|낫겠|낫다|나아|편할)"),
        High("자살(?:하고 ?싶|할(?:까| 거| 생각| 계획)|하려|을 ?(?:생각|시도|계획)|하면|충동|시도|생각|했으면)"),
        High("자해(?:하고 ?싶|했|를 ?했|를 ?하고|하는 ?중|충동)"),
        High("목숨을 ?끊|삶을 ?끝내|생을 ?마감|세상을 ?떠나고 ?싶|스스로 ?(?:목숨|생을)"),
        High("(?:살고 ?싶(?:지 ?(?:가|는|도)? ?|진 ?)않|살고 ?싶지도 [^.!?]{0,10}?않|살기 ?(?:가 ?)?(?:너무 ?|정말 ?|진짜 ?)?싫|살고 ?싶은 ?마음이 ?없|(?:더 ?이상|더는) ?살 ?(?:이유|의미|자신)(?:가|이)? ?없|살 ?이유가 ?없)" + KoreanNotDoubled, negatable: false),
        High("(?:내가|난|나는|나) ?없어지면[^.!?]{0,15}?(?:나을|편할|좋을|행복할)"),
        High("뛰어내리고 ?싶|뛰어내릴까|뛰어내려 ?버릴|목 ?(?:을 ?)?(?:매|맬|맸)|손목 ?(?:을 ?)?(?:긋|그었|그을)|약을 ?(?:한꺼번에|한 ?번에|왕창|몽땅|한 ?통)|수면제를 ?모으|수면제를 ?모아|번개탄|같이 ?죽(?:자|을까|으려|기로)"),
        High("(?:잠들어서|자다가) ?(?:안 ?깨|깨지 ?않|영원히)"),
        // Plans and means the Columbia scale names, in the words Korean speakers use for them: looking up how to die,
        // keeping pills back (not to take them back to the pharmacy), a note written, the means bought; then wanting to
        // follow someone who died ("할머니 따라가고 싶어요"; not a wish that was, someone else's, or a measure of grief).
        High("(?:죽는|죽을|자살(?:하는)?|목 ?매는|뛰어내리는|(?:안 ?아프게|고통 ?없이|편하게|조용히) ?죽는) ?(?:방법|법)[을를이가도]? ?(?:좀 ?|계속 ?|자꾸 ?|몰래 ?|다시 ?|막 ?)?(?:(?:인터넷|폰|핸드폰|유튜브|구글)(?:으로|에서|에) ?)?"
            + "(?:검색(?:했|해 ?봤|하고 ?있|하는 ?중(?!학)|해요|함|하게 ?되|하다가)|구글링(?:했|하고 ?있|해 ?봤)|찾아 ?(?:봤|보고 ?있|보는 ?중(?!학)|보게 ?되|봐요|봄|보다가)|찾고 ?있|찾았|알아 ?(?:봤|보고 ?있|보는 ?중(?!학)|봐요|봄))(?![^.!?]{0,20}?(?:리스폰|게임|캐릭))",
            notAfter: KoreanHowToDieNotAfter),
        High("(?:(?<![가-힣])약|" + KoreanPillNames + ")[을를]? ?(?:좀 ?|많이 ?|꽤 ?|몰래 ?|조금씩 ?|하나씩 ?|따로 ?|계속 ?)*(?:모아 ?(?:두|둔|놨|놓|뒀|왔|오고|두고|놓고|서 ?(?:한꺼번에|한 ?번에|다 ?먹))|모으고 ?있|모으는 ?중(?!학)|모았|안 ?먹고 ?모)(?!시|셨|셔|고 ?계)(?![^.!?]{0,30}?(?:버리|버릴|폐기|반납|갖다 ?(?:주|드리)|수거))",
            notAfter: KoreanPillsNotAfter),
        High("유서(?:를|도|는|까지)? ?(?:이미 ?|미리 ?|다 ?|몰래 ?)?(?:썼(?!던|었)|써 ?(?:놨|놓았|뒀|두었|둔|놓은)|남겨 ?(?:놨|놓았|뒀|두었)|쓰고 ?있(?!으시|으셨)|쓰는 ?중(?!학)|작성(?:했|해 ?놨|해 ?뒀))",
            notAfter: KoreanNoteNotAfter),
        High("(?:밧줄|번개탄|착화탄|농약)[을를]? ?(?:몰래 ?|미리 ?|하나 ?|좀 ?)?(?:샀|사 ?(?:놨|놓았|뒀|왔)|구했|구해 ?(?:놨|뒀)|준비(?:했|해 ?(?:놨|뒀)))(?![^.!?]{0,12}?(?:캠핑|등산|그네|텐트|농장|과수원|농사|화분|텃밭|벌레))",
            notAfter: KoreanMeansNotAfter),
        High("(?:돌아가(?:신|시고|셨)|세상 ?(?:을 ?)?떠(?:난|나고|났)|보내고|(?:먼저 ?)?(?<![가-힣])(?:간|가신|떠난) ?(?:지|뒤|후)|죽고 ?(?:나서|난 ?뒤)|죽은 ?(?:뒤|후|다음))[^.!?]{0,40}?"
            + "따라 ?(?:가고 ?싶|갈까|가고만 ?싶|가면 ?좋겠)(?!었|다고|단|대|어 ?하|을 ?(?:만큼|정도))"),
        // Suicide as a subject, not a wish ("자살률", "자살 유가족", "자살 예방 교육"), or slang for "dreadful" ("자살각").
        Elevated("(?:자살|자해)(?![^.!?]{0,8}?(?:묻는|물어보는|에 ?관한|에 ?대한) ?(?:문항|질문|설문))(?:(?<=살)(?!률|율|각| ?유가족| ?예방| ?소식| ?관련| ?뉴스| ?보도| ?사건| ?고위험| ?위험군|이라는 ?(?:단어|말))|(?<=해))|" + KoreanWishToDie + "(?!을 ?만큼 ?" + KoreanEmbarrassed + ")|죽었으면 ?좋겠"),
        // Something to live for asked about and answered none: "살 이유가 있냐고요? 없어요", "살고 싶은 마음이요? 눈곱만큼도 없어요".
        Elevated("(?:희망|살 ?이유|살아야 ?할 ?이유|사는 ?(?:이유|의미)|살 ?의미|살아갈 ?(?:이유|의미|힘)|삶의 ?의미|살고 ?싶은 ?마음|살 ?마음)"
            + "(?:[^.!?]{0,10}\\?+\\s*(?:[^.!?]{0,8}?" + KoreanNone + "(?!었는데|었지만|다고 ?생각)|전혀요|[^.!?]{0,8}?있을 ?리가 ?없)|[이가]? ?있냐고 ?(?:하면|물으면)[^.!?]{0,8}?없)"),
        // Nothing but dying, and an urge that comes after the wish is denied: "죽는 것밖에 답이 없어요", "자해하고 싶진 않은데 가끔 충동이 와요".
        Elevated("(?:죽는|죽을|자살|자해|사라지는|없어지는)[^.!?]{0,4}?(?:밖에|말고는?|말곤|외엔|외에는?|빼곤|빼고는?|아니면) ?(?:답|방법|길|버틸 ?방법|떠오르는 ?(?:게|것)|할 ?수 ?있는 ?게)[이가은는]? ?없"
            + "|(?:자해|자살|죽고 ?싶)[^.!?]{0,24}?(?:데|지만|근데) [^.!?]{0,10}?충동이 ?(?:와|들|생기|올|있)|안 ?태어났(?:으면|더라면)|태어나지 ?(?:말았|않았)(?:으면|더라면)", negatable: false),
        // A safety question answered that it cannot be promised: "오늘 밤 안전할 수 있냐고요? 장담 못 해요", "약속할 수 있냐고요? 못 하겠어요".
        Elevated("(?:안전할|안전하|약속할|약속하)[^.!?]{0,12}\\?+\\s*[^.!?]{0,6}?(?:장담 ?못|못 ?(?:해|하|할)|모르겠|자신 ?없|아니요|아뇨)"),
        // A risk question echoed and answered yes: "자해하냐고요? 네 이틀에 한 번은요".
        Elevated("(?:자해|자살|죽고 ?싶|긋|그어|약 ?모)[^.!?]{0,8}?(?:냐고|냐구|냐는)[^.!?]{0,6}\\?+\\s*(?:네|예|응|어 |맞아|맞아요|그렇|아직)"),
        // Earlier denials told as lies: "자해 안 했다고 한 거 사실 거짓말이에요", "괜찮다고 했는데 그거 다 거짓말이에요".
        Elevated("(?:괜찮다고|안전하다고|안 ?했다고|없다고|아니라고|않았다고)[^.!?]{0,14}?거짓말(?! ?아니| ?안)"),
        // Passive wishes, "nothing but" disappearing, cutting again: "차에 치이면 좋겠다", "제가 없어지는 수밖에 없어요", "또 그을까 봐".
        Elevated("(?:치이|치였|사고 ?나|사고가 ?나|안 ?깨(?:어나)?|깨지 ?않|깨어나지 ?않)(?:으면|면|었으면|났으면) ?좋겠|(?:없어지는|사라지는|죽는) ?(?:(?:수|것|거)밖에 ?없|게 ?(?:답|나을|낫))|(?:또|다시|자꾸) ?(?:긋|그을|그었|그어)"),
        Elevated("(?:팔|손목|허벅지|다리)(?:에|을|를)? ?(?:좀 ?|살짝 ?|조금 ?|또 ?)?(?:그은|그었|그어)|죽을 ?용기가 ?없|살고 ?싶어서 ?사는 ?(?:거|게) ?(?:아니|아냐)"
            + "|(?:나|저|내가|제가) ?(?:진짜 ?|그냥 ?|곧 ?)?(?:없어질|사라질) ?(?:거|거야|거예요|게요|래)|죽겠다[^.!?]{0,30}?진심", negatable: false),
        Elevated("사라지고 ?싶|없어지고 ?싶|희망이 ?(?:없|안 ?보)|버틸 ?(?:수가? ?없|자신이 ?없|힘이 ?없)|살아서 ?뭐 ?(?:해|하)|사는 ?게 ?(?:의미(?:가)? ?없|무의미|지옥|지겨)|다 ?포기하고 ?싶|더는 ?못 ?버티|다 ?끝내고 ?싶"),
        // The wish to be dead in its everyday Korean euphemisms: "이번 생은 여기까지", "인생에서 로그아웃", "먼저 간 아빠 곁으로
        // 가면", "안 돌아오면 누가 알아챌까", "다들 제 소식 듣게 될 거예요", "제가 빠져줘야 해요", "제가 빨리 가야", "왜 또 깼나",
        // "내일 안 일어나도 상관없", "이번 겨울은 못 넘길", "나한테 무슨 일 생기면". "빨리 가야" only as 제가: "내가 빨리 가야 너희가
        // 편하지" is as often a grandparent's words retold.
        Elevated("이번 ?생은 ?여기까지|인생 ?(?:에서 ?)?로그아웃|로그아웃[^.!?]{0,10}인생|(?:먼저 ?간|돌아가신)[^.!?]{0,12}?(?:곁|옆)으로 ?가|(?:안|못) ?돌아오면 ?(?:누가|아무도)"
            + "|(?:제|내) ?소식[을]? ?듣게 ?될|(?:제가|내가) ?빠져 ?(?:줘|주)야|제가 ?빨리 ?가야|왜 ?또 ?깼|안 ?일어나도 ?(?:아무 ?)?(?:상관|괜찮)|겨울[은을]? ?(?:못|안) ?넘(?:기|길)"
            + "|(?:나한테|저한테|제게) ?무슨 ?일 ?(?:생기면|있으면)"),
        // More of the same in words the development lines use: "인생 퇴사", "퇴사 아니면 퇴생", "넘길 생각도 없어요", "나 하나 없어도
        // 아무도 안 슬퍼할 거야", "맨날 죽을 생각만 해", "나쁜 생각 또 하고 있어요" (the euphemism; its denials are read as
        // denials), "극단적 선택을 하고 싶", "하지 않을 이유를 못 찾겠어", "피 나는 거 보고 싶어", "머리를 벽에 박아요", pills counted
        // or a hoard asked about ("모아둔 약 한 번에 먹으면"), pills with drink "더 확실하게 죽는다던데", "마포대교 가볼까".
        Elevated("인생 ?퇴사|퇴생|(?:넘길|버틸|견딜) ?생각(?:도|이)? ?없|안 ?넘기고 ?싶"
            + "|(?:나|내가|저|제가) ?(?:하나 ?)?없어도[^.!?]{0,12}?(?:아무도|다들|모두|세상)[^.!?]{0,12}?(?:안 ?슬퍼|모를|홀가분|상관없|잘 ?살|티도 ?안)"
            + "|죽을 ?생각(?:만|을|이|도)? ?(?:하|들|나)|나쁜 ?생각(?:을|이)? ?(?:또 ?|자꾸 ?|계속 ?|요즘 ?)?(?:하|들|나)"
            + "|극단적 ?(?:인 ?)?선택[을를]? ?(?:하고 ?싶|할까|하려|할 ?(?:것|거) ?같)|극단적 ?(?:인 ?)?선택[^.!?]{0,30}?(?:내가|제가) ?그럴까"
            + "|(?:하지 ?않을|안 ?할|말아야 ?할) ?이유(?:를|가)? ?(?:못 ?찾|없)|피 ?(?:나는|흘리는) ?(?:거|것|걸) ?보고 ?싶|머리를 ?(?:벽|책상|바닥)에 ?(?:박아요|박는|박곤|박게|찧어요|찧는)"
            + "|약 ?개수(?:도|를)? ?세|(?:모아 ?둔|모은) ?약[^.!?]{0,20}?(?:한 ?번에|한꺼번에) ?먹으면|약(?:이랑|하고|과) ?술[^.!?]{0,20}?(?:죽|확실)|마포대교(?:에)? ?(?:가볼까|갈까|가고 ?싶|가서)"
            // Goodbyes said ahead of time and a pet handed on for good: "미리 사랑한다고 말해놨어 나중에 못 할 수도 있으니까",
            // "사랑한다고 꼭 전해줘", "할 말 다 하고 가는 게 맞는 거 같아서", "내 강아지 평생 잘 부탁한다고".
            + "|미리 ?(?:사랑한다고|고마웠다고)|(?:사랑한다고|미안하다고|고마웠다고)[^.!?]{0,8}?꼭 ?전해 ?(?:줘|주세요|달라)|나중에 ?(?:못 ?할|말 ?못 ?할) ?(?:수도|지도) ?(?:있으니까|모르니까)"
            + "|할 ?말 ?다 ?하고 ?(?:가는|갈|떠나)|(?:강아지|고양이|냥이|댕댕이)[^.!?]{0,8}?평생 ?(?:잘 ?)?(?:부탁|맡아)", linear: true),
        // Attempts told as stopped or survived: "뛰어내리려다가 친구가 붙잡아서", "강에 뛰어들었는데 구조됐어", "약 먹고 누워
        // 있었는데 룸메가 119 불렀어요".
        High("뛰어내리려(?:다|고 ?(?:했|하다)|던)|(?:강|바다|한강)에 ?뛰어들었[^.!?]{0,15}?(?:구조|건져|살았)"
            + "|(?:약|" + KoreanPillNames + ")(?:을|를|들)? ?(?:먹고|삼키고|털어 ?넣고)[^.!?]{0,30}?(?:119|응급실|위세척|구급차)", linear: true),
        // A date set, not a wedding's, a move's or an exam's: "언제 터질지 나도 날짜 정했거든".
        Elevated("(?<!(?:결혼|이사|여행|수술|시험|발표|약속|상견례|출산|입주|휴가|모임|회의|면접|행사|식|개업|오픈|출국|입대|제대|졸업|이직|퇴사|계약) ?)날짜(?:도|를|까지)? ?(?:정했|정해 ?(?:놨|뒀|놓)|잡았|잡아 ?놨)"),
    ];

    /// <summary>
    /// What the rules find in the utterance: its phrases, else a denial refused or undone (<see cref="Refused"/>), someone
    /// else's risk taken as the speaker's own (<see cref="SameAsSomeoneElse"/>), a joke about risk taken back
    /// (<see cref="JokeTakenBack"/>), risk that had stopped and is back (<see cref="Returned"/>) or, in Korean, the
    /// counselor's question answered yes (<see cref="AnsweredYes"/>).
    /// </summary>
    public static RuleRisk Assess(string text, TextLanguage language)
    {
        var phrases = Phrases(text, language);
        if (phrases.Level != RiskLevel.None)
        {
            return ToldAsOver(text, language) ? RuleRisk.Over : phrases;
        }

        var found = Refused(text, language) ?? SameAsSomeoneElse(text, language) ?? JokeTakenBack(text, language) ?? Returned(text, language)
            ?? AnsweredYes(text, language);
        return found is null ? phrases : new RuleRisk(RiskLevel.Elevated, found, false);
    }

    /// <summary>
    /// Whether the utterance tells its risk as over, and why (<see cref="EnglishToldAsOver"/>, <see cref="KoreanToldAsOver"/>):
    /// "I used to cut when I was fifteen, but I haven't in eight years", "스무 살 때 한 번 시도했었어요. 지금은 그때랑 완전히
    /// 달라요", and nothing keeps it going (<see cref="EnglishStillGoing"/>, <see cref="KoreanStillGoing"/>, and after the
    /// Korean telling <see cref="KoreanTurnAfter"/>): "I don't do that anymore... well, except last week" is risk. A denial
    /// refused, a joke taken back or a return the rules read (<see cref="Assess"/>) comes first. <see cref="Assess"/> asks
    /// it only of what its phrases found; the classifier's finding asks it last (<see cref="RiskReading.ToldAsOver"/>), so
    /// the utterances nothing alerts on, nearly all of them, are not read for it.
    /// </summary>
    internal static bool ToldAsOver(string text, TextLanguage language)
    {
        if (language == TextLanguage.Korean)
        {
            var over = KoreanToldAsOver.Match(text);
            if (!over.Success && KoreanOverNow.Match(text) is { Success: true } broad && KoreanPastTold.IsMatch(text.AsSpan(0, broad.Index)))
            {
                over = broad;
            }

            return over.Success && !KoreanStillGoing.IsMatch(text) && !KoreanTurnAfter.IsMatch(text.AsSpan(over.Index));
        }

        return (EnglishToldAsOver.IsMatch(text) || (EnglishOverNow.IsMatch(text) && EnglishPastTold.IsMatch(text))) && !EnglishStillGoing.IsMatch(text);
    }

    /// <summary>What the phrase lists find, or that the only phrases found were denied; a clause is read by this alone.</summary>
    private static RuleRisk Phrases(string text, TextLanguage language)
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
                if ((pattern.Negatable && IsNegated(text, match, language)) || InDenial(text, match.Index, language)
                    || (language == TextLanguage.Korean
                        && (KoreanWishDenied.IsMatch(text.AsSpan(match.Index)) || KoreanPastAndGone.IsMatch(text.AsSpan(match.Index + match.Length)))))
                {
                    denied = true;
                    continue;
                }

                if (pattern.NotTheSpeakersAt(text, match.Index) || IsRetold(text, match, language) || NotTheSpeakers(text, match.Index, language))
                {
                    continue;
                }

                level = pattern.Level;
                evidence = new EvidenceSpan(match.Index, match.Length, text.Substring(match.Index, match.Length));
                break;
            }
        }

        return new RuleRisk(level, evidence, denied && level == RiskLevel.None);
    }

    /// <summary>
    /// A denial taken back, refused or undone (<see cref="EnglishDenialTakenBack"/>, <see cref="EnglishDenialUnsure"/>,
    /// <see cref="KoreanDenialRefused"/>) with a risk cue from its clause on, or the speaker's safety in doubt
    /// (<see cref="EnglishSafetyDoubted"/>, <see cref="KoreanSafetyDoubted"/>), and no later clause that denies again: the
    /// text from that clause on, as the evidence. Without a cue ("I'm not saying I don't get dark") nothing.
    /// </summary>
    private static EvidenceSpan? Refused(string text, TextLanguage language)
    {
        var safety = (language == TextLanguage.Korean ? KoreanSafetyDoubted : EnglishSafetyDoubted).Match(text);
        var refusal = safety.Success ? safety : (language == TextLanguage.Korean ? KoreanDenialRefused : EnglishDenialTakenBack).Match(text);
        if (!refusal.Success && language == TextLanguage.English)
        {
            refusal = EnglishDenialUnsure.Match(text);
        }

        if (!refusal.Success || FromClauseOn(text, language, refusal.Index) is not { } scope)
        {
            return null;
        }

        // A Korean refusal's own verb can be a cue ("못 하겠어요"), so its cue is looked for around the refusal. An English one
        // holds what it refuses ("can't say the thought of ending it hasn't...") or takes back what came before it ("I told
        // the GP I was fine about the pills. That wasn't true"), so its cue and evidence are the whole utterance.
        if (language == TextLanguage.Korean)
        {
            return safety.Success || KoreanThatThought.IsMatch(text) || CueBesides(text[scope.Start..refusal.Index]) || CueBesides(text[(refusal.Index + refusal.Length)..])
                ? scope
                : null;
        }

        var whole = Whole(text);
        return safety.Success || CueBesides(whole.Text) || EnglishScreeningAsked.IsMatch(text.AsSpan(0, refusal.Index)) ? whole : null;

        bool CueBesides(string part) => RiskCues.Any((language == TextLanguage.Korean ? KoreanLiving : EnglishLiving).Replace(part, " "), language);
    }

    /// <summary>
    /// The speaker taking someone else's risk, told before it, as their own (<see cref="EnglishSameAsThem"/>,
    /// <see cref="KoreanSameAsThem"/>): "my dad keeps saying he'll kill himself if the farm goes under, and like, me too",
    /// "할머니가 빨리 가고 싶다 하시는데 저도 딱 그래요". Another person or a story and their risk (<see cref="EnglishOthersRisk"/>,
    /// <see cref="KoreanOthersRisk"/>) must come first; the text from the speaker's clause on is the evidence.
    /// </summary>
    private static EvidenceSpan? SameAsSomeoneElse(string text, TextLanguage language)
    {
        var korean = language == TextLanguage.Korean;
        var same = (korean ? KoreanSameAsThem : EnglishSameAsThem).Match(text);
        return same.Success
            && (korean ? KoreanAnotherPerson : EnglishAnotherPerson).IsMatch(text.AsSpan(0, same.Index))
            && (korean ? KoreanOthersRisk : EnglishOthersRisk).IsMatch(text.AsSpan(0, same.Index))
            ? FromClauseOn(text, language, same.Index)
            : null;
    }

    /// <summary>
    /// Risk said as a joke and then said not to be one (<see cref="EnglishJoke"/> then <see cref="EnglishJokeTakenBack"/>,
    /// <see cref="KoreanJoke"/> then <see cref="KoreanJokeTakenBack"/>) with a risk cue: "lol my retirement plan is a bridge
    /// and I'm only sort of kidding", "ㅋㅋ 걍 죽고싶다~ 이거 밈 아니고 진심임". The joke is often named after what it says
    /// ("I'm afraid of being disappointed it didn't work. That's my stand-up material. Also true"), so the cue and the
    /// evidence are the whole utterance.
    /// </summary>
    private static EvidenceSpan? JokeTakenBack(string text, TextLanguage language)
    {
        var joke = (language == TextLanguage.Korean ? KoreanJoke : EnglishJoke).Match(text);
        return joke.Success
            && (language == TextLanguage.Korean ? KoreanJokeTakenBack : EnglishJokeTakenBack).IsMatch(text.AsSpan(joke.Index + joke.Length))
            && RiskCues.Any(text, language)
            ? FromClauseOn(text, language, 0)
            : null;
    }

    /// <summary>
    /// The counselor's question about risk answered yes in Korean (<see cref="KoreanQuestionAnsweredYes"/>), from the
    /// answer's clause on; or a screening question about risk answered positively (<see cref="EnglishScreeningAnswered"/>,
    /// <see cref="KoreanScreeningAnswered"/>), the whole utterance, unless a later clause denies again.
    /// </summary>
    private static EvidenceSpan? AnsweredYes(string text, TextLanguage language)
    {
        if (language == TextLanguage.Korean && KoreanQuestionAnsweredYes.Match(text) is { Success: true } yes)
        {
            return FromClauseOn(text, language, yes.Groups["thought"].Index);
        }

        return (language == TextLanguage.Korean ? KoreanScreeningAnswered : EnglishScreeningAnswered).Match(text) is { Success: true } screening
            && FromClauseOn(text, language, screening.Index) is not null
            ? Whole(text)
            : null;
    }

    /// <summary>
    /// Risk that had stopped and is back, or a denial with an exception after it (<see cref="EnglishReturned"/>,
    /// <see cref="EnglishDenialExcepted"/>, <see cref="KoreanReturned"/>), with a risk cue, and no later clause that denies
    /// again: the text from the return on, as the evidence. A promise bounded in time (<see cref="EnglishPromiseBounded"/>)
    /// needs no cue.
    /// </summary>
    private static EvidenceSpan? Returned(string text, TextLanguage language)
    {
        if (language == TextLanguage.Korean)
        {
            var korean = KoreanReturned.Match(text);
            return korean.Success && (RiskCues.Any(text, language) || KoreanThatThought.IsMatch(text))
                ? FromClauseOn(text, language, korean.Groups["back"].Index)
                : null;
        }

        if (EnglishPromiseBounded.IsMatch(text))
        {
            return Whole(text);
        }

        var excepted = EnglishDenialExcepted.Match(text);
        if (excepted.Success && RiskCues.Any(text[..excepted.Groups["back"].Index], language))
        {
            return FromClauseOn(text, language, excepted.Groups["back"].Index);
        }

        if (!EnglishReturnWord.IsMatch(text))
        {
            return null;
        }

        var back = EnglishReturned.Match(text);
        return back.Success && RiskCues.Any(text, language) ? FromClauseOn(text, language, back.Index) : null;
    }

    /// <summary>The whole utterance, without its trailing whitespace, as evidence.</summary>
    private static EvidenceSpan Whole(string text)
    {
        var whole = text.TrimEnd();
        return new EvidenceSpan(0, whole.Length, whole);
    }

    /// <summary>
    /// The text from the clause holding <paramref name="index"/> to the end, as evidence; null when a later clause denies
    /// again, is someone else's or answers a question no ("I can't say I love my life, but I'd never throw it away").
    /// </summary>
    private static EvidenceSpan? FromClauseOn(string text, TextLanguage language, int index)
    {
        var clauses = ClauseSpans(text, language);
        var at = clauses.FindIndex(c => c.Start + c.Length > index);
        if (at < 0)
        {
            return null;
        }

        for (var i = at + 1; i < clauses.Count; i++)
        {
            if (Qualified(clauses[i].Text, language) || IsAnsweredNo(text, clauses, i - 1, language))
            {
                return null;
            }
        }

        var from = Math.Min(clauses[at].Start, index);
        var scope = text[from..].TrimEnd();
        return new EvidenceSpan(from, scope.Length, scope);
    }

    /// <summary>
    /// Whether the utterance denies risk ("I'm not suicidal", "no thoughts like that", "그런 생각은 없어요") or tells it as over
    /// (<see cref="ToldAsOver"/>), and no phrase of it says risk.
    /// </summary>
    public static bool Denies(string text, TextLanguage language) =>
        Assess(text, language) is { Level: RiskLevel.None } rule
        && (rule.Denied || SaysDenial(text, language)
            || (language == TextLanguage.English && DenialParts(text, language).Any(part => DeniesPart(part.Text)))
            || ToldAsOver(text, language));

    /// <summary>
    /// <see cref="ClauseSpans"/>, with each English clause that holds a denial of one part (<see cref="DeniesPart"/>), or
    /// a denial and then what the speaker "just" wants instead (<see cref="EnglishJustInstead"/>), split further at its
    /// commas, so that part alone can be set aside.
    /// </summary>
    private static List<EvidenceSpan> DenialParts(string text, TextLanguage language)
    {
        var clauses = ClauseSpans(text, language);
        if (language == TextLanguage.Korean || !clauses.Exists(c => c.Text.Contains(',', StringComparison.Ordinal)))
        {
            return clauses;
        }

        var parts = new List<EvidenceSpan>(clauses.Count + 2);
        foreach (var clause in clauses)
        {
            var pieces = CommaPieces(clause);
            if (pieces.Count > 1
                && (pieces.Exists(p => DeniesPart(p.Text)) || DeniedBeforeAWishInstead(pieces)))
            {
                parts.AddRange(pieces);
            }
            else
            {
                parts.Add(clause);
            }
        }

        return parts;
    }

    /// <summary>Whether a piece after the first says what the speaker "just" wants instead (<see cref="EnglishJustInstead"/>) of a denial in a piece before it.</summary>
    private static bool DeniedBeforeAWishInstead(List<EvidenceSpan> pieces)
    {
        var instead = pieces.FindIndex(1, p => EnglishJustInstead.IsMatch(p.Text));
        return instead > 0 && pieces.Take(instead).Any(p => Qualified(p.Text, TextLanguage.English));
    }

    private static List<EvidenceSpan> CommaPieces(EvidenceSpan clause)
    {
        var pieces = new List<EvidenceSpan>();
        var start = 0;
        while (start <= clause.Text.Length)
        {
            var comma = clause.Text.IndexOf(',', start);
            var end = comma < 0 ? clause.Text.Length : comma;
            var piece = clause.Text[start..end];
            var trimmed = piece.Trim();
            if (trimmed.Any(char.IsLetter))
            {
                var offset = start + piece.IndexOf(trimmed, StringComparison.Ordinal);
                pieces.Add(new EvidenceSpan(clause.Start + offset, trimmed.Length, trimmed));
            }

            start = end + 1;
        }

        return pieces;
    }

    /// <summary>
    /// The utterance without its clauses that deny risk, retell someone else's words or use a death word in an idiom, as
    /// the text the classifier should read and its span; null when no clause is left. Splits at sentence ends and contrasts
    /// ("but", "though", 근데, -지만, -는데), so "I'd never kill myself but I've been saving pills" keeps its second half.
    /// </summary>
    public static (string Text, EvidenceSpan Span, bool SetAside, IReadOnlyList<EvidenceSpan> Clauses)? UnqualifiedClauses(string text, TextLanguage language)
    {
        var clauses = DenialParts(text, language);
        var kept = new List<EvidenceSpan>(clauses.Count);
        // A denial taken back ("I said I hadn't cut, but that was a lie") sets nothing aside up to where it is taken back.
        var takenBack = language == TextLanguage.English ? EnglishDenialTakenBack.Match(text) : Match.Empty;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (Reaches(takenBack, clauses[i].Start) || (!Qualified(clauses[i].Text, language) && !IsAnsweredNo(text, clauses, i, language) && !IsPastAndGone(text, clauses[i], language)))
            {
                kept.Add(clauses[i]);
            }
        }

        if (kept.Count < clauses.Count)
        {
            // Fragments beside a denial belong to it: "Self-harm? No, never", "자해요? 안 해요".
            kept.RemoveAll(IsFragment);
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var setAside = kept.Count < clauses.Count;
        var from = kept[0].Start;
        var to = kept[^1].Start + kept[^1].Length;
        var joined = setAside ? string.Join(' ', kept.Select(k => k.Text)) : text;
        return (joined, new EvidenceSpan(from, to - from, text[from..to]), setAside, kept.Count > 1 ? kept : []);
    }

    /// <summary>
    /// The utterance's clauses, trimmed, in order: split at sentence ends and contrasts ("but", "though", 근데, -지만,
    /// -는데), the units a denial, an idiom or a finding's evidence belongs to. Clauses without a letter are left out.
    /// </summary>
    public static List<EvidenceSpan> ClauseSpans(string text, TextLanguage language)
    {
        var breaks = language == TextLanguage.Korean ? KoreanClauseBreak : EnglishClauseBreak;
        var clauses = new List<EvidenceSpan>();
        var start = 0;
        foreach (var separator in breaks.EnumerateMatches(text))
        {
            Add(start, separator.Index);
            start = separator.Index + separator.Length;
        }

        Add(start, text.Length);
        return clauses;

        void Add(int clauseStart, int clauseEnd)
        {
            while (clauseStart < clauseEnd && char.IsWhiteSpace(text[clauseStart]))
            {
                clauseStart++;
            }

            while (clauseEnd > clauseStart && (char.IsWhiteSpace(text[clauseEnd - 1]) || text[clauseEnd - 1] == ','))
            {
                clauseEnd--;
            }

            var clause = text[clauseStart..clauseEnd];
            if (clause.Any(char.IsLetter))
            {
                clauses.Add(new EvidenceSpan(clauseStart, clauseEnd - clauseStart, clause));
            }
        }
    }

    /// <summary>Whether the clause around a phrase denies it in words the negation check does not reach ("killing myself has never been on the table").</summary>
    private static bool InDenial(string text, int index, TextLanguage language)
    {
        var clauses = ClauseSpans(text, language);
        var at = clauses.FindIndex(c => Holds(c, index));
        if (at < 0)
        {
            return false;
        }

        // A fragment ("Self-harm? Never.", "자해요? 안 해요") is answered by the clause after it, and so is a Korean
        // question echoed back ("자살 생각이요? 아뇨").
        var clause = clauses[at];
        if (IsAnsweredNo(text, clauses, at, language))
        {
            return true;
        }

        var end = IsFragment(clause) && at + 1 < clauses.Count ? clauses[at + 1].Start + clauses[at + 1].Length : clause.Start + clause.Length;
        if (language == TextLanguage.Korean)
        {
            // Read to the end, since what follows the clause can undo its denial ("없다고 체크했는데 솔직히 있어요"), but
            // only a denial that starts in the clause counts.
            var denial = KoreanDenial.EnumerateMatches(text.AsSpan(clause.Start));
            return denial.MoveNext() && denial.Current.Index < end - clause.Start;
        }

        // What the speaker "just" wants instead, after a comma, is not covered by the denial before it: "I don't want to kill
        // myself, I just wish I was dead" denies the act and says the wish, so only its own piece is read for a denial.
        var piece = PieceAt(clause, index);
        var read = piece is { } instead && instead.Start > clause.Start && EnglishJustInstead.IsMatch(instead.Text)
            ? text.AsSpan(instead.Start, instead.Length)
            : text.AsSpan(clause.Start, end - clause.Start);
        return !TakenBack(text, clause.Start) && (SaysDenial(read, language) || (piece is { } own && DeniesPart(own.Text)));
    }

    /// <summary>
    /// Whether clause <paramref name="at"/> is a question about risk that the clause after it answers no, and nothing after
    /// the answer goes further ("self harm? nope", "자해요? 그런 거 안 해요"). Not a question about something good ("살 이유가 있냐고요? 없어요" is risk). A
    /// negative question is answered no in its own words: "자해 안 했냐고요? 안 했어요" and "희망이 없냐고요? 있어요" are, "자해
    /// 안 했냐고요? 아니요, 했어요" is not.
    /// </summary>
    private static bool IsAnsweredNo(string text, List<EvidenceSpan> clauses, int at, TextLanguage language)
    {
        if (at + 1 >= clauses.Count)
        {
            return false;
        }

        var question = clauses[at];
        var next = at + 1 + (language == TextLanguage.Korean && at + 2 < clauses.Count && KoreanWhoMe.IsMatch(clauses[at + 1].Text) ? 1 : 0);
        var answer = clauses[next];
        if (!text.AsSpan(question.Start + question.Length, clauses[at + 1].Start - question.Start - question.Length).Contains('?')
            || (language == TextLanguage.Korean ? KoreanAnswerGoesFurther : EnglishAnswerGoesFurther).IsMatch(text.AsSpan(answer.Start)))
        {
            return false;
        }

        if (language == TextLanguage.English)
        {
            return (EnglishNoAnswer.IsMatch(answer.Text) && !EnglishNegativeQuestion.IsMatch(question.Text) && EnglishRiskAsked.IsMatch(question.Text))
                || (EnglishHopeAskedBack.IsMatch(question.Text) && EnglishHaveAnswer.IsMatch(text.AsSpan(answer.Start)));
        }

        if (KoreanNegativeQuestion.IsMatch(question.Text))
        {
            return (KoreanNotDoneQuestion.IsMatch(question.Text) && KoreanNotDoneAnswer.IsMatch(answer.Text))
                || (KoreanLackQuestion.IsMatch(question.Text) && KoreanHaveAnswer.IsMatch(answer.Text));
        }

        return (KoreanNoAnswer.IsMatch(answer.Text) && Array.Exists(Korean, p => p.Regex.IsMatch(question.Text)))
            || (KoreanHopeAskedBack.IsMatch(question.Text) && KoreanNotLackingAnswer.IsMatch(answer.Text));
    }

    /// <summary>Whether a risk phrase in the clause is told as past and gone by what follows it (<see cref="KoreanPastAndGone"/>).</summary>
    private static bool IsPastAndGone(string text, EvidenceSpan clause, TextLanguage language)
    {
        if (language != TextLanguage.Korean)
        {
            return false;
        }

        foreach (var pattern in Korean)
        {
            foreach (var match in pattern.Regex.EnumerateMatches(clause.Text))
            {
                if (KoreanPastAndGone.IsMatch(text.AsSpan(clause.Start + match.Index + match.Length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the text holds a denial in the words the language's denial lists know (not the phrases' own negation).</summary>
    private static bool SaysDenial(ReadOnlySpan<char> text, TextLanguage language) =>
        language == TextLanguage.Korean ? KoreanDenial.IsMatch(text) : EnglishDenial.IsMatch(text) || EnglishSaidOtherwise.IsMatch(text);

    /// <summary>Whether an English part of a clause, between commas, denies risk (<see cref="EnglishDenialPart"/>, <see cref="EnglishDenialByAnswerOrKind"/>).</summary>
    private static bool DeniesPart(string part) => EnglishDenialPart.IsMatch(part) || EnglishDenialByAnswerOrKind.IsMatch(part);

    private static bool IsFragment(EvidenceSpan clause) => clause.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < FragmentWords;

    private static bool Qualified(string clause, TextLanguage language) =>
        Phrases(clause, language).Denied || HasIdiom(clause, language)
        || SaysDenial(clause, language)
        || (language == TextLanguage.English && DeniesPart(clause))
        || (language == TextLanguage.Korean ? KoreanReported.IsMatch(clause) && !KoreanSpeakerJoins.IsMatch(clause) : EnglishReported.IsMatch(clause))
        || (language == TextLanguage.English ? IsSomeoneElses(clause) : KoreanSomeoneElses(clause));

    /// <summary>Whether the utterance holds an idiom with a death or harm word ("this traffic is killing me", "배고파 죽겠다").</summary>
    public static bool HasIdiom(string text, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanIdiom.IsMatch(text)
        : EnglishIdiom.IsMatch(text) || EnglishHyperbole.IsMatch(text);

    /// <summary>
    /// Whether the sentence around a rule's match is hyperbole ("if I have to sit through one more meeting, I'll shoot
    /// myself"), or the part of it between commas is someone else's act or words with none of the speaker's own risk
    /// words in it (English), or the clause tells someone else's act as seen or guessed (Korean).
    /// </summary>
    private static bool NotTheSpeakers(string text, int index, TextLanguage language)
    {
        if (ClauseSpans(text, language).Find(c => Holds(c, index)) is not { } clause)
        {
            return false;
        }

        if (language == TextLanguage.Korean)
        {
            // The speaker in another clause keeps it when that clause speaks of the speaker's own risk: "친구가 자해하는 것
            // 같은데 나도 따라 하고 싶어", not "친구가 자해하는 것 같은데 제가 뭘 해야 할지 모르겠어요".
            return KoreanSomeoneElses(clause.Text)
                && !ClauseSpans(text, language).Exists(c => NamesTheSpeaker(c.Text) && (KoreanSpeakerOwnCue.IsMatch(c.Text) || KoreanSpeakerUnnamed.IsMatch(c.Text) || Array.Exists(Korean, p => p.Regex.IsMatch(c.Text))));
        }

        return EnglishHyperbole.IsMatch(clause.Text) || (PieceAt(clause, index) is { } piece && IsSomeoneElses(piece.Text));
    }

    /// <summary>Someone else's act or words, or suicide in general, with none of the speaker's own risk words beside it (English).</summary>
    private static bool IsSomeoneElses(string text) => EnglishSomeoneElse.IsMatch(text) && !EnglishFirstPersonRisk.IsMatch(text);

    /// <summary>Someone else's act, seen or suspected, in a clause that does not name the speaker (Korean).</summary>
    private static bool KoreanSomeoneElses(string clause) =>
        KoreanOthersAct.IsMatch(clause) && KoreanOtherPerson.IsMatch(clause) && !NamesTheSpeaker(clause);

    private static bool NamesTheSpeaker(string text) =>
        (KoreanFirstPerson.IsMatch(text) && !KoreanSpeakerWitness.IsMatch(text)) || KoreanSpeakerUnnamed.IsMatch(text);

    /// <summary>The part of <paramref name="clause"/> between commas that holds <paramref name="index"/>.</summary>
    private static EvidenceSpan? PieceAt(EvidenceSpan clause, int index) => CommaPieces(clause).Find(p => Holds(p, index));

    private static bool Holds(EvidenceSpan span, int index) => index >= span.Start && index < span.Start + span.Length;

    private static bool IsRetold(string text, ValueMatch match, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanRetoldAfter.IsMatch(text.AsSpan(match.Index + match.Length)) && KoreanReported.IsMatch(text) && !KoreanSpeakerJoins.IsMatch(text)
        : EnglishRetoldBefore.IsMatch(text.AsSpan(ClauseStart(text, match.Index, language), match.Index - ClauseStart(text, match.Index, language)));

    /// <summary>Where the clause holding <paramref name="index"/> starts: a retelling does not reach past "but" or a sentence end.</summary>
    private static int ClauseStart(string text, int index, TextLanguage language)
    {
        var start = 0;
        foreach (var separator in (language == TextLanguage.Korean ? KoreanClauseBreak : EnglishClauseBreak).EnumerateMatches(text))
        {
            if (separator.Index + separator.Length > index)
            {
                break;
            }

            start = separator.Index + separator.Length;
        }

        return start;
    }

    private static bool IsNegated(string text, ValueMatch match, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanNegatedAfter.IsMatch(text.AsSpan(match.Index + match.Length))
        : EnglishNegatedBefore.IsMatch(text.AsSpan(0, match.Index)) && !TakenBack(text, ClauseStart(text, match.Index, language));

    /// <summary>
    /// Whether an English denial in the clause starting at <paramref name="clauseStart"/> is taken back
    /// (<see cref="EnglishDenialTakenBack"/>): by a taking-back that reaches past the clause's start, not one before it ("Not
    /// that I never have bad days, but harming myself has never been something I'd do" keeps its last denial).
    /// </summary>
    private static bool TakenBack(string text, int clauseStart) => Reaches(EnglishDenialTakenBack.Match(text), clauseStart);

    /// <summary>Whether a taking-back found (<paramref name="back"/>) reaches past <paramref name="clauseStart"/>.</summary>
    private static bool Reaches(Match back, int clauseStart) => back.Success && back.Index + back.Length > clauseStart;

    /// <param name="linear">A long list of alternatives without lookarounds, read on the linear engine (<see cref="CompileLinear"/>).</param>
    private static RiskPattern High(string pattern, bool negatable = true, bool linear = false, Regex? notAfter = null) =>
        new(RiskLevel.High, negatable, linear ? CompileLinear(pattern) : CompileLenient(pattern), notAfter);

    /// <inheritdoc cref="High"/>
    private static RiskPattern Elevated(string pattern, bool negatable = true, bool linear = false) =>
        new(RiskLevel.Elevated, negatable, linear ? CompileLinear(pattern) : CompileLenient(pattern));

    /// <summary>Case-insensitive, with either apostrophe or none ("I'm", "I’m", "im"), since transcripts come from many keyboards and recognisers.</summary>
    private static Regex CompileLenient(string pattern) => Compile(EitherApostrophe(pattern), RegexOptions.IgnoreCase);

    /// <summary>
    /// <see cref="CompileLenient"/> on the linear engine, for a long list of alternatives tried on every clause: the
    /// backtracking engine cost about 60 us a sentence on it (the micro-benchmark, 53 -> 121 us).
    /// </summary>
    private static Regex CompileLinear(string pattern) =>
        new(EitherApostrophe(pattern), RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    private static string EitherApostrophe(string pattern) => pattern.Replace("'", "['’]?", StringComparison.Ordinal);

    private static Regex Compile(string pattern, RegexOptions options) =>
        new(pattern, options | RegexOptions.Compiled | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    /// <param name="Denied">The only phrases found were denied: "I'd never hurt myself".</param>
    /// <param name="ToldAsOver">The risk was told as over, and why (<see cref="RiskRules.ToldAsOver"/>): the classifier does not read it either.</param>
    internal sealed record RuleRisk(RiskLevel Level, EvidenceSpan? Evidence, bool Denied, bool ToldAsOver = false)
    {
        public static RuleRisk Over { get; } = new(RiskLevel.None, null, true, true);
    }

    /// <param name="NotAfter">Where this matches the text right before a match (read right to left, ending at it), the match is not the speaker's.</param>
    private sealed record RiskPattern(RiskLevel Level, bool Negatable, Regex Regex, Regex? NotAfter = null)
    {
        public bool NotTheSpeakersAt(string text, int index) => NotAfter is not null && NotAfter.IsMatch(text.AsSpan(0, index));
    }
}
