using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// The payload of a <see cref="SessionEvent"/>. Each subclass is listed once, in a <see cref="JsonDerivedTypeAttribute"/>
/// whose discriminator is both the API's <c>type</c> field and the tag of the stored JSON. Ids and tags are never reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionEventData")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StatusChanged), StatusChanged.TypeName)]
[JsonDerivedType(typeof(TranscriptSegment), TranscriptSegment.TypeName)]
[JsonDerivedType(typeof(VadUpdate), VadUpdate.TypeName)]
[JsonDerivedType(typeof(Utterance), Utterance.TypeName)]
[JsonDerivedType(typeof(EmotionUpdate), EmotionUpdate.TypeName)]
[JsonDerivedType(typeof(DistortionDetected), DistortionDetected.TypeName)]
[JsonDerivedType(typeof(CbtIntervention), CbtIntervention.TypeName)]
[JsonDerivedType(typeof(RiskAlert), RiskAlert.TypeName)]
[JsonDerivedType(typeof(AnalysisResult), AnalysisResult.TypeName)]
[JsonDerivedType(typeof(SessionEnded), SessionEnded.TypeName)]
[JsonDerivedType(typeof(FeedbackSubmitted), FeedbackSubmitted.TypeName)]
[JsonDerivedType(typeof(ProcessingIssue), ProcessingIssue.TypeName)]
[JsonDerivedType(typeof(NarrativeSummaryWritten), NarrativeSummaryWritten.TypeName)]
[JsonDerivedType(typeof(CounselorReply), CounselorReply.TypeName)]
public abstract record SessionEventData
{
    private static readonly FrozenDictionary<Type, string> TypeNames = typeof(SessionEventData)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(attribute => attribute.DerivedType, attribute => (string)attribute.TypeDiscriminator!);

    [JsonIgnore]
    public string Type => TypeNames[GetType()];

    /// <summary>Analysis events are withheld when the session's consent says <c>analysis: false</c>.</summary>
    [JsonIgnore]
    public virtual bool IsAnalysis => false;
}

/// <summary>
/// The session moved from one lifecycle state to another, or was created (<see cref="From"/> null): then
/// <see cref="Opening"/> says what it started with (sessions logged before it existed have none).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.StatusChanged")]
public sealed record StatusChanged(
    [property: Id(0)] SessionStatus? From,
    [property: Id(1)] SessionStatus To,
    [property: Id(2)] string Reason,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SessionOpening? Opening = null) : SessionEventData
{
    public const string TypeName = "status_changed";
}

/// <summary>
/// What a session started with, carried by its first event so that its state can always be rebuilt from the log and a
/// new session needs no state write: the owner, the title, the consent, the counselor's mode, and the owner's language
/// and analysis opt-ins at that moment (null for an owner without an account: every analysis, in the words' language).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionOpening")]
public sealed record SessionOpening(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string? Title,
    [property: Id(2)] SessionConsent Consent,
    [property: Id(3)] Counseling.CounselorMode Counselor,
    [property: Id(4)] string? Language,
    [property: Id(5)] Users.AnalysisOptIns? OptIns);

/// <summary>
/// A piece of transcript over an audio time range. <see cref="Text"/> is null when the session's consent says
/// <c>storeTranscript: false</c>: the timing and word count are kept, the words are not.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.TranscriptSegment")]
public sealed record TranscriptSegment(
    [property: Id(0)] string? ClientSegmentId,
    [property: Id(1)] string? Text,
    [property: Id(2)] long StartMs,
    [property: Id(3)] long EndMs,
    [property: Id(4)] string Language,
    [property: Id(5)] int WordCount,
    [property: Id(6)] string Source) : SessionEventData
{
    public const string TypeName = "transcript_segment";
    public const string FromClient = "client";
    public const string FromSpeechToText = "stt";

    /// <summary>A message the user sent to the counselor (<c>AskCounselor</c>).</summary>
    public const string FromChat = "chat";
}

/// <summary>
/// Voice activity at a speech start or stop, and once where a stream's audio ended (so the report's speech ratio spans
/// the whole recording). The level in between goes to viewers live only (<c>vad_level</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.VadUpdate")]
public sealed record VadUpdate(
    [property: Id(0)] bool Speaking,
    [property: Id(1)] long AtMs,
    [property: Id(2)] long UtteranceMs,
    [property: Id(3)] long PauseMs,
    [property: Id(4)] double LevelDb,
    [property: Id(5)] int UtteranceCount) : SessionEventData
{
    public const string TypeName = "vad_update";

    public override bool IsAnalysis => true;
}

/// <summary>
/// A finished utterance, with its prosody when the session's analysis measured it: pitch (geometric mean over its voiced
/// frames, Hz), pitch spread (semitones) and loudness (dBFS).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.Utterance")]
public sealed record Utterance(
    [property: Id(0)] long StartMs,
    [property: Id(1)] long EndMs,
    [property: Id(2)] long DurationMs,
    [property: Id(3)] double? PitchHz,
    [property: Id(4)] double? PitchSpreadSemitones,
    [property: Id(5)] double? LoudnessDb) : SessionEventData
{
    public const string TypeName = "utterance";

    public override bool IsAnalysis => true;
}

/// <summary>One modality's contribution to an emotion reading.</summary>
[GenerateSerializer, Immutable, Alias("bemore.EmotionSource")]
public sealed record EmotionSource(
    [property: Id(0)] string Modality,
    [property: Id(1)] string Label,
    [property: Id(2)] double Valence,
    [property: Id(3)] double Arousal,
    [property: Id(4)] double Confidence,
    [property: Id(5)] double Weight);

[GenerateSerializer, Immutable, Alias("bemore.EmotionUpdate")]
public sealed record EmotionUpdate(
    [property: Id(0)] string Label,
    [property: Id(1)] double Valence,
    [property: Id(2)] double Arousal,
    [property: Id(3)] double Confidence,
    [property: Id(4)] IReadOnlyList<EmotionSource> Sources) : SessionEventData
{
    public const string TypeName = "emotion_update";

    public override bool IsAnalysis => true;
}

/// <summary>A CBT cognitive distortion found in a transcript segment; <see cref="Evidence"/> is the matched span.</summary>
[GenerateSerializer, Immutable, Alias("bemore.DistortionDetected")]
public sealed record DistortionDetected(
    [property: Id(0)] string DistortionType,
    [property: Id(1)] string Severity,
    [property: Id(2)] double Confidence,
    [property: Id(3)] long SegmentSeq,
    [property: Id(4)] string? Evidence) : SessionEventData
{
    public const string TypeName = "distortion_detected";

    public override bool IsAnalysis => true;
}

/// <summary>
/// A Socratic question or behavioural task offered to the user. <see cref="Source"/> says who wrote the text:
/// <c>catalog</c> (the built-in questions and tasks) or <c>llm</c> (a question the configured LLM proposed); null on
/// events stored before it existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.CbtIntervention")]
public sealed record CbtIntervention(
    [property: Id(0)] string Kind,
    [property: Id(1)] string DistortionType,
    [property: Id(2)] string Text,
    [property: Id(3)] string? Difficulty,
    [property: Id(4)] long? ForSeq,
    [property: Id(5)] string? Source = null) : SessionEventData
{
    public const string TypeName = "cbt_intervention";
    public const string FromCatalog = "catalog";
    public const string FromLlm = "llm";

    public override bool IsAnalysis => true;
}

/// <summary>
/// Self-harm or suicidal-ideation language. Raised even without analysis consent: safety first. <see cref="Severity"/>
/// says how far the statement goes (ideation, plan_means, act, in the Columbia scale's terms); null on alerts recorded
/// before it existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.RiskAlert")]
public sealed record RiskAlert(
    [property: Id(0)] string Level,
    [property: Id(1)] long SegmentSeq,
    [property: Id(2)] string? Evidence,
    [property: Id(3)] string CrisisLine,
    [property: Id(4)] string? Severity = null) : SessionEventData
{
    public const string TypeName = "risk_alert";
}

/// <summary>
/// The rolling summary pushed every 30 s (configurable) while the session is active and something happened since the
/// previous one. <see cref="SpeechRatio"/> is null until voice activity was seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.AnalysisResult")]
public sealed record AnalysisResult(
    [property: Id(0)] string? EmotionLabel,
    [property: Id(1)] double? SpeechRatio,
    [property: Id(2)] int UtteranceCount,
    [property: Id(3)] IReadOnlyDictionary<string, int> DistortionCounts,
    [property: Id(4)] string RiskLevel) : SessionEventData
{
    public const string TypeName = "analysis_result";

    public override bool IsAnalysis => true;
}

[GenerateSerializer, Immutable, Alias("bemore.SessionEnded")]
public sealed record SessionEnded(
    [property: Id(0)] long ActiveDurationMs,
    [property: Id(1)] long PausedDurationMs,
    [property: Id(2)] int SegmentCount,
    [property: Id(3)] int WordCount,
    [property: Id(4)] string? DominantEmotion,
    [property: Id(5)] string RiskLevel) : SessionEventData
{
    public const string TypeName = "session_ended";
}

[GenerateSerializer, Immutable, Alias("bemore.FeedbackSubmitted")]
public sealed record FeedbackSubmitted(
    [property: Id(0)] int Rating,
    [property: Id(1)] string? Comment) : SessionEventData
{
    public const string TypeName = "feedback_submitted";
}

/// <summary>Something the server could not do for the session (a speech-to-text timeout, a dropped utterance); nothing is lost silently.</summary>
[GenerateSerializer, Immutable, Alias("bemore.ProcessingIssue")]
public sealed record ProcessingIssue(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] long? StartMs,
    [property: Id(3)] long? EndMs) : SessionEventData
{
    public const string TypeName = "processing_issue";
}

/// <summary>
/// The report's narrative summary written by the configured LLM from the report of events up to
/// <see cref="ThroughSeq"/>. Stored once, so every later report reuses it instead of asking again.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.NarrativeSummaryWritten")]
public sealed record NarrativeSummaryWritten(
    [property: Id(0)] string Text,
    [property: Id(1)] long ThroughSeq) : SessionEventData
{
    public const string TypeName = "narrative_summary";

    public override bool IsAnalysis => true;
}

/// <summary>
/// The counselor's reply to the user's turn at <see cref="InReplyToSeq"/>. <see cref="Source"/> says who wrote it:
/// <c>llm</c>, <c>local</c> (the built-in composer) or <c>safety</c> (the fixed reply to a risk statement).
/// <see cref="Complete"/> is false for a reply that failed or was cut off, which keeps what had been said;
/// <see cref="Cancelled"/> says it was stopped (cancelled, the session paused or ended, the user spoke again).
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.CounselorReply")]
public sealed record CounselorReply(
    [property: Id(0)] string ReplyId,
    [property: Id(1)] long InReplyToSeq,
    [property: Id(2)] string Text,
    [property: Id(3)] string Source,
    [property: Id(4)] bool Complete,
    [property: Id(5)] bool Cancelled) : SessionEventData
{
    public const string TypeName = "counselor_reply";
    public const string FromLlm = "llm";
    public const string FromLocal = "local";
    public const string FromSafety = "safety";
}

/// <summary>The <see cref="ProcessingIssue.Kind"/>s the server records.</summary>
public static class ProcessingIssueKinds
{
    /// <summary>Speech-to-text timed out or failed for an utterance.</summary>
    public const string SttFailed = "stt_failed";

    /// <summary>An utterance was not transcribed: speech-to-text fell behind, or the session ended first.</summary>
    public const string UtteranceDropped = "utterance_dropped";

    /// <summary>
    /// Part of a segment's live analysis did not run (its detail names the part: <c>risk</c>, <c>distortions</c> or
    /// <c>text_emotion</c>): its pattern matching timed out twice on a stalled node, or its reader failed. The segment
    /// itself is stored.
    /// </summary>
    public const string AnalysisIncomplete = "analysis_incomplete";
}
