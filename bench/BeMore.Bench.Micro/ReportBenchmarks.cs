using BeMore.Domain.Analysis;
using BeMore.Domain.Reports;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;
using BenchmarkDotNet.Attributes;

namespace BeMore.Bench.Micro;

/// <summary>
/// The report of a one-hour session: a transcript segment every 5 s (720), a voice-activity update at every
/// utterance start and end, a fused emotion update every 10 s, an analysis rollup every 30 s, and the distortions
/// and interventions the analysers find in the sentences, built from the event list as the report grain does.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private SessionSnapshot _snapshot = null!;
    private List<SessionEvent> _events = [];

    [GlobalSetup]
    public void Setup()
    {
        const string id = "bench-session";
        var emotion = new TextEmotionAnalyzer();
        var events = new List<SessionEvent>();
        void Add(long ms, SessionEventData data) => events.Add(new SessionEvent(id, events.Count + 1, Start.AddMilliseconds(ms), data));

        Add(0, new StatusChanged(null, SessionStatus.Active, "started"));
        var words = 0;
        for (var ms = 0L; ms < 3_600_000; ms += 5000)
        {
            var sentence = Sentences.English[(int)(ms / 5000) % Sentences.English.Length];
            var wordCount = sentence.Split(' ').Length;
            words += wordCount;
            Add(ms, new VadUpdate(true, ms, 0, 800, -30, (int)(ms / 5000) + 1));
            Add(ms + 4000, new VadUpdate(false, ms + 4000, 4000, 0, -30, (int)(ms / 5000) + 1));
            Add(ms + 4000, new TranscriptSegment($"segment-{ms}", sentence, ms, ms + 4000, "en", wordCount, TranscriptSegment.FromClient));
            var segmentSeq = (long)events.Count;
            foreach (var match in DistortionDetector.Detect(sentence))
            {
                Add(ms + 4000, new DistortionDetected(match.Type.ToCode(), match.Severity.ToString().ToLowerInvariant(), match.Confidence, segmentSeq, match.Evidence.Text));
                Add(ms + 4000, new CbtIntervention("question", match.Type.ToCode(), "What evidence do you have for that thought?", null, segmentSeq));
            }

            if (ms % 10_000 == 0)
            {
                var reading = emotion.Analyze(sentence);
                var label = reading.Label.ToString().ToLowerInvariant();
                Add(ms + 4000, new EmotionUpdate(label, reading.Valence, reading.Arousal, reading.Confidence,
                    [new BeMore.Grains.Abstractions.Sessions.EmotionSource("text", label, reading.Valence, reading.Arousal, reading.Confidence, 1)]));
            }

            if (ms % 30_000 == 0)
            {
                Add(ms + 4000, new AnalysisResult("neutral", 0.8, (int)(ms / 5000) + 1, new Dictionary<string, int> { ["catastrophizing"] = 1 }, RiskLevels.None));
            }
        }

        Add(3_600_000, new SessionEnded(3_600_000, 0, 720, words, "neutral", RiskLevels.None));
        _events = events;
        _snapshot = new SessionSnapshot(id, SessionStatus.Ended, "One hour", Start, Start.AddHours(1), 3_600_000, 0, events.Count,
            new SessionConsent(true, true), null, new SessionMetrics(720, words, 0, 0, RiskLevels.None, 720, "neutral"));
    }

    [Benchmark]
    public SessionReport ReportForOneHourSession() => SessionReportBuilder.Build(_snapshot, _events);
}
