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

    /// <summary>
    /// As <see cref="AppendAsync(IReadOnlyList{SessionEvent}, CancellationToken)"/>, tagging events with a per-session
    /// deduplication key (e.g. a client segment id) that <see cref="FindByDedupKeyAsync"/> finds them by. When a key is
    /// already stored, none of <paramref name="events"/> is appended and <see cref="DuplicateSessionEventException"/>
    /// carries the stored event; appends of other callers committed in the same transaction are not affected.
    /// </summary>
    Task AppendAsync(IReadOnlyList<(SessionEvent Event, string? DedupKey)> events, CancellationToken cancellationToken = default);

    Task<SessionEvent?> FindByDedupKeyAsync(string sessionId, string dedupKey, CancellationToken cancellationToken = default);

    /// <summary>Every deduplication key the session has stored, to tell a new key without a lookup.</summary>
    Task<StoredDedupKeys> ReadDedupKeysAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Events with seq greater than <paramref name="afterSeq"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SessionEvent>> ReadAfterAsync(string sessionId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest stored seq of the session and when it happened; (0, null) when it has none.</summary>
    Task<EventLogTail> GetTailAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Erases every event of the session (and its place in the open sessions).</summary>
    Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}

public readonly record struct EventLogTail(long LastSeq, DateTimeOffset? LastAt);
