using BeMore.Domain.Analysis;
using BeMore.Domain.Voice;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Domain.Reports;

/// <summary>
/// Turns a session's events into its report. Pure: the same snapshot and events always give the same report,
/// however often it is generated.
/// </summary>
public static class SessionReportBuilder
{
    /// <param name="language">The reader's language for the report's prose; the same inputs and language always give the same report.</param>
    public static SessionReport Build(SessionSnapshot snapshot, IReadOnlyList<SessionEvent> events, TextLanguage language = TextLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(events);
        var segments = events
            .Where(e => e.Data is TranscriptSegment)
            .Select(e => (Event: e, Segment: (TranscriptSegment)e.Data))
            .Select(s => new TranscriptLine(s.Event.Seq, s.Event.At, s.Segment.StartMs, s.Segment.EndMs, s.Segment.Language, s.Segment.WordCount, s.Segment.Text))
            .ToList();
        var transcriptText = segments.ToDictionary(s => s.Seq, s => s.Text);

        var emotion = BuildEmotion(events);
        var voice = BuildVoice(events, segments);
        var distortions = events
            .Where(e => e.Data is DistortionDetected)
            .Select(e => (DistortionDetected)e.Data)
            .Select(d => new DistortionFinding(d.DistortionType, d.Severity, d.Confidence,
                new DistortionEvidence(d.SegmentSeq, transcriptText.GetValueOrDefault(d.SegmentSeq) is null ? null : d.Evidence)))
            .ToList();
        var interventions = events
            .Where(e => e.Data is CbtIntervention)
            .Select(e => (Event: e, Intervention: (CbtIntervention)e.Data))
            .Select(i => new InterventionEntry(i.Event.Seq, i.Event.At, i.Intervention.Kind, i.Intervention.DistortionType, i.Intervention.Text, i.Intervention.Difficulty))
            .ToList();
        var riskAlerts = events
            .Where(e => e.Data is RiskAlert)
            .Select(e => (Event: e, Alert: (RiskAlert)e.Data))
            .Select(r => new RiskAlertEntry(r.Event.Seq, r.Event.At, r.Alert.Level, r.Alert.SegmentSeq, r.Alert.Severity))
            .ToList();
        var feedback = events
            .Where(e => e.Data is FeedbackSubmitted)
            .Select(e => (Event: e, Feedback: (FeedbackSubmitted)e.Data))
            .Select(f => new FeedbackEntry(f.Feedback.Rating, f.Feedback.Comment, f.Event.At))
            .LastOrDefault();

        var texts = ReportTexts.For(language);
        var overall = Assess(texts, distortions, riskAlerts, emotion, segments.Count, events.Count == 0 ? 0 : events[^1].Seq);
        var recommendations = Recommend(texts, distortions, overall);
        return new SessionReport(
            snapshot.Id,
            snapshot.Title,
            snapshot.Status,
            snapshot.StartedAt,
            snapshot.EndedAt,
            snapshot.ActiveDurationMs,
            snapshot.PausedDurationMs,
            new TranscriptReport(segments, segments.Sum(s => s.WordCount)),
            emotion,
            voice,
            distortions,
            interventions,
            riskAlerts,
            overall,
            recommendations,
            feedback,
            snapshot.Consent,
            Narrate(texts, snapshot, events, emotion, distortions, interventions.Count, overall),
            language.ToCode(),
            Converse(events));
    }

    /// <summary>The user's messages, the turns the counselor answered, and its replies, in the order they were stored.</summary>
    private static List<ConversationLine> Converse(IReadOnlyList<SessionEvent> events)
    {
        var answered = events.Select(e => e.Data).OfType<CounselorReply>().Select(r => r.InReplyToSeq).ToHashSet();
        return events
            .Select(e => e.Data switch
            {
                TranscriptSegment s when s.Source == TranscriptSegment.FromChat || answered.Contains(e.Seq) =>
                    new ConversationLine(e.Seq, e.At, ConversationLine.User, s.Source, s.Text, null, null, true, false),
                CounselorReply r =>
                    new ConversationLine(e.Seq, e.At, ConversationLine.Counselor, r.Source, r.Text, r.ReplyId, r.InReplyToSeq, r.Complete, r.Cancelled),
                _ => null,
            })
            .OfType<ConversationLine>()
            .ToList();
    }

    /// <summary>
    /// The LLM's narrative when one was stored (the first: it is written once), else one composed from the report's
    /// own figures; none without analysis consent.
    /// </summary>
    private static NarrativeSummary? Narrate(
        ReportTexts texts, SessionSnapshot snapshot, IReadOnlyList<SessionEvent> events, EmotionReport emotion, IReadOnlyList<DistortionFinding> distortions,
        int interventionCount, OverallAssessment overall)
    {
        if (!snapshot.Consent.Analysis)
        {
            return null;
        }

        if (events.Select(e => e.Data).OfType<NarrativeSummaryWritten>().FirstOrDefault() is { } written)
        {
            return new NarrativeSummary(written.Text, NarrativeSummary.FromLlm, written.ThroughSeq);
        }

        var minutes = Math.Round(snapshot.ActiveDurationMs / 60_000.0, 1);
        var sentences = new List<string> { texts.ActiveMinutes(minutes) };
        if (emotion.Dominant is { } dominant)
        {
            sentences.Add(texts.EmotionNoticedMost(dominant));
        }

        sentences.Add(distortions.Count == 0
            ? texts.NoPatternsNoticed
            : texts.PatternsNoticed(distortions.Count, MostFrequent(distortions), interventionCount));
        if (RiskLevels.Rank(overall.RiskLevel) >= RiskLevels.Rank(RiskLevels.Elevated))
        {
            sentences.Add(texts.HardTime);
        }

        return new NarrativeSummary(string.Join(" ", sentences), NarrativeSummary.FromLocal, events.Count == 0 ? 0 : events[^1].Seq);
    }

    private static string MostFrequent(IReadOnlyList<DistortionFinding> distortions) => distortions
        .GroupBy(d => d.Type, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static EmotionReport BuildEmotion(IReadOnlyList<SessionEvent> events)
    {
        var timeline = events
            .Where(e => e.Data is EmotionUpdate)
            .Select(e => (Event: e, Emotion: (EmotionUpdate)e.Data))
            .Select(x => new EmotionPoint(x.Event.At, x.Emotion.Label, x.Emotion.Valence, x.Emotion.Arousal, x.Emotion.Sources.Select(s => s.Modality).ToList()))
            .ToList();
        var distribution = timeline
            .GroupBy(point => point.Label, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Math.Round((double)group.Count() / timeline.Count, 3));
        var dominant = distribution.Count == 0
            ? null
            : distribution.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;
        return new EmotionReport(timeline, distribution, dominant);
    }

    /// <summary>
    /// Utterances are rebuilt from the speech start/stop transitions, which every vad_update stream contains, by the
    /// calculator the live view reads; like the report's utterance count, its figures cover finished utterances only.
    /// </summary>
    private static VoiceReport BuildVoice(IReadOnlyList<SessionEvent> events, IReadOnlyList<TranscriptLine> segments)
    {
        var updates = events.Where(e => e.Data is VadUpdate).Select(e => (Event: e, Vad: (VadUpdate)e.Data)).ToList();
        var speech = new SpeechPauseCalculator();
        foreach (var (_, vad) in updates)
        {
            speech.Observe(vad.Speaking, vad.AtMs);
        }

        var timeline = updates.Select(u => new VoicePoint(u.Event.At, u.Vad.Speaking, u.Vad.LevelDb)).ToList();
        if (speech.UtteranceCount == 0)
        {
            return new VoiceReport(0, 0, 0, 0, 0, 0, timeline);
        }

        return new VoiceReport(
            speech.SpeechRatio(countOpenUtterance: false) ?? 0,
            speech.UtteranceCount,
            speech.AverageUtteranceMs,
            speech.AveragePauseMs,
            speech.LongestPauseMs,
            speech.WordsPerMinute(segments.Sum(s => s.WordCount)),
            timeline);
    }

    private static OverallAssessment Assess(
        ReportTexts texts, IReadOnlyList<DistortionFinding> distortions, IReadOnlyList<RiskAlertEntry> alerts, EmotionReport emotion, int segmentCount,
        long lastSeq)
    {
        var riskLevel = alerts.Select(a => a.Level).Aggregate(RiskLevels.None, RiskLevels.Max);
        var score = alerts.Count == 0 ? Math.Min(30, distortions.Count * 3) : RiskScore(alerts, lastSeq);
        var observations = new List<string>();
        if (alerts.Count > 0)
        {
            observations.Add(texts.RiskDetected(alerts.Count, riskLevel));
        }

        if (distortions.Count > 0)
        {
            var top = MostFrequent(distortions);
            observations.Add(texts.DistortionsDetected(distortions.Count, top, distortions.Count(d => d.Type == top)));
        }

        if (emotion.Dominant is { } dominant)
        {
            observations.Add(texts.DominantEmotion(dominant));
        }

        observations.Add(texts.SegmentsRecorded(segmentCount));
        return new OverallAssessment(score, riskLevel, observations);
    }

    /// <summary>
    /// 31..100 from the alerts' evidence: each alert is a chance of real risk that grows with its level (high 0.8,
    /// elevated 0.4), with how far it goes (a plan or means x1.1, an act x1.2) and with its recency (an alert at the end of
    /// the session counts fully, one at its start 0.7); the chances combine as independent evidence, 1 - Π(1 - e), so
    /// every further alert raises the score and none takes it past 100. Below 31 are sessions without alerts.
    /// </summary>
    private static int RiskScore(IReadOnlyList<RiskAlertEntry> alerts, long lastSeq)
    {
        var noRisk = 1.0;
        foreach (var alert in alerts)
        {
            var level = RiskLevels.Rank(alert.Level) >= RiskLevels.Rank(RiskLevels.High) ? 0.8 : 0.4;
            var severity = alert.Severity switch
            {
                "act" => 1.2,
                "plan_means" => 1.1,
                _ => 1.0,
            };
            var recency = 0.7 + (0.3 * (lastSeq <= 0 ? 1 : Math.Clamp((double)alert.Seq / lastSeq, 0, 1)));
            noRisk *= 1 - Math.Min(0.95, level * severity * recency);
        }

        return 31 + (int)Math.Round(69 * (1 - noRisk));
    }

    private static List<string> Recommend(ReportTexts texts, IReadOnlyList<DistortionFinding> distortions, OverallAssessment overall)
    {
        var recommendations = new List<string>();
        if (RiskLevels.Rank(overall.RiskLevel) >= RiskLevels.Rank(RiskLevels.Elevated))
        {
            recommendations.Add(texts.ReachOut);
        }

        foreach (var type in distortions.Select(d => d.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            recommendations.Add(texts.PractiseNoticing(type));
        }

        if (recommendations.Count == 0)
        {
            recommendations.Add(texts.KeepAJournal);
        }

        return recommendations;
    }
}
