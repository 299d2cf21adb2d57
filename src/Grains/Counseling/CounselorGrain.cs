using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Counseling;

/// <summary>
/// The conversation of one session (key: session id). It starts replies (on request, or in auto mode once the user has
/// been silent for <see cref="CounselorOptions.SilenceDelay"/> after a finished turn), cancels them (on request, a pause
/// or the end, the user speaking again, no viewers left) and appends how each ended to the session. Replies run on this
/// node's <see cref="CounselorWorker"/>; the jobs in flight, the composer's variety and the recent exchanges live in
/// memory (documented trade-off: small state, a re-activated conversation starts them afresh).
/// </summary>
[GrainType("counselor")]
public sealed class CounselorGrain(CounselorWorker worker, IOptions<CounselorOptions> options) : Grain, ICounselorGrain
{
    private readonly Dictionary<string, CounselorJob> _inFlight = new(StringComparer.Ordinal);
    private readonly List<ConversationExchange> _history = [];
    private LocalReplyComposer? _composer;
    private CounselorTurn? _pending;

    /// <summary>The reply <see cref="BeginReplyAsync"/> started during the <see cref="AskAsync"/> in progress.</summary>
    private CounselorJob? _begun;
    private bool _userSpeaking;
    private IGrainTimer? _silence;

    private string SessionId => this.GetPrimaryKeyString();

    private ICounselingSessionGrain Session => GrainFactory.Reference<ICounselingSessionGrain>(SessionId);

    public async Task<CounselorAskResult> AskAsync(string callerId, CounselorAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        _begun = null;
        SessionEvent segment;
        try
        {
            segment = await Session.AppendChatMessageAsync(callerId, new TranscriptInput(ask.ClientMessageId, ask.Text, 0, 0, ask.Language));
        }
        catch
        {
            // The message may not be stored: the reply begun for it goes unseen, and the user's retry is answered.
            if (_begun is { } job && _inFlight.Remove(job.ReplyId))
            {
                job.Abandon();
            }

            _begun = null;
            throw;
        }

        var begun = _begun;
        _begun = null;
        begun?.MarkStored();
        return new CounselorAskResult(ReplyIdOf(segment.Seq), segment.Seq, Started: begun is not null);
    }

    public Task BeginReplyAsync(CounselorTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_inFlight.ContainsKey(ReplyIdOf(turn.SegmentSeq)))
        {
            // The message was sent again while its reply streams: that reply answers both.
            return Task.CompletedTask;
        }

        // A typed message answers whatever the user said before it.
        _pending = null;
        _begun = Start(turn, turnStored: false);
        return Task.CompletedTask;
    }

    public async Task CancelAsync(string callerId, string replyId)
    {
        // Ownership first: another user's session is "not found", whether or not the reply exists.
        await Session.GetSnapshotAsync(callerId);
        if (_inFlight.TryGetValue(replyId, out var job))
        {
            job.Cancel();
        }
    }

    public Task OnSignalAsync(CounselorSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        switch (signal.Kind)
        {
            case CounselorSignalKind.UserTurn when signal.Turn is { } turn:
                CancelAll();
                _userSpeaking = false;
                // Turns that come while the user keeps talking are answered together; a risk in any of them decides the reply.
                _pending = _pending is { RiskRaised: true } ? turn with { RiskRaised = true } : turn;
                ArmSilence();
                break;
            case CounselorSignalKind.UserSpeaking:
                CancelAll();
                _userSpeaking = true;
                break;
            case CounselorSignalKind.UserSilent when _userSpeaking:
                // Only the change from speech to silence starts the wait: repeated silence updates do not push it back.
                _userSpeaking = false;
                ArmSilence();
                break;
            case CounselorSignalKind.SessionStopped:
                _pending = null;
                CancelAll();
                break;
            case CounselorSignalKind.NoViewers:
                CancelAll();
                break;
        }

        return Task.CompletedTask;
    }

    public async Task FinishAsync(CounselorOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_inFlight.Remove(outcome.ReplyId, out var job))
        {
            if (outcome.Complete && job.Turn.Text is { } said)
            {
                _history.Add(new ConversationExchange(said, outcome.Text));
                if (_history.Count > options.Value.HistoryTurns)
                {
                    _history.RemoveAt(0);
                }
            }

            job.Dispose();
        }

        await Session.AppendCounselorReplyAsync(outcome.OwnerId, new CounselorReply(
            outcome.ReplyId, outcome.InReplyToSeq, outcome.Text, outcome.Source, outcome.Complete, outcome.Cancelled));
    }

    /// <summary>Reply ids are the user's turn they answer, so a repeated message maps to the same reply.</summary>
    public static string ReplyIdOf(long segmentSeq) => $"r{segmentSeq}";

    private CounselorJob Start(CounselorTurn turn, bool turnStored)
    {
        var replyId = ReplyIdOf(turn.SegmentSeq);
        if (_inFlight.TryGetValue(replyId, out var running))
        {
            return running;
        }

        _composer ??= new LocalReplyComposer(SessionId.Aggregate(0, (hash, c) => unchecked((hash * 31) + c)) & int.MaxValue);
        var local = _composer.Compose(turn);
        var job = new CounselorJob(SessionId, replyId, turn, local, _composer.CheckedIn, [.. _history], turnStored);
        _inFlight[replyId] = job;
        worker.Submit(job);
        return job;
    }

    private void CancelAll()
    {
        foreach (var job in _inFlight.Values)
        {
            job.Cancel();
        }
    }

    private void ArmSilence()
    {
        if (_pending is null || _userSpeaking)
        {
            return;
        }

        var delay = options.Value.SilenceDelay;
        if (_silence is null)
        {
            _silence = this.RegisterGrainTimer(OnSilenceAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _silence.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnSilenceAsync(CancellationToken cancellationToken)
    {
        if (_pending is { } turn && !_userSpeaking)
        {
            _pending = null;
            Start(turn, turnStored: true);
        }

        return Task.CompletedTask;
    }
}
