namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// One user's sessions (key: user id, the same as <see cref="IUserGrain"/>'s): the index of sessions newest first, the
/// ended sessions' outcomes folded into the dashboard, and the erasure tombstone that keeps late sessions out. Callers
/// are the session grain (add, outcome), the retention sweep and the web tier (list, remove, dashboard, export,
/// erasure). Bounded work per call; nothing here is recomputed from all sessions.
/// </summary>
[Alias("bemore.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a session the user started; repeating it for the same session id changes nothing. Once erasure has begun
    /// it answers <c>UserNotFoundException</c>.
    /// </summary>
    [Alias("AddSession")]
    Task AddSessionAsync(SessionIndexEntry entry);

    /// <summary>
    /// The user's sessions, newest first, starting after <paramref name="cursor"/> (a session id) when given; only those
    /// matching <paramref name="search"/> when given.
    /// </summary>
    [Alias("ListSessions")]
    Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit, SessionSearch? search = null);

    /// <summary>Folds an ended session into the dashboard totals (once per session).</summary>
    [Alias("RecordSessionOutcome")]
    Task RecordSessionOutcomeAsync(SessionOutcome outcome);

    /// <summary>Drops an erased session from the index and takes its outcome back out of the totals.</summary>
    [Alias("RemoveSession")]
    Task RemoveSessionAsync(string sessionId);

    /// <summary>The dashboard's aggregates; <c>UserNotFoundException</c> once erasure has begun.</summary>
    [Alias("GetDashboard")]
    Task<DashboardSummary> GetDashboardAsync();

    /// <summary>
    /// Starts erasing the user's sessions: stores the tombstone, after which no session registers
    /// (<see cref="AddSessionAsync"/> answers <c>UserNotFoundException</c>), and returns the ids of the sessions. The
    /// caller erases those outside this grain's turn (an ending session calls back into it), removes each
    /// (<see cref="RemoveSessionAsync"/>), then calls <see cref="DeleteAsync"/>.
    /// </summary>
    [Alias("BeginErasure")]
    Task<IReadOnlyList<string>> BeginErasureAsync();

    /// <summary>
    /// Erases the index and totals and keeps only the tombstone. While the index still holds a session this refuses with
    /// <c>InvalidOperationException</c> (<see cref="BeginErasureAsync"/> says what to erase first).
    /// </summary>
    [Alias("Delete")]
    Task DeleteAsync();
}

[GenerateSerializer, Immutable, Alias("bemore.SessionIndexEntry")]
public sealed record SessionIndexEntry(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] string? Title = null,
    [property: Id(3)] SessionOutcome? Outcome = null);

/// <summary>What an ended session contributes to its owner's dashboard.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionOutcome")]
public sealed record SessionOutcome(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset EndedAt,
    [property: Id(2)] long ActiveMs,
    [property: Id(3)] string? DominantEmotion,
    [property: Id(4)] IReadOnlyDictionary<string, int> DistortionCounts,
    [property: Id(5)] string RiskLevel);

[GenerateSerializer, Immutable, Alias("bemore.DashboardSummary")]
public sealed record DashboardSummary(
    [property: Id(0)] int SessionCount,
    [property: Id(1)] int EndedSessionCount,
    [property: Id(2)] double TotalActiveMinutes,
    [property: Id(3)] IReadOnlyDictionary<string, int> EmotionDistribution,
    [property: Id(4)] IReadOnlyList<SessionOutcome> Trend,
    [property: Id(5)] IReadOnlyList<DistortionTotal> TopDistortions,
    [property: Id(6)] IReadOnlyList<SessionIndexEntry> RecentSessions,
    [property: Id(7)] IReadOnlyList<SessionOutcome> RiskFlags);

[GenerateSerializer, Immutable, Alias("bemore.DistortionTotal")]
public sealed record DistortionTotal(
    [property: Id(0)] string Type,
    [property: Id(1)] int Count);

/// <summary>
/// Which sessions a listing keeps: the title contains <see cref="TitleContains"/> (ignoring case), and the session started
/// at or after <see cref="StartedFrom"/> and before <see cref="StartedBefore"/>; a null criterion keeps every session.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionSearch")]
public sealed record SessionSearch(
    [property: Id(0)] string? TitleContains,
    [property: Id(1)] DateTimeOffset? StartedFrom,
    [property: Id(2)] DateTimeOffset? StartedBefore)
{
    public bool Matches(SessionIndexEntry entry) =>
        (TitleContains is null || (entry.Title?.Contains(TitleContains, StringComparison.OrdinalIgnoreCase) ?? false))
        && (StartedFrom is null || entry.StartedAt >= StartedFrom)
        && (StartedBefore is null || entry.StartedAt < StartedBefore);
}

/// <summary>A page of the session index; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionIndexPage")]
public sealed record SessionIndexPage(
    [property: Id(0)] IReadOnlyList<SessionIndexEntry> Items,
    [property: Id(1)] string? NextCursor)
{
    /// <summary>The most entries one page holds; a larger limit is read as this.</summary>
    public const int MaxSize = 100;
}
