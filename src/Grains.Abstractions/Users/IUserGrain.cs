namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// One user (key: user id): the account, preferences, refresh-token families and the per-user session index.
/// Bounded work per call; nothing here is recomputed from all sessions. Every method but
/// <see cref="RegisterAsync"/> and <see cref="ExistsAsync"/> answers <c>UserNotFoundException</c> when there is no account.
/// </summary>
[Alias("bemore.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<UserProfile> RegisterAsync(NewAccount account);

    /// <summary>Whether the account exists; access tokens of erased accounts are refused with this.</summary>
    [Alias("Exists")]
    Task<bool> ExistsAsync();

    [Alias("GetCredentials")]
    Task<UserCredentials> GetCredentialsAsync();

    /// <summary>Replaces the stored hash when the hasher asks for a stronger one after a successful login.</summary>
    [Alias("UpgradePasswordHash")]
    Task UpgradePasswordHashAsync(string passwordHash);

    [Alias("GrantOperator")]
    Task<UserProfile> GrantOperatorAsync();

    [Alias("GetProfile")]
    Task<UserProfile> GetProfileAsync();

    [Alias("UpdateDisplayName")]
    Task<UserProfile> UpdateDisplayNameAsync(string displayName);

    [Alias("GetPreferences")]
    Task<UserPreferences> GetPreferencesAsync();

    [Alias("UpdatePreferences")]
    Task<UserPreferences> UpdatePreferencesAsync(UserPreferences preferences);

    /// <summary>Starts a new refresh-token family (a sign-in) and returns its first token.</summary>
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

    /// <summary>The user's sessions, newest first, starting after <paramref name="cursor"/> (a session id) when given.</summary>
    [Alias("ListSessions")]
    Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit);

    [Alias("Export")]
    Task<UserExport> ExportAsync();

    /// <summary>Erases the account, its preferences, tokens, email claim and every session with its events.</summary>
    [Alias("Delete")]
    Task DeleteAsync();
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
