using System.Collections.Frozen;
using BeMore.Domain.Analysis;
using static BeMore.Domain.Analysis.DistortionType;
using static BeMore.Domain.Analysis.TextLanguage;

namespace BeMore.Grains.Counseling;

/// <summary>The local composer's sentences, in English and Korean (a data table).</summary>
internal static class LocalReplyTexts
{
    /// <summary>First words, by the emotion heard (label codes); "neutral" also serves sessions without analysis.</summary>
    public static readonly FrozenDictionary<(string Emotion, TextLanguage Language), string[]> Openers = new Dictionary<(string, TextLanguage), string[]>
    {
        [("anxiety", English)] = ["That sounds really unsettling.", "I can hear how anxious this is making you.", "No wonder you feel on edge.", "That's a lot of worry to carry around."],
        [("anxiety", Korean)] = ["많이 불안하셨겠어요.", "마음이 계속 조마조마하셨겠네요.", "그런 걱정을 안고 지내기가 쉽지 않으셨을 것 같아요.", "생각만 해도 긴장되실 것 같아요."],
        [("sadness", English)] = ["That sounds really heavy.", "I'm sorry this has been so hard.", "I can hear how much this hurts.", "That sounds lonely and exhausting."],
        [("sadness", Korean)] = ["많이 힘드셨겠어요.", "마음이 많이 무거우셨겠네요.", "그동안 혼자 견디느라 많이 지치셨을 것 같아요.", "듣는 저도 마음이 아프네요."],
        [("anger", English)] = ["I can hear how frustrating that was.", "It makes sense that this got under your skin.", "That would leave a lot of people angry.", "It sounds like something felt really unfair."],
        [("anger", Korean)] = ["정말 답답하고 화가 나셨겠어요.", "억울한 마음이 드셨을 것 같아요.", "그런 일을 겪으면 누구라도 화가 날 것 같아요.", "속상한 마음이 크게 느껴져요."],
        [("joy", English)] = ["It's good to hear that.", "That sounds like a real bright spot.", "I'm glad you had that."],
        [("joy", Korean)] = ["들으니 저도 반가워요.", "그런 순간이 있었다니 다행이에요.", "기분 좋은 일이었겠어요."],
        [("calm", English)] = ["Thank you for walking me through that.", "You seem to be looking at this fairly steadily.", "I appreciate you putting that into words."],
        [("calm", Korean)] = ["차분하게 이야기해 주셔서 고마워요.", "상황을 꽤 담담하게 바라보고 계신 것 같아요.", "말로 정리해 주셔서 고마워요."],
        [("neutral", English)] = ["Thank you for telling me.", "I hear you.", "Okay, I'm with you.", "Thanks for sharing that with me."],
        [("neutral", Korean)] = ["이야기해 주셔서 고마워요.", "네, 잘 듣고 있어요.", "그렇군요.", "말씀해 주셔서 고마워요."],
    }.ToFrozenDictionary();

    /// <summary>What the composer heard in the thought, said back in plain words.</summary>
    public static readonly FrozenDictionary<(DistortionType Type, TextLanguage Language), string[]> Reflections = new Dictionary<(DistortionType, TextLanguage), string[]>
    {
        [(AllOrNothing, English)] = ["It sounds like it's landing as either a total success or a total failure, with nothing in between.", "It seems to feel all-or-nothing right now."],
        [(AllOrNothing, Korean)] = ["완벽하게 해내지 못하면 다 실패처럼 느껴지시는 것 같아요.", "지금은 모 아니면 도처럼 느껴지시는 것 같아요."],
        [(Catastrophizing, English)] = ["It sounds like your mind is racing to the worst possible outcome.", "The worst-case version of this seems to be taking up a lot of room."],
        [(Catastrophizing, Korean)] = ["생각이 자꾸 가장 나쁜 결과 쪽으로 달려가는 것 같아요.", "최악의 상황이 마음을 크게 차지하고 있는 것 같아요."],
        [(DisqualifyingThePositive, English)] = ["It sounds like the good parts don't seem to count right now.", "It seems what went well is being brushed aside."],
        [(DisqualifyingThePositive, Korean)] = ["잘한 부분은 지금 별로 중요하지 않게 느껴지시는 것 같아요.", "잘된 일은 그냥 넘겨 버리고 계신 것 같아요."],
        [(EmotionalReasoning, English)] = ["It sounds like the feeling itself has started to feel like proof.", "It seems the feeling is being taken as a fact about how things are."],
        [(EmotionalReasoning, Korean)] = ["그렇게 느껴지니까 정말 그런 것처럼 여겨지시는 것 같아요.", "감정이 곧 사실처럼 느껴지고 있는 것 같아요."],
        [(JumpingToConclusions, English)] = ["It sounds like you're already sure how this will go, or what others are thinking.", "It seems a conclusion has arrived before all the facts are in."],
        [(JumpingToConclusions, Korean)] = ["아직 확인되지 않은 일인데 결론이 먼저 나 있는 것 같아요.", "다른 사람의 생각을 이미 알고 있다고 느끼시는 것 같아요."],
        [(Labeling, English)] = ["You put a pretty harsh label on yourself there.", "That's a hard name to call yourself."],
        [(Labeling, Korean)] = ["스스로에게 꽤 가혹한 이름을 붙이신 것 같아요.", "자신을 그렇게 부르실 만큼 마음이 많이 상하셨나 봐요."],
        [(Magnification, English)] = ["It sounds like this one thing has grown bigger than everything else right now.", "This seems to feel larger than life at the moment."],
        [(Magnification, Korean)] = ["이 일 하나가 지금 다른 모든 것보다 크게 느껴지시는 것 같아요.", "이 일이 실제보다 더 크게 다가오는 것 같아요."],
        [(MentalFilter, English)] = ["It sounds like the part that went wrong is all you can see right now.", "One painful detail seems to be colouring the whole picture."],
        [(MentalFilter, Korean)] = ["잘못된 한 부분만 크게 보이는 것 같아요.", "아팠던 한 장면이 전체를 물들이고 있는 것 같아요."],
        [(Overgeneralization, English)] = ["It sounds like one experience is starting to feel like 'always' or 'never'.", "This seems to be turning into a rule about everything."],
        [(Overgeneralization, Korean)] = ["한 번의 일이 '항상' 또는 '절대'처럼 느껴지기 시작한 것 같아요.", "이번 일이 모든 일에 대한 법칙처럼 느껴지시는 것 같아요."],
        [(ShouldStatements, English)] = ["I'm hearing a lot of 'should' in that, and how much pressure it puts on you.", "It sounds like you're holding yourself to a very strict rule."],
        [(ShouldStatements, Korean)] = ["'해야 한다'는 마음이 크게 들리고, 그게 많은 부담이 되는 것 같아요.", "스스로에게 아주 엄격한 규칙을 두고 계신 것 같아요."],
    }.ToFrozenDictionary();

    /// <summary>A short turn towards the question, used now and then when no emotion was voiced first.</summary>
    public static readonly FrozenDictionary<TextLanguage, string[]> Bridges = new Dictionary<TextLanguage, string[]>
    {
        [English] = ["Let's look at that thought together for a moment.", "I'd like to slow that thought down with you."],
        [Korean] = ["그 생각을 잠깐 같이 살펴볼게요.", "그 생각을 조금 천천히 들여다봤으면 해요."],
    }.ToFrozenDictionary();

    /// <summary>Open questions when no thinking pattern was heard (or analysis is off).</summary>
    public static readonly FrozenDictionary<TextLanguage, string[]> OpenQuestions = new Dictionary<TextLanguage, string[]>
    {
        [English] =
        [
            "What was going through your mind when that happened?", "What feels most important about this for you right now?",
            "How have you been coping with it so far?", "What would you like to be different?", "Could you tell me a little more about that?",
            "When did you first notice feeling this way?", "What do you make of that?",
        ],
        [Korean] =
        [
            "그때 어떤 생각이 드셨어요?", "지금 이 일에서 가장 마음에 걸리는 건 무엇인가요?", "지금까지는 어떻게 견뎌 오셨어요?",
            "어떤 점이 달라지면 좋겠어요?", "조금 더 이야기해 주실 수 있을까요?", "언제부터 이런 마음이 드셨어요?", "그 일을 어떻게 받아들이고 계세요?",
        ],
    }.ToFrozenDictionary();

    /// <summary>Questions after good news: what helped, so it can be found again.</summary>
    public static readonly FrozenDictionary<TextLanguage, string[]> GoodNewsQuestions = new Dictionary<TextLanguage, string[]>
    {
        [English] = ["What do you think helped it go well?", "What did you do that made a difference there?", "How did it feel in the moment?"],
        [Korean] = ["무엇이 그렇게 잘 풀리는 데 도움이 됐을까요?", "그때 스스로 어떤 점을 잘하셨다고 생각하세요?", "그 순간 기분이 어떠셨어요?"],
    }.ToFrozenDictionary();

    /// <summary>
    /// The fixed, reviewed reply to a risk statement, never generated. The English one is followed by the configured crisis
    /// line (<c>BeMore:Sessions:CrisisLine</c>); the Korean one names the Korean lines itself.
    /// </summary>
    public static readonly FrozenDictionary<TextLanguage, string> Safety = new Dictionary<TextLanguage, string>
    {
        [English] = "Thank you for telling me this. I'm concerned about your safety, and you don't have to carry this alone. " +
            "Please reach out right now to someone who can help.",
        [Korean] = "이야기해 주셔서 고마워요. 지금 무엇보다 당신의 안전이 걱정돼요. 혼자 견디지 않으셔도 돼요. " +
            "지금 바로 자살예방상담전화 109(24시간)나 정신건강위기상담전화 1577-0199로 연락해 주시고, 당장 위험하다면 119에 전화해 주세요.",
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<TextLanguage, string> SafetyQuestion = new Dictionary<TextLanguage, string>
    {
        [English] = "Are you somewhere safe right now?",
        [Korean] = "지금 안전한 곳에 계신가요?",
    }.ToFrozenDictionary();
}
