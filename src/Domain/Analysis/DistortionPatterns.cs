using System.Text.RegularExpressions;
using static BeMore.Domain.Analysis.DistortionSeverity;
using static BeMore.Domain.Analysis.DistortionType;

namespace BeMore.Domain.Analysis;

/// <summary>
/// The phrase patterns behind <see cref="DistortionDetector"/>. English patterns match whole words
/// (\b); Korean ones start at an eojeol boundary (<c>(?&lt;![가-힣])</c>) and spell out the endings
/// they accept, so "오늘" never reads as "늘" and "나는 ... 봤어요" never as a self-label.
/// </summary>
internal static class DistortionPatterns
{
    private const string KoStart = "(?<![가-힣])";

    /// <summary>Negative self-labels: the nouns a person calls themselves when labeling.</summary>
    private const string EnSelfLabelNoun =
        @"(?:loser|idiot|failure|moron|fool(?!\s+for\b)|disgrace|fraud|burden|joke|waste\s+of\s+space|nobody|screw-?up|disappointment|coward|freak|parasite|reject)";

    /// <summary>A label ends its clause or is followed by a linking word, so "an idiot savant" or "a fool for cake" is no label.</summary>
    private const string EnLabelEnd =
        @"(?=\s*(?:[.,!?;:)]|$|\s+(?:for|who|because|and|but|to|at|in|like|again|anyway|sometimes|all|when|if|that|so|with|of|now|lol|honestly|really)\b))";

    /// <summary>"She thinks I'm stupid" reports someone else's (imagined) view; "I think I'm stupid" is the speaker's own label.</summary>
    private const string EnNotReported = @"(?<!(?<!\bI\s+)\b(?:thinks?|believes?|says?|said|thought|knows?)\s+(?:that\s+)?)";

    private const string EnNegativeTrait =
        @"(?:stupid|an?\s+(?:idiot|loser|failure|joke|fraud|burden)|weird|boring|annoying|ugly|useless|incompetent|pathetic|crazy|lazy|worthless|hopeless|dumb|selfish|strange|too\s+much|clingy|desperate|a\s+mess)";

    private const string KoSelfSubject = KoStart + "(?:나는|난|저는|전|나|내가|제가)";

    private const string KoSelfLabelNoun =
        "(?:(?:완전한|구제불능인?|한심한|쓸모없는|무능한|못난|멍청한|형편없는|최악의|인생) )?" +
        "(?:실패자|패배자|루저|바보|멍청이|쓰레기|낙오자|얼간이|찌질이|병신|못난이|등신|민폐|짐짝|짐덩어리|구제불능|실패작|인간쓰레기|" +
        "(?:한심한|쓸모없는|무능한|못난) (?:놈|인간|사람|애|존재)|최악의 (?:인간|사람|엄마|아빠|딸|아들|친구)|나쁜 (?:엄마|아빠|딸|아들|친구|사람))";

    /// <summary>The copulas and endings that make a noun a predicate ("바보야", "실패자라서"), not an object ("쓰레기를").</summary>
    private const string KoCopula =
        @"(?! ?같은 (?:실수|짓|말|행동|질문|생각))(?:야|이야|다|이다|예요|이에요|입니다|일 뿐|이었|였|인가|라서|이라서|인 거|일 거|같|이지|지|이네|네|잖아|이잖아|인데|라고|이라고|\s*[.!?,]|\s*$)";

    public static IReadOnlyList<DistortionPattern> English { get; } =
    [
        // All-or-nothing: perfection or worthlessness, nothing in between.
        En(AllOrNothing, High, 0.9, @"\b(?:either|it's|it\s+is)\s+(?:perfect|flawless|100\s?%)\s+or\s+(?:it's\s+|I'm\s+|it\s+is\s+)?(?:worthless|garbage|nothing|useless|a\s+failure|trash|pointless|a\s+disaster)\b"),
        En(AllOrNothing, High, 0.85, @"\b(?:if|unless)\b[^.!?]{0,30}\b(?:perfect|perfectly|flawless|the\s+best|number\s+one|first\s+place|an\s+A|straight\s+A's)\b[^.!?]{0,40}?\b(?:worthless|useless|(?:a\s+)?(?:total\s+|complete\s+)?failure|failed|pointless|garbage|no\s+point|(?:a\s+)?waste|nothing|ruined|(?:don't|doesn't)\s+count|loser|why\s+(?:even\s+)?(?:do|bother|try))\b"),
        En(AllOrNothing, High, 0.9, @"\b(?:anything|something)\s+(?:less\s+than|short\s+of)\s+(?:perfect|perfection|the\s+best|100\s?%|first\s+place)\s+(?:is|means|equals)\b"),
        En(AllOrNothing, Medium, 0.8, @"\b(?:it's|it\s+is|it\s+was|this\s+is|that\s+was|that's|the\s+whole\s+\w+\s+(?:is|was))\s+(?:a\s+)?(?:complete|total|utter|absolute)\s+(?:failure|disaster|waste|loss|mess|write-?off)\b"),
        En(AllOrNothing, Medium, 0.75, @"\bI\s+(?:completely|totally|utterly|entirely)\s+(?:failed|ruined|blew\s+it|messed\s+(?:it\s+)?up|screwed\s+(?:it\s+)?up|wasted)\b"),
        En(AllOrNothing, Medium, 0.75, @"\bnothing\s+(?:I\s+(?:do|did|make|made)\s+(?:is|was|ever\s+is)\s+|went\s+|goes\s+|is\s+going\s+)(?:right|well|good\s+enough|okay)\b"),
        En(AllOrNothing, Medium, 0.75, @"\b(?:everything|it\s+all)\s*(?:is|was|'s)\s+(?:ruined|wrong|pointless|wasted|a\s+lie)\b"),

        // Catastrophizing: the worst outcome taken as certain or unbearable.
        En(Catastrophizing, High, 0.9, @"\b(?:it's|it\s+is|it\s+will\s+be|it'll\s+be|it\s+would\s+be|this\s+is|that's|that\s+would\s+be)\s+(?:the\s+end\s+of\s+the\s+world|a\s+catastrophe|the\s+end\s+of\s+everything)\b"),
        En(Catastrophizing, High, 0.85, @"\b(?:it|(?:this|that|the)(?:\s+\w+)?|tomorrow|everything)\s*(?:will|'ll|is\s+going\s+to|would)\s+(?:be|turn\s+into)\s+(?:a\s+)?(?:total\s+|complete\s+|absolute\s+)?(?:disaster|catastrophe|nightmare)\b"),
        En(Catastrophizing, High, 0.85, @"\b(?:my|our)\s+(?:life|career|future|marriage|family|relationship)\s*(?:is|will\s+be|would\s+be|'s|is\s+going\s+to\s+be)\s+(?:over|ruined|destroyed|finished)\b"),
        En(Catastrophizing, Medium, 0.75, @"\bwhat\s+if\b[^.!?]{0,50}\b(?:die|dies|dying|dead|fired|lose\s+everything|lose\s+my\s+(?:job|house|mind)|homeless|never\s+(?:recover|get\s+better)|crash(?:es)?|cancer|falls?\s+apart)\b"),
        En(Catastrophizing, High, 0.85, @"\b(?:I'll|I\s+will|I'm\s+going\s+to|we'll)\s+(?:end\s+up|be\s+left)\s+(?:homeless|on\s+the\s+street|alone\s+forever|with\s+nothing|broke\s+and\s+alone)\b"),
        En(Catastrophizing, High, 0.85, @"\b(?:everything|my\s+whole\s+life|it\s+all)\s*(?:is\s+going\s+to|will|'s\s+going\s+to|is\s+about\s+to)\s+(?:fall\s+apart|collapse|come\s+crashing\s+down|be\s+ruined)\b"),
        En(Catastrophizing, Medium, 0.75, @"\b(?:I'll\s+never|I\s+will\s+never|I'm\s+never\s+going\s+to|I\s+could\s+never)\s+(?:recover|get\s+over)\s+(?:from\s+)?(?:this|it)\b"),
        En(Catastrophizing, High, 0.8, @"\b(?:I|we)\s+(?:won't|will\s+not|can't|cannot)\s+survive\s+(?:this|it|another)\b"),
        En(Catastrophizing, Medium, 0.75, @"\bsomething\s+(?:terrible|awful|horrible|catastrophic)\s+(?:is\s+going\s+to|will|is\s+about\s+to)\s+happen\b"),

        // Disqualifying the positive: successes and praise explained away.
        En(DisqualifyingThePositive, High, 0.9, @"\b(?:it|that|this)\s*(?:was|is|'s)\s+(?:just|only|pure|sheer|dumb|blind)\s+(?:luck|a\s+fluke|chance|coincidence)\b"),
        En(DisqualifyingThePositive, Medium, 0.85, @"\bI\s+(?:just|only)\s+got\s+lucky\b"),
        En(DisqualifyingThePositive, High, 0.9, @"\b(?:they|he|she|people|everyone|my\s+\w+)\s*(?:were|was|are|is|'re|'s)\s+(?:just|only)\s+being\s+(?:nice|polite|kind|generous|friendly)\b"),
        En(DisqualifyingThePositive, High, 0.9, @"\b(?:they|he|she|people|my\s+\w+)\s+(?:only|just)\s+(?:said|say|says)\s+(?:that|it|so)\s+(?:to\s+be\s+(?:nice|polite|kind)|because\s+(?:they|he|she)\s+(?:had\s+to|felt\s+sorry|pit(?:y|ied)))"),
        En(DisqualifyingThePositive, Medium, 0.75, @"\b(?:anyone|anybody)\s+could\s+have\s+(?:done|passed|managed|gotten|got|won|made)\s+(?:that|it|this)\b"),
        En(DisqualifyingThePositive, High, 0.85, @"\b(?:promotion|grade|good\s+grades?|award|praise|compliments?|raise|win|success|score|achievement|progress)\s+(?:doesn't|does\s+not|don't|do\s+not|didn't)\s+(?:really\s+)?(?:count|mean\s+(?:anything|much|a\s+thing)|prove\s+anything)\b"),
        En(DisqualifyingThePositive, Medium, 0.75, @"\b(?:they|he|she)\s+(?:only|just)\s+(?:hired|chose|picked|promoted|accepted)\s+me\s+because\b"),

        // Emotional reasoning: a feeling taken as proof.
        En(EmotionalReasoning, High, 0.85, @"\bI\s+feel\s+(?:so\s+|really\s+|very\s+)?(?:like\s+)?(?:an?\s+)?(?:guilty|anxious|scared|afraid|stupid|worthless|useless|ugly|unlovable|ashamed|hopeless|nervous|jealous|inadequate|incompetent|rejected|unwanted|dumb|awful|terrible|embarrassed|uneasy|idiot|failure|burden|fraud|loser|outsider)\b[^.!?]{0,20}?\s+(?:so|therefore|which\s+means|that\s+means|it\s+means|then)\s+(?:I|it|this|they|he|she|everyone|something|that|there)\b[^.!?]{0,20}?\b(?:must|has\s+to|have\s+to|am\s+(?:one|stupid|worthless|useless|unlovable|incompetent|a\s+failure|a\s+burden|a\s+fraud)|is\s+(?:true|real|doomed))\b"),
        En(EmotionalReasoning, High, 0.85, @"\bif\s+I\s+feel\s+(?:this|so|that)\s+(?:\w+\s+)?(?:anxious|scared|nervous|bad|guilty|afraid|worried|uneasy|stupid|ugly|awful)\b[^.!?]{0,20}?\b(?:something|it|there|I|this)\s+(?:must|has\s+to|have\s+to)\b"),
        En(EmotionalReasoning, Medium, 0.8, @"\b(?:because|since)\s+I\s+feel\s+[^.!?,]{1,30},\s*(?:it|I|this|they|he|she|something|there|that)\s+(?:must|has\s+to)\s+be\b"),
        En(EmotionalReasoning, High, 0.85, @"\b(?:it|that|this)\s+feels\s+(?:so\s+)?(?:true|real|wrong|hopeless|dangerous|bad),?\s+(?:so|therefore)\s+it\s+(?:must|has\s+to)\s+be\b"),

        // Jumping to conclusions: mind reading and fortune telling.
        En(JumpingToConclusions, Medium, 0.8, @"\b(?:he|she|they|everyone|everybody|people|my\s+\w+|the\s+\w+)\s+(?:must|probably|definitely|obviously|clearly|all)\s+(?:think|thinks|believe|believes)\s+(?:that\s+)?(?:I'm|I\s+am|I\s+was|I\s+look)\s+(?:so\s+|really\s+|such\s+)?" + EnNegativeTrait + @"\b"),
        En(JumpingToConclusions, High, 0.85, @"\b(?:I\s+(?:just\s+)?know|I'm\s+(?:sure|certain)|I\s+can\s+tell|obviously|clearly)\s+(?:that\s+)?(?:he|she|they|everyone|everybody|people|my\s+\w+|the\s+\w+)\s*(?:hates?\s+me|dislikes?\s+me|(?:don't|doesn't)\s+(?:like|want|care\s+about)\s+me|(?:is|are|'s|'re)\s+(?:mad|angry|annoyed|upset|disappointed|laughing|judging|talking)|wants?\s+to\s+(?:leave|break\s+up|fire|dump))"),
        En(JumpingToConclusions, High, 0.8, @"\b(?:he|she|they|my\s+\w+)\s+(?:must|probably)\s+(?:be|is|are)\s+(?:mad|angry|annoyed|upset|disappointed|fed\s+up|sick\s+of|tired\s+of)\s+(?:at|with|of)?\s*me\b"),
        En(JumpingToConclusions, High, 0.85, @"\b(?:hasn't|didn't|haven't|isn't|wasn't|won't)\s+(?:texted|called|replied|answered|written|responded|reply|text|call|answer|respond|replying|answering)\b[^.!?]{0,40}?\b(?:hates?\s+me|mad\s+at\s+me|angry\s+with\s+me|(?:doesn't|don't)\s+(?:like|care\s+about|want)\s+me|ignoring\s+me|done\s+with\s+me|over\s+me)\b"),
        En(JumpingToConclusions, High, 0.85, @"\b(?:I\s+(?:just\s+)?know|I'm\s+(?:sure|certain)|I\s+bet)\s+(?:that\s+)?(?:I'll|I\s+will|I'm\s+going\s+to|it'll|it\s+will|it's\s+going\s+to|they'll|they\s+will|he'll|she'll|(?:this|the|my)(?:\s+\w+)?\s+(?:will|is\s+going\s+to))\s+(?:\w+\s+)?(?:fail|bomb|flop|go\s+(?:badly|wrong)|be\s+(?:a\s+disaster|rejected|terrible|awful|fired)|mess\s+(?:it\s+)?up|screw\s+(?:it\s+)?up|reject\s+me|say\s+no|laugh\s+at\s+me|hate\s+(?:me|it)|not\s+(?:get|pass|like|want|work)|never|get\s+fired|lose)\b"),
        En(JumpingToConclusions, Medium, 0.8, @"\bthere's\s+no\s+(?:point|use)\s+(?:in\s+)?(?:trying|applying|asking|going|calling)\b[^.!?]{0,40}?\b(?:they'll|they\s+will|it'll|it\s+will|he'll|she'll|I'll|I\s+will)\b"),
        En(JumpingToConclusions, Medium, 0.75, @"\bI'll\s+(?:never|definitely\s+not)\s+(?:find|get|be|have|make|pass|meet)\s+(?:a\s+job|anyone|anybody|love|a\s+partner|happy|better|friends|the\s+job|a\s+girlfriend|a\s+boyfriend|married)\b"),
        En(JumpingToConclusions, High, 0.8, @"\b(?:they|he|she|everyone|people)\s*(?:are|is|'re|'s|will|'ll)\s+(?:all\s+)?(?:going\s+to\s+|gonna\s+|definitely\s+|surely\s+|probably\s+)?(?:laugh\s+at|hate|judge|reject|leave|fire|dump|make\s+fun\s+of)\s+me\b"),

        // Labeling: a global judgement of a person instead of a behaviour.
        En(Labeling, High, 0.9, EnNotReported + @"\b(?:I'm|I\s+am|I\s+was|I've\s+always\s+been)\s+(?:(?:such|just|really|so|a)\s+)*?(?:an?\s+)?(?:(?:total|complete|absolute|utter|stupid|worthless|pathetic|useless|big|huge)\s+)?" + EnSelfLabelNoun + EnLabelEnd),
        En(Labeling, Medium, 0.8, EnNotReported + @"\b(?:I'm|I\s+am)\s+(?:so\s+|such\s+|just\s+|really\s+|completely\s+|totally\s+|utterly\s+)?(?:worthless|useless|pathetic|stupid|unlovable|defective|incompetent|disgusting|dumb|a\s+waste)\b"),
        En(Labeling, High, 0.9, @"\bwhat\s+an?\s+(?:idiot|loser|failure|moron|fool|disgrace)\s+I\s+am\b"),
        En(Labeling, High, 0.85, EnNotReported + @"\bI'm\s+(?:just\s+)?(?:such\s+)?(?:a\s+)?(?:bad|terrible|horrible|awful|useless|worthless|lousy|pathetic)\s+(?:person|mother|father|mom|dad|friend|wife|husband|son|daughter|student|human(?:\s+being)?|partner|parent|employee|sister|brother)" + EnLabelEnd),
        En(Labeling, Medium, 0.8, @"\b(?:he|she)\s*(?:is|'s)\s+(?:(?:such|just|a)\s+)*?(?:an?\s+)?(?:(?:total|complete|absolute|selfish|useless)\s+)?(?:jerk|idiot|loser|moron|monster|narcissist|psycho|waste\s+of\s+space|bad\s+person|terrible\s+person|horrible\s+person|evil\s+person)" + EnLabelEnd),

        // Magnification: a small negative blown up.
        En(Magnification, Medium, 0.8, @"\b(?:the\s+)?(?:worst|biggest|most\s+(?:embarrassing|humiliating|horrible|stupid))\s+(?:mistake|thing|day|failure|moment|disaster|decision)\s+(?:of\s+my\s+(?:entire\s+|whole\s+)?life|ever|in\s+history|anyone\s+has\s+ever\s+(?:made|had))\b"),
        En(Magnification, High, 0.85, @"\b(?:a|one|my|that|the|this)\s+(?:tiny|small|little|minor|single|silly)\s+(?:mistake|error|typo|slip|comment|remark|word|misstep|pause)\s+(?:ruined|ruins|destroyed|destroys|wrecked|undid|cancels\s+out|erased)\b"),
        En(Magnification, Medium, 0.8, @"\bI'll\s+never\s+live\s+(?:this|it|that)\s+down\b"),
        En(Magnification, Medium, 0.75, @"\b(?:everyone|everybody|the\s+whole\s+(?:office|school|class|team|world))\s*(?:will|is\s+going\s+to|'s\s+going\s+to)\s+(?:remember|talk\s+about|never\s+forget)\s+(?:this|it|that|my)\b"),
        En(Magnification, Medium, 0.75, @"\b(?:it's|it\s+is|this\s+is|that's|that\s+is|it\s+was|that\s+was)\s+(?:completely\s+|totally\s+|absolutely\s+)?(?:unforgivable|the\s+most\s+(?:humiliating|embarrassing)\s+thing|a\s+(?:huge|massive)\s+(?:disaster|catastrophe|humiliation|failure))\b"),
        En(Magnification, Medium, 0.8, @"\bI\s+(?:ruined|destroyed|wrecked)\s+(?:everything|my\s+(?:whole|entire)\s+(?:life|career|future)|the\s+whole\s+(?:thing|day|evening|project|night|trip))\b"),

        // Mental filter: one negative detail colours everything.
        En(MentalFilter, High, 0.85, @"\b(?:all|the\s+only\s+thing)\s+I\s+(?:can|could|keep|kept)\s+(?:think\s+(?:about|of)|remember|focus\s+on|see|hear|notice)\s+(?:is|was)\s+(?:the|that|my|how|his|her|their|one)\b[^.!?]{0,40}?\b(?:mistake|criticism|critique|bad|negative|mess|failure|wrong|error|complaint|flaw|comment|stumbled?|messed|failed|typo|awkward|embarrass\w*)\b"),
        En(MentalFilter, High, 0.85, @"\b(?:the|that|one|a)\s+(?:one\s+|single\s+)?(?:bad|negative|critical|mean|harsh|nasty)\s+(?:comment|review|remark|thing|part|moment|grade|question|email|reply)\s+(?:is\s+all|was\s+all|ruined|is\s+the\s+only\s+thing|was\s+the\s+only\s+thing|outweighs|cancels?|erases?)\b"),
        En(MentalFilter, High, 0.85, @"\bI\s+(?:only|just)\s+(?:remember|notice|see|focus\s+on|think\s+about|hear)\s+(?:the\s+)?(?:bad|negative|mistakes?|criticism|failures?|flaws?|what\s+went\s+wrong|one\s+\w+|errors?|complaints?)\b"),
        En(MentalFilter, Medium, 0.8, @"\b(?:forget|ignore|never\s+mind)\s+(?:about\s+)?(?:the\s+)?(?:compliments?|praise|good\s+(?:parts?|stuff|things?|feedback|reviews?)|positives?)\b[^.!?]{0,40}?\b(?:the|that|one)\s+(?:mistake|criticism|bad|negative|complaint|error|comment)"),
        En(MentalFilter, Medium, 0.75, @"\b(?:doesn't|does\s+not|didn't)\s+matter\s+(?:that|how\s+many)\b[^.!?]{0,50}?\b(?:compliments?|praise|good|well|right|positive|liked|loved|passed)\b[^.!?]{0,40}?\b(?:mistake|criticism|bad|complaint|error|wrong|messed|failed)\b"),
        En(MentalFilter, Medium, 0.75, @"\b(?:can't|cannot|couldn't)\s+stop\s+(?:thinking|obsessing)\s+about\s+(?:the|that|my|one)\s+(?:one\s+)?(?:mistake|criticism|bad|negative|error|comment|complaint|stupid|awkward)\b"),

        // Overgeneralization: one event read as a never-ending pattern.
        En(Overgeneralization, High, 0.85, @"\bI\s+(?:always|never)\s+(?:(?:just|seem\s+to|manage\s+to)\s+)?(?:mess(?:\s+\w+)?\s+up|screw(?:\s+\w+)?\s+up|ruin|fail(?!\s+to\b)|lose\s+(?:everything|everyone|people|friends)|say\s+the\s+wrong|do\s+anything\s+right|get\s+anything\s+right|get\s+(?:picked|chosen|invited)|blow\s+it|disappoint|let\s+(?:people|everyone|everybody|them|you)\s+down|make\s+(?:things|it|everything)\s+worse|choke|embarrass\s+myself)"),
        En(Overgeneralization, High, 0.85, @"\b(?:nothing|things)\s+(?:ever|never)\s+(?:goes|go|works|work|turns?\s+out|works?\s+out)\s+(?:right|well|my\s+way|out|for\s+me)\b"),
        En(Overgeneralization, High, 0.85, @"\b(?:nobody|no\s+one|no-one)\s+(?:ever\s+)?(?:likes|loves|cares\s+about|listens\s+to|wants|understands|calls|texts|invites|remembers|notices|helps|respects|believes)\s+me\b(?!\s+to\b)"),
        En(Overgeneralization, High, 0.85, @"\b(?:everyone|everybody|people)\s+(?:always|eventually|ends\s+up|end\s+up)\s+(?:leaves?|leaving|abandons?|abandoning|rejects?|rejecting|ignores?|ignoring|lets?\s+me\s+down|letting\s+me\s+down|hurts?\s+me|hurting\s+me|betrays?|betraying|gets?\s+tired\s+of\s+me|getting\s+tired\s+of\s+me)\b"),
        En(Overgeneralization, Medium, 0.8, @"\b(?:this|it|that|stuff\s+like\s+this)\s+always\s+happens\s+to\s+me\b|\bwhy\s+does\s+(?:this|it|everything)\s+always\s+happen\s+to\s+me\b"),
        En(Overgeneralization, Medium, 0.8, @"\b(?:every\s+(?:single\s+)?time|whenever)\s+I\s+(?:try|open\s+my\s+mouth|speak|do\s+something|trust\s+someone|ask)\b[^.!?]{0,40}?\b(?:fails?|goes\s+wrong|mess\w*|ruin\w*|screw\w*|disaster|rejected|laughs?|hurt)\b"),
        En(Overgeneralization, High, 0.85, @"\bI\s+(?:can't|cannot)\s+do\s+anything\s+right\b"),
        En(Overgeneralization, Medium, 0.8, @"\b(?:all|every)\s+(?:men|women|guys|girls|people|bosses|teachers)\s+(?:are|is)\s+(?:the\s+same|liars|selfish|cheaters|jerks|untrustworthy)\b"),

        // Should statements: rigid rules for oneself or others.
        En(ShouldStatements, High, 0.85, @"\bI\s*(?:should|must|ought\s+to|have\s+to|need\s+to|'ve\s+got\s+to)\s+(?:always\s+)?be\s+(?:perfect|flawless)\b"),
        En(ShouldStatements, Medium, 0.8, @"\bI\s+(?:should|ought\s+to)\s+(?:have\s+known\s+better|know\s+better|be\s+(?:able\s+to|better|stronger|over\s+(?:this|it|him|her)|further\s+along|happier|handling|coping|doing\s+better)|have\s+been\s+(?:able\s+to|better|stronger|smarter|there)|never\s+(?:have\s+)?(?:feel|felt|cry|cried|need|needed|make|made|fail|failed))\b"),
        En(ShouldStatements, High, 0.85, @"\bI\s+(?:shouldn't|should\s+not|mustn't|must\s+not|must\s+never)\s+(?:ever\s+)?(?:feel|be\s+feeling|cry|need\s+(?:help|anyone|anybody)|make\s+(?:mistakes|a\s+mistake|any\s+mistakes)|fail|be\s+(?:so\s+)?(?:sad|anxious|upset|weak|emotional|angry|scared|needy|depressed|struggling|bothered)|complain|struggle|ask\s+for\s+help|show\s+weakness|let\s+(?:anyone|anybody|people|them)\s+down)\b"),
        En(ShouldStatements, Medium, 0.75, @"\b(?:people|he|she|they|everyone|my\s+\w+|you)\s+(?:should|ought\s+to|must)\s+(?:always\s+)?(?:know\s+(?:better|how\s+I\s+feel|what\s+I\s+need)|understand\s+(?:me|how\s+I)|treat\s+me|respect\s+me|care\s+(?:about\s+me|more)|appreciate\s+me|be\s+(?:grateful|nicer|there\s+for\s+me))\b"),
        En(ShouldStatements, Medium, 0.8, @"\bI\s+(?:must|have\s+to|need\s+to|should)\s+(?:always|never)\s+(?:be|make|let|show|win|get|fail|cry|need|ask|say|feel|look|do)\b"),
        En(ShouldStatements, Medium, 0.8, @"\b(?:I'm|I\s+am)\s+supposed\s+to\s+be\s+(?:stronger|better|perfect|over\s+(?:this|it)|able\s+to|happy|the\s+strong\s+one|fine|smarter|more)\b"),
        En(ShouldStatements, Medium, 0.8, @"\b(?:a\s+good|a\s+real|any\s+decent)\s+(?:mother|father|mom|dad|friend|wife|husband|man|woman|son|daughter|student|parent|person|employee|partner)\s+(?:should|must|shouldn't|would\s+never|never)\b"),
    ];

    public static IReadOnlyList<DistortionPattern> Korean { get; } =
    [
        // 흑백논리
        Ko(AllOrNothing, High, 0.9, "완벽(?:하지|하게 하지|하지가) ?(?:않으면|못하면|못 하면)[^.!?]{0,20}?(?:의미(?:가)? 없|소용(?:이)? 없|실패|쓸모(?:가)? 없|아무것도 아니|망한|끝|할 필요가 없|하나 마나)"),
        Ko(AllOrNothing, High, 0.9, "(?:1등|일등|만점|100점|최고)(?:이|가)? 아니면[^.!?]{0,20}?(?:의미|소용|실패|아무것도|꼴찌|쓸모|필요 없|없는 거)"),
        Ko(AllOrNothing, High, 0.9, KoStart + "(?:성공|완벽|전부|모두|다) 아니면 (?:실패|전무|아무것도|꽝|끝|제로|0)"),
        Ko(AllOrNothing, High, 0.85, KoStart + "(?:하나라도|조금이라도|한 번이라도) (?:틀리|실수하|못하|놓치|잘못하|어긋나)(?:면|는 순간)[^.!?]{0,15}?(?:다 |전부|완전|모든 게|모든 것이|끝|실패|망|의미)"),
        Ko(AllOrNothing, Medium, 0.8, "(?:완전(?:한|히)|완벽한|철저한) 실패"),
        Ko(AllOrNothing, Medium, 0.75, KoStart + "(?:모든 게|모든 것이|전부 다) (?:엉망|잘못됐|무의미|헛수고|물거품)"),

        // 파국화
        Ko(Catastrophizing, High, 0.9, KoStart + "(?:내 )?(?:인생|삶|미래|앞날|커리어|회사 생활|결혼 생활)(?:이|은|가|는|도)? (?:이제 |완전히 |진짜 |다 )*(?:끝났|끝장|끝이|끝날|망했|망할|망가졌|망가질|무너졌|무너질|박살)"),
        Ko(Catastrophizing, High, 0.85, KoStart + "(?:모든 게|모든 것이|다|전부) (?:무너질|무너져 내릴|망가질|끝장|박살 날|엉망이 될|끝나 버릴)"),
        Ko(Catastrophizing, High, 0.85, "끝장(?:이|났|날 거|일 거|이다)"),
        Ko(Catastrophizing, Medium, 0.8, "(?:해고|잘리|잘릴|쫓겨나|쫓겨날|노숙자|길거리에 나앉|거지가|파산|버림받)[^.!?]{0,15}?(?:거야|거예요|게 분명|게 뻔|지도 몰라|면 어떡|면 어쩌)"),
        Ko(Catastrophizing, Medium, 0.75, KoStart + "(?:만약|혹시)[^.!?]{0,30}?(?:죽으면|죽는다면|잘리면|망하면|쓰러지면|사고가 나면|실패하면|떨어지면)[^.!?]{0,10}?(?:어떡|어쩌|어떻게 해|큰일|끝)"),
        Ko(Catastrophizing, High, 0.8, "(?:세상이|하늘이) 무너지(?:는|는 것 같|었|었어|는 줄)"),
        Ko(Catastrophizing, High, 0.8, "돌이킬 수 없(?:어|을|게|다)|다시는 (?:일어설|회복할|재기할) 수 없"),
        Ko(Catastrophizing, Medium, 0.8, "(?:최악의|끔찍한) (?:일이|상황이|사태가) (?:일어날|생길|벌어질) (?:거야|것|게 분명|게 뻔|것 같)"),
        Ko(Catastrophizing, Medium, 0.75, "(?:재앙|대참사|파국)(?:이야|이다|이 될|으로 끝날|일 거)"),

        // 긍정 격하
        Ko(DisqualifyingThePositive, High, 0.85, KoStart + "(?:(?:그냥|단지|그저|순전히|완전|다) 운(?:이야|이었|이지|일 뿐|빨)|운(?:이)? 좋았(?:을|던) (?:뿐|거|것)|운빨(?:이야|이었|일 뿐|이지))"),
        Ko(DisqualifyingThePositive, High, 0.85, "(?:칭찬|잘했다|좋다|괜찮다|예쁘다|멋지다|대단하다)[^.!?]{0,15}?(?:예의상|빈말|인사치레|립서비스|듣기 좋으라고|그냥 하는 말|위로하려고|불쌍해서)|(?:예의상|빈말로|인사치레로|듣기 좋으라고|위로하려고|불쌍해서) (?:한|하는|해 준|해준) (?:말|칭찬|거)"),
        Ko(DisqualifyingThePositive, Medium, 0.7, KoStart + "(?:누구나|아무나) (?:할 수 있는|하는|했을|할 만한|붙는|붙을) (?:거|것|일|시험)(?:야|이야|이었|였|일 뿐|이지|인데|이에요)"),
        Ko(DisqualifyingThePositive, High, 0.85, "(?:합격|승진|칭찬|성공|상 받은|좋은 성적|잘한 거|잘된 거|잘 된 거)[^.!?]{0,12}?(?:별거|별것|별 거|별 것|아무것도|아무 의미|대단한 거) ?(?:아니|없)"),
        Ko(DisqualifyingThePositive, Medium, 0.75, "(?:쉬웠|쉬워서|쉬운 거였)[^.!?]{0,6}?(?:뿐|그런 거)"),
        Ko(DisqualifyingThePositive, Medium, 0.8, "(?:잘했다고|좋았다고|괜찮다고|대단하다고|멋지다고|칭찬해도|칭찬을 들어도|칭찬받아도)[^.!?]{0,15}?(?:진심이 아닐|믿을 수 없|믿기지 않|소용없|의미 없|와닿지 않)"),

        // 감정적 추론
        Ko(EmotionalReasoning, High, 0.85, "(?:느낌|기분)이 (?:드니까|드는 걸 보니|드는 걸 보면|드는 거 보니|드는 거 보면|들어서)[^.!?]{0,20}?(?:분명|틀림없|확실|사실|맞는 거|맞나 봐|정말|진짜|인가 봐|인가봐|게 분명)"),
        Ko(EmotionalReasoning, High, 0.85, "(?:불안|무섭|무서|두렵|두려|걱정|초조|죄책감이 드|죄책감이 들|창피|부끄럽|부끄러|찝찝|께름칙|기분이 나쁘|기분이 안 좋|긴장)[가-힣]*(?:니까| 걸 보니| 걸 보면| 거 보니| 거 보면)[^.!?]{0,20}?(?:분명|틀림없|뭔가 (?:잘못|나쁜|안 좋은|문제|일이)|사실|내가 (?:잘못|뭘 잘못))"),
        Ko(EmotionalReasoning, High, 0.85, "(?:느껴지니까|느끼니까|느껴지는 걸 보니|느껴지는 걸 보면|느껴지는 거 보면)[^.!?]{0,20}?(?:분명|틀림없|사실|맞)"),
        Ko(EmotionalReasoning, Medium, 0.8, "(?:그렇게 느껴지면|느낌이 그러면|기분이 그러면|그렇게 느껴지니까) (?:그게 )?(?:사실|맞|진실)"),

        // 성급한 결론 (독심술, 점쟁이 오류)
        Ko(JumpingToConclusions, High, 0.8, KoStart + "(?:나를|날) (?:싫어하|미워하|무시하|한심하게 생각하|한심해하|우습게 보|이상하게 보|이상하게 생각하|바보로 생각하|바보라고 생각하|귀찮아하|지겨워하|비웃)[가-힣]*[^.!?]{0,6}?(?:게 분명|게 틀림없|게 뻔|는 거 알아|다는 걸 알아|는 거야|을 거야|겠지|나 봐|나봐|는 것 같아|을걸|는 게 확실)"),
        Ko(JumpingToConclusions, High, 0.85, KoStart + "(?:분명히?|틀림없이|보나마나|보나 마나|뻔히|당연히|백퍼)[^.!?]{0,10}?(?:떨어질|실패할|거절할|거절당할|싫어할|망칠|망할|안 될|비웃을|화낼|잘릴|무시할|욕할|떠날|실망할|안 뽑|틀릴|못 할|못할)"),
        Ko(JumpingToConclusions, High, 0.85, KoStart + "(?:떨어질|실패할|거절당할|망칠|안 될|잘릴|차일|혼날|틀릴|싫어할|비웃을) ?(?:게|거|것이|것은)? ?(?:뻔해|뻔하|뻔했|분명해|분명하|확실해|틀림없|불 보듯)"),
        Ko(JumpingToConclusions, High, 0.85, "(?:답장|연락|대답|전화|카톡|문자)(?:이|을|가|도)? ?(?:안|없|없는|없어|안 오|안 하|안 받)[^.!?]{0,20}?(?:화났|화가 났|싫어|미워|귀찮|질렸|싫증|관심 없|날 피하|나를 피하|나랑 끝|헤어지|절교)"),
        Ko(JumpingToConclusions, Medium, 0.8, KoStart + "(?:다들|모두|사람들(?:이|은)|걔네(?:는|가)?|친구들(?:이|은)|그들은)[^.!?]{0,15}?(?:나를|날|내 ?뒤에서|내 ?욕)[^.!?]{0,10}?(?:비웃|흉보|욕하|욕을|무시하|한심하게|우습게|이상하게 (?:생각|볼|보)|바보로|싫어하|답답해하)[^.!?]{0,10}?(?:거야|게 분명|게 뻔|것 같아|겠지|나 봐|을 거|고 있어|고 있을|는 거|걸)"),
        Ko(JumpingToConclusions, Medium, 0.8, KoStart + "(?:해 ?봤자|해봐야|해 봐야|가 ?봤자|말해 ?봤자|지원해 ?봤자|고백해 ?봤자)[^.!?]{0,10}?(?:안 될|소용없을|떨어질|거절당할|차일|안 받아줄|무시당할|실패할) ?(?:거|게)"),
        Ko(JumpingToConclusions, Medium, 0.8, KoStart + "(?:절대|영영|평생|앞으로도) (?:결혼 못|연애 못|취업 못|행복해질 수 없|행복할 수 없|성공 못|성공할 수 없|나아지지 않|좋아지지 않|사랑받지 못|안 바뀔|못 바뀔|혼자일)"),

        // 낙인찍기
        Ko(Labeling, High, 0.9, KoSelfSubject + "(?: 정말| 진짜| 완전| 그냥| 역시| 결국| 원래| 참| 너무)* ?" + KoSelfLabelNoun + KoCopula),
        Ko(Labeling, Medium, 0.8, KoSelfSubject + "(?: 정말| 진짜| 완전| 그냥| 역시| 원래| 너무| 참)* (?:쓸모없|무능하|무능해|한심하|한심해|멍청하|멍청해|구제불능이|형편없|못났|쓸모가 없)(?:어|다|네|지|어요|습니다|는 인간|는 사람|는 놈|잖아|나 봐|(?=\\s*[.!?,~]|\\s*$))"),
        Ko(Labeling, Medium, 0.8, KoStart + "(?:걔는?|그 사람은?|그는|그녀는|그 녀석은?|그 놈은?|우리 (?:팀장|부장|상사|남편|아내|남친|여친)(?:은|는|님은)?|남편은|아내는|남친은|여친은|상사는)(?: 정말| 진짜| 완전| 그냥)* ?(?:완전한 |최악의 |구제불능 )?(?:쓰레기|이기주의자|나쁜 놈|나쁜 사람|악마|괴물|사이코|멍청이|바보|인간쓰레기|최악의 인간|한심한 인간|구제불능|또라이|사이코패스)(?:야|이야|다|이다|예요|이에요|입니다|이지|지|라니까|이라니까|\\s*[.!?,]|\\s*$)"),
        Ko(Labeling, High, 0.85, KoStart + "나 ?같은 (?:건|게|놈이|애가|인간이|사람이|것이|놈은)[^.!?]{0,15}?(?:살 가치|쓸모|필요 없|안 돼|사랑받을|행복할 자격|없어져)"),

        // 과장/축소
        Ko(Magnification, High, 0.85, KoStart + "(?:(?:실수|말실수|오타|실언|한마디) 하나(?:가|로|때문에)|(?:작은|사소한|조그만|조그마한|하찮은|별것 아닌|별거 아닌|한 번의|단 한 번의) ?(?:실수|말실수|오타|잘못|실언|지각|한마디)(?:가|이|로|하나로|하나가|하나 때문에| 때문에| 한 번으로| 한 번에)?) ?[^.!?]{0,12}?(?:전체를 망|다 망|전부 망|모든 (?:걸|것을|게|것이) (?:망|날려|무너|끝)|인생(?:을|이)? (?:망|끝)|다 끝|모든 걸 잃|다 무너|완전히 망)"),
        Ko(Magnification, Medium, 0.8, KoStart + "(?:인생|평생|살면서|세상에서|역사상|인생에서)[^.!?]{0,4}? ?(?:최악의|제일 끔찍한|가장 끔찍한|가장 큰|제일 큰|가장 창피한|제일 창피한|가장 부끄러운) (?:실수|날|일|순간|실패|굴욕|망신)"),
        Ko(Magnification, Medium, 0.75, KoStart + "(?:다들|모두|모든 사람이|사람들이)[^.!?]{0,10}? ?(?:평생|영원히|두고두고) (?:기억할|잊지 않을|잊지 못할|얘기할|이야기할|놀릴|수군거릴)"),
        Ko(Magnification, Medium, 0.75, "(?:창피해서|부끄러워서|쪽팔려서|민망해서) (?:죽을|못 살|다시는|얼굴을 못|고개를 못|밖에 못)"),
        Ko(Magnification, Medium, 0.8, "(?:엄청난|어마어마한|돌이킬 수 없는|치명적인|씻을 수 없는) (?:실수|잘못|죄|망신|오점)"),

        // 정신적 여과
        Ko(MentalFilter, High, 0.85, KoStart + "(?:실수한 (?:것|거|부분)|실수|지적(?:받은|당한|들은)? ?(?:것|거|말)?|비판|단점|잘못한 (?:것|거|부분|일)|혼난 (?:것|거|일)|틀린 (?:것|거|문제|부분)|못한 (?:것|거|부분)|욕먹은 (?:것|거|일)|(?:안 좋은|나쁜|부정적인) (?:말|점|것|일|댓글|피드백|부분)|그 (?:한마디|말|실수|지적|댓글)|악플)(?:만|밖에) (?:계속 |자꾸 |온통 |자꾸만 )?(?:생각나|생각이 나|떠올|떠오르|기억나|기억에 남|기억이 나|보이|보여|눈에 (?:들어|띄|밟)|신경 쓰|머릿속에|맴돌|남아)"),
        Ko(MentalFilter, High, 0.85, KoStart + "(?:칭찬|좋은 (?:말|점|피드백|댓글)|잘한 (?:것|거|일|부분)|잘된 (?:것|거|일))(?:은|는|들은|이)? ?(?:하나도|전혀|다|전부) ?(?:기억이? 안|생각이? 안|기억나지 않|생각나지 않|안 들어|눈에 안|귀에 안|소용없|의미 없|안 보)"),
        Ko(MentalFilter, Medium, 0.8, "아무리 (?:칭찬|좋은 말)(?:을)? ?(?:들어도|받아도|해 줘도|해줘도)[^.!?]{0,25}?(?:그 (?:한마디|말|지적|비판)|지적|비판|실수|나쁜 말|안 좋은 말)"),

        // 과잉일반화
        Ko(Overgeneralization, High, 0.85, KoStart + "(?:항상|늘|맨날|매번|언제나|만날|허구한 날|번번이)(?= )[^.!?]{0,12}?(?:이래|이렇|이런 식|이 모양|실수(?! 없)|실패|망쳐|망치|망해|망했|혼나|혼난|당해|당하|버림받|거절당|거절받|미움받|무시당|차여|차이|배신당|일을 그르|사고를 쳐|사고 쳐|못해|못 해|안 ?돼|안 ?되|꼴찌|떨어져|떨어지|망신|놀림|바보 취급|뒤처|결국 혼자|혼자야|외톨이)"),
        Ko(Overgeneralization, High, 0.85, KoStart + "(?:제대로 |잘 ?)?되는 (?:일|게)(?:이|가)? (?:하나도|아무것도|정말 하나도|도무지) ?(?:없|안)"),
        Ko(Overgeneralization, High, 0.85, KoStart + "(?:아무도|누구도|그 누구도) (?:나를 |날 |내 ?말을 |내 ?편을 |나한테 |나랑 |나에게 |내게 |내 ?마음을 )?(?:좋아하지|사랑하지|이해하지|이해 못|신경 쓰지|들어주지|도와주지|관심(?:이|을)? (?:없|안|갖지)|찾지|연락 안|연락하지|안 좋아해|안 믿어|믿어주지|안 도와|안 들어|원하지 않)"),
        Ko(Overgeneralization, High, 0.8, KoStart + "(?:모든 사람이|사람들은 (?:다|결국|항상|늘)|다들 (?:결국|항상|늘)|모두 (?:결국|항상|늘)|누구든 결국)[^.!?]{0,10}?(?:나를 |날 |내 ?곁을 )?(?:떠나|버리|배신|무시하|실망|싫어|떠났|버렸)"),
        Ko(Overgeneralization, Medium, 0.8, KoStart + "(?:왜|어째서) (?:나는|난|나만|내 인생은|나한테만)[^.!?]{0,6}?(?:항상|늘|맨날|매번|이 모양|이래|되는 게 없|되는 일이 없)"),
        Ko(Overgeneralization, High, 0.85, KoStart + "(?:뭘 해도|무엇을 해도|뭘 하든|뭐든지 해도|무슨 일을 해도|어떻게 해도|해도 해도|뭘 하든지) (?:안 ?돼|안 ?되|실패|망|소용없|소용이 없|틀려)"),
        Ko(Overgeneralization, Medium, 0.8, KoStart + "(?:모든 (?:남자|여자|사람)(?:은|들은|이|들이)?|남자들은 다|여자들은 다|사람들은 다) (?:다 )?(?:똑같|거짓말쟁이|이기적|믿을 수 없|못 믿|나빠|쓰레기)"),

        // 당위적 사고
        Ko(ShouldStatements, High, 0.85, KoStart + "(?:항상|언제나|늘|무조건|반드시)(?= )[^.!?]{0,10}?(?:완벽해야|완벽하게 해야|잘해야|잘 해야|최고여야|최고가 돼야|1등(?:을)? 해야|일등(?:을)? 해야|1등이어야|강해야|강한 모습|웃고 있어야|괜찮아야|괜찮은 척해야|밝아야|착해야|참아야|좋은 모습을? 보여야|이겨야|침착해야|인정받아야|사랑받아야|행복해야|최선을 다해야|성공해야)"),
        Ko(ShouldStatements, High, 0.85, KoStart + "(?:절대로?|결코)(?= )[^.!?]{0,12}?(?:실수하면|실수해서는|틀리면|틀려서는|지면|져서는|약한 모습을? 보이면|약해지면|약해져서는|울면|울어서는|실패하면|실패해서는|실망시키면|실망시켜서는|힘든 티를? 내면|화내면|화를 내면|화내서는|도움을 청하면|부탁하면|기대면|쉬면|놀면) ?안 ?(?:돼|된다|되|됨)"),
        Ko(ShouldStatements, Medium, 0.8, "(?:실수해서는|실수하면|틀려서는|약해져서는|울어서는|실패해서는|힘들어해서는|힘들어하면|나약해지면|약한 모습(?:을)? 보이면|우울해하면|불안해하면|슬퍼하면|슬퍼해서는|쉬어서는) 안 ?(?:돼|된다|되|됐)"),
        Ko(ShouldStatements, Medium, 0.75, "(?:알았어야|알아챘어야|눈치챘어야|막았어야|참았어야|더 잘했어야|잘했어야|완벽했어야|강했어야|말렸어야|지켰어야|해냈어야|더 노력했어야|더 열심히 했어야) ?(?:했|만 했|하는|한다|해)"),
        Ko(ShouldStatements, Medium, 0.8, KoStart + "(?:엄마|아빠|부모|어른|남자|여자|장남|장녀|맏이|언니|형|누나|오빠|선배|리더|가장|친구|아내|남편|며느리)(?:라면|니까|이니까|로서|으로서|답게|인데) (?:당연히 |마땅히 |무조건 |절대 |항상 )?[^.!?]{0,12}?(?:해야|돼야|되어야|있어야|하면 안|해서는 안|보이면 안|울면 안|참아야|견뎌야|책임져야|알아야|희생해야)"),
        Ko(ShouldStatements, Medium, 0.8, KoStart + "(?:이 정도는|이 정도쯤은|이것쯤은|이쯤은|이 정도도) (?:혼자서? |당연히 |알아서 )?(?:해야|할 수 있어야|견뎌야|해냈어야|버텨야|감당해야|해내야)"),
        Ko(ShouldStatements, Medium, 0.75, KoStart + "(?:그 사람은|걔는|사람들은|남들은|다들|그는|그녀는|남편은|아내는|부모님은)[^.!?]{0,12}?(?:당연히|마땅히) [^.!?]{0,10}?(?:해야|했어야|알아야|알았어야|줘야|줬어야)"),
    ];

    private static DistortionPattern En(DistortionType type, DistortionSeverity severity, double confidence, string pattern) =>
        new(type, severity, confidence, new Regex(
            pattern.Replace("'", "['’]", StringComparison.Ordinal),
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            AnalysisRegex.MatchTimeout));

    private static DistortionPattern Ko(DistortionType type, DistortionSeverity severity, double confidence, string pattern) =>
        new(type, severity, confidence, new Regex(
            pattern,
            RegexOptions.Compiled | RegexOptions.CultureInvariant,
            AnalysisRegex.MatchTimeout));
}
