namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// One user's account (key: user id): credentials, security stamp, refresh-token families, preferences and the live
/// connection cap. The user's sessions are <see cref="IUserSessionsGrain"/>'s (same key); this grain never calls it.
/// Every method but <see cref="RegisterAsync"/>, <see cref="GetSecurityStampAsync"/> and
/// <see cref="DropLegacySessionIndexAsync"/> answers <c>UserNotFoundException</c> when there is no account.
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

    /// <summary>
    /// Counts a live hub connection of this user against <paramref name="limit"/>; false when the user already holds
    /// that many, across all nodes. Live connections are not persisted: a node that dies takes its counts with it.
    /// </summary>
    [Alias("TryOpenLiveConnection")]
    Task<bool> TryOpenLiveConnectionAsync(string connectionId, int limit);

    [Alias("CloseLiveConnection")]
    Task CloseLiveConnectionAsync(string connectionId);

    /// <summary>The account's part of the data export; the sessions are listed by <see cref="IUserSessionsGrain"/>.</summary>
    [Alias("Export")]
    Task<UserExport> ExportAsync();

    /// <summary>
    /// Erases the account, its preferences, tokens and email claim; keeps only the tombstone (the time of erasure). The
    /// caller first erases the user's sessions and their index (<see cref="IUserSessionsGrain.BeginErasureAsync"/>).
    /// </summary>
    [Alias("Delete")]
    Task DeleteAsync();

    /// <summary>
    /// Forgets the session index and dashboard totals this row held before they moved to <see cref="IUserSessionsGrain"/>;
    /// called by that grain once it has stored its copy. Changes nothing when there is none.
    /// </summary>
    [Alias("DropLegacySessionIndex")]
    Task DropLegacySessionIndexAsync();
}
