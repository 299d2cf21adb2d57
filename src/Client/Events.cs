using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BeMore.Client;

/// <summary>
/// A durable session event <c>{sessionId, seq, type, at, data}</c>. <see cref="Payload"/> is <see cref="Data"/> read as
/// the record of its <see cref="Type"/> (switch on it); a type this client does not know yet is an <see cref="UnknownEventData"/>.
/// </summary>
public sealed record SessionEvent(string SessionId, long Seq, string Type, DateTimeOffset At, JsonElement Data)
{
    [JsonIgnore]
    public SessionEventData Payload => SessionEventData.Read(Type, Data);
}

/// <summary>A live-only message <c>{sessionId, type, at, data}</c>: no seq, never stored, never replayed.</summary>
public sealed record SessionLiveMessage(string SessionId, string Type, DateTimeOffset At, JsonElement Data)
{
    [JsonIgnore]
    public SessionLiveData Payload => SessionLiveData.Read(Type, Data);
}

/// <summary>The typed <c>data</c> of a <see cref="SessionEvent"/>.</summary>
public abstract record SessionEventData
{
    private static readonly FrozenDictionary<string, Type> Types = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["status_changed"] = typeof(StatusChangedData),
        ["transcript_segment"] = typeof(TranscriptSegmentData),
        ["vad_update"] = typeof(VadUpdateData),
        ["utterance"] = typeof(UtteranceData),
        ["emotion_update"] = typeof(EmotionUpdateData),
        ["distortion_detected"] = typeof(DistortionDetectedData),
        ["cbt_intervention"] = typeof(CbtInterventionData),
        ["risk_alert"] = typeof(RiskAlertData),
        ["analysis_result"] = typeof(AnalysisResultData),
        ["session_ended"] = typeof(SessionEndedData),
        ["feedback_submitted"] = typeof(FeedbackSubmittedData),
        ["processing_issue"] = typeof(ProcessingIssueData),
        ["narrative_summary"] = typeof(NarrativeSummaryData),
        ["counselor_reply"] = typeof(CounselorReplyData),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The event types this client reads into records.</summary>
    public static IReadOnlyCollection<string> KnownTypes => Types.Keys;

    internal static SessionEventData Read(string type, JsonElement data) =>
        Types.TryGetValue(type, out var known) ? (SessionEventData)data.Deserialize(known, BeMoreApi.Json)! : new UnknownEventData(type, data);
}

/// <summary>An event type added to the API after this client was built.</summary>
public sealed record UnknownEventData(string Type, JsonElement Data) : SessionEventData;

/// <summary><c>status_changed</c>: <see cref="From"/> is null when the session was created.</summary>
public sealed record StatusChangedData(string? From, string To, string Reason) : SessionEventData;

/// <summary><c>transcript_segment</c>: <see cref="Text"/> is null when the session does not store transcript text; source is client, stt or chat.</summary>
public sealed record TranscriptSegmentData(
    string? ClientSegmentId, string? Text, long StartMs, long EndMs, string Language, int WordCount, string Source) : SessionEventData;

/// <summary><c>vad_update</c>: a speech start or stop.</summary>
public sealed record VadUpdateData(bool Speaking, long AtMs, long UtteranceMs, long PauseMs, double LevelDb, int UtteranceCount) : SessionEventData;

/// <summary><c>utterance</c>: a finished utterance and its prosody when measured.</summary>
public sealed record UtteranceData(
    long StartMs, long EndMs, long DurationMs, double? PitchHz, double? PitchSpreadSemitones, double? LoudnessDb) : SessionEventData;

public sealed record EmotionSource(string Modality, string Label, double Valence, double Arousal, double Confidence, double Weight);

/// <summary><c>emotion_update</c>.</summary>
public sealed record EmotionUpdateData(
    string Label, double Valence, double Arousal, double Confidence, IReadOnlyList<EmotionSource> Sources) : SessionEventData;

/// <summary><c>distortion_detected</c>: the segment at <see cref="SegmentSeq"/> and the matched span.</summary>
public sealed record DistortionDetectedData(
    string DistortionType, string Severity, double Confidence, long SegmentSeq, string? Evidence) : SessionEventData;

/// <summary><c>cbt_intervention</c>: a question or task; source is catalog or llm.</summary>
public sealed record CbtInterventionData(
    string Kind, string DistortionType, string Text, string? Difficulty, long? ForSeq, string? Source) : SessionEventData;

/// <summary><c>risk_alert</c>: raised even without analysis consent.</summary>
public sealed record RiskAlertData(string Level, long SegmentSeq, string? Evidence, string CrisisLine, string? Severity) : SessionEventData;

/// <summary><c>analysis_result</c>: the periodic rollup.</summary>
public sealed record AnalysisResultData(
    string? EmotionLabel, double? SpeechRatio, int UtteranceCount, IReadOnlyDictionary<string, int> DistortionCounts, string RiskLevel) : SessionEventData;

/// <summary><c>session_ended</c>: the report's summary.</summary>
public sealed record SessionEndedData(
    long ActiveDurationMs, long PausedDurationMs, int SegmentCount, int WordCount, string? DominantEmotion, string RiskLevel) : SessionEventData;

/// <summary><c>feedback_submitted</c>.</summary>
public sealed record FeedbackSubmittedData(int Rating, string? Comment) : SessionEventData;

/// <summary><c>processing_issue</c>: something the server could not do (kind stt_failed, utterance_dropped, analysis_incomplete).</summary>
public sealed record ProcessingIssueData(string Kind, string Detail, long? StartMs, long? EndMs) : SessionEventData;

/// <summary><c>narrative_summary</c>: the report's narrative, written once.</summary>
public sealed record NarrativeSummaryData(string Text, long ThroughSeq) : SessionEventData;

/// <summary><c>counselor_reply</c>: source is llm, local or safety.</summary>
public sealed record CounselorReplyData(
    string ReplyId, long InReplyToSeq, string Text, string Source, bool Complete, bool Cancelled) : SessionEventData;

/// <summary>The typed <c>data</c> of a <see cref="SessionLiveMessage"/>.</summary>
public abstract record SessionLiveData
{
    internal static SessionLiveData Read(string type, JsonElement data) => type switch
    {
        "counselor_reply_delta" => data.Deserialize<CounselorReplyDeltaData>(BeMoreApi.Json)!,
        "vad_level" => data.Deserialize<VadLevelData>(BeMoreApi.Json)!,
        _ => new UnknownLiveData(type, data),
    };
}

/// <summary><c>counselor_reply_delta</c>: the reply's next piece, index from 0.</summary>
public sealed record CounselorReplyDeltaData(string ReplyId, int Index, string Text) : SessionLiveData;

/// <summary><c>vad_level</c>: the voice level while audio streams.</summary>
public sealed record VadLevelData(bool IsSpeech, double Energy, long SpeechMs) : SessionLiveData;

/// <summary>A live type added to the API after this client was built.</summary>
public sealed record UnknownLiveData(string Type, JsonElement Data) : SessionLiveData;

/// <summary>The counselor's answer to a message sent over REST, as it streams.</summary>
public abstract record CounselorStreamItem;

/// <summary>A piece of the reply (<c>event: counselor_reply_delta</c>).</summary>
public sealed record CounselorDelta(SessionLiveMessage Message) : CounselorStreamItem
{
    public CounselorReplyDeltaData Delta => (CounselorReplyDeltaData)Message.Payload;
}

/// <summary>The stored reply (<c>event: counselor_reply</c>); the stream ends with it.</summary>
public sealed record CounselorFinal(SessionEvent Event) : CounselorStreamItem
{
    public CounselorReplyData Reply => (CounselorReplyData)Event.Payload;
}
