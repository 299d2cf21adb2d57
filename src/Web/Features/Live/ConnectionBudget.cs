using System.Threading.RateLimiting;

namespace BeMore.Web.Features.Live;

/// <summary>One connection's budgets: invocations, audio bytes, one audio stream at a time, and a run of rejections.</summary>
public sealed class ConnectionBudget(LiveHubOptions options) : IDisposable
{
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, int Suppressed)> _refusalLog = new(StringComparer.Ordinal);
    private int _audioStreams;
    private int _rejections;

    // Filled on use, not by the limiters' own timers: those fired ten times a second for every open connection, idle or
    // not (11,000 thread-pool callbacks a second at 1,000 connections). A bucket gains what the time since it was last
    // filled earned, up to its limit; the limiter does not restart that clock while the bucket is full, so the first
    // drain after an idle spell may be refilled once more (at most one more burst). The sustained rate is unchanged.
    private readonly TokenBucketRateLimiter _invocations = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.InvocationBurst,
        TokensPerPeriod = options.InvocationsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    private readonly TokenBucketRateLimiter _audioBytes = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.AudioBytesPerSecond,
        TokensPerPeriod = options.AudioBytesPerSecond / 10,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    /// <summary>Takes one invocation from the budget; false when the connection is calling faster than allowed.</summary>
    public bool TryTakeInvocation() => TryTake(_invocations, 1);

    /// <summary>Takes <paramref name="bytes"/> of audio from the budget; false when audio arrives faster than allowed.</summary>
    public bool TryTakeAudio(int bytes) => TryTake(_audioBytes, bytes);

    public bool TryBeginAudioStream() => Interlocked.CompareExchange(ref _audioStreams, 1, 0) == 0;

    public void EndAudioStream() => Interlocked.Exchange(ref _audioStreams, 0);

    /// <summary>Counts a rejection; true when the connection has now been rejected too often in a row.</summary>
    public bool Reject() => Interlocked.Increment(ref _rejections) >= options.RejectionsBeforeClose;

    public void Accept() => Interlocked.Exchange(ref _rejections, 0);

    /// <summary>
    /// Whether a refusal with <paramref name="code"/> is logged: the connection's first one, then at most one per
    /// <paramref name="interval"/>, which reports how many were <paramref name="suppressed"/> since the last line.
    /// </summary>
    public bool ShouldLogRefusal(string code, DateTimeOffset now, TimeSpan interval, out int suppressed)
    {
        lock (_refusalLog)
        {
            if (_refusalLog.TryGetValue(code, out var last) && now - last.LoggedAt < interval)
            {
                _refusalLog[code] = (last.LoggedAt, last.Suppressed + 1);
                suppressed = 0;
                return false;
            }

            suppressed = last.Suppressed;
            _refusalLog[code] = (now, 0);
            return true;
        }
    }

    public void Dispose()
    {
        _invocations.Dispose();
        _audioBytes.Dispose();
    }

    private static bool TryTake(TokenBucketRateLimiter bucket, int permits)
    {
        bucket.TryReplenish();
        using var lease = bucket.AttemptAcquire(permits);
        return lease.IsAcquired;
    }
}
