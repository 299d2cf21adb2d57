namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// One user (key: user id): the per-user session index and, as later features land, the account,
/// preferences and dashboard aggregates. Bounded work per call; nothing here is recomputed from all sessions.
/// </summary>
[Alias("bemore.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Records a session the user started; repeating it for the same session id changes nothing.</summary>
    [Alias("AddSession")]
    Task AddSessionAsync(SessionIndexEntry entry);

    /// <summary>The user's sessions, newest first, starting after <paramref name="cursor"/> (a session id) when given.</summary>
    [Alias("ListSessions")]
    Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit);
}

[GenerateSerializer, Immutable, Alias("bemore.SessionIndexEntry")]
public sealed record SessionIndexEntry(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset StartedAt);

/// <summary>A page of the session index; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionIndexPage")]
public sealed record SessionIndexPage(
    [property: Id(0)] IReadOnlyList<SessionIndexEntry> Items,
    [property: Id(1)] string? NextCursor);
