using System.Collections.Concurrent;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;

namespace BeMore.Tests.Grains;

/// <summary>
/// The real event log, with every committed append remembered per session (the seqs it carried): one append is one log
/// commit for the session, so a test can count what an input cost.
/// </summary>
public sealed class CountingSessionEventLog(ISessionEventLog log) : ISessionEventLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long[]>> _commits = new(StringComparer.Ordinal);

    /// <summary>The seqs of each append committed for the session, in commit order.</summary>
    public IReadOnlyList<long[]> CommitsOf(string sessionId) =>
        _commits.TryGetValue(sessionId, out var commits) ? commits.ToList() : [];

    public async Task AppendAsync(IReadOnlyList<SessionEvent> events, CancellationToken cancellationToken = default)
    {
        await log.AppendAsync(events, cancellationToken);
        Record(events);
    }

    public async Task AppendAsync(IReadOnlyList<(SessionEvent Event, string? DedupKey)> events, CancellationToken cancellationToken = default)
    {
        await log.AppendAsync(events, cancellationToken);
        Record(events.Select(item => item.Event).ToList());
    }

    public Task<SessionEvent?> FindByDedupKeyAsync(string sessionId, string dedupKey, CancellationToken cancellationToken = default) =>
        log.FindByDedupKeyAsync(sessionId, dedupKey, cancellationToken);

    public Task<IReadOnlyList<SessionEvent>> ReadAfterAsync(string sessionId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        log.ReadAfterAsync(sessionId, afterSeq, limit, cancellationToken);

    public Task<EventLogTail> GetTailAsync(string sessionId, CancellationToken cancellationToken = default) =>
        log.GetTailAsync(sessionId, cancellationToken);

    public Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        log.DeleteSessionAsync(sessionId, cancellationToken);

    private void Record(IReadOnlyList<SessionEvent> events)
    {
        if (events.Count > 0)
        {
            _commits.GetOrAdd(events[0].SessionId, _ => new ConcurrentQueue<long[]>()).Enqueue(events.Select(e => e.Seq).ToArray());
        }
    }
}
