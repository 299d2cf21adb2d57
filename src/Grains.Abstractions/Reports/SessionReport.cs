using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Abstractions.Reports;

/// <summary>
/// The end-of-session report (API.md "Report JSON"), computed only from the session's events, so the same events
/// always give the same report. <see cref="Language"/> (<c>ko</c> or <c>en</c>) is the reader's language the prose is
/// written in; renderings (the PDF) use it for their own words too.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionReport")]
public sealed record SessionReport(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string? Title,
    [property: Id(2)] SessionStatus Status,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? EndedAt,
    [property: Id(5)] long ActiveDurationMs,
    [property: Id(6)] long PausedDurationMs,
    [property: Id(7)] TranscriptReport Transcript,
    [property: Id(8)] EmotionReport Emotion,
    [property: Id(9)] VoiceReport Voice,
    [property: Id(10)] IReadOnlyList<DistortionFinding> Distortions,
    [property: Id(11)] IReadOnlyList<InterventionEntry> Interventions,
    [property: Id(12)] IReadOnlyList<RiskAlertEntry> RiskAlerts,
    [property: Id(13)] OverallAssessment Overall,
    [property: Id(14)] IReadOnlyList<string> Recommendations,
    [property: Id(15)] FeedbackEntry? Feedback,
    [property: Id(16)] SessionConsent Consent,
    [property: Id(17)] NarrativeSummary? Narrative = null,
    [property: Id(18)] string Language = ReportTerms.English,
    [property: Id(19)] IReadOnlyList<ConversationLine>? Conversation = null);

/// <summary>
/// One turn of the conversation with the counselor, in order: the user's messages (and, in auto mode, the spoken turns
/// that were answered) with <see cref="Role"/> <c>user</c>, and the replies with <see cref="Role"/> <c>counselor</c>.
/// A user line's <see cref="Text"/> is null when the transcript was not stored (consent). <see cref="Source"/> is the
/// segment's source (<c>chat</c>, <c>client</c>, <c>stt</c>) or the reply's (<c>llm</c>, <c>local</c>, <c>safety</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.ConversationLine")]
public sealed record ConversationLine(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Role,
    [property: Id(3)] string Source,
    [property: Id(4)] string? Text,
    [property: Id(5)] string? ReplyId,
    [property: Id(6)] long? InReplyToSeq,
    [property: Id(7)] bool Complete,
    [property: Id(8)] bool Cancelled)
{
    public const string User = "user";
    public const string Counselor = "counselor";
}

/// <summary>
/// A few sentences summarizing the session for the client. <see cref="Source"/> is <c>llm</c> when the configured
/// LLM wrote it (stored as an event, covering events up to <see cref="ThroughSeq"/>) or <c>local</c> when it is
/// composed from the report itself; null without analysis consent.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.NarrativeSummary")]
public sealed record NarrativeSummary(
    [property: Id(0)] string Text,
    [property: Id(1)] string Source,
    [property: Id(2)] long ThroughSeq)
{
    public const string FromLlm = "llm";
    public const string FromLocal = "local";
}

/// <summary>One transcript segment; <see cref="Text"/> is null when the transcript was not stored (consent).</summary>
[GenerateSerializer, Immutable, Alias("bemore.TranscriptLine")]
public sealed record TranscriptLine(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long StartMs,
    [property: Id(3)] long EndMs,
    [property: Id(4)] string Language,
    [property: Id(5)] int WordCount,
    [property: Id(6)] string? Text);

[GenerateSerializer, Immutable, Alias("bemore.TranscriptReport")]
public sealed record TranscriptReport(
    [property: Id(0)] IReadOnlyList<TranscriptLine> Segments,
    [property: Id(1)] int WordCount);

[GenerateSerializer, Immutable, Alias("bemore.EmotionPoint")]
public sealed record EmotionPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Label,
    [property: Id(2)] double Valence,
    [property: Id(3)] double Arousal,
    [property: Id(4)] IReadOnlyList<string> Sources);

/// <summary><see cref="Distribution"/> is the share (0..1) of readings per label.</summary>
[GenerateSerializer, Immutable, Alias("bemore.EmotionReport")]
public sealed record EmotionReport(
    [property: Id(0)] IReadOnlyList<EmotionPoint> Timeline,
    [property: Id(1)] IReadOnlyDictionary<string, double> Distribution,
    [property: Id(2)] string? Dominant);

[GenerateSerializer, Immutable, Alias("bemore.VoicePoint")]
public sealed record VoicePoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Speaking,
    [property: Id(2)] double LevelDb);

[GenerateSerializer, Immutable, Alias("bemore.VoiceReport")]
public sealed record VoiceReport(
    [property: Id(0)] double SpeechRatio,
    [property: Id(1)] int UtteranceCount,
    [property: Id(2)] double AvgUtteranceMs,
    [property: Id(3)] double AvgPauseMs,
    [property: Id(4)] double LongestPauseMs,
    [property: Id(5)] double SpeechRateWpm,
    [property: Id(6)] IReadOnlyList<VoicePoint> Timeline);

[GenerateSerializer, Immutable, Alias("bemore.DistortionEvidence")]
public sealed record DistortionEvidence(
    [property: Id(0)] long Seq,
    [property: Id(1)] string? Text);

[GenerateSerializer, Immutable, Alias("bemore.DistortionFinding")]
public sealed record DistortionFinding(
    [property: Id(0)] string Type,
    [property: Id(1)] string Severity,
    [property: Id(2)] double Confidence,
    [property: Id(3)] DistortionEvidence Evidence);

[GenerateSerializer, Immutable, Alias("bemore.InterventionEntry")]
public sealed record InterventionEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string DistortionType,
    [property: Id(4)] string Text,
    [property: Id(5)] string? Difficulty);

[GenerateSerializer, Immutable, Alias("bemore.RiskAlertEntry")]
public sealed record RiskAlertEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Level,
    [property: Id(3)] long SegmentSeq,
    [property: Id(4)] string? Severity = null);

/// <summary><see cref="RiskScore"/> is 0..100; <see cref="RiskLevel"/> none, low, elevated or high.</summary>
[GenerateSerializer, Immutable, Alias("bemore.OverallAssessment")]
public sealed record OverallAssessment(
    [property: Id(0)] int RiskScore,
    [property: Id(1)] string RiskLevel,
    [property: Id(2)] IReadOnlyList<string> Observations);

[GenerateSerializer, Immutable, Alias("bemore.FeedbackEntry")]
public sealed record FeedbackEntry(
    [property: Id(0)] int Rating,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset At);
