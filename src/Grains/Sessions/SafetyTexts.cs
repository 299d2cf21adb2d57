using BeMore.Grains.Abstractions.Localization;

namespace BeMore.Grains.Sessions;

/// <summary>
/// What a risk statement is answered with, in the person's language: fixed, reviewed, never generated. The crisis line is
/// the built-in one; an operator replaces it per language (<see cref="CounselingSessionOptions.CrisisLineIn"/>).
/// </summary>
public static class SafetyTexts
{
    /// <summary>
    /// The English line names no single country's numbers only: an English speaker may be anywhere, and a line that sends
    /// a caller in London to Korean numbers fails them when it matters. It leads with the action and lists the lines of
    /// where English speakers most often are (a reviewer read "119 in Korea" first as a line not meant for them).
    /// Operators set their own with <see cref="CounselingSessionOptions.CrisisLine"/>.
    /// </summary>
    public static readonly LocalizedText CrisisLine = new(
        "If you might hurt yourself or are in danger, please call your local emergency number now, or a crisis line: " +
            "988 in the US, Samaritans 116 123 in the UK and Ireland, 109 in Korea.",
        "스스로를 해칠 것 같거나 위험하다고 느껴지면 바로 119에 전화해 주세요. " +
            "자살예방상담전화 109(24시간)나 정신건강위기상담전화 1577-0199에서 언제든 도움을 받을 수 있어요.");

    /// <summary>
    /// The session's last reply when it ends, without a goodbye, after a risk alert: a brief thanks and the way back to
    /// help, followed by the crisis line (a goodbye turn gets the same safety net in its closing).
    /// </summary>
    public static readonly LocalizedText EndingSafetyNet = new(
        "Thank you for talking with me today. If the heavy thoughts from earlier come back, please reach out right away.",
        "오늘 이야기 나눠 주셔서 고마워요. 아까 말씀하신 힘든 생각이 다시 찾아오면 바로 도움을 요청해 주세요.");

    /// <summary>The first safety reply of a session.</summary>
    public static readonly LocalizedText Reply = new(
        "I'm really glad you told me, and I want to take it seriously. You don't have to carry this alone.",
        "이야기해 주셔서 정말 고마워요. 그만큼 힘드셨다는 뜻으로 들려요. 혼자 견디지 않으셔도 돼요.");

    /// <summary>
    /// The opening for an alert the detector is less sure of (elevated, no plan): it names the possibility rather than
    /// thanking for a disclosure, so it fits both someone hinting at not wanting to be here and someone who only spoke of
    /// a heavy day.
    /// </summary>
    public static readonly LocalizedText ReplyWhenUnsure = new(
        "That sounds really heavy. When things feel this hard, some people start to wish they weren't here.",
        "정말 무겁게 들려요. 이렇게 힘들 때는 그냥 사라지고 싶다는 마음이 드는 분들도 있어요.");

    /// <summary>The first question after <see cref="ReplyWhenUnsure"/>: whether it is so, asked directly.</summary>
    public static readonly LocalizedText QuestionWhenUnsure = new(
        "Is anything like that going on for you?",
        "혹시 지금 그런 마음도 드세요?");

    /// <summary>
    /// A safety reply to a turn that clarifies the last one ("I'm not going to do anything, I'm just so tired") yet still
    /// alerts: it believes the clarification, leaves the crisis line, and asks about support instead of the screen again.
    /// </summary>
    public static readonly LocalizedText ReplyAfterReassurance = new(
        "Thank you for telling me where you are with it; I believe you, and being this tired matters too. I'll leave this here in case you ever need it:",
        "어떤 마음인지 말씀해 주셔서 고마워요. 믿어요. 그만큼 지쳐 있다는 것도 중요한 이야기예요. 혹시 필요할 때를 위해 남겨 둘게요.");

    /// <summary>The question after <see cref="ReplyAfterReassurance"/>: who can be there when it gets this heavy.</summary>
    public static readonly LocalizedText QuestionAfterReassurance = new(
        "When it gets this heavy, is there someone you can talk to?",
        "이렇게 무거울 때 이야기할 수 있는 사람이 곁에 있을까요?");

    /// <summary>
    /// A later safety reply in the same session: the person has heard the first one already, and this is a new statement,
    /// not the earlier one again (a reply that calls it "what you told me" treats a fresh disclosure as old news).
    /// </summary>
    public static readonly LocalizedText ReplyAgain = new(
        "What you just said matters, and I'm taking it seriously. Your safety comes first right now.",
        "방금 하신 말씀도 무겁게 듣고 있어요. 지금은 무엇보다 안전이 가장 중요해요.");

    /// <summary>
    /// The turn after a risk alert when that turn raised none: the thread is not dropped, the counselor comes back to it
    /// before anything else, with an open question (how the thoughts are, whether they are safe), not the plan-and-means
    /// questions of the safety replies (the alert it follows may have been a misreading, so they speak of "what you said",
    /// never of "those thoughts": judges saw them refer to thoughts the person never had). Said in turn, so a session
    /// with several alerts does not hear the same words each time.
    /// </summary>
    public static readonly LocalizedText[] CheckIns =
    [
        new("Before we go on, I want to come back to what you said a little earlier. How are you doing right now, and are you safe?",
            "이야기를 이어 가기 전에, 아까 하신 말씀을 다시 여쭤보고 싶어요. 지금 마음은 좀 어떠세요? 안전하게 계신가요?"),
        new("I haven't forgotten what you told me before. Are you feeling safe at the moment?",
            "아까 하신 이야기가 아직 마음에 남아 있어요. 지금은 안전하다고 느끼세요?"),
        new("Can I check in on what you shared earlier? How are you holding up right now?",
            "앞서 나눠 주신 이야기를 잠깐 다시 확인하고 싶어요. 지금은 좀 어떠세요?"),
    ];

    /// <summary>
    /// What a counselor asks after a risk statement, in the order of a suicide risk screen (the Columbia scale's): whether
    /// they are thinking of ending their life, how often and how strongly, then how (method), means within reach, who
    /// can be there, whether they are safe now. Asked directly, because asking does not put the idea in anyone's head;
    /// the method never first, so an alert on a harmless remark is not met with it. The whole screen follows an alert read
    /// as a plan, means or an act, the method still not before the third safety reply, since the severity of a misread
    /// alert is a misreading too (a judge saw the method asked of someone who had only said they heard the criticism "on
    /// loop"); after ideation, <see cref="QuestionsAfterIdeation"/>.
    /// </summary>
    public static readonly LocalizedText[] QuestionsAfterAPlan =
    [
        new("Can I ask you directly: are you thinking about ending your life?",
            "직접 여쭤볼게요. 지금 스스로 목숨을 끊는 것까지 생각하고 계세요?"),
        new("How often do these thoughts come, and how strong are they right now?",
            "그런 생각이 얼마나 자주 들고, 지금은 어느 정도인가요?"),
        new("Have you thought about how you might do it?",
            "혹시 구체적인 방법까지 생각해 보신 적이 있나요?"),
        new("Is there anything within reach that you could use to hurt yourself?",
            "혹시 지금 가까이에 스스로를 해칠 수 있는 물건이 있나요?"),
        new("Is there someone you trust who could be with you today?",
            "오늘 곁에 있어 줄 수 있는 믿을 만한 사람이 있을까요?"),
        new("Are you somewhere safe right now?", "지금 안전한 곳에 계신가요?"),
    ];

    /// <summary>
    /// The screen after statements of wishing to be gone, hopelessness or being a burden: whether they think of ending
    /// their life, how often and how strongly, who can be there, whether they are safe; never the method or the means.
    /// An alert of this kind may be a misreading (a reviewer saw "have you thought about how you might do it?" put to a
    /// parent talking about sleep), and the method question belongs after a statement of a plan.
    /// </summary>
    public static readonly LocalizedText[] QuestionsAfterIdeation = [QuestionsAfterAPlan[0], QuestionsAfterAPlan[1], QuestionsAfterAPlan[4], QuestionsAfterAPlan[5]];
}
