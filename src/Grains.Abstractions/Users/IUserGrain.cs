namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// One user (key: user id): the account, preferences, refresh-token families and the per-user session index.
/// Bounded work per call; nothing here is recomputed from all sessions. Every method but
/// <see cref="RegisterAsync"/> and <see cref="GetSecurityStampAsync"/> answers <c>UserNotFoundException</c> when there is no account.
/// </summary>
[Alias("bemore.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<UserProfile> RegisterAsync(NewAccount account);

    /// <summary>
    /// The account's current security stamp, or null when there is no account. Every access token carries the stamp it
    /// was issued under; a password change or a sign-out everywhere replaces it, so older tokens stop working.
    /// </summary>
    [Alias("GetSecurityStamp")]
    Task<string?> GetSecurityStampAsync();

    [Alias("GetCredentials")]
    Task<UserCredentials> GetCredentialsAsync();

    /// <summary>Replaces the stored hash when the hasher asks for a stronger one after a successful login.</summary>
    [Alias("UpgradePasswordHash")]
    Task UpgradePasswordHashAsync(string passwordHash);

    /// <summary>Stores the role the configuration gives the user now (decided by the caller at sign-in and refresh).</summary>
    [Alias("SetRole")]
    Task<UserProfile> SetRoleAsync(string role);

    /// <summary>Replaces the password hash and ends every sign-in: all refresh families and, through the stamp, access tokens.</summary>
    [Alias("ChangePassword")]
    Task ChangePasswordAsync(string passwordHash);

    /// <summary>Ends every sign-in (sign out everywhere) without changing the password.</summary>
    [Alias("EndAllSignIns")]
    Task EndAllSignInsAsync();

    [Alias("GetProfile")]
    Task<UserProfile> GetProfileAsync();

    [Alias("UpdateDisplayName")]
    Task<UserProfile> UpdateDisplayNameAsync(string displayName);

    [Alias("GetPreferences")]
    Task<UserPreferences> GetPreferencesAsync();

    [Alias("UpdatePreferences")]
    Task<UserPreferences> UpdatePreferencesAsync(UserPreferences preferences);

    /// <summary>Starts a new refresh-token family (a sign-in) and returns its first token; the family ends at a fixed time.</summary>
    [Alias("IssueRefreshToken")]
    Task<IssuedRefreshToken> IssueRefreshTokenAsync();

    /// <summary>Trades a current refresh token for a new one; a spent one revokes its family.</summary>
    [Alias("RotateRefreshToken")]
    Task<RefreshResult> RotateRefreshTokenAsync(string token);

    /// <summary>Revokes the family of the given token (logout); unknown tokens change nothing.</summary>
    [Alias("RevokeRefreshToken")]
    Task RevokeRefreshTokenAsync(string token);

    /// <summary>Records a session the user started; repeating it for the same session id changes nothing.</summary>
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

    [Alias("GetDashboard")]
    Task<DashboardSummary> GetDashboardAsync();

    /// <summary>
    /// Counts a live hub connection of this user against <paramref name="limit"/>; false when the user already holds
    /// that many, across all nodes. Live connections are not persisted: a node that dies takes its counts with it.
    /// </summary>
    [Alias("TryOpenLiveConnection")]
    Task<bool> TryOpenLiveConnectionAsync(string connectionId, int limit);

    [Alias("CloseLiveConnection")]
    Task CloseLiveConnectionAsync(string connectionId);

    [Alias("Export")]
    Task<UserExport> ExportAsync();

    /// <summary>
    /// Starts erasing the account: stores its tombstone, after which no session registers (<see cref="AddSessionAsync"/>
    /// answers <c>UserNotFoundException</c>), and returns the ids of its sessions. The caller erases those outside this
    /// grain's turn (an ending session calls back into it), then calls <see cref="DeleteAsync"/>.
    /// </summary>
    [Alias("BeginErasure")]
    Task<IReadOnlyList<string>> BeginErasureAsync();

    /// <summary>
    /// Erases the account, its preferences, tokens and email claim; keeps only the tombstone (the time of erasure). Its
    /// sessions must be erased and removed from the index first (<see cref="BeginErasureAsync"/>, then each session, then
    /// <see cref="RemoveSessionAsync"/>): while the index holds one, this refuses with <c>InvalidOperationException</c>.
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
    [property: Id(1)] string? NextCursor);
