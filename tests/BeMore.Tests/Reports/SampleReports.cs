using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Reports;

/// <summary>A realistic ended session report with Korean and English text and values that CSV must quote.</summary>
internal static class SampleReports
{
    public const string KoreanSentence = "나는 항상 실패해요";
    public const string NarrativeText = "You looked closely at a harsh thought today and found a kinder way to see it.";
    public const string EnglishSentence = "I always ruin everything";
    public const string QuotedText = "He said, \"fine\"\nand left, 그리고 울었어요";
    public const string FormulaText = "=HYPERLINK(\"http://evil.example\",\"click\")";

    public static readonly DateTimeOffset StartedAt = new(2025, 3, 1, 9, 0, 0, 123, TimeSpan.Zero);

    public static SessionReport Build(int extraTranscriptLines = 0)
    {
        var segments = new List<TranscriptLine>
        {
            Line(1, 0, "ko", KoreanSentence),
            Line(2, 4_000, "en", EnglishSentence),
            Line(3, 9_000, "ko", QuotedText),
            Line(4, 15_000, "en", FormulaText),
            Line(5, 21_000, "en", "-5 is how I feel, @everyone"),
        };
        segments.AddRange(Enumerable.Range(0, extraTranscriptLines).Select(i =>
            Line(6 + i, 30_000 + (i * 5_000), "en", $"Filler line {i}: today I walked to the park and thought about the week ahead.")));

        return new SessionReport(
            SessionId: "s-0001",
            Title: "월요일 상담 / Monday session",
            Status: SessionStatus.Ended,
            StartedAt: StartedAt,
            EndedAt: StartedAt.AddMinutes(42),
            ActiveDurationMs: 38 * 60_000 + 5_000,
            PausedDurationMs: 4 * 60_000,
            Transcript: new TranscriptReport(segments, segments.Sum(line => line.WordCount)),
            Emotion: new EmotionReport(
                [
                    new EmotionPoint(StartedAt.AddSeconds(2), "sad", -0.62, 0.31, ["text", "face"]),
                    new EmotionPoint(StartedAt.AddSeconds(5), "anxious", -0.4, 0.72, ["voice"]),
                    new EmotionPoint(StartedAt.AddSeconds(11), "neutral", 0.05, 0.2, []),
                ],
                new Dictionary<string, double> { ["sad"] = 0.5, ["anxious"] = 0.3, ["neutral"] = 0.2 },
                "sad"),
            Voice: new VoiceReport(0.62, 14, 3_250.5, 1_120.25, 6_400, 118.4,
                [
                    new VoicePoint(StartedAt.AddSeconds(1), true, -23.5),
                    new VoicePoint(StartedAt.AddSeconds(2), false, -61.25),
                ]),
            Distortions:
            [
                new DistortionFinding("all_or_nothing", "high", 0.91, new DistortionEvidence(1, KoreanSentence)),
                new DistortionFinding("overgeneralization", "medium", 0.77, new DistortionEvidence(2, EnglishSentence)),
                new DistortionFinding("labeling", "low", 0.5, new DistortionEvidence(3, QuotedText)),
                new DistortionFinding("catastrophizing", "low", 0.4, new DistortionEvidence(4, null)),
            ],
            Interventions:
            [
                new InterventionEntry(9, StartedAt.AddSeconds(6), "socratic_question", "all_or_nothing",
                    "'항상'이라고 하셨는데, 잘 된 적은 한 번도 없었나요? Was there ever a time it went well?", "easy"),
            ],
            RiskAlerts: [new RiskAlertEntry(12, StartedAt.AddSeconds(16), "elevated", 4)],
            Overall: new OverallAssessment(64, "elevated", ["Frequent absolute language (항상, always).", "Low mood most of the session."]),
            Recommendations: ["Practice a thought record daily.", "다음 상담에서 증거 찾기 연습하기."],
            Feedback: new FeedbackEntry(4, "도움이 됐어요, thanks", StartedAt.AddMinutes(43)),
            Consent: new SessionConsent(Analysis: true, StoreTranscript: true),
            Narrative: new NarrativeSummary(NarrativeText, NarrativeSummary.FromLlm, 20));
    }

    private static TranscriptLine Line(long seq, long startMs, string language, string text) =>
        new(seq, StartedAt.AddMilliseconds(startMs + 2_500), startMs, startMs + 2_500, language,
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, text);
}
