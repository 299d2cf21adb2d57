namespace BeMore.Grains.Storage;

/// <summary>Sessions started and not yet ended: what the idle sweep looks through instead of a reminder per session.</summary>
public interface IOpenSessionStore
{
    /// <summary>Lists a session (idempotent); committed with the other writes waiting at the moment.</summary>
    Task AddAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Unlists a session (idempotent).</summary>
    Task RemoveAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Listed sessions after <paramref name="afterSessionId"/> (in id order, at most <paramref name="limit"/>) whose
    /// last logged event is older than <paramref name="quietSince"/>: the only ones that can have gone idle, since every
    /// input that moves a session is logged (a silent open microphone is the exception, and its session says so).
    /// </summary>
    Task<IReadOnlyList<string>> QuietAsync(DateTimeOffset quietSince, string afterSessionId, int limit, CancellationToken cancellationToken = default);
}
