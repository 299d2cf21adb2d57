using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>
/// The current security stamp of each user as this node last read it, so checking every request's token costs no grain
/// call. A stamp is trusted for <see cref="AuthOptions.SecurityStampCacheDuration"/>; in its second half a request
/// starts a background re-read, so users in steady use never wait on their grain. When the user's grain cannot be
/// reached (its node died and is not yet declared dead, or the read takes longer than <see cref="ReadPatience"/>) a
/// stamp read within <see cref="AuthOptions.SecurityStampUnreachableGrace"/> still answers: authentication does not stop
/// with one node, and a revoked sign-in still stops within that bound on every node. Bounded: the least used entries go first.
/// </summary>
public sealed class SecurityStamps(
    IGrainFactory grains,
    IOptionsMonitor<AuthOptions> options,
    [FromKeyedServices(SecurityStamps.ClockKey)] TimeProvider clock) : IDisposable
{
    /// <summary>The clock freshness is judged by (a keyed service so tests can move it without touching token lifetimes).</summary>
    public const string ClockKey = "BeMore.Auth.SecurityStampClock";

    /// <summary>How long a request waits for a stale stamp's re-read before answering from the one it has.</summary>
    public static readonly TimeSpan ReadPatience = TimeSpan.FromSeconds(2);

    private const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<string, Task> _refreshing = new(StringComparer.Ordinal);

    /// <summary>The user's stamp, or null when the account does not exist (erased).</summary>
    public async ValueTask<string?> CurrentAsync(string userId)
    {
        var settings = options.CurrentValue;
        if (!_cache.TryGetValue(userId, out CachedStamp? cached) || cached is null)
        {
            return await ReadAsync(userId);
        }

        var age = clock.GetUtcNow() - cached.ReadAt;
        if (age < settings.SecurityStampCacheDuration)
        {
            if (age >= settings.SecurityStampCacheDuration / 2)
            {
                _ = _refreshing.GetOrAdd(userId, RefreshAsync);
            }

            return cached.Stamp;
        }

        if (age >= settings.SecurityStampUnreachableGrace)
        {
            return await ReadAsync(userId);
        }

        try
        {
            return await ReadAsync(userId).WaitAsync(ReadPatience);
        }
        catch (Exception unreachable) when (SiloUnavailability.CauseOf(unreachable) is not null)
        {
            return cached.Stamp;
        }
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

    /// <summary>Reads the stamp from the user's grain and keeps it as long as it may answer for an unreachable grain.</summary>
    private async Task<string?> ReadAsync(string userId)
    {
        var readAt = clock.GetUtcNow();
        var stamp = await grains.Reference<IUserGrain>(userId).GetSecurityStampAsync();
        var settings = options.CurrentValue;
        var kept = settings.SecurityStampCacheDuration > settings.SecurityStampUnreachableGrace
            ? settings.SecurityStampCacheDuration
            : settings.SecurityStampUnreachableGrace;
        if (kept > TimeSpan.Zero)
        {
            _cache.Set(userId, new CachedStamp(stamp, readAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = kept });
        }

        return stamp;
    }

    /// <summary>One background re-read per user at a time; if the grain is unreachable, the next request past the fresh period tries again.</summary>
    private async Task RefreshAsync(string userId)
    {
        await Task.Yield();
        try
        {
            await ReadAsync(userId);
        }
        catch (Exception unreachable) when (SiloUnavailability.CauseOf(unreachable) is not null)
        {
            // Kept as it was: the request path decides whether the stamp it has is still within the grace.
        }
        finally
        {
            _refreshing.TryRemove(userId, out _);
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed record CachedStamp(string? Stamp, DateTimeOffset ReadAt);
}
