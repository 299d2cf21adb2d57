using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Storage;

/// <summary>
/// The append-only log of every session fact, keyed by (session id, seq). What grows during a session lives here,
/// not in grain state, so a write costs the same at the first segment and the two-thousandth.
/// </summary>
public interface ISessionEventLog
{
    /// <summary>
    /// Durably appends events (all or none). Appending an event whose (session id, seq) is already stored
    /// is a no-op, so a retried append never duplicates.
    /// </summary>
    Task AppendAsync(IReadOnlyList<SessionEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events with seq greater than <paramref name="afterSeq"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SessionEvent>> ReadAfterAsync(string sessionId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest stored seq of the session, or 0 when it has none.</summary>
    Task<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Erases every event of the session.</summary>
    Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
