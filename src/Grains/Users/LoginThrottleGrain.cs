using BeMore.Grains.Abstractions.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Users;

/// <summary>Brute-force protection per account (<c>BeMore:Auth:Lockout</c>).</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "BeMore:Auth:Lockout";

    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Kept in memory on purpose: one activation serves the whole cluster, and the activation stays while it
/// remembers failures. Losing it (a node crash) only forgives an attacker one window.
/// </summary>
[GrainType("login-throttle")]
public sealed class LoginThrottleGrain(
    IOptions<LoginThrottleOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly Queue<DateTimeOffset> _failures = new();
    private DateTimeOffset? _lockedUntil;

    public Task<TimeSpan?> GetLockoutAsync() => Task.FromResult(Remaining(time.GetUtcNow()));

    public Task<TimeSpan?> RecordFailureAsync()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (Remaining(now) is { } remaining)
        {
            return Task.FromResult<TimeSpan?>(remaining);
        }

        while (_failures.TryPeek(out var oldest) && now - oldest >= settings.Window)
        {
            _failures.Dequeue();
        }

        _failures.Enqueue(now);
        DelayDeactivation(settings.Window + settings.Duration);
        if (_failures.Count < settings.MaxFailures)
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        _failures.Clear();
        _lockedUntil = now + settings.Duration;
        return Task.FromResult<TimeSpan?>(settings.Duration);
    }

    public Task ResetAsync()
    {
        _failures.Clear();
        _lockedUntil = null;
        return Task.CompletedTask;
    }

    private TimeSpan? Remaining(DateTimeOffset now) => _lockedUntil is { } until && until > now ? until - now : null;
}
