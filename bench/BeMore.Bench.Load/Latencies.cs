using System.Diagnostics;
using HdrHistogram;

namespace BeMore.Bench.Load;

/// <summary>
/// Latencies in microseconds in an HdrHistogram, plus an error count. Callers measure from the moment an operation
/// was <em>scheduled</em> (open loop), not from when it was sent, so a stalled server or generator shows up as
/// latency instead of silently sending less (coordinated omission).
/// </summary>
public sealed class Latencies
{
    private readonly LongConcurrentHistogram _histogram = new(1, 10L * 60 * 1_000_000, 3);
    private long _errors;

    public long Count => _histogram.TotalCount;

    public long Errors => Interlocked.Read(ref _errors);

    public static long Now => Stopwatch.GetTimestamp();

    public void RecordSince(long scheduledTimestamp) => Record(Stopwatch.GetElapsedTime(scheduledTimestamp));

    public void Record(TimeSpan elapsed) => _histogram.RecordValue(Math.Max(1, (long)elapsed.TotalMicroseconds));

    public void RecordError() => Interlocked.Increment(ref _errors);

    /// <summary>The value at <paramref name="percentile"/> (0-100) in milliseconds; NaN when nothing was recorded.</summary>
    public double Ms(double percentile) => Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;
}
