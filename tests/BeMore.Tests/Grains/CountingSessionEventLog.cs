using System.Collections.Concurrent;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;

namespace BeMore.Tests.Grains;

/// <summary>
/// The real event log, with every committed append remembered per session (the seqs it carried): one append is one log
/// commit for the session, so a test can count what an input cost. It can also lose the acknowledgement of a commit
/// (the rows are stored, the caller sees a timeout), as a connection dropped after COMMIT would, or hold a session's
/// next append before it reaches the database, as a busy disk would. It counts the lookups of deduplication keys.
/// </summary>
public sealed class CountingSessionEventLog(ISessionEventLog log) : ISessionEventLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long[]>> _commits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _loseNextAcknowledgement = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _dedupLookups = new(StringComparer.Ordinal);

    /// <summary>How many times the session's deduplication keys were looked up in the database.</summary>
    public int DedupLookupsOf(string sessionId) => _dedupLookups.GetValueOrDefault(sessionId);

    /// <summary>The session's next append is committed, then answered with a <see cref="TimeoutException"/>.</summary>
    public void LoseAcknowledgementOfNextAppend(string sessionId) => _loseNextAcknowledgement[sessionId] = true;

    /// <summary>
    /// The session's next append waits, before anything is written, until the returned source completes (then it is
    /// committed) or fails (then it throws that failure and nothing is stored).
    /// </summary>
    public TaskCompletionSource HoldNextAppend(string sessionId) =>
        _holds[sessionId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The seqs of each append committed for the session, in commit order.</summary>
    public IReadOnlyList<long[]> CommitsOf(string sessionId) =>
        _commits.TryGetValue(sessionId, out var commits) ? commits.ToList() : [];

    public async Task AppendAsync(IReadOnlyList<SessionEvent> events, CancellationToken cancellationToken = default)
    {
        await HeldAsync(events.Count > 0 ? events[0].SessionId : null);
        await log.AppendAsync(events, cancellationToken);
        Record(events);
    }

    public async Task AppendAsync(IReadOnlyList<(SessionEvent Event, string? DedupKey)> events, CancellationToken cancellationToken = default)
    {
        await HeldAsync(events.Count > 0 ? events[0].Event.SessionId : null);
        await log.AppendAsync(events, cancellationToken);
        Record(events.Select(item => item.Event).ToList());
    }

    public Task<SessionEvent?> FindByDedupKeyAsync(string sessionId, string dedupKey, CancellationToken cancellationToken = default)
    {
        _dedupLookups.AddOrUpdate(sessionId, 1, (_, count) => count + 1);
        return log.FindByDedupKeyAsync(sessionId, dedupKey, cancellationToken);
    }

    public Task<StoredDedupKeys> ReadDedupKeysAsync(string sessionId, CancellationToken cancellationToken = default) =>
        log.ReadDedupKeysAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SessionEvent>> ReadAfterAsync(string sessionId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        log.ReadAfterAsync(sessionId, afterSeq, limit, cancellationToken);

    public Task<EventLogTail> GetTailAsync(string sessionId, CancellationToken cancellationToken = default) =>
        log.GetTailAsync(sessionId, cancellationToken);

    public Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        log.DeleteSessionAsync(sessionId, cancellationToken);

    private Task HeldAsync(string? sessionId) =>
        sessionId is not null && _holds.TryRemove(sessionId, out var hold) ? hold.Task : Task.CompletedTask;

    private void Record(IReadOnlyList<SessionEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var sessionId = events[0].SessionId;
        _commits.GetOrAdd(sessionId, _ => new ConcurrentQueue<long[]>()).Enqueue(events.Select(e => e.Seq).ToArray());
        if (_loseNextAcknowledgement.TryRemove(sessionId, out _))
        {
            throw new TimeoutException("The commit's acknowledgement was lost.");
        }
    }
}
