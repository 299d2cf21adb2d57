using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Sessions;

/// <summary>
/// Running counts over a session's events: bounded in size (a handful of counters and label tallies), rebuilt from
/// the log after <see cref="CounselingSessionState.AppliedSeq"/> on activation.
/// </summary>
[GenerateSerializer, Alias("bemore.SessionAggregates")]
public sealed class SessionAggregates
{
    [Id(0)] public int SegmentCount { get; set; }
    [Id(1)] public int WordCount { get; set; }
    [Id(2)] public Dictionary<string, int> DistortionCounts { get; set; } = [];
    [Id(3)] public int InterventionCount { get; set; }
    [Id(4)] public string RiskLevel { get; set; } = RiskLevels.None;
    [Id(5)] public int UtteranceCount { get; set; }
    [Id(6)] public Dictionary<string, int> EmotionCounts { get; set; } = [];
    [Id(7)] public LatestEmotion? LatestEmotion { get; set; }

    /// <summary>The segment that raised the last risk alert (0: none yet).</summary>
    [Id(8)] public long LastRiskSegmentSeq { get; set; }

    /// <summary>The counselor's last reply (0: none yet).</summary>
    [Id(9)] public long LastReplySeq { get; set; }

    public string? DominantEmotion => EmotionCounts.Count == 0
        ? null
        : EmotionCounts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;

    public void Apply(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        switch (sessionEvent.Data)
        {
            case TranscriptSegment segment:
                SegmentCount++;
                WordCount += segment.WordCount;
                break;
            case DistortionDetected distortion:
                DistortionCounts[distortion.DistortionType] = DistortionCounts.GetValueOrDefault(distortion.DistortionType) + 1;
                break;
            case CbtIntervention:
                InterventionCount++;
                break;
            case RiskAlert alert:
                RiskLevel = RiskLevels.Max(RiskLevel, alert.Level);
                LastRiskSegmentSeq = alert.SegmentSeq;
                break;
            case CounselorReply:
                LastReplySeq = sessionEvent.Seq;
                break;
            case VadUpdate vad:
                UtteranceCount = Math.Max(UtteranceCount, vad.UtteranceCount);
                break;
            case EmotionUpdate emotion:
                EmotionCounts[emotion.Label] = EmotionCounts.GetValueOrDefault(emotion.Label) + 1;
                LatestEmotion = new LatestEmotion(emotion.Label, emotion.Valence, emotion.Arousal, sessionEvent.At);
                break;
        }
    }

    public SessionMetrics ToMetrics() => new(
        SegmentCount, WordCount, DistortionCounts.Values.Sum(), InterventionCount, RiskLevel, UtteranceCount, DominantEmotion);
}
