using System.Threading.RateLimiting;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// A fixed-window counter whose windows are aligned to the clock (window <c>n</c> covers
/// <c>[n * window, (n + 1) * window)</c> since the Unix epoch), so the reset instant of any partition is known
/// without asking the limiter and <c>RateLimit-Reset</c>/<c>Retry-After</c> are exact. No queueing: a request either
/// gets a permit now or is refused. Once its window has passed the limiter reports itself idle, and the
/// partitioned limiter that owns it disposes it. The limit is read at every request, so it follows this node's share
/// of the quota (<see cref="NodeQuotaShare"/>) as membership changes.
/// </summary>
public sealed class AlignedWindowRateLimiter(Func<int> permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private long _windowIndex = -1;
    private int _used;
    private long _successful;
    private long _failed;
    private DateTimeOffset _idleSince = clock.GetUtcNow();

    public AlignedWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider clock)
        : this(() => permitLimit, window, clock)
    {
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (_used == 0)
                {
                    return now - _idleSince;
                }

                return WindowIndex(now) != _windowIndex ? now - WindowEnd(_windowIndex) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Roll(clock.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit() - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Roll(now);
            var limit = permitLimit();
            if (_used + permitCount <= limit && (permitCount > 0 || _used < limit))
            {
                _used += permitCount;
                _successful++;
                return Lease.Acquired;
            }

            _failed++;
            return new Lease(false, WindowEnd(_windowIndex) - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>When the window containing <paramref name="now"/> ends: the same instant for every partition.</summary>
    public static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan window) =>
        DateTimeOffset.UnixEpoch + window * (WindowIndex(now, window) + 1);

    private void Roll(DateTimeOffset now)
    {
        var index = WindowIndex(now);
        if (index != _windowIndex)
        {
            if (_used > 0)
            {
                _idleSince = WindowEnd(_windowIndex);
            }

            _windowIndex = index;
            _used = 0;
        }
    }

    private long WindowIndex(DateTimeOffset now) => WindowIndex(now, window);

    private DateTimeOffset WindowEnd(long index) => DateTimeOffset.UnixEpoch + window * (index + 1);

    private static long WindowIndex(DateTimeOffset now, TimeSpan window) => (now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks;

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
