using BeMore.Grains.Abstractions.Users;
namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// The single writer of one counseling session (key: session id). Every method takes the caller's user id
/// and checks ownership itself; a session the caller does not own answers as if it did not exist.
/// </summary>
[Alias("bemore.ICounselingSessionGrain")]
public interface ICounselingSessionGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<SessionSnapshot> StartAsync(StartSession command);

    [Alias("GetSnapshot")]
    Task<SessionSnapshot> GetSnapshotAsync(string callerId);

    /// <summary>What may be produced and kept for the session now: its consent narrowed by the owner's opt-ins.</summary>
    [Alias("GetAnalysisScope")]
    Task<AnalysisScope> GetAnalysisScopeAsync(string callerId);

    [Alias("Pause")]
    Task<SessionSnapshot> PauseAsync(string callerId);

    [Alias("Resume")]
    Task<SessionSnapshot> ResumeAsync(string callerId);

    [Alias("End")]
    Task<SessionSnapshot> EndAsync(string callerId);

    /// <summary>Events with seq greater than <paramref name="afterSeq"/>, ascending, at most <paramref name="limit"/>.</summary>
    [Alias("GetEvents")]
    Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string callerId, long afterSeq, int limit);

    /// <summary>
    /// Appends a transcript segment to an active session. Repeating a <see cref="TranscriptInput.ClientSegmentId"/>
    /// returns the event the first call made. With <c>storeTranscript: false</c> the text is not stored.
    /// </summary>
    [Alias("AppendTranscript")]
    Task<SessionEvent> AppendTranscriptAsync(string callerId, TranscriptInput input);

    /// <summary>
    /// Appends a transcript segment (source "stt") that the server's speech-to-text produced for an utterance of the
    /// session's audio. Accepted after a pause or the end too, since the speech happened while the session was active;
    /// repeating an <see cref="SpeechTranscript.UtteranceId"/> returns the event the first call made.
    /// </summary>
    [Alias("AppendSpeechTranscript")]
    Task<SessionEvent> AppendSpeechTranscriptAsync(string callerId, SpeechTranscript transcript);

    /// <summary>Records something the server could not do for the session (speech-to-text failed, an utterance was dropped).</summary>
    [Alias("RecordProcessingIssue")]
    Task RecordProcessingIssueAsync(string callerId, ProcessingIssue issue);

    /// <summary>
    /// The idle sweep's question: pauses an active session, or ends any open one, that had no input for the idle times
    /// (<c>BeMore:Sessions</c>). False once the session is no longer open (ended, erased, never started), so the sweep
    /// stops asking. Asked by the cluster only, never on a client's behalf.
    /// </summary>
    [Alias("CheckIdle")]
    Task<bool> CheckIdleAsync();

    /// <summary>
    /// Appends the voice facts cut from the session's audio or client VAD frames (speech starts and stops, finished
    /// utterances; stored with the voice opt-in only) and feeds the last utterance's prosody to voice emotion, in one append.
    /// </summary>
    [Alias("RecordVoiceActivity")]
    Task RecordVoiceActivityAsync(string callerId, VoiceActivityReport report);

    /// <summary>
    /// Hands the stream's periodic voice level to the viewers, live only (as the voice opt-in permits). Answered, not
    /// one-way: it is all a stream of silence sends, so it is where a stream into a paused or ended session is refused.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("PublishVoiceLevel")]
    Task PublishVoiceLevelAsync(string callerId, Counseling.VadLevel level);

    /// <summary>
    /// Applies the owner's changed preferences (language, analysis opt-ins) from the session's next input on, so a
    /// withdrawn opt-in stops that analysis at once; an ended session keeps the ones it ran with.
    /// </summary>
    [Alias("ApplyPreferences")]
    Task ApplyPreferencesAsync(string callerId, UserPreferences preferences);

    /// <summary>Feeds face-mesh frames to the session's face-emotion analysis (analysis consent only); may append an emotion update.</summary>
    [Alias("RecordLandmarks")]
    Task RecordLandmarksAsync(string callerId, IReadOnlyList<LandmarkFrame> frames);

    /// <summary>Records the user's rating (1..5) of a session; a later submission replaces an earlier one in the report.</summary>
    [Alias("SubmitFeedback")]
    Task<SessionEvent> SubmitFeedbackAsync(string callerId, int rating, string? comment);

    /// <summary>
    /// Applies an LLM refinement produced outside the grain's turns; a result for seqs the session has moved past, or
    /// one already applied, is dropped, and a failed one (no text) leaves the local result in place.
    /// </summary>
    [Alias("ApplyRefinement")]
    Task ApplyRefinementAsync(string callerId, RefinementResult result);

    /// <summary>
    /// Appends the user's message to the counselor as a transcript segment (source <c>chat</c>), idempotent by its
    /// client message id, and answers the stored segment. Called by the session's counselor: a new message's turn goes
    /// back to it (<see cref="Counseling.ICounselorGrain.BeginReplyAsync"/>) while the message commits, so the reply is
    /// under way when this returns. Refused when the session's counselor is off.
    /// </summary>
    [Alias("AppendChatMessage")]
    Task<SessionEvent> AppendChatMessageAsync(string callerId, TranscriptInput message);

    /// <summary>Appends the counselor's reply once per reply id, in any status: a reply cut off by the end is still kept.</summary>
    [Alias("AppendCounselorReply")]
    Task AppendCounselorReplyAsync(string callerId, CounselorReply reply);

    /// <summary>Hands a live-only message to the session's viewers, between the grain's turns: it is never stored.</summary>
    [Orleans.Concurrency.OneWay, Orleans.Concurrency.AlwaysInterleave, Alias("PublishLive")]
    Task PublishLiveAsync(Counseling.SessionLiveMessage message);

    /// <summary>
    /// Subscribes the observer, or renews its subscription: an observer this activation did not have (it was subscribed
    /// to one that has gone) reads what it missed from the log.
    /// </summary>
    [Alias("Subscribe")]
    Task<SessionSubscription> SubscribeAsync(string callerId, ISessionObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ISessionObserver observer);

    /// <summary>Erases the session: its events, its state, everything. Afterwards it answers as never started.</summary>
    [Alias("Erase")]
    Task EraseAsync(string callerId);
}

/// <summary>
/// A subscription as the session grain took it: pushes follow <see cref="AfterSeq"/>; <see cref="Continues"/> when this
/// activation already had the observer, whose pushes then went on without a gap.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionSubscription")]
public sealed record SessionSubscription(
    [property: Id(0)] long AfterSeq,
    [property: Id(1)] bool Continues);
