using BeMore.Grains.Abstractions.Localization;

namespace BeMore.Grains.Sessions;

/// <summary>
/// What a risk statement is answered with, in the person's language: fixed, reviewed, never generated. The crisis line is
/// the built-in one; an operator replaces it per language (<see cref="CounselingSessionOptions.CrisisLineIn"/>).
/// </summary>
public static class SafetyTexts
{
    public static readonly LocalizedText CrisisLine = new(
        "If you are in danger or thinking about ending your life, call your local emergency number now. " +
            "Korea: 109 (suicide prevention, 24h) or 1577-0199 (mental health crisis line).",
        "지금 위험하거나 스스로 목숨을 끊을 생각이 든다면 바로 119에 전화해 주세요. " +
            "자살예방상담전화 109(24시간)나 정신건강위기상담전화 1577-0199에서 언제든 도움을 받을 수 있어요.");

    public static readonly LocalizedText Reply = new(
        "Thank you for telling me this. I'm concerned about your safety, and you don't have to carry this alone. " +
            "Please reach out right now to someone who can help.",
        "이야기해 주셔서 고마워요. 지금 무엇보다 당신의 안전이 걱정돼요. 혼자 견디지 않으셔도 돼요. " +
            "지금 바로 도움을 줄 수 있는 곳에 연락해 주세요.");

    public static readonly LocalizedText Question = new("Are you somewhere safe right now?", "지금 안전한 곳에 계신가요?");
}
