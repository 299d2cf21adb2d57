using BeMore.Grains.Abstractions.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Users;

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
