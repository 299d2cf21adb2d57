using Microsoft.Extensions.Logging;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>
/// While a node is down every request touching its grains fails the same way, thousands of times: a stack per request
/// would bury the log. The first failure of each cause is logged at once (message, no stack); the ones after it are
/// counted and reported as one line per cause every <see cref="Interval"/> while they keep coming.
/// </summary>
public sealed partial class SiloUnavailabilityLog(TimeProvider clock, ILogger<SiloUnavailabilityLog> logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _countedSinceLastLine = new(StringComparer.Ordinal);
    private ITimer? _timer;

    /// <summary>Counts one request or hub call answered "unavailable" because of <paramref name="exception"/> (whose cause is <paramref name="cause"/>).</summary>
    public void Record(string cause, Exception exception, string where)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_lock)
        {
            if (_countedSinceLastLine.TryGetValue(cause, out var counted))
            {
                _countedSinceLastLine[cause] = counted + 1;
                return;
            }

            _countedSinceLastLine[cause] = 0;
            _timer ??= clock.CreateTimer(_ => Flush(), null, Interval, Interval);
        }

        LogFirst(logger, cause, where, exception.Message);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Reports each cause's count since its last line; a cause with none is forgotten, so its next failure is logged at once.</summary>
    private void Flush()
    {
        List<KeyValuePair<string, int>> counts;
        lock (_lock)
        {
            counts = [.. _countedSinceLastLine.Where(pair => pair.Value > 0)];
            _countedSinceLastLine.Clear();
            foreach (var (cause, _) in counts)
            {
                _countedSinceLastLine[cause] = 0;
            }

            if (_countedSinceLastLine.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }

        foreach (var (cause, count) in counts)
        {
            LogCount(logger, cause, count, Interval.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A node is unreachable ({Cause}): {Where} answered SERVICE_UNAVAILABLE: {Reason}")]
    private static partial void LogFirst(ILogger logger, string cause, string where, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A node is unreachable ({Cause}): {Count} more requests and hub calls answered SERVICE_UNAVAILABLE in the last {Seconds} s")]
    private static partial void LogCount(ILogger logger, string cause, int count, double seconds);
}
