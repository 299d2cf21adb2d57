namespace BeMore.Grains.Storage;

/// <summary>
/// Sessions started and not yet ended: what the idle sweep looks through instead of a reminder per session. The event
/// log keeps the list in the transaction of each append (a session's first event lists it, <c>session_ended</c>
/// unlists it, erasure removes it), so it never disagrees with the log and costs a create no commit of its own.
/// </summary>
public interface IOpenSessionStore
{
    /// <summary>
    /// Listed sessions after <paramref name="afterSessionId"/> (in id order, at most <paramref name="limit"/>) whose
    /// last logged event is older than <paramref name="quietSince"/>: the only ones that can have gone idle, since every
    /// input that moves a session is logged (a silent open microphone is the exception, and its session says so).
    /// </summary>
    Task<IReadOnlyList<string>> QuietAsync(DateTimeOffset quietSince, string afterSessionId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Unlists a session its grain says is not open (a list written by an older version may hold one).</summary>
    Task RemoveAsync(string sessionId, CancellationToken cancellationToken = default);
}
