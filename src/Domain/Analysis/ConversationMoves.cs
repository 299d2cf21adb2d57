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
    /// <summary>
    /// Interpreted: the lists are read once per counselor turn, where the interpreter costs about 0.1 ms for all of them.
    /// On the linear engine each pattern kept its construction's character-set caches for the node's life, about 60 MB for
    /// the thirty (a third of a serving node's heap); interpreted, a few kilobytes. No pattern nests a repetition over
    /// what a neighbour can match, so backtracking stays polynomial in the text; the timeout stops only a stalled thread.
    /// </summary>
    private const RegexOptions Interpreted = RegexOptions.CultureInvariant;

    /// <summary>
    /// A goodbye, an insight or daily life is doubtful where a risk cue is there and the risk model does not wave it away:
    /// "오늘 머리가 좀 정리됐어요. 안녕히 계세요" holds two cues (정리, 안녕) and is a goodbye, "그동안 고마웠어요. 다들 안녕"
    /// holds the same kind and is a farewell, and the model, which learned farewells as risk, tells them apart. A plan is
    /// refused at any cue, whatever the model says: it read "이번 주에 방 정리하고 물건들 나눠 주려고요" (giving things
    /// away) at 0.01. From half the lowest alert threshold (English 0.10, Korean 0.20), so a near miss is never praised.
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
    private static readonly string FinalRieul = string.Concat(SyllablesEndingIn(8).Where(c => "올갈잘".IndexOf(c) < 0));

    private static readonly Regex KoreanPlan = new(
        "(?:[" + FinalRieul + "]|을) ?게(?:요|$| )|볼까 ?봐|볼게요|볼게|보려고|보려구|볼래요|볼 ?생각|볼 ?계획|볼 ?거예요|볼 ?거야|하려고 ?(?:요|해요|해)|하기로 ?(?:했|하|해)|해야겠(?:어요|어|다)|할게요|해 ?볼까|시도해 ?볼|연락해 ?볼|물어봐야겠|적어 ?볼|써 ?볼",
        Interpreted, AnalysisRegex.MatchTimeout);

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
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishGoodbye = English(
        @"\b(?:see\s+(?:you|ya)|talk\s+(?:to\s+you\s+)?(?:soon|later|next\s+(?:week|time)|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:i'll|i\s+will|i'm\s+gonna|i'm\s+going\s+to)\s+(?:come\s+back|check\s+(?:back\s+)?in)|let\s+you\s+know\s+how\s+(?:it|that|things)\s+(?:goes|went)"
        + @"|(?:that's|thats)\s+(?:all|enough|it)\s+for\s+(?:today|now|tonight)|good\s*night|good\s*bye|ttyl|cya|bye(?:\s+for\s+now)?)\b"
        + @"|\bi\s+(?:should|gotta|have\s+to|need\s+to)\s+(?:go|get\s+going|head\s+off|log\s+off|sleep)\s*(?:now\b|[.!,]|$)");

    private static readonly Regex KoreanGoodbye = new(
        "안녕히|이만 ?(?:갈|가|들어|쉴|잘|자|줄|마칠|할게|하고|나갈)|(?:오늘은|오늘) ?(?:여기까지|이 ?정도로|이쯤)|잘게요|자러 ?(?:갈|가)|들어가 ?(?:볼게|보겠|볼께)|가 ?볼게요|가 ?보겠습니다|(?:또|다음에) ?(?:올게|와서|오겠|들를|얘기할게|이야기할게|말해 ?줄게|말씀드릴게)|다음에 ?(?:봬|뵐|또 ?봐|봐요)|빠이|바이바이",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishThanks = English(@"\b(?:thanks|thank\s+you|thx|ty|appreciate\s+(?:it|this|you|that))\b");

    private static readonly Regex KoreanThanks = new("고마워|고마웠|고맙|감사|땡큐|ㄱㅅ", Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>What thanks at the end of a talk say: it helped, it was good to talk (thanks for an answer say neither).</summary>
    private static readonly Regex EnglishHelped = English(
        @"\b(?:help(?:ed|ful|s)|good\s+to\s+(?:talk|get\s+(?:it|this)\s+out)|for\s+(?:listening|today|your\s+time|the\s+chat|this)|(?:feel|feeling)\s+(?:a\s+(?:bit|little)\s+|kinda\s+|so\s+much\s+)?(?:better|lighter|calmer)|needed\s+(?:that|this))\b");

    private static readonly Regex KoreanHelped = new(
        "숨통|도움|덕분|시원|후련|가벼워|가볍|나아졌|나아진|들어 ?주셔서|들어 ?줘서|얘기 ?들어|오늘|편해졌|위로",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishReassurance = English(
        @"\b(?:don't\s+worry|no\s+need\s+to\s+worry|not\s+(?:going\s+to|gonna)\s+do\s+anything|i'm\s+(?:ok|okay|fine|alright|all\s+right|safe)|came\s+out\s+wrong|(?:i\s+)?(?:just|only)\s+meant|didn't\s+mean\s+it\s+like\s+that|not\s+like\s+that|nothing\s+like\s+that|no\s+no|not\s+(?:serious|literally))\b");

    private static readonly Regex KoreanReassurance = new(
        "걱정 ?(?:안 ?하셔도|안 ?해도|마세요|마요|마|하지 ?마|하지 ?않으셔도)|하려는 ?(?:건|거|게) ?아니|그런 ?(?:뜻|의미|말)(?:은|이|로)? ?아니|해 ?본 ?말|그냥 ?한 ?말|말이 ?그렇게|잘못 ?(?:말했|나왔|얘기했)|괜찮아요|괜찮아|진짜 ?아니에요|아니에요 ?진짜|그 ?정도는 ?아니",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishDailyLife = English(
        @"\b(?:sleep(?:ing)?|slept|insomnia|(?:up|awake)\s+(?:till|until|at)\s+(?:like\s+)?\d|wake\s+up|waking\s+up|eat(?:ing)?|ate|meals?|appetite|cook(?:ing)?|skip(?:ping|ped)?\s+(?:meals|breakfast|lunch|dinner|class\w*)"
        + @"|gym|exercis\w*|work(?:ing)?\s+out|shower\w*|stopped\s+(?:going|cooking|exercising|seeing|drawing|reading|playing)|haven't\s+been\s+(?:out|going|in\s+ages)|bed\s+all\s+day|routine)\b");

    private static readonly Regex KoreanDailyLife = new(
        "잠[이을도은]|잠을|못 ?자|잘 ?못 ?자|새벽|밤새|밤낮|늦게 ?일어|일어나|밥[을도은이]|밥 ?먹|끼니|식욕|굶|대충 ?때우|운동|헬스|씻|하루 ?종일 ?누워|생활 ?패턴|루틴|잠자리",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishAhead = English(@"\b(?:next\s+(?:week|time|session)|see\s+you\s+(?:next|soon|later|tomorrow|on)|talk\s+(?:to\s+you\s+)?(?:soon|later|tomorrow)|(?:i'll|i\s+will)\s+(?:come\s+back|let\s+you\s+know))\b");

    private static readonly Regex KoreanAhead = new("다음에|다음 ?주|다음 ?번|또 ?(?:올게|와서|오겠|들를|얘기할게|이야기할게)|내일 ?(?:또|봬|봐)", Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>A question, asked with or without its mark (chat often drops the "?"), after a filler or two ("wait are you a bot").</summary>
    private static readonly Regex EnglishAsking = English(
        @"\?|^\s*(?:(?:wait|ok|okay|so|um|uh|hey|honestly|also|btw|but|and|like|lol|idk|real\s+quick|quick\s+question)[\s,.:-]+)*(?:should|do|does|is|are|am|can|could|would|will|what|how|why|any)\b|\b(?:should\s+i|do\s+you\s+think|is\s+it|am\s+i|how\s+(?:do|can|should)\s+i|what\s+(?:should|can|do)\s+i)\b");

    /// <summary>Korean asks with -까요, -ㄹ까, -인가요, -는지 or the mark; "-니까" (because) and "-인가 봐요" (it seems) do not ask.</summary>
    private static readonly Regex KoreanAsking = new(
        "\\?|까요|[" + FinalRieul + "갈올]까|을까|인가요|건가요|건지|는지|냐",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishWhatToDo = English(
        @"(?:^\s*|[.!?,;]\s*|\b(?:so|and|or|like|then)\s+)do\s+i\s+(?:just\s+|even\s+|still\s+|actually\s+)?(?:tell|say|text|call|wait|quit|leave|stay|go|confront|ask|bring|mention|break|move|keep)\b"
        + @"|\b(?:should\s+i\s+(?:just\s+|even\s+|still\s+|actually\s+)?(?:tell|quit|leave|go|stay|say|text|call|break|take|keep|move|wait|confront|ask|let|do|be|try|apply|report|forgive|give|stop|get|see|cancel|switch|drop|sign|accept|answer|reply|talk|bring|mention|raise|ignore)|what\s+(?:should|would|do)\s+(?:i|you)\s+(?:do|say)|what\s+(?:do|should|can)\s+i\s+(?:even\s+)?(?:tell|say\s+to|text|write)|what\s+would\s+you\s+do|do\s+you\s+think\s+i\s+should|is\s+it\s+(?:better|worth\s+it)\s+to|would\s+it\s+be\s+(?:better|wrong|bad|selfish)\s+(?:to|if))\b");

    private static readonly Regex KoreanWhatToDo = new(
        "(?:는 ?게|게|는 ?편이) ?(?:나을까|좋을까|맞을까|나아요|좋아요\\?|맞는 ?걸까)|해야 ?(?:할까|하나|되나|하는 ?걸까|할지)|뭐라고 ?(?:말|대답|얘기|이야기|답장|답)?(?:해야|하면|할까|하지)|어떻게 ?해야|어떻게 ?할까|(?:말할까|그만둘까|관둘까|헤어질까|끊을까|참을까)(?:요)? ?(?:\\?|$)|어떻게 ?생각하세요",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishIfNormal = English(
        @"\b(?:is\s+(?:it|this|that)\s+(?:normal|weird|wrong|bad|ok|okay|crazy|strange|messed\s+up)|(?:is\s+(?:it|this|that)|am\s+i)\s+(?:just\s+)?overreacting|am\s+i\s+(?:crazy|weird|normal|too\s+sensitive|a\s+bad\s+(?:person|mom|dad|parent|friend)|the\s+only\s+one|being\s+(?:dramatic|too\s+sensitive|silly|ridiculous|unreasonable|petty))|is\s+something\s+wrong\s+with\s+me|does\s+(?:everyone|anyone\s+else)\s+(?:feel|get|do|think)|do\s+other\s+people\s+(?:feel|get|do))\b");

    private static readonly Regex KoreanIfNormal = new(
        "정상(?:인가요|인가 ?\\?|이에요 ?\\?|일까|인 ?건가|이죠 ?\\?)|(?:이상한|예민한|유난인|오바인|나쁜 ?(?:사람|엄마|아빠|딸|아들|친구)인?) ?(?:건가요|건가 ?\\?|걸까|거예요 ?\\?|거야 ?\\?|거죠 ?\\?|거 ?아닌가)|(?:저|나)만 ?그런 ?(?:건가|걸까|거예요 ?\\?)|다들 ?그런가|다른 ?사람들도 ?그런",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishHow = English(
        @"\b(?:how\s+(?:do|can|could|should)\s+i\s+(?:stop|deal|cope|handle|get|make|calm|quit|not|keep|be)|how\s+to\s+(?:stop|deal|cope|handle|calm)|any\s+(?:tips|advice|ideas)|what\s+can\s+i\s+do\s+(?:about|to|when)|is\s+there\s+(?:a\s+way|anything\s+i\s+can\s+do))\b");

    private static readonly Regex KoreanHow = new(
        "어떻게 ?하면|방법(?:이|은|좀)? ?(?:있|없|알려)|어떻게 ?(?:줄이|멈추|멈출|그만|고치|극복|이겨|견디|버티|참|벗어나|떨쳐|잊)|팁 ?(?:좀|있)",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishMedical = English(
        @"\b(?:medication|meds|antidepressants?|ssris?|snris?|benzos?|sertraline|zoloft|prozac|fluoxetine|lexapro|escitalopram|citalopram|paroxetine|venlafaxine|duloxetine|bupropion|wellbutrin|mirtazapine|trazodone|quetiapine|seroquel|lithium|lamotrigine|aripiprazole|abilify|xanax|alprazolam|lorazepam|ativan|clonazepam|klonopin|diazepam|valium|zopiclone|zolpidem|ambien|propranolol|gabapentin|pregabalin|adderall|ritalin|methylphenidate|vyvanse|sleeping\s+pills?|sleep\s+meds|melatonin|prescri\w+|dosage|dose|diagnos\w+|adhd|bipolar|postpartum|post-partum|ppd|psychiatrist|do\s+i\s+have\s+(?:depression|anxiety|ocd|adhd|ptsd|bipolar|an?\s+\w+\s+disorder))\b");

    private static readonly Regex KoreanMedical = new(
        "약[을이은도]? ?(?:먹|복용|처방|끊|줄|늘)|약물|항우울제|항불안제|신경안정제|안정제|수면제|수면 ?유도제|멜라토닌|졸피뎀|스틸녹스|자낙스|알프라졸람|로라제팜|아티반|인데놀|프로프라놀롤|콘서타|메틸페니데이트|렉사프로|졸로프트|프로작|에스시탈로프람|부프로피온|웰부트린|미르타자핀|트라조돈|쿠에티아핀|리튬|처방|진단|우울증(?:인가|일까|인지|이에요|인 ?것|일 ?수)|adhd|ADHD|조울|산후 ?우울|정신과|공황 ?장애(?:인가|일까|인지)",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Regex EnglishAboutCounselor = English(
        @"\b(?:are\s+you\s+(?:a\s+|an\s+)?(?:real|actual|human|a\s+person|a\s+bot|an?\s+ai|ai|a\s+robot|a\s+therapist|a\s+counselor|a\s+counsellor)|is\s+this\s+(?:a\s+bot|an?\s+ai|ai|real|a\s+real\s+person|recorded|saved|private|confidential)|who\s+(?:can\s+)?(?:sees?|reads?)\s+(?:this|these|what\s+i)|does\s+anyone\s+(?:see|read)|do\s+you\s+(?:keep|save|store|remember)|is\s+(?:this|it)\s+(?:being\s+)?(?:recorded|saved|stored|kept))\b");

    private static readonly Regex KoreanAboutCounselor = new(
        "(?:사람|AI|ai|에이아이|인공지능|로봇|봇|챗봇)(?:이에요|이세요|인가요|예요|에요|이야|이지|맞아요|맞죠|이신가요|인 ?거죠|인 ?거예요|임\\?|이냐|냐)|(?:^\\s*|이거|이건|이게|여기|대화|상담|채팅|얘기|이야기|내용)(?:[은는이가도]|들)? ?(?:혹시 ?)?(?:어디 ?)?(?:다 ?)?기록(?:이|은|도|으로|에)? ?남|저장(?:돼|되나|되는|이 ?돼|해 ?두)|누가 ?(?:봐|보|읽)|비밀 ?보장",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>Doubt of the method itself: whether the homework works, what writing it down changes.</summary>
    private static readonly Regex EnglishMethodDoubt = English(
        @"\b(?:(?:does|is)\s+it\s+(?:even|actually|really|ever)\s+(?:work|help|do\s+anything|make\s+a\s+difference)|(?:does|is|will|would)\s+(?:this|that|any\s+of\s+this|writing\s+(?:it|them|things)\s+down|the\s+(?:homework|worksheet|exercise|journal|log|thought\s+record|breathing\s+thing))\s+(?:even\s+|actually\s+|really\s+|ever\s+)?(?:work|help|going\s+to\s+help|gonna\s+help|do\s+anything|make\s+a\s+difference)"
        + @"|what(?:'s|\s+is)\s+(?:even\s+)?the\s+point\s+of\s+(?:this|these|that|writing|doing|tracking|rating|logging|the\s+(?:homework|worksheet|exercise|journal|log|diary|thought\s+record|app|breathing))"
        + @"|how\s+(?:is|does|would|will)\s+(?:this|that|writing\s+(?:it|things)\s+down|talking\s+about\s+it)\s+(?:even\s+|actually\s+)?(?:supposed\s+to\s+)?(?:help|work|change\s+anything)"
        + @"|why\s+(?:do|should)\s+i\s+(?:even\s+)?(?:have\s+to|need\s+to|bother)\s+(?:write|track|rate|log|do\s+(?:this|the\s+homework)))\b");

    private static readonly Regex KoreanMethodDoubt = new(
        "(?:말로|적어|적는다고|써서|쓴다고|한다고|해서|해 ?봤자|해도) ?(?:뭐가|뭐) ?(?:달라|바뀌|변해|변하)|(?:이게|이거|이런 ?게|숙제|기록|연습|일기|적는 ?(?:게|거)|쓰는 ?(?:게|거)|기록하는 ?(?:게|거)) ?(?:(?:매일|계속|진짜|정말|과연|무슨) ?)*(?:효과|도움|의미|소용)(?:가|이)? ?(?:있|돼|되|될|없)",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// A wish: wanting, hoping, wishing, "if only". Ordinary in counseling ("I want to get better", "I wish I'd called her
    /// back") and also how passive ideation is said ("I wish I could just not wake up"); the risk reading asks for a risk
    /// cue beside a wish (<see cref="UtteranceInsight.Alerts"/>).
    /// </summary>
    private static readonly Regex EnglishWishing = English(
        @"\b(?:wish(?:es|ed|ing)?|hop(?:e|es|ed|ing)|want(?:s|ed|ing)?|wanna|(?:would|'d)\s+(?:love|like|rather|give\s+anything)|if\s+only|can't\s+wait|(?:long(?:ing)?|yearn(?:s|ed|ing)?)\s+for|pray(?:ing)?\s+(?:for|that))\b");

    /// <summary>
    /// A wish about the speaker's own past: "I wish I'd called her back", "I really wish I hadn't said that", "wish we'd
    /// never sold the farm".
    /// </summary>
    private static readonly Regex EnglishRegretting = English(
        @"(?:\bI\s+(?:really\s+|just\s+|kind\s+of\s+|kinda\s+|sometimes\s+|still\s+|do\s+)?|^\W*|[.!?]\s+)wish\s+(?:I|we)(?:'d|\s+had|\s+hadn't|\s+had\s+not|\s+never|\s+didn't|\s+did\s+not)\b");

    /// <summary>
    /// What a wish wants when it is plainly a good outcome: passing, a job, health and recovery, being happier, calmer or
    /// a better parent, learning something, a holiday, a trip or a move, a weekend to oneself. Written from what people
    /// hope for, not from corpus lines; a wish to be gone is not said with these words unless a risk cue or one of
    /// <see cref="EnglishSelfErased"/> stands beside them.
    /// </summary>
    private static readonly Regex EnglishWishedGood = English(
        @"\b(?:pass(?:es)?|exams?|uni|university|college|degree|promot\w*|(?:get|gets|got|land|lands|find|finds)\s+(?:the|a|that)\s+job|new\s+job|job\s+offer|interview|succeed\w*|success\w*"
        + @"|healthy|healthier|health|recover\w*|surgery|operation|treatment|heal(?:s|ed|ing)?|get(?:s|ting)?\s+well|sober"
        + @"|happy|happier|happiness|proud|okay|alright|all\s+right|confiden\w*|calm(?:er)?|patient|kinder|organi[sz]ed|productive|motivated|fitter|stronger|braver|assertive"
        + @"|better\s+(?:at|dad|mum|mom|parent|father|mother|husband|wife|partner|friend|person|boss|teacher|version)|learn(?:ing)?\s+(?:to|how)|less\s+of\s+a|more\s+of\s+a|like\s+myself|myself\s+again|say(?:ing)?\s+no|stand\s+up\s+for"
        + @"|holiday|vacation|sabbatical|weekends?|days?\s+off|trip|travel\w*|recharge|couch|sofa|lie[\s-]?in|beach|camping|coffee|bath|netflix|movie|concert"
        + @"|gets?\s+into|getting\s+into|qualif\w*|get(?:s|ting)?\s+help|easier|look\s+up\s+to|be\s+there\s+for|wish\s+(?:\w+\s+){1,3}well|less\s+(?:anxious|stressed|worried|angry|scared|afraid|shy|lonely|tense|grumpy|critical)"
        + @"|nap|lie\s+down|(?:an|one)\s+hour|(?:till|until)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        + @"|good\s+(?:days|news|results?)|mov(?:e|ing)\s+(?:to|abroad|interstate|house|out|back|somewhere|closer)|(?:get|run)\s+away\s+(?:to|from\s+(?:the|all\s+the|my|his|her|their|work|this\s+(?:job|town|city|place)))"
        + @"|leave\s+(?:the|this|my)\s+(?:party|job|group|chat|city|town|flat|country|company|course)|for\s+a\s+(?:while|bit|week|weekend|month)|(?:a\s+)?(?:few|couple\s+(?:of\s+)?)\s*(?:days|weeks|hours))\b");

    /// <summary>Words that turn a good outcome into one without the speaker: forgotten, moved on from, reunited with the dead, found.</summary>
    private static readonly Regex EnglishSelfErased = English(
        @"\b(?:forg[eo]t(?:ten)?\s+(?:about\s+)?me|remember\s+me|mov(?:e|es|ed|ing)\s+on|over\s+me|better\s+place|(?:with|see)\s+(?:him|her|them|mum|mom|dad|nan|gran\w*|grandad|my\s+\w+)\s+again|remarr\w*|replace\s+me|instead\s+of\s+me|finds?\s+me|found\s+me|for\s+good|quick|easier\s+(?:for|on)|heaven|rather|pass(?:ed|es|ing)?\s+away)\b");

    /// <summary>The Korean good outcomes of <see cref="EnglishWishedGood"/>: 합격, 취업, 건강, 회복, 행복, 잘 되다, 여행, 이사, 휴가, 사람이 되다.</summary>
    private static readonly Regex KoreanWishedGood = new(
        "건강|합격|붙(?:었|기|으면|을)|취업|취직|승진|이직|좋게|좋은 ?(?:일|사람|결과|소식)|행복|나았으면|낫기|회복|완치|치료 ?잘|수술 ?잘"
        + "|잘 ?(?:되|됐|봤|받|크|컸|지내|지냈|풀리|풀렸|나왔|했으면|하고 ?싶)|자랑스러|믿어 ?(?:줬|주)|인정받|칭찬|연락하|화해|사과하|사과했|다시 ?친해"
        + "|여행|이사|워홀|유학|해외|고향|전역|휴가|안식년|주말|휴일|연차|캠핑|맛있|커피|한 ?끼|목욕|운동|헬스|다이어트|살 ?빼|공부|자격증|배우고|배워"
        + "|(?:사람|엄마|아빠|딸|아들|부모|어른|선생님?)(?:[이가]? ?(?:되|됐|돼)|였으면|이었으면)|차분|여유|자신감|당당|일찍 ?(?:일어나|자|들어가|퇴근)|숨 ?돌|내 ?시간|둘째|임신|결혼|연애|손주|일자리|별거 ?아니|오래오래|무사히"
        + "|등급|점수|성적|(?:말|표현)할 ?(?:수|줄)|덜 ?(?:엄격|예민|불안|아프|걱정|화내|짜증)|방학|온천|생일|텃밭|노후|전근|발령|부서|내근|(?:야근|근무|출근|수업|알바) ?없는"
        + "|잠깐(?:만)?|며칠|하루만|한 ?주만|일주일|\\d+ ?(?:시간|분)|(?:한|두|세|열두) ?시간|십 ?분|(?:업계|회사|직장|학교|동네|서울)[을를에서]* ?(?:뜨|나가|옮기|그만두)",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// The Korean <see cref="EnglishSelfErased"/>: 잊다, 기억, 나 같은, 먼저 가다, 곁으로, 만나러, 하늘, 먼 곳, 없는 사람, not
    /// having been borne ("안 낳았으면"); a Korean regret that says them is not an ordinary regret either.
    /// </summary>
    private static readonly Regex KoreanSelfErased = new(
        "잊|기억|차라리|대신|나 ?(?:같은|따위)|먼저 ?가|곁으로|만나러|보러 ?가|다음 ?생|하늘|저세상|편히|먼 ?(?:곳|여행|길)|투명|없는 ?사람|아무도 ?아닌|안 ?낳|낳지 ?(?:말|않)",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// A wish that a named thing stop or end: "I want the arguments to end", "I'd like to stop gambling", "end things with
    /// Mark". What stops is the group <c>thing</c> (a noun phrase) or <c>doing</c> (what the speaker would stop doing), the
    /// stop word the group <c>stop</c>; <see cref="StopsSomethingOrdinary"/> refuses the speaker, life, pain, the thoughts,
    /// "it", "this" and "everything".
    /// </summary>
    private static readonly Regex EnglishStopWish = English(
        @"\b(?:(?:want|wish|(?:would|'d)\s+(?:love|like)|hope)\s+(?:for\s+)?|make\s+)(?<thing>(?:the|my|this|that|these|those|his|her|our|their|all\s+the|mum's|mom's|dad's)\s+[\w\x27\u2019-]+(?:\s+[\w\x27\u2019-]+){0,5}?)\s+(?:to\s+|would\s+)?(?:just\s+|finally\s+|already\s+)?(?<stop>stop|end|be\s+over|finish|die\s+down|calm\s+down|go\s+away|quit)\b"
        + @"|\b(?:want|wanna|(?:would|'d)\s+(?:love|like)|wish\s+I\s+could)\s+to\s+(?:just\s+|finally\s+)?(?:(?<stop>stop|quit|give\s+up|cut\s+(?:down|back)\s+on|kick|be\s+done\s+with)\s+(?<doing>[\w\x27\u2019-]+(?:\s+(?:myself|me|my\s+\w+|everyone|everybody|people|them|him|her|us))?)|(?<stop>end)\s+(?<thing>(?:the|my|this|that)\s+[\w\x27\u2019-]+))"
        + @"|\b(?<stop>end|finish)\s+(?:things|it)\s+with\s+(?<thing>[\w\x27\u2019-]+)");

    /// <summary>What a thing that stops may not be in English: the speaker's life, body or heart, pain, the thoughts, or nothing named.</summary>
    private static readonly Regex EnglishNotAThing = English(
        @"\b(?:me|myself|I|it|all|everything|anything|life|living|breathing|existing|pain|hurt|hurting|suffering|thoughts?|voices?|world|heart|body|feelings?)\b");

    /// <summary>
    /// What a doing a stop wish ends may not be in English: besides <see cref="EnglishNotAThing"/>, being, trying, fighting,
    /// feeling, caring, eating, waking, harm to oneself, and the people the speaker weighs on ("stop dragging my mum down").
    /// </summary>
    private static readonly Regex EnglishNotADoing = English(
        @"\b(?:this|that|now|things|being|trying|fighting|feeling|caring|eating|waking|hitting|scratching|starving|purging|harming|punishing|bleeding|arms?|wrists?|skin"
        + @"|everyone|everybody|people|them|him|her|us|family|mum|mom|dad|parents|kids|children|wife|husband|partner)\b");

    /// <summary>Hangul syllables ending in ㄴ: a verb's -는 / -(으)ㄴ before 거 makes the doing a Korean stop wish ends.</summary>
    private static readonly string FinalNieun = string.Concat(SyllablesEndingIn(4));

    /// <summary>
    /// The Korean stop wish: a thing ("공황이", "이 관계", "근무는"), or a doing ("싸우는 거", "피곤한 거"), then 그만, 끝, 멈추,
    /// 끊, 없어지 or 사라지 ("공황 좀 그만 왔으면", "이 프로젝트 빨리 끝났으면", "곱씹는 거 그만하고 싶어", "담배 끊고 싶어요").
    /// A thing without a particle is read only right before the stop word or its adverb, and not as an adverb or a verb's
    /// ending (-로, -서, -고, -히, -이, -게, -다, -요, -어, -지, -면 ...: "내 손으로 끝내고", "사고 나서 끝났으면", "벌 받는 것
    /// 같아요 빨리 끝났으면"); the stop word must be what is wished (-고 싶, -았으면, not "야간 끝나고는": after the shift
    /// ends).
    /// </summary>
    private static readonly Regex KoreanStopWish = new(
        "(?:(?<doing>[가-힣]*[" + FinalNieun + "]) ?(?:거|것|게|걸|건)[이가을를은는도]?|(?<thing>[가-힣]+?)(?:[이가을를은는도]|이랑|랑)|(?<thing>[가-힣]*[가-힣-[로서고히이게다요어아지데면야까죠네]])(?= (?:좀|이제|빨리|제발|얼른|좀만|더는|그만|끝|멈|끊)))"
        + "(?: (?:좀|이제|빨리|그냥|제발|진짜|진짜로|얼른|좀만|더는))* ?(?<stop>그만|끝나|끝났|끝내|멈추|멈췄|멈춰|멈춘|끊고|끊었|끊기|끊을|없어지|없어졌|없어져|사라지|사라졌|사라져)(?=[가-힣 ]{0,6}?(?:싶|좋겠|으면|바라|바래|기를|길))",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// What a Korean stop wish may not be about: the speaker, life, everything, breath, the body, the world, here, a day,
    /// or an adverb read as the thing ("빨리 끝났으면": the speaker's own end).
    /// </summary>
    private static readonly Regex KoreanNotAThing = new(
        "^(?:.*다|없|빨리|좀|제발|얼른|좀만|더는|진짜|진짜로|정말|차라리|이대로|아예|어서|확|콱|싹|그저|그만|전부|모든|모두|자체|인생|삶|생|나|내|저|제|숨|목숨|심장|몸|세상|이제|여기|여기서|그냥|걍|영영|이|그|이거|그거|이게|그게|이것|그것|다들|우리|같은|하나|혼자|오늘|내일|아침|연락)$",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// The speaker's own thing right before a Korean stop wish ("내 시간이 멈췄으면", "나라는 사람이 없어졌으면"): read as the
    /// speaker's end, not an ordinary thing's, even where the thing is ordinary ("내 두통이").
    /// </summary>
    private static readonly Regex KoreanOwn = new(
        "(?:^|[\\s,.!?~])(?:내|제|나의|저의|나라는|저라는|나 ?같은|저 ?같은|이 ?모든)\\s*$",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>The doings a Korean stop wish may not end: living, breathing, holding on, existing, hurting oneself.</summary>
    private static readonly Regex KoreanNotADoing = new(
        "^(?:모든|사는|살아가는|살아있는|숨쉬는|쉬는|버티는|견디는|존재하는|애쓰는|노력하는|같은|있는|태어난|되는|박는|때리는|긋는|찍는|할퀴는|굶는|토하는|자해하는|해치는|이런|그런|저런|이렇게|다른)$",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// Hangul syllables ending in ㅆ (았, 었, 였, 했, 됐, 났, 줬 ...): before 으면 they make the wished-for past, "if only it
    /// had", of any verb. Not 있: "혼자 있으면" is a plain "if".
    /// </summary>
    private static readonly string FinalSsangSios = string.Concat(SyllablesEndingIn(20).Where(c => c != '있'));

    /// <summary>The Korean wish: -고 싶다, -(았/었)으면 좋겠다 / 하다, 바라다 (not 바라보다), 원하다, 빌다 (not 빌어먹을), 소원.</summary>
    private static readonly Regex KoreanWishing = new(
        "싶|좋겠|바라(?!보)|바랐|바래|원해|원하|원했|[" + FinalSsangSios + "]으면|으면 ?해(?:요|$|[\\s.!?~])|빌어(?!먹)|빌었|소원",
        Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>
    /// A Korean wish about the speaker's own past: -ㄹ걸 ("더 잘해줄걸"), -았더라면, -았으면 좋았을 텐데, -았으면 어땠을까,
    /// -았어야 했는데 ("주식 안 했으면 좋았을 텐데", "전공 다르게 골랐으면 어땠을까"), and time turned back ("스무 살 때로
    /// 돌아가고 싶다", "시간을 돌릴 수 있으면", "다시 고를 수 있으면").
    /// </summary>
    private static readonly Regex KoreanRegretting = new(
        "(?:[" + string.Concat(SyllablesEndingIn(8)) + "]|을) ?걸(?:요|$|[^가-힣])|[" + FinalSsangSios + "](?:더라면|으면 ?좋았|으면 ?어땠|어야 ?했는데)|(?:때|시절)로 ?돌아가|시간 ?(?:을 ?)?(?:돌리|되돌리|돌릴|되돌릴)|다시 ?(?:고르|고를|골라|선택)",
        Interpreted, AnalysisRegex.MatchTimeout);

    private static readonly Lexicon EnglishWords = new(
        EnglishPlan, EnglishInsight, EnglishGoodbye, EnglishThanks, EnglishHelped, EnglishReassurance, EnglishDailyLife, EnglishAhead, EnglishWishing,
        new(EnglishAsking, EnglishWhatToDo, EnglishIfNormal, EnglishHow, EnglishMedical, EnglishAboutCounselor, EnglishMethodDoubt));

    private static readonly Lexicon KoreanWords = new(
        KoreanPlan, KoreanInsight, KoreanGoodbye, KoreanThanks, KoreanHelped, KoreanReassurance, KoreanDailyLife, KoreanAhead, KoreanWishing,
        new(KoreanAsking, KoreanWhatToDo, KoreanIfNormal, KoreanHow, KoreanMedical, KoreanAboutCounselor, KoreanMethodDoubt));

    /// <summary>Whether <paramref name="text"/> asks something (a question mark, or a question's opening or ending).</summary>
    /// <exception cref="RegexMatchTimeoutException">The match timed out (the risk reading that asks is retried, see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool Asks(string text, TextLanguage language) =>
        (language == TextLanguage.Korean ? KoreanWords : EnglishWords).Questions.Asking.IsMatch(text);

    /// <summary>Whether <paramref name="text"/> voices a wish (wanting, hoping, wishing; -고 싶다, -으면 좋겠다).</summary>
    /// <exception cref="RegexMatchTimeoutException">The match timed out (the risk reading is retried, see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool Wishes(string text, TextLanguage language) =>
        (language == TextLanguage.Korean ? KoreanWords : EnglishWords).Wishing.IsMatch(text);

    /// <summary>
    /// Whether <paramref name="text"/> wishes the speaker's own past otherwise: "I wish I'd called her back", "I really wish
    /// I hadn't said that", "엄마한테 더 잘해드릴걸", "그 회사 안 들어갔으면 좋았을 텐데"; not a Korean regret that leaves the
    /// speaker out ("엄마가 나 같은 딸은 안 낳았으면 좋았을 텐데").
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match timed out (the risk reading is retried, see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool Regrets(string text, TextLanguage language) =>
        language == TextLanguage.Korean ? KoreanRegretting.IsMatch(text) && !KoreanSelfErased.IsMatch(text) : EnglishRegretting.IsMatch(text);

    /// <summary>
    /// Whether <paramref name="text"/> wishes for a plainly good outcome (passing, health, a holiday, being a better parent,
    /// someone else doing well) with nothing that leaves the speaker out of it: "이번엔 붙었으면 좋겠다", "I hope my daughter
    /// gets into the uni she wants". The risk reading asks for a risk cue beside such a wish.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match timed out (the risk reading is retried, see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool WishesWell(string text, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanWords.Wishing.IsMatch(text) && KoreanWishedGood.IsMatch(text) && !KoreanSelfErased.IsMatch(text)
        : EnglishWords.Wishing.IsMatch(text) && EnglishWishedGood.IsMatch(text) && !EnglishSelfErased.IsMatch(text);

    /// <summary>
    /// Whether <paramref name="text"/> wishes that a named ordinary thing stop or end (a habit, a feeling, a quarrel, a
    /// job, a noise: "I want the arguments to end", "공황 좀 그만 왔으면") and holds no risk cue besides that stop word:
    /// not the speaker, life, pain, the thoughts or everything ("I want it all to stop", "다 끝내고 싶어", "사는 거 그만하고
    /// 싶어").
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match timed out (the risk reading is retried, see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool StopsSomethingOrdinary(string text, TextLanguage language)
    {
        var korean = language == TextLanguage.Korean;
        if (!(korean ? KoreanWords : EnglishWords).Wishing.IsMatch(text))
        {
            return false;
        }

        foreach (Match stop in (korean ? KoreanStopWish : EnglishStopWish).Matches(text))
        {
            if (korean && KoreanOwn.IsMatch(text.AsSpan(0, stop.Index)))
            {
                continue;
            }

            var (doing, thing) = (stop.Groups["doing"], stop.Groups["thing"]);
            var named = korean
                ? (doing.Success ? !KoreanNotADoing.IsMatch(doing.Value) : !KoreanNotAThing.IsMatch(thing.Value))
                : (doing.Success ? !EnglishNotAThing.IsMatch(doing.Value) && !EnglishNotADoing.IsMatch(doing.Value) : !EnglishNotAThing.IsMatch(thing.Value));
            var word = stop.Groups["stop"];
            if (named && !RiskCues.Any(string.Concat(text.AsSpan(0, word.Index), " ", text.AsSpan(word.Index + word.Length)), language))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The moves in <paramref name="text"/>; <paramref name="riskRaised"/> (the turn raised an alert) leaves only what a safety reply can use, a reassurance.</summary>
    public static TurnMoves Read(string text, TextLanguage language, bool riskRaised) =>
        Read(text, language, riskRaised, static (text, language) => UtteranceInsight.Shipped.ReadRisk(text, language).Probability);

    /// <summary><see cref="Read(string, TextLanguage, bool)"/> with the risk model's second look given, so tests can make it time out.</summary>
    internal static TurnMoves Read(string text, TextLanguage language, bool riskRaised, Func<string, TextLanguage, float> riskProbability)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return AnalysisRegex.Retried(
                (text, language, riskRaised, riskProbability), static turn => ReadMoves(turn.text, turn.language, turn.riskRaised, turn.riskProbability));
        }
        catch (RegexMatchTimeoutException)
        {
            // Phrases that could not be read even on the retry (the thread stalled twice) leave the plain reply: no step
            // praised, no goodbye taken at its word, a safety reply not softened.
            return TurnMoves.None;
        }
    }

    private static TurnMoves ReadMoves(string text, TextLanguage language, bool riskRaised, Func<string, TextLanguage, float> riskProbability)
    {
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
        var doubtful = new Lazy<bool>(() => cue && Doubts(text, language, riskProbability));
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

        // "진단은 병원에서 받는 거고.. 타이머 해보라는 거죠? 해볼게요": a turn that ends on a plan has answered its own
        // question (whether or not the plan is praised: near a risk cue it is not).
        if (LastSentence(text) is { } last && words.Plan.IsMatch(last) && !words.Questions.Asking.IsMatch(last))
        {
            return moves;
        }

        return moves | Questions(text, words.Questions);
    }

    /// <summary>
    /// Whether the risk model leans towards risk; a look that timed out even on its retry is doubt, so a goodbye or an
    /// insight near a risk word is not taken at its word (and the turn is not lost to the timeout).
    /// </summary>
    private static bool Doubts(string text, TextLanguage language, Func<string, TextLanguage, float> riskProbability)
    {
        try
        {
            return AnalysisRegex.Retried((text, language, riskProbability), static s => s.riskProbability(s.text, s.language)) >= DoubtFrom;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>The turn's last sentence when it has more than one, else null.</summary>
    private static string? LastSentence(string text)
    {
        var end = text.AsSpan().TrimEnd();
        var start = end.TrimEnd(".!?…").LastIndexOfAny(".!?…\n");
        return start < 0 ? null : end[(start + 1)..].ToString();
    }

    /// <summary>The direct questions put to the counselor in <paramref name="text"/>: only in a turn that asks at all.</summary>
    private static TurnMoves Questions(string text, QuestionLexicon questions)
    {
        if (!questions.Asking.IsMatch(text))
        {
            return TurnMoves.None;
        }

        var moves = TurnMoves.None;
        moves |= questions.WhatToDo.IsMatch(text) ? TurnMoves.AsksWhatToDo : TurnMoves.None;
        moves |= questions.IfNormal.IsMatch(text) ? TurnMoves.AsksIfNormal : TurnMoves.None;
        moves |= questions.How.IsMatch(text) ? TurnMoves.AsksHow : TurnMoves.None;
        moves |= questions.Medical.IsMatch(text) ? TurnMoves.AsksMedical : TurnMoves.None;
        moves |= questions.AboutCounselor.IsMatch(text) ? TurnMoves.AsksAboutCounselor : TurnMoves.None;
        moves |= questions.MethodDoubt.IsMatch(text) ? TurnMoves.DoubtsTheMethod : TurnMoves.None;
        return moves;
    }

    /// <summary>The Hangul syllables whose final consonant is <paramref name="final"/> (the Unicode order: 8 ㄹ, 20 ㅆ).</summary>
    private static IEnumerable<char> SyllablesEndingIn(int final) =>
        Enumerable.Range(0, 11172).Where(i => i % 28 == final).Select(i => (char)(0xAC00 + i));

    /// <summary>Case-insensitive, with either apostrophe, since transcripts come from many keyboards and recognisers.</summary>
    private static Regex English(string pattern) =>
        new(pattern.Replace("'", "['’]", StringComparison.Ordinal), RegexOptions.IgnoreCase | Interpreted, AnalysisRegex.MatchTimeout);

    /// <summary>One language's phrase lists.</summary>
    private sealed record Lexicon(
        Regex Plan, Regex Insight, Regex Goodbye, Regex Thanks, Regex Helped, Regex Reassurance, Regex DailyLife, Regex Ahead, Regex Wishing,
        QuestionLexicon Questions);

    /// <summary>One language's question phrases: whether the turn asks, and what about.</summary>
    private sealed record QuestionLexicon(Regex Asking, Regex WhatToDo, Regex IfNormal, Regex How, Regex Medical, Regex AboutCounselor, Regex MethodDoubt);
}
