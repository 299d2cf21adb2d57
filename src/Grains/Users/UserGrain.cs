using System.Security.Cryptography;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Users;

[GrainType(UserGrain.GrainTypeName)]
public sealed class UserGrain(
    [PersistentState(UserGrain.StateName, StorageNames.GrainState)] IPersistentState<UserState> state,
    IOptions<RefreshTokenOptions> refreshOptions,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IUserGrain
{
    /// <summary>The account's row is keyed by these; <see cref="UserSessionsGrain"/> reads rows of the earlier shape by them.</summary>
    public const string GrainTypeName = "user";

    public const string StateName = "user";

    /// <summary>Each sign-in opens a family; old ones beyond this many are dropped, oldest first.</summary>
    public const int MaxRefreshFamilies = 20;

    private readonly HashSet<string> _liveConnections = new(StringComparer.Ordinal);

    private string UserId => this.GetPrimaryKeyString();

    private UserAccount Account => state.State.Account ?? throw new UserNotFoundException();

    public async Task<UserProfile> RegisterAsync(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (state.State.Account is not null)
        {
            throw new UserExistsException();
        }

        state.State.Account = new UserAccount
        {
            Email = account.Email,
            DisplayName = account.DisplayName,
            PasswordHash = account.PasswordHash,
            Role = account.Role,
            CreatedAt = time.GetUtcNow(),
            SecurityStamp = NewSecurityStamp(),
        };
        await state.WriteStateAsync();
        return Profile();
    }

    public Task<string?> GetSecurityStampAsync() => Task.FromResult(state.State.Account?.SecurityStamp);

    public Task<UserCredentials> GetCredentialsAsync() => Task.FromResult(new UserCredentials(Profile(), Account.PasswordHash));

    public async Task UpgradePasswordHashAsync(string passwordHash)
    {
        Account.PasswordHash = passwordHash;
        await state.WriteStateAsync();
    }

    public async Task<UserProfile> SetRoleAsync(string role)
    {
        if (Account.Role != role)
        {
            Account.Role = role;
            await state.WriteStateAsync();
        }

        return Profile();
    }

    public async Task ChangePasswordAsync(string passwordHash)
    {
        Account.PasswordHash = passwordHash;
        EndSignIns();
        await state.WriteStateAsync();
    }

    public async Task EndAllSignInsAsync()
    {
        _ = Account;
        EndSignIns();
        await state.WriteStateAsync();
    }

    public Task<UserProfile> GetProfileAsync() => Task.FromResult(Profile());

    public async Task<UserProfile> UpdateDisplayNameAsync(string displayName)
    {
        Account.DisplayName = displayName;
        await state.WriteStateAsync();
        return Profile();
    }

    public Task<UserPreferences> GetPreferencesAsync()
    {
        _ = Account;
        return Task.FromResult(state.State.Preferences);
    }

    public async Task<UserPreferences> UpdatePreferencesAsync(UserPreferences preferences)
    {
        _ = Account;
        state.State.Preferences = preferences;
        await state.WriteStateAsync();
        return preferences;
    }

    public async Task<IssuedRefreshToken> IssueRefreshTokenAsync()
    {
        var stamp = EnsureSecurityStamp();
        var families = state.State.RefreshFamilies;
        var now = time.GetUtcNow();
        families.RemoveAll(family => family.ExpiresAt <= now);
        if (families.Count >= MaxRefreshFamilies)
        {
            families.RemoveRange(0, families.Count - MaxRefreshFamilies + 1);
        }

        var familyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (token, hash) = RefreshTokenFormat.Create(UserId, familyId);
        var family = new RefreshFamily { FamilyId = familyId, CurrentHash = hash, ExpiresAt = now + refreshOptions.Value.RefreshTokenLifetime };
        families.Add(family);
        await state.WriteStateAsync();
        return new IssuedRefreshToken(token, family.ExpiresAt, stamp);
    }

    public async Task<RefreshResult> RotateRefreshTokenAsync(string token)
    {
        var family = FindFamily(token, out var presentedHash);
        if (state.State.Account is null || family is null || family.ExpiresAt <= time.GetUtcNow())
        {
            return new RefreshResult(RefreshOutcome.Invalid, null, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(family.CurrentHash, presentedHash))
        {
            // Only the holder of the newest token may refresh; anything else for a live family means a copy is out there.
            state.State.RefreshFamilies.Remove(family);
            await state.WriteStateAsync();
            return new RefreshResult(RefreshOutcome.Reused, null, null);
        }

        var (next, hash) = RefreshTokenFormat.Create(UserId, family.FamilyId);
        family.CurrentHash = hash;
        var stamp = EnsureSecurityStamp();
        await state.WriteStateAsync();
        return new RefreshResult(RefreshOutcome.Rotated, new IssuedRefreshToken(next, family.ExpiresAt, stamp), Profile());
    }

    public async Task RevokeRefreshTokenAsync(string token)
    {
        var family = FindFamily(token, out var presentedHash);
        if (family is not null && CryptographicOperations.FixedTimeEquals(family.CurrentHash, presentedHash))
        {
            state.State.RefreshFamilies.Remove(family);
            await state.WriteStateAsync();
        }
    }

    public Task<bool> TryOpenLiveConnectionAsync(string connectionId, int limit)
    {
        _ = Account;
        var opened = _liveConnections.Contains(connectionId) || (_liveConnections.Count < limit && _liveConnections.Add(connectionId));
        if (opened)
        {
            // Counts live in memory: keep them while the user has connections.
            DelayDeactivation(TimeSpan.FromHours(1));
        }

        return Task.FromResult(opened);
    }

    public Task CloseLiveConnectionAsync(string connectionId)
    {
        _liveConnections.Remove(connectionId);
        return Task.CompletedTask;
    }

    public Task<UserExport> ExportAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(new UserExport(
            Profile(),
            state.State.Preferences,
            state.State.RefreshFamilies.Count(family => family.ExpiresAt > now)));
    }

    public async Task DeleteAsync()
    {
        var account = Account;
        await GrainFactory.Reference<IEmailIndexGrain>(account.Email).ReleaseAsync(UserId);
        await GrainFactory.Reference<IAuditLogGrain>(0).EraseUserAsync(UserId);
        state.State = new UserState { ErasedAt = state.State.ErasedAt ?? time.GetUtcNow() };
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }

    public async Task DropLegacySessionIndexAsync()
    {
        if (state.State.LegacySessions.Count > 0 || state.State.LegacyTotals.EndedSessionCount != 0)
        {
            state.State.LegacySessions = [];
            state.State.LegacyTotals = new DashboardTotals();
            await state.WriteStateAsync();
        }
    }

    /// <summary>Drops every refresh family and replaces the stamp, so every access token issued so far is refused too.</summary>
    private void EndSignIns()
    {
        state.State.RefreshFamilies.Clear();
        Account.SecurityStamp = NewSecurityStamp();
    }

    /// <summary>The current stamp; accounts stored before stamps existed get one on their next token (the caller writes state).</summary>
    private string EnsureSecurityStamp()
    {
        var account = Account;
        if (account.SecurityStamp.Length == 0)
        {
            account.SecurityStamp = NewSecurityStamp();
        }

        return account.SecurityStamp;
    }

    private static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private RefreshFamily? FindFamily(string token, out byte[] presentedHash)
    {
        presentedHash = [];
        if (!RefreshTokenFormat.TryParse(token, out var userId, out var familyId, out var secret) || userId != UserId)
        {
            return null;
        }

        presentedHash = RefreshTokenFormat.Hash(secret);
        return state.State.RefreshFamilies.Find(family => family.FamilyId == familyId);
    }

    private UserProfile Profile()
    {
        var account = Account;
        return new UserProfile(UserId, account.Email, account.DisplayName, account.Role, account.CreatedAt);
    }
}
