using System.Threading.RateLimiting;

namespace BeMore.Web.Features.Live;

/// <summary>One connection's budgets: invocations, audio bytes, one audio stream at a time, and a run of rejections.</summary>
public sealed class ConnectionBudget(LiveHubOptions options) : IDisposable
{
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, int Suppressed)> _refusalLog = new(StringComparer.Ordinal);
    private int _audioStreams;
    private int _rejections;

    public TokenBucketRateLimiter Invocations { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.InvocationBurst,
        TokensPerPeriod = options.InvocationsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public TokenBucketRateLimiter AudioBytes { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.AudioBytesPerSecond,
        TokensPerPeriod = options.AudioBytesPerSecond / 10,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

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
        Invocations.Dispose();
        AudioBytes.Dispose();
    }
}
