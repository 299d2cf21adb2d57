using BeMore.Grains.Abstractions.Localization;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// The PDF's own words (title, headings, labels, notes) in the report's language (<see cref="SessionReport.Language"/>),
/// the same language its prose is written in, so a Korean reader gets a wholly Korean document.
/// </summary>
internal sealed class ReportPdfTexts
{
    private static readonly LocalizedText DefaultTitleText = new("Counseling session report", "상담 세션 보고서");
    private static readonly LocalizedText SessionHeadingText = new("Session", "세션 정보");
    private static readonly LocalizedText SummaryHeadingText = new("Summary", "요약");
    private static readonly LocalizedText OverallHeadingText = new("Overall assessment", "종합 평가");
    private static readonly LocalizedText EmotionsHeadingText = new("Emotions", "감정");
    private static readonly LocalizedText VoiceHeadingText = new("Voice", "음성");
    private static readonly LocalizedText DistortionsHeadingText = new("Cognitive distortions", "인지 왜곡");
    private static readonly LocalizedText InterventionsHeadingText = new("Interventions", "개입");
    private static readonly LocalizedText RiskAlertsHeadingText = new("Risk alerts", "위험 알림");
    private static readonly LocalizedText RecommendationsHeadingText = new("Recommendations", "권장 사항");
    private static readonly LocalizedText FeedbackHeadingText = new("Feedback", "피드백");
    private static readonly LocalizedText TranscriptHeadingText = new("Transcript", "대화 기록");
    private static readonly LocalizedText ConversationHeadingText = new("Conversation with the counselor", "상담사와 나눈 대화");
    private static readonly LocalizedText YouText = new("You", "나");
    private static readonly LocalizedText CounselorText = new("Counselor", "상담사");
    private static readonly LocalizedText ReplyCutOffText = new("(cut off)", "(중간에 끊김)");
    private static readonly LocalizedText StatusText = new("Status", "상태");
    private static readonly LocalizedText StartedText = new("Started", "시작");
    private static readonly LocalizedText EndedText = new("Ended", "종료");
    private static readonly LocalizedText NotEndedText = new("not ended", "종료되지 않음");
    private static readonly LocalizedText ActiveTimeText = new("Active time", "진행 시간");
    private static readonly LocalizedText PausedTimeText = new("Paused time", "일시 중지 시간");
    private static readonly LocalizedText WordsSpokenText = new("Words spoken", "말한 단어 수");
    private static readonly LocalizedText RiskText = new("Risk", "위험도");
    private static readonly LocalizedText DominantText = new("Dominant", "주된 감정");
    private static readonly LocalizedText ReadingsText = new("Readings", "측정 횟수");
    private static readonly LocalizedText SpeechRatioText = new("Speech ratio", "말한 시간 비율");
    private static readonly LocalizedText UtterancesText = new("Utterances", "발화 수");
    private static readonly LocalizedText AverageUtteranceText = new("Average utterance", "평균 발화 길이");
    private static readonly LocalizedText AveragePauseText = new("Average pause", "평균 침묵 길이");
    private static readonly LocalizedText LongestPauseText = new("Longest pause", "가장 긴 침묵");
    private static readonly LocalizedText SpeechRateText = new("Speech rate", "말하기 속도");
    private static readonly LocalizedText RatingText = new("Rating", "평점");
    private static readonly LocalizedText GivenText = new("Given", "작성 시각");
    private static readonly LocalizedText CommentText = new("Comment", "의견");
    private static readonly LocalizedText NoObservationsText = new("No observations.", "관찰된 내용이 없습니다.");
    private static readonly LocalizedText NoEmotionReadingsText = new("No emotion readings.", "측정된 감정이 없습니다.");
    private static readonly LocalizedText NoDistortionsText = new("None detected.", "감지된 인지 왜곡이 없습니다.");
    private static readonly LocalizedText NoInterventionsText = new("None offered.", "제시된 개입이 없습니다.");
    private static readonly LocalizedText NoRiskAlertsText = new("No risk alerts.", "위험 알림이 없습니다.");
    private static readonly LocalizedText NoRecommendationsText = new("No recommendations.", "권장 사항이 없습니다.");
    private static readonly LocalizedText NoFeedbackText = new("No feedback given.", "남겨진 피드백이 없습니다.");
    private static readonly LocalizedText NoTranscriptText = new("No transcript.", "대화 기록이 없습니다.");

    private static readonly LocalizedText TranscriptNotStoredText = new(
        "The transcript text was not stored for this session (consent).",
        "동의 설정에 따라 이 세션의 대화 내용은 저장되지 않았습니다.");

    private static readonly LocalizedText AnalysisOffText = new("Analysis was turned off for this session.", "이 세션에서는 분석을 사용하지 않았습니다.");
    private static readonly LocalizedText TextNotStoredText = new("(text not stored)", "(내용 저장 안 됨)");

    private static readonly LocalizedText RiskAlertNoteText = new(
        "Automated risk signals were raised in this session. They are not a diagnosis. If you or someone else may be in danger, contact local emergency services or a crisis line now.",
        "이 세션에서 위험 신호가 자동으로 감지되었습니다. 이는 진단이 아닙니다. 본인이나 다른 사람이 위험할 수 있다면 지금 바로 112·119 같은 긴급 구조기관이나 위기상담전화에 연락하세요.");

    private static readonly LocalizedText SessionNumberText = new("Session {0}", "세션 {0}");
    private static readonly LocalizedText DurationText = new("{0}h {1:00}m {2:00}s", "{0}시간 {1:00}분 {2:00}초");
    private static readonly LocalizedText ShortDurationText = new("{0}m {1:00}s", "{0}분 {1:00}초");
    private static readonly LocalizedText SecondsText = new("{0} s", "{0}초");
    private static readonly LocalizedText WordsPerMinuteText = new("{0} words/min", "분당 {0}단어");
    private static readonly LocalizedText DistortionFindingText = new("{0}: {1} severity, confidence {2}", "{0}: 심각도 {1}, 신뢰도 {2}");
    private static readonly LocalizedText EvidenceText = new("evidence #{0}", "근거 #{0}");
    private static readonly LocalizedText InterventionText = new("{0} for {1} ({2})", "{1}에 대한 {0} ({2})");
    private static readonly LocalizedText InterventionWithDifficultyText = new("{0} for {1}, {2} ({3})", "{1}에 대한 {0}, 난이도 {2} ({3})");
    private static readonly LocalizedText RiskAlertText = new("{0}: level {1}, transcript segment #{2}", "{0}: 위험 수준 {1}, 대화 기록 #{2}");

    private static readonly Dictionary<SessionStatus, LocalizedText> StatusNames = new()
    {
        [SessionStatus.Active] = new("Active", "진행 중"),
        [SessionStatus.Paused] = new("Paused", "일시 중지"),
        [SessionStatus.Ended] = new("Ended", "종료"),
    };

    private static readonly ReportPdfTexts English = new(ReportTerms.English);
    private static readonly ReportPdfTexts Korean = new(ReportTerms.Korean);

    private readonly string _language;

    private ReportPdfTexts(string language) => _language = language;

    public static ReportPdfTexts For(string language) => language == ReportTerms.Korean ? Korean : English;

    public string DefaultTitle => DefaultTitleText.In(_language);

    public string SessionHeading => SessionHeadingText.In(_language);

    public string SummaryHeading => SummaryHeadingText.In(_language);

    public string OverallHeading => OverallHeadingText.In(_language);

    public string EmotionsHeading => EmotionsHeadingText.In(_language);

    public string VoiceHeading => VoiceHeadingText.In(_language);

    public string DistortionsHeading => DistortionsHeadingText.In(_language);

    public string InterventionsHeading => InterventionsHeadingText.In(_language);

    public string RiskAlertsHeading => RiskAlertsHeadingText.In(_language);

    public string RecommendationsHeading => RecommendationsHeadingText.In(_language);

    public string FeedbackHeading => FeedbackHeadingText.In(_language);

    public string TranscriptHeading => TranscriptHeadingText.In(_language);

    public string ConversationHeading => ConversationHeadingText.In(_language);

    public string You => YouText.In(_language);

    public string Counselor => CounselorText.In(_language);

    public string ReplyCutOff => ReplyCutOffText.In(_language);

    public string Status => StatusText.In(_language);

    public string Started => StartedText.In(_language);

    public string Ended => EndedText.In(_language);

    public string NotEnded => NotEndedText.In(_language);

    public string ActiveTime => ActiveTimeText.In(_language);

    public string PausedTime => PausedTimeText.In(_language);

    public string WordsSpoken => WordsSpokenText.In(_language);

    public string Risk => RiskText.In(_language);

    public string Dominant => DominantText.In(_language);

    public string Readings => ReadingsText.In(_language);

    public string SpeechRatio => SpeechRatioText.In(_language);

    public string Utterances => UtterancesText.In(_language);

    public string AverageUtterance => AverageUtteranceText.In(_language);

    public string AveragePause => AveragePauseText.In(_language);

    public string LongestPause => LongestPauseText.In(_language);

    public string SpeechRate => SpeechRateText.In(_language);

    public string Rating => RatingText.In(_language);

    public string Given => GivenText.In(_language);

    public string Comment => CommentText.In(_language);

    public string NoObservations => NoObservationsText.In(_language);

    public string NoEmotionReadings => NoEmotionReadingsText.In(_language);

    public string NoDistortions => NoDistortionsText.In(_language);

    public string NoInterventions => NoInterventionsText.In(_language);

    public string NoRiskAlerts => NoRiskAlertsText.In(_language);

    public string NoRecommendations => NoRecommendationsText.In(_language);

    public string NoFeedback => NoFeedbackText.In(_language);

    public string NoTranscript => NoTranscriptText.In(_language);

    public string TranscriptNotStored => TranscriptNotStoredText.In(_language);

    public string AnalysisOff => AnalysisOffText.In(_language);

    public string TextNotStored => TextNotStoredText.In(_language);

    public string RiskAlertNote => RiskAlertNoteText.In(_language);

    public string SessionNumber(string sessionId) => SessionNumberText.Format(_language, sessionId);

    /// <summary>A code from the report (distortion type, emotion label, risk level, ...) as the reader's word for it.</summary>
    public string Term(string code) => ReportTerms.Word(code, _language);

    public string StatusName(SessionStatus status) => StatusNames.TryGetValue(status, out var name) ? name.In(_language) : status.ToString();

    public string Duration(int hours, int minutes, int seconds) =>
        hours > 0 ? DurationText.Format(_language, hours, minutes, seconds) : ShortDurationText.Format(_language, minutes, seconds);

    public string Seconds(string number) => SecondsText.Format(_language, number);

    public string WordsPerMinute(string number) => WordsPerMinuteText.Format(_language, number);

    public string DistortionFinding(string type, string severity, string confidence) =>
        DistortionFindingText.Format(_language, Term(type), Term(severity), confidence);

    public string Evidence(string seq) => EvidenceText.Format(_language, seq);

    public string Intervention(string kind, string distortionType, string? difficulty, string at) =>
        difficulty is null
            ? InterventionText.Format(_language, Term(kind), Term(distortionType), at)
            : InterventionWithDifficultyText.Format(_language, Term(kind), Term(distortionType), Term(difficulty), at);

    public string RiskAlert(string at, string level, string segmentSeq) => RiskAlertText.Format(_language, at, Term(level), segmentSeq);
}
