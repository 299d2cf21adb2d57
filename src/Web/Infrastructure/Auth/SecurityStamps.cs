using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BeMore.Grains.Abstractions.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>
/// The current security stamp of each user as this node last read it, kept at most
/// <see cref="AuthOptions.SecurityStampCacheDuration"/> so checking every request's token costs no grain call while a
/// revoked sign-in still stops within that time on every node. Bounded: the least used entries go first.
/// </summary>
public sealed class SecurityStamps(
    IGrainFactory grains,
    IOptionsMonitor<AuthOptions> options,
    [FromKeyedServices(SecurityStamps.ClockKey)] TimeProvider clock) : IDisposable
{
    /// <summary>The clock freshness is judged by (a keyed service so tests can move it without touching token lifetimes).</summary>
    public const string ClockKey = "BeMore.Auth.SecurityStampClock";

    private const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The user's stamp, or null when the account does not exist (erased).</summary>
    public async ValueTask<string?> CurrentAsync(string userId)
    {
        var now = clock.GetUtcNow();
        var duration = options.CurrentValue.SecurityStampCacheDuration;
        if (_cache.TryGetValue(userId, out CachedStamp? cached) && cached is not null && now - cached.ReadAt < duration)
        {
            return cached.Stamp;
        }

        var stamp = await grains.GetGrain<IUserGrain>(userId).GetSecurityStampAsync();
        if (duration > TimeSpan.Zero)
        {
            _cache.Set(userId, new CachedStamp(stamp, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
        }

        return stamp;
    }

    /// <summary>
    /// Why the sign-in behind <paramref name="principal"/> no longer holds (its security stamp is not the account's
    /// current one: password changed, signed out everywhere, account erased; or an operator token of a user no longer
    /// listed), or null while it does. HTTP requests and live hub calls both ask this.
    /// </summary>
    public async ValueTask<string?> EndedReasonAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.UserId();
        var presented = principal.FindFirstValue(AccessTokenIssuer.SecurityStampClaim);
        var current = await CurrentAsync(userId);
        if (string.IsNullOrEmpty(presented) || current is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(current)))
        {
            return "The sign-in has ended.";
        }

        return principal.IsInRole(Roles.Operator) && !options.CurrentValue.IsOperator(userId) ? "The operator role was withdrawn." : null;
    }

    /// <summary>Drops what this node knows about the user, after it changed the stamp itself.</summary>
    public void Forget(string userId) => _cache.Remove(userId);

    public void Dispose() => _cache.Dispose();

    private sealed record CachedStamp(string? Stamp, DateTimeOffset ReadAt);
}
