namespace BeMore.Grains.Abstractions.Counseling;

/// <summary>
/// The conversation of one counseling session (key: session id): starts, cancels and finishes the counselor's replies.
/// Replies are produced outside its turns by the node's counselor worker; the session grain stays the only writer of
/// the session's events (the user's messages and the replies are appended there).
/// </summary>
[Alias("bemore.ICounselorGrain")]
public interface ICounselorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the user's message as a <c>transcript_segment</c> (source <c>chat</c>) and starts the reply. Repeating a
    /// <see cref="CounselorAsk.ClientMessageId"/> answers the same reply id and starts nothing.
    /// </summary>
    [Alias("Ask")]
    Task<CounselorAskResult> AskAsync(string callerId, CounselorAsk ask);

    /// <summary>
    /// The session grain hands over the turn of a chat message while the message commits, during this grain's own
    /// <see cref="AskAsync"/> (hence interleaved): the reply is started at once and shows nothing until the message is
    /// stored, and is dropped unseen if it is not. A message sent again that was stored but never answered is handed
    /// over the same way; one whose reply is still streaming starts nothing.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("BeginReply")]
    Task BeginReplyAsync(CounselorTurn turn);

    /// <summary>Stops a reply in progress; it is stored with what was said. Unknown or finished replies are ignored.</summary>
    [Alias("Cancel")]
    Task CancelAsync(string callerId, string replyId);

    /// <summary>What the session grain tells the conversation: a finished user turn, speech, a pause or end, no viewers left.</summary>
    [Orleans.Concurrency.OneWay, Alias("OnSignal")]
    Task OnSignalAsync(CounselorSignal signal);

    /// <summary>A reply the worker finished (completely, cut off or cancelled): appended to the session as <c>counselor_reply</c>.</summary>
    [Alias("Finish")]
    Task FinishAsync(CounselorOutcome outcome);
}

[GenerateSerializer, Immutable, Alias("bemore.CounselorAsk")]
public sealed record CounselorAsk(
    [property: Id(0)] string ClientMessageId,
    [property: Id(1)] string Text,
    [property: Id(2)] string Language);

/// <param name="Started">False when the message had been sent before: no second reply was started.</param>
[GenerateSerializer, Immutable, Alias("bemore.CounselorAskResult")]
public sealed record CounselorAskResult(
    [property: Id(0)] string ReplyId,
    [property: Id(1)] long MessageSeq,
    [property: Id(2)] bool Started);

/// <summary>
/// What a reply may draw on about one finished user turn. <see cref="Text"/> is null for sessions that keep no
/// transcript (their words never leave the server); <see cref="Emotion"/> and <see cref="Distortion"/> are null
/// without analysis consent. <see cref="RiskInSession"/> says a risk alert was raised in the session, on this turn or
/// before it, so the reply comes back to safety instead of moving on; <see cref="DeniesRisk"/> that the person said they
/// are not at risk, which the reply acknowledges; <see cref="Moves"/> what else the turn does (a plan, an insight, a
/// goodbye, a reassurance), read from the words where they are, so a session that keeps no transcript is answered in kind too;
/// <see cref="RiskSeverity"/> how far the turn's risk alert goes (<c>ideation</c>, <c>plan_means</c>, <c>act</c>), so the
/// safety reply asks about a method only after a statement of one; <see cref="RiskLevel"/> the alert's level
/// (<c>elevated</c>, <c>high</c>), so a reading the detector is less sure of is not answered as a disclosure.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.CounselorTurn")]
public sealed record CounselorTurn(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] long SegmentSeq,
    [property: Id(2)] string Source,
    [property: Id(3)] string Language,
    [property: Id(4)] bool RiskRaised,
    [property: Id(5)] string? Emotion,
    [property: Id(6)] string? Distortion,
    [property: Id(7)] string? LastIntervention,
    [property: Id(8)] string? Text,
    [property: Id(9)] string CrisisLine,
    [property: Id(10)] bool RiskInSession = false,
    [property: Id(11)] bool DeniesRisk = false,
    [property: Id(12)] TurnMoves Moves = TurnMoves.None,
    [property: Id(13)] string? RiskSeverity = null,
    [property: Id(14)] string? RiskLevel = null)
{
    /// <summary>
    /// A goodbye after a risk alert in the session: answered with the fixed closing that leaves the crisis line behind,
    /// never generated (a model asked to quote the line is read by the output filter as talking about self-harm).
    /// </summary>
    public bool ClosesAfterRisk => !RiskRaised && RiskInSession && Moves.HasFlag(TurnMoves.Closing);
}

[GenerateSerializer, Alias("bemore.CounselorSignalKind")]
public enum CounselorSignalKind
{
    /// <summary>A user turn from the client or speech-to-text finished (auto mode only).</summary>
    UserTurn = 0,

    /// <summary>The user started speaking (auto mode only).</summary>
    UserSpeaking = 1,

    /// <summary>The session was paused or ended.</summary>
    SessionStopped = 2,

    /// <summary>The last viewer of the session went away.</summary>
    NoViewers = 3,

    /// <summary>The user stopped speaking (auto mode only).</summary>
    UserSilent = 4,
}

[GenerateSerializer, Immutable, Alias("bemore.CounselorSignal")]
public sealed record CounselorSignal(
    [property: Id(0)] CounselorSignalKind Kind,
    [property: Id(1)] CounselorTurn? Turn = null);

/// <summary>How a reply ended, as the worker reports it.</summary>
[GenerateSerializer, Immutable, Alias("bemore.CounselorOutcome")]
public sealed record CounselorOutcome(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string ReplyId,
    [property: Id(2)] long InReplyToSeq,
    [property: Id(3)] string Text,
    [property: Id(4)] string Source,
    [property: Id(5)] bool Complete,
    [property: Id(6)] bool Cancelled);

/// <summary>A user's LLM token budget for the day (key: user id), stored so that neither a restart nor a deactivation resets it.</summary>
[Alias("bemore.ICounselorBudgetGrain")]
public interface ICounselorBudgetGrain : IGrainWithStringKey
{
    /// <summary>True while the user has tokens left today out of <paramref name="dailyTokens"/>.</summary>
    [Alias("HasTokensLeft")]
    Task<bool> HasTokensLeftAsync(int dailyTokens);

    [Alias("Spend")]
    Task SpendAsync(int tokens);

    /// <summary>Erases what is stored of the user's spending (account erasure).</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}
