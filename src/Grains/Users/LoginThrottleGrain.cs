using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Users;

/// <summary>Brute-force throttling per (email, client address) (<c>BeMore:Auth:Lockout</c>).</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "BeMore:Auth:Lockout";

    /// <summary>Wrong passwords one address may give for one email before it has to wait between attempts.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long an address's failures are remembered after its last one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first wait; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of one address.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures for one email from all addresses together (within <see cref="Window"/>) beyond which every address that
    /// has failed waits from its first failure on: a spread-out guessing campaign is slowed; fresh addresses, the owner's
    /// among them, still reach the password check.
    /// </summary>
    [Range(1, 100_000)]
    public int EmailMaxFailures { get; set; } = 20;
}

/// <summary>
/// Kept in memory on purpose: one activation serves the whole cluster, and it stays while it remembers failures.
/// Losing it (a node crash) only forgives the addresses it tracked. At most <see cref="MaxTrackedAddresses"/>
/// addresses are tracked per email; beyond that the one that failed least recently is forgotten.
/// </summary>
[GrainType("login-throttle")]
public sealed class LoginThrottleGrain(
    IOptions<LoginThrottleOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ILoginThrottleGrain
{
    public const int MaxTrackedAddresses = 1000;

    private readonly Dictionary<string, AddressFailures> _addresses = new(StringComparer.Ordinal);

    public Task<TimeSpan?> GetDelayAsync(string clientAddress)
    {
        var now = time.GetUtcNow();
        Forget(now);
        if (!_addresses.TryGetValue(clientAddress, out var failures))
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        var waitUntil = failures.LastAt + Delay(failures.Count);
        return Task.FromResult<TimeSpan?>(waitUntil > now ? waitUntil - now : null);
    }

    public Task RecordFailureAsync(string clientAddress)
    {
        var now = time.GetUtcNow();
        Forget(now);
        if (_addresses.TryGetValue(clientAddress, out var failures))
        {
            failures.Count++;
            failures.LastAt = now;
        }
        else
        {
            if (_addresses.Count >= MaxTrackedAddresses)
            {
                _addresses.Remove(_addresses.MinBy(pair => pair.Value.LastAt).Key);
            }

            _addresses[clientAddress] = new AddressFailures { Count = 1, LastAt = now };
        }

        DelayDeactivation(options.Value.Window);
        return Task.CompletedTask;
    }

    public Task RecordSuccessAsync(string clientAddress)
    {
        _addresses.Remove(clientAddress);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The wait after an address's <paramref name="count"/>-th failure: none within the allowance, then the first delay
    /// doubling per failure up to the longest. Past the email's ceiling the allowance is gone.
    /// </summary>
    private TimeSpan Delay(int count)
    {
        var settings = options.Value;
        var allowance = _addresses.Values.Sum(failures => failures.Count) >= settings.EmailMaxFailures ? 1 : settings.MaxFailures;
        if (count < allowance)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(count - allowance, 30);
        var delay = settings.FirstDelay * Math.Pow(2, doublings);
        return delay < settings.Duration ? delay : settings.Duration;
    }

    private void Forget(DateTimeOffset now)
    {
        var window = options.Value.Window;
        foreach (var (address, failures) in _addresses)
        {
            if (now - failures.LastAt >= window)
            {
                _addresses.Remove(address);
            }
        }
    }

    private sealed class AddressFailures
    {
        public int Count { get; set; }

        public DateTimeOffset LastAt { get; set; }
    }
}
