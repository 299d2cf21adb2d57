using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Localization;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Domain.Reports;

/// <summary>
/// The report's prose (observations, recommendations, the locally composed narrative) in the reader's language, the
/// user's preference, so a Korean reader is not handed English sentences. Codes (distortion types, emotion labels,
/// risk levels) stay codes everywhere else in the report; in the prose they are the reader's words (<see cref="ReportTerms"/>).
/// </summary>
internal sealed class ReportTexts
{
    private static readonly LocalizedText ReachOutText = new(
        "Reach out to a crisis line or a mental-health professional today; you do not have to handle this alone.",
        "오늘 위기상담전화나 정신건강 전문가에게 연락해 보세요. 혼자 감당하지 않아도 됩니다.");

    private static readonly LocalizedText KeepAJournalText = new(
        "Keep a short daily mood and thought journal to bring to your next session.",
        "다음 상담에 가져올 수 있도록 매일 짧게 기분과 생각을 일기로 적어 보세요.");

    private static readonly LocalizedText NoPatternsNoticedText = new(
        "No unhelpful thinking patterns were noticed.",
        "도움이 되지 않는 생각 패턴은 발견되지 않았습니다.");

    private static readonly LocalizedText HardTimeText = new(
        "Some of what was said suggests you may be going through a very hard time; please reach out to a crisis line or a professional.",
        "이야기하신 내용으로 보아 매우 힘든 시간을 보내고 계신 것 같습니다. 위기상담전화나 전문가에게 꼭 연락해 주세요.");

    private static readonly LocalizedText RiskDetectedText = new(
        "Risk language was detected {0} time(s); highest level: {1}.",
        "위험 표현이 {0}회 감지되었습니다. 가장 높은 수준: {1}.");

    private static readonly LocalizedText DistortionsDetectedText = new(
        "{0} cognitive distortion(s) detected; most frequent: {1} ({2}).",
        "인지 왜곡이 {0}회 감지되었습니다. 가장 잦은 유형: {1} ({2}회).");

    private static readonly LocalizedText DominantEmotionText = new("Dominant emotion: {0}.", "주된 감정: {0}.");

    private static readonly LocalizedText SegmentsRecordedText = new("{0} transcript segment(s) recorded.", "대화 기록 {0}개가 저장되었습니다.");

    private static readonly LocalizedText PractiseNoticingText = new(
        "Practise noticing {0} thoughts and ask what evidence supports and contradicts them.",
        "'{0}' 생각을 알아차리는 연습을 하고, 그 생각을 뒷받침하는 증거와 반대되는 증거를 찾아보세요.");

    private static readonly LocalizedText ActiveMinutesText = new(
        "This session ran for {0} active minute(s).",
        "이번 상담은 {0}분 동안 진행되었습니다.");

    private static readonly LocalizedText EmotionNoticedMostText = new(
        "The emotion noticed most often was {0}.",
        "가장 자주 나타난 감정은 {0}입니다.");

    private static readonly LocalizedText PatternsNoticedText = new(
        "{0} unhelpful thinking pattern(s) were noticed, most often {1}, and {2} question(s) and task(s) were offered to examine them.",
        "도움이 되지 않는 생각 패턴이 {0}회 발견되었고, 가장 잦은 것은 '{1}'였습니다. 이를 살펴보기 위한 질문과 과제 {2}개가 제시되었습니다.");

    private static readonly ReportTexts English = new(ReportTerms.English);
    private static readonly ReportTexts Korean = new(ReportTerms.Korean);

    private readonly string _language;

    private ReportTexts(string language) => _language = language;

    public static ReportTexts For(TextLanguage language) => language == TextLanguage.Korean ? Korean : English;

    public string ReachOut => ReachOutText.In(_language);

    public string KeepAJournal => KeepAJournalText.In(_language);

    public string NoPatternsNoticed => NoPatternsNoticedText.In(_language);

    public string HardTime => HardTimeText.In(_language);

    public string RiskDetected(int count, string level) => RiskDetectedText.Format(_language, count, Term(level));

    public string DistortionsDetected(int count, string type, int typeCount) => DistortionsDetectedText.Format(_language, count, Term(type), typeCount);

    public string DominantEmotion(string label) => DominantEmotionText.Format(_language, Term(label));

    public string SegmentsRecorded(int count) => SegmentsRecordedText.Format(_language, count);

    public string PractiseNoticing(string type) => PractiseNoticingText.Format(_language, Phrase(type));

    public string ActiveMinutes(double minutes) => ActiveMinutesText.Format(_language, minutes);

    public string EmotionNoticedMost(string label) => EmotionNoticedMostText.Format(_language, Term(label));

    public string PatternsNoticed(int count, string type, int offered) => PatternsNoticedText.Format(_language, count, Phrase(type), offered);

    private string Term(string code) => ReportTerms.Word(code, _language);

    /// <summary>A code inside a sentence: English prose writes it as words ("all or nothing"), Korean uses its term.</summary>
    private string Phrase(string code) => _language == ReportTerms.Korean ? Term(code) : code.Replace('_', ' ');
}
