using System.Globalization;
using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Domain.Reports;

/// <summary>
/// The report's prose (observations, recommendations, the locally composed narrative) in the reader's language, the
/// user's preference, so a Korean reader is not handed English sentences. Codes (distortion types, emotion labels,
/// risk levels) stay codes everywhere else in the report.
/// </summary>
internal abstract class ReportTexts
{
    private static readonly ReportTexts English = new EnglishTexts();
    private static readonly ReportTexts Korean = new KoreanTexts();

    public static ReportTexts For(TextLanguage language) => language == TextLanguage.Korean ? Korean : English;

    public abstract string RiskDetected(int count, string level);

    public abstract string DistortionsDetected(int count, string type, int typeCount);

    public abstract string DominantEmotion(string label);

    public abstract string SegmentsRecorded(int count);

    public abstract string ReachOut { get; }

    public abstract string PractiseNoticing(string type);

    public abstract string KeepAJournal { get; }

    public abstract string ActiveMinutes(double minutes);

    public abstract string EmotionNoticedMost(string label);

    public abstract string NoPatternsNoticed { get; }

    public abstract string PatternsNoticed(int count, string type, int offered);

    public abstract string HardTime { get; }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class EnglishTexts : ReportTexts
    {
        public override string ReachOut => "Reach out to a crisis line or a mental-health professional today; you do not have to handle this alone.";

        public override string KeepAJournal => "Keep a short daily mood and thought journal to bring to your next session.";

        public override string NoPatternsNoticed => "No unhelpful thinking patterns were noticed.";

        public override string HardTime =>
            "Some of what was said suggests you may be going through a very hard time; please reach out to a crisis line or a professional.";

        public override string RiskDetected(int count, string level) => $"Risk language was detected {count} time(s); highest level: {level}.";

        public override string DistortionsDetected(int count, string type, int typeCount) =>
            $"{count} cognitive distortion(s) detected; most frequent: {type} ({typeCount}).";

        public override string DominantEmotion(string label) => $"Dominant emotion: {label}.";

        public override string SegmentsRecorded(int count) => $"{count} transcript segment(s) recorded.";

        public override string PractiseNoticing(string type) =>
            $"Practise noticing {type.Replace('_', ' ')} thoughts and ask what evidence supports and contradicts them.";

        public override string ActiveMinutes(double minutes) => $"This session ran for {Number(minutes)} active minute(s).";

        public override string EmotionNoticedMost(string label) => $"The emotion noticed most often was {label}.";

        public override string PatternsNoticed(int count, string type, int offered) =>
            $"{count} unhelpful thinking pattern(s) were noticed, most often {type.Replace('_', ' ')}, and {offered} question(s) and task(s) were offered to examine them.";
    }

    private sealed class KoreanTexts : ReportTexts
    {
        public override string ReachOut => "오늘 위기상담전화나 정신건강 전문가에게 연락해 보세요. 혼자 감당하지 않아도 됩니다.";

        public override string KeepAJournal => "다음 상담에 가져올 수 있도록 매일 짧게 기분과 생각을 일기로 적어 보세요.";

        public override string NoPatternsNoticed => "도움이 되지 않는 생각 패턴은 발견되지 않았습니다.";

        public override string HardTime => "이야기하신 내용으로 보아 매우 힘든 시간을 보내고 계신 것 같습니다. 위기상담전화나 전문가에게 꼭 연락해 주세요.";

        public override string RiskDetected(int count, string level) => $"위험 표현이 {count}회 감지되었습니다. 가장 높은 수준: {Word(level)}.";

        public override string DistortionsDetected(int count, string type, int typeCount) =>
            $"인지 왜곡이 {count}회 감지되었습니다. 가장 잦은 유형: {Distortion(type)} ({typeCount}회).";

        public override string DominantEmotion(string label) => $"주된 감정: {Word(label)}.";

        public override string SegmentsRecorded(int count) => $"대화 기록 {count}개가 저장되었습니다.";

        public override string PractiseNoticing(string type) =>
            $"'{Distortion(type)}' 생각을 알아차리는 연습을 하고, 그 생각을 뒷받침하는 증거와 반대되는 증거를 찾아보세요.";

        public override string ActiveMinutes(double minutes) => $"이번 상담은 {Number(minutes)}분 동안 진행되었습니다.";

        public override string EmotionNoticedMost(string label) => $"가장 자주 나타난 감정은 {Word(label)}입니다.";

        public override string PatternsNoticed(int count, string type, int offered) =>
            $"도움이 되지 않는 생각 패턴이 {count}회 발견되었고, 가장 잦은 것은 '{Distortion(type)}'였습니다. 이를 살펴보기 위한 질문과 과제 {offered}개가 제시되었습니다.";

        private static string Distortion(string type) => ReportTerms.InKorean(type);

        private static string Word(string code) => ReportTerms.InKorean(code);
    }
}
