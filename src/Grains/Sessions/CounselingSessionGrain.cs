using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace BeMore.Grains.Sessions;

[GrainType("counseling-session")]
public sealed class CounselingSessionGrain : Grain, ICounselingSessionGrain
{
    /// <summary>Upper bound of one event page, so no caller can make a turn read an unbounded log.</summary>
    public const int MaxEventPage = 1000;

    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    private readonly IPersistentState<CounselingSessionState> _state;
    private readonly ISessionEventLog _eventLog;
    private readonly TimeProvider _time;
    private readonly ObserverManager<ISessionObserver> _observers;
    private long _lastSeq;

    public CounselingSessionGrain(
        [PersistentState("session", StorageNames.GrainState)] IPersistentState<CounselingSessionState> state,
        ISessionEventLog eventLog,
        TimeProvider time,
        ILogger<CounselingSessionGrain> logger)
    {
        _state = state;
        _eventLog = eventLog;
        _time = time;
        _observers = new ObserverManager<ISessionObserver>(ObserverExpiry, logger);
    }

    private string SessionId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSeq = await _eventLog.GetLastSeqAsync(SessionId, cancellationToken);
        if (_lastSeq > _state.State.AppliedSeq)
        {
            await CatchUpStateAsync(cancellationToken);
        }
    }

    public async Task<SessionSnapshot> StartAsync(StartSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_lastSeq == 0)
        {
            _state.State.OwnerId = command.OwnerId;
            _state.State.Title = command.Title;
            _state.State.Consent = command.Consent;
            await RecordStatusChangeAsync(new StatusChanged(From: null, SessionStatus.Active, "started"));
        }
        else
        {
            EnsureOwner(command.OwnerId);
        }

        // Also on a retried start: indexing is idempotent, and a start that failed after the log write is completed here.
        await GrainFactory.GetGrain<IUserGrain>(command.OwnerId)
            .AddSessionAsync(new SessionIndexEntry(SessionId, _state.State.StartedAt));
        return Snapshot();
    }

    public Task<SessionSnapshot> GetSnapshotAsync(string callerId)
    {
        EnsureOwner(callerId);
        return Task.FromResult(Snapshot());
    }

    public Task<SessionSnapshot> PauseAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Paused, from: SessionStatus.Active, "paused");

    public Task<SessionSnapshot> ResumeAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Active, from: SessionStatus.Paused, "resumed");

    public async Task<SessionSnapshot> EndAsync(string callerId)
    {
        EnsureOwner(callerId);
        if (_state.State.Status != SessionStatus.Ended)
        {
            await RecordStatusChangeAsync(new StatusChanged(_state.State.Status, SessionStatus.Ended, "ended"));
        }

        return Snapshot();
    }

    public async Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string callerId, long afterSeq, int limit)
    {
        EnsureOwner(callerId);
        return await _eventLog.ReadAfterAsync(SessionId, Math.Max(0, afterSeq), Math.Clamp(limit, 1, MaxEventPage));
    }

    public Task SubscribeAsync(string callerId, ISessionObserver observer)
    {
        EnsureOwner(callerId);
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task EraseAsync(string callerId)
    {
        EnsureOwner(callerId);
        await _eventLog.DeleteSessionAsync(SessionId);
        await _state.ClearStateAsync();
        _state.State = new CounselingSessionState();
        _lastSeq = 0;
        _observers.Clear();
        DeactivateOnIdle();
    }

    private async Task<SessionSnapshot> TransitionAsync(string callerId, SessionStatus to, SessionStatus from, string reason)
    {
        EnsureOwner(callerId);
        var current = _state.State.Status;
        if (current == to)
        {
            return Snapshot();
        }

        if (current != from)
        {
            throw new InvalidSessionStateException($"A session that is {current.ToString().ToLowerInvariant()} cannot be {reason}.");
        }

        await RecordStatusChangeAsync(new StatusChanged(current, to, reason));
        return Snapshot();
    }

    /// <summary>Log first, then state, then observers: nothing is pushed or acknowledged before it is durable.</summary>
    private async Task RecordStatusChangeAsync(StatusChanged change)
    {
        var sessionEvent = new SessionEvent(SessionId, _lastSeq + 1, _time.GetUtcNow(), change);
        await _eventLog.AppendAsync([sessionEvent]);
        _lastSeq = sessionEvent.Seq;
        _state.State.Apply(change, sessionEvent.At, sessionEvent.Seq);
        await _state.WriteStateAsync();
        await _observers.Notify(observer => observer.OnEventAsync(sessionEvent));
    }

    private async Task CatchUpStateAsync(CancellationToken cancellationToken)
    {
        var after = _state.State.AppliedSeq;
        while (after < _lastSeq)
        {
            var page = await _eventLog.ReadAfterAsync(SessionId, after, MaxEventPage, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var sessionEvent in page)
            {
                if (sessionEvent.Data is StatusChanged change)
                {
                    _state.State.Apply(change, sessionEvent.At, sessionEvent.Seq);
                }

                after = sessionEvent.Seq;
            }
        }

        _state.State.AppliedSeq = after;
        await _state.WriteStateAsync(cancellationToken);
    }

    private void EnsureOwner(string callerId)
    {
        if (_lastSeq == 0 || !string.Equals(_state.State.OwnerId, callerId, StringComparison.Ordinal))
        {
            throw new SessionNotFoundException();
        }
    }

    private SessionSnapshot Snapshot()
    {
        var now = _time.GetUtcNow();
        var state = _state.State;
        return new SessionSnapshot(
            SessionId,
            state.Status,
            state.Title,
            state.StartedAt,
            state.EndedAt,
            state.ActiveMsAt(now),
            state.PausedMsAt(now),
            _lastSeq,
            state.Consent);
    }
}
