using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using BeMore.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace BeMore.Grains.Sessions;

/// <summary>
/// One session's journal as its grain writes it: numbers each event (seq), withholds what the session's
/// <see cref="AnalysisScope"/> does not permit, appends to the event log, folds the events into the small grain state and only then notifies observers,
/// so nothing is pushed or acknowledged before it is durable. The state is a cache of the log: written every
/// <see cref="StateWriteInterval"/> events, never per segment nor per status change (a new session's first event
/// carries what it started with), and on activation the events logged after the last state write are folded in again.
/// Not thread-safe: the grain's turns serialize it.
/// </summary>
internal sealed class SessionJournal(
    string sessionId,
    IPersistentState<CounselingSessionState> state,
    ISessionEventLog log,
    TimeProvider time,
    ILogger logger,
    Action onUncertainAppend,
    Func<IReadOnlyList<SessionEvent>, Task> onAppended)
{
    /// <summary>State is written every this many events: what an activation has to fold in again at most.</summary>
    public const int StateWriteInterval = 100;

    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    /// <summary>What appending nothing returns: a session ticks every second, and most ticks have nothing to append.</summary>
    private static readonly Task<IReadOnlyList<SessionEvent>> NothingAppended = Task.FromResult<IReadOnlyList<SessionEvent>>([]);

    private readonly ObserverManager<ISessionObserver> _observers = new(ObserverExpiry, logger);
    private readonly ActiveSessionTally _tally = new();

    /// <summary>The hashes of the dedup keys this activation offered to appends.</summary>
    private readonly HashSet<int> _appendedDedupKeys = [];

    private long _persistedSeq;

    /// <summary>The dedup keys stored when the journal opened; null for a session without events.</summary>
    private StoredDedupKeys? _storedDedupKeys;

    /// <summary>The highest seq in the log; 0 for a session never started (or erased).</summary>
    public long LastSeq { get; private set; }

    public bool IsStarted => LastSeq > 0;

    public CounselingSessionState State => state.State;

    /// <summary>
    /// Reads the log's tail and folds in what the stored state has not seen (a crash between the log write and the
    /// state write). Returns when the last event happened, or null for a session without events.
    /// </summary>
    public async Task<DateTimeOffset?> OpenAsync(CancellationToken cancellationToken)
    {
        var tail = await log.GetTailAsync(sessionId, cancellationToken);
        LastSeq = tail.LastSeq;
        _storedDedupKeys = IsStarted ? await log.ReadDedupKeysAsync(sessionId, cancellationToken) : null;
        if (LastSeq > State.AppliedSeq)
        {
            await CatchUpAsync(cancellationToken);
        }

        _persistedSeq = State.AppliedSeq;
        _tally.Set(IsStarted ? State.Status : null);
        return tail.LastAt;
    }

    /// <summary>
    /// The activation goes away: it no longer counts among the node's sessions, and observers still subscribed are told
    /// so they subscribe to the next activation instead of waiting for their periodic renewal.
    /// </summary>
    public Task CloseAsync()
    {
        _tally.Set(null);
        return HasObservers ? _observers.Notify(observer => observer.OnClosedAsync()) : Task.CompletedTask;
    }

    /// <summary>Now, as the log keeps it (milliseconds): a live event carries the same instant a later read returns.</summary>
    public DateTimeOffset LogTime() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// The event stored under <paramref name="dedupKey"/>, or null. A key that was neither stored when the journal opened
    /// nor offered to an append since is new without a read: the log is read only for a key that may be there.
    /// </summary>
    public Task<SessionEvent?> FindAsync(string dedupKey) =>
        _appendedDedupKeys.Contains(StringComparer.Ordinal.GetHashCode(dedupKey)) || _storedDedupKeys?.MayHold(dedupKey) == true
            ? log.FindByDedupKeyAsync(sessionId, dedupKey)
            : Task.FromResult<SessionEvent?>(null);

    /// <summary>Events after <paramref name="afterSeq"/>, at most <paramref name="limit"/> (clamped to one page).</summary>
    public Task<IReadOnlyList<SessionEvent>> ReadAsync(long afterSeq, int limit) =>
        log.ReadAfterAsync(sessionId, Math.Max(0, afterSeq), Math.Clamp(limit, 1, SessionEventReading.MaxPageSize));

    /// <summary>Subscribes or renews; true when the observer was already subscribed to this activation.</summary>
    public bool Subscribe(ISessionObserver observer)
    {
        var continues = _observers.Observers.ContainsKey(observer);
        _observers.Subscribe(observer, observer);
        return continues;
    }

    public void Unsubscribe(ISessionObserver observer) => _observers.Unsubscribe(observer);

    public bool HasObservers => _observers.Count > 0;

    /// <summary>A live-only message goes to the observers as it comes (as the session's scope permits): no seq, never logged.</summary>
    public Task NotifyLiveAsync(SessionLiveMessage message) =>
        State.Scope.Permits(message.Data) ? _observers.Notify(observer => observer.OnLiveAsync(message)) : Task.CompletedTask;

    /// <summary>The seq the next appended event gets (when the session's scope permits it).</summary>
    public long NextSeq => LastSeq + 1;

    /// <summary>Appends one event; null when the session's scope withholds it.</summary>
    public async Task<SessionEvent?> AppendAsync(SessionEventData data, string? dedupKey = null) =>
        await AppendAsync([(data, dedupKey)]) is [var appended] ? appended : null;

    public Task<IReadOnlyList<SessionEvent>> AppendAsync(IEnumerable<SessionEventData> items) =>
        items is IReadOnlyCollection<SessionEventData> { Count: 0 } ? NothingAppended : AppendAsync(items.Select(data => (data, (string?)null)).ToList());

    /// <summary>
    /// Log first, then state, then observers: one log commit and one notification for all <paramref name="items"/>,
    /// so an input and everything it caused travel together. What the session's <see cref="AnalysisScope"/> does not
    /// permit is dropped here, whoever produced it; the rest are numbered in order from <see cref="LastSeq"/> + 1 and stamped
    /// <paramref name="at"/> (default: now).
    /// </summary>
    public async Task<IReadOnlyList<SessionEvent>> AppendAsync(
        IReadOnlyList<(SessionEventData Data, string? DedupKey)> items, DateTimeOffset? at = null)
    {
        var now = at ?? LogTime();
        var scope = State.Scope;
        var events = new List<(SessionEvent Event, string? DedupKey)>(items.Count);
        foreach (var (data, dedupKey) in items)
        {
            if (!scope.Permits(data))
            {
                continue;
            }

            events.Add((new SessionEvent(sessionId, LastSeq + events.Count + 1, now, data), dedupKey));
        }

        if (events.Count == 0)
        {
            return [];
        }

        // Before the append, whatever its outcome: a key whose commit failed or went unacknowledged is looked up again.
        foreach (var (_, dedupKey) in events)
        {
            if (dedupKey is not null)
            {
                _appendedDedupKeys.Add(StringComparer.Ordinal.GetHashCode(dedupKey));
            }
        }

        try
        {
            await log.AppendAsync(events);
        }
        catch (Exception error) when (error is not DuplicateSessionEventException)
        {
            // The append may have committed (a lost acknowledgement): numbering on from LastSeq would reuse its seqs,
            // and the log keeps the first row of a seq. A new activation reads the log's tail and numbers after it.
            onUncertainAppend();
            throw;
        }

        LastSeq = events[^1].Event.Seq;
        foreach (var (sessionEvent, _) in events)
        {
            State.Apply(sessionEvent);
        }

        _tally.Set(State.Status);
        if (LastSeq - _persistedSeq >= StateWriteInterval)
        {
            await WriteStateAsync();
        }

        var appended = events.ConvertAll(e => e.Event);
        await _observers.Notify(observer => observer.OnEventsAsync(appended));
        await onAppended(appended);
        return appended;
    }

    /// <summary>Writes the state now, for a change that is not an event (the owner's preferences).</summary>
    public async Task WriteStateAsync()
    {
        await state.WriteStateAsync();
        _persistedSeq = LastSeq;
    }

    /// <summary>Erases every event of the session; <see cref="ForgetAsync"/> then drops its state.</summary>
    public Task DeleteEventsAsync() => log.DeleteSessionAsync(sessionId);

    /// <summary>Drops the state and the observers: afterwards the session answers as never started.</summary>
    public async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        state.State = new CounselingSessionState();
        LastSeq = 0;
        _storedDedupKeys = null;
        _appendedDedupKeys.Clear();
        _persistedSeq = 0;
        _tally.Set(null);
        _observers.Clear();
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var after = State.AppliedSeq;
        while (after < LastSeq)
        {
            var page = await log.ReadAfterAsync(sessionId, after, SessionEventReading.MaxPageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var sessionEvent in page)
            {
                State.Apply(sessionEvent);
            }

            after = page[^1].Seq;
        }

        await state.WriteStateAsync(cancellationToken);
    }
}
