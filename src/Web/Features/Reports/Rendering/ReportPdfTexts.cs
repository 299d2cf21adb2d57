using System.Globalization;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// The PDF's own words (title, headings, labels, notes) in the report's language (<see cref="SessionReport.Language"/>),
/// the same language its prose is written in, so a Korean reader gets a wholly Korean document.
/// </summary>
internal abstract class ReportPdfTexts
{
    private static readonly ReportPdfTexts English = new EnglishTexts();
    private static readonly ReportPdfTexts Korean = new KoreanTexts();

    public static ReportPdfTexts For(string language) => language == ReportTerms.Korean ? Korean : English;

    public abstract string DefaultTitle { get; }

    public abstract string SessionHeading { get; }

    public abstract string SummaryHeading { get; }

    public abstract string OverallHeading { get; }

    public abstract string EmotionsHeading { get; }

    public abstract string VoiceHeading { get; }

    public abstract string DistortionsHeading { get; }

    public abstract string InterventionsHeading { get; }

    public abstract string RiskAlertsHeading { get; }

    public abstract string RecommendationsHeading { get; }

    public abstract string FeedbackHeading { get; }

    public abstract string TranscriptHeading { get; }

    public abstract string ConversationHeading { get; }

    public abstract string You { get; }

    public abstract string Counselor { get; }

    public abstract string ReplyCutOff { get; }

    public abstract string Status { get; }

    public abstract string Started { get; }

    public abstract string Ended { get; }

    public abstract string NotEnded { get; }

    public abstract string ActiveTime { get; }

    public abstract string PausedTime { get; }

    public abstract string WordsSpoken { get; }

    public abstract string Risk { get; }

    public abstract string Dominant { get; }

    public abstract string Readings { get; }

    public abstract string SpeechRatio { get; }

    public abstract string Utterances { get; }

    public abstract string AverageUtterance { get; }

    public abstract string AveragePause { get; }

    public abstract string LongestPause { get; }

    public abstract string SpeechRate { get; }

    public abstract string Rating { get; }

    public abstract string Given { get; }

    public abstract string Comment { get; }

    public abstract string NoObservations { get; }

    public abstract string NoEmotionReadings { get; }

    public abstract string NoDistortions { get; }

    public abstract string NoInterventions { get; }

    public abstract string NoRiskAlerts { get; }

    public abstract string NoRecommendations { get; }

    public abstract string NoFeedback { get; }

    public abstract string NoTranscript { get; }

    public abstract string TranscriptNotStored { get; }

    public abstract string AnalysisOff { get; }

    public abstract string TextNotStored { get; }

    public abstract string RiskAlertNote { get; }

    public abstract string SessionNumber(string sessionId);

    /// <summary>A code from the report (distortion type, emotion label, risk level, ...) as the reader's word for it.</summary>
    public abstract string Term(string code);

    public abstract string StatusName(SessionStatus status);

    public abstract string Duration(int hours, int minutes, int seconds);

    public abstract string Seconds(string number);

    public abstract string WordsPerMinute(string number);

    public abstract string DistortionFinding(string type, string severity, string confidence);

    public abstract string Evidence(string seq);

    public abstract string Intervention(string kind, string distortionType, string? difficulty, string at);

    public abstract string RiskAlert(string at, string level, string segmentSeq);

    private sealed class EnglishTexts : ReportPdfTexts
    {
        public override string DefaultTitle => "Counseling session report";

        public override string SessionHeading => "Session";

        public override string SummaryHeading => "Summary";

        public override string OverallHeading => "Overall assessment";

        public override string EmotionsHeading => "Emotions";

        public override string VoiceHeading => "Voice";

        public override string DistortionsHeading => "Cognitive distortions";

        public override string InterventionsHeading => "Interventions";

        public override string RiskAlertsHeading => "Risk alerts";

        public override string RecommendationsHeading => "Recommendations";

        public override string FeedbackHeading => "Feedback";

        public override string TranscriptHeading => "Transcript";

        public override string ConversationHeading => "Conversation with the counselor";

        public override string You => "You";

        public override string Counselor => "Counselor";

        public override string ReplyCutOff => "(cut off)";

        public override string Status => "Status";

        public override string Started => "Started";

        public override string Ended => "Ended";

        public override string NotEnded => "not ended";

        public override string ActiveTime => "Active time";

        public override string PausedTime => "Paused time";

        public override string WordsSpoken => "Words spoken";

        public override string Risk => "Risk";

        public override string Dominant => "Dominant";

        public override string Readings => "Readings";

        public override string SpeechRatio => "Speech ratio";

        public override string Utterances => "Utterances";

        public override string AverageUtterance => "Average utterance";

        public override string AveragePause => "Average pause";

        public override string LongestPause => "Longest pause";

        public override string SpeechRate => "Speech rate";

        public override string Rating => "Rating";

        public override string Given => "Given";

        public override string Comment => "Comment";

        public override string NoObservations => "No observations.";

        public override string NoEmotionReadings => "No emotion readings.";

        public override string NoDistortions => "None detected.";

        public override string NoInterventions => "None offered.";

        public override string NoRiskAlerts => "No risk alerts.";

        public override string NoRecommendations => "No recommendations.";

        public override string NoFeedback => "No feedback given.";

        public override string NoTranscript => "No transcript.";

        public override string TranscriptNotStored => "The transcript text was not stored for this session (consent).";

        public override string AnalysisOff => "Analysis was turned off for this session.";

        public override string TextNotStored => "(text not stored)";

        public override string RiskAlertNote =>
            "Automated risk signals were raised in this session. They are not a diagnosis. If you or someone else may be " +
            "in danger, contact local emergency services or a crisis line now.";

        public override string SessionNumber(string sessionId) => $"Session {sessionId}";

        public override string Term(string code) => code;

        public override string StatusName(SessionStatus status) => status.ToString();

        public override string Duration(int hours, int minutes, int seconds) =>
            hours > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{hours}h {minutes:00}m {seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{minutes}m {seconds:00}s");

        public override string Seconds(string number) => $"{number} s";

        public override string WordsPerMinute(string number) => $"{number} words/min";

        public override string DistortionFinding(string type, string severity, string confidence) =>
            $"{type}: {severity} severity, confidence {confidence}";

        public override string Evidence(string seq) => $"evidence #{seq}";

        public override string Intervention(string kind, string distortionType, string? difficulty, string at) =>
            difficulty is null ? $"{kind} for {distortionType} ({at})" : $"{kind} for {distortionType}, {difficulty} ({at})";

        public override string RiskAlert(string at, string level, string segmentSeq) => $"{at}: level {level}, transcript segment #{segmentSeq}";
    }

    private sealed class KoreanTexts : ReportPdfTexts
    {
        public override string DefaultTitle => "상담 세션 보고서";

        public override string SessionHeading => "세션 정보";

        public override string SummaryHeading => "요약";

        public override string OverallHeading => "종합 평가";

        public override string EmotionsHeading => "감정";

        public override string VoiceHeading => "음성";

        public override string DistortionsHeading => "인지 왜곡";

        public override string InterventionsHeading => "개입";

        public override string RiskAlertsHeading => "위험 알림";

        public override string RecommendationsHeading => "권장 사항";

        public override string FeedbackHeading => "피드백";

        public override string TranscriptHeading => "대화 기록";

        public override string ConversationHeading => "상담사와 나눈 대화";

        public override string You => "나";

        public override string Counselor => "상담사";

        public override string ReplyCutOff => "(중간에 끊김)";

        public override string Status => "상태";

        public override string Started => "시작";

        public override string Ended => "종료";

        public override string NotEnded => "종료되지 않음";

        public override string ActiveTime => "진행 시간";

        public override string PausedTime => "일시 중지 시간";

        public override string WordsSpoken => "말한 단어 수";

        public override string Risk => "위험도";

        public override string Dominant => "주된 감정";

        public override string Readings => "측정 횟수";

        public override string SpeechRatio => "말한 시간 비율";

        public override string Utterances => "발화 수";

        public override string AverageUtterance => "평균 발화 길이";

        public override string AveragePause => "평균 침묵 길이";

        public override string LongestPause => "가장 긴 침묵";

        public override string SpeechRate => "말하기 속도";

        public override string Rating => "평점";

        public override string Given => "작성 시각";

        public override string Comment => "의견";

        public override string NoObservations => "관찰된 내용이 없습니다.";

        public override string NoEmotionReadings => "측정된 감정이 없습니다.";

        public override string NoDistortions => "감지된 인지 왜곡이 없습니다.";

        public override string NoInterventions => "제시된 개입이 없습니다.";

        public override string NoRiskAlerts => "위험 알림이 없습니다.";

        public override string NoRecommendations => "권장 사항이 없습니다.";

        public override string NoFeedback => "남겨진 피드백이 없습니다.";

        public override string NoTranscript => "대화 기록이 없습니다.";

        public override string TranscriptNotStored => "동의 설정에 따라 이 세션의 대화 내용은 저장되지 않았습니다.";

        public override string AnalysisOff => "이 세션에서는 분석을 사용하지 않았습니다.";

        public override string TextNotStored => "(내용 저장 안 됨)";

        public override string RiskAlertNote =>
            "이 세션에서 위험 신호가 자동으로 감지되었습니다. 이는 진단이 아닙니다. 본인이나 다른 사람이 위험할 수 있다면 " +
            "지금 바로 112·119 같은 긴급 구조기관이나 위기상담전화에 연락하세요.";

        public override string SessionNumber(string sessionId) => $"세션 {sessionId}";

        public override string Term(string code) => ReportTerms.InKorean(code);

        public override string StatusName(SessionStatus status) => status switch
        {
            SessionStatus.Active => "진행 중",
            SessionStatus.Paused => "일시 중지",
            _ => "종료",
        };

        public override string Duration(int hours, int minutes, int seconds) =>
            hours > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{hours}시간 {minutes:00}분 {seconds:00}초")
                : string.Create(CultureInfo.InvariantCulture, $"{minutes}분 {seconds:00}초");

        public override string Seconds(string number) => $"{number}초";

        public override string WordsPerMinute(string number) => $"분당 {number}단어";

        public override string DistortionFinding(string type, string severity, string confidence) =>
            $"{Term(type)}: 심각도 {Term(severity)}, 신뢰도 {confidence}";

        public override string Evidence(string seq) => $"근거 #{seq}";

        public override string Intervention(string kind, string distortionType, string? difficulty, string at) =>
            difficulty is null
                ? $"{Term(distortionType)}에 대한 {Term(kind)} ({at})"
                : $"{Term(distortionType)}에 대한 {Term(kind)}, 난이도 {Term(difficulty)} ({at})";

        public override string RiskAlert(string at, string level, string segmentSeq) => $"{at}: 위험 수준 {Term(level)}, 대화 기록 #{segmentSeq}";
    }
}
