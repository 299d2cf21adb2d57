using System.Diagnostics;

namespace BeMore.Bench.Load;

/// <summary>
/// A fixed-rate schedule: operation i is due at start + i / rate whether or not earlier ones have finished, and its
/// latency counts from that due time. Operations still running when the drain time is up count as errors.
/// </summary>
public static class OpenLoop
{
    public static async Task RunAsync(
        double ratePerSecond, TimeSpan duration, Func<int, Task> operation, Latencies latencies, CancellationToken cancellationToken)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var ticksBetween = Stopwatch.Frequency / ratePerSecond;
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total && !cancellationToken.IsCancellationRequested)
        {
            // Everything due by now goes out in one batch: a late timer tick delays sending, never the schedule.
            var due = Math.Min(total, (int)((Stopwatch.GetTimestamp() - start) / ticksBetween) + 1);
            for (; next < due; next++)
            {
                pending.Add(MeasureAsync(operation, next, start + (long)(next * ticksBetween), latencies));
            }

            await Task.Delay(1, cancellationToken);
        }

        var all = Task.WhenAll(pending);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)) != all)
        {
            foreach (var _ in pending.Where(task => !task.IsCompleted))
            {
                latencies.RecordError();
            }
        }
    }

    /// <summary>Waits until a Stopwatch timestamp (timer resolution: about a millisecond).</summary>
    public static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    public static long After(long timestamp, TimeSpan offset) => timestamp + (long)(offset.TotalSeconds * Stopwatch.Frequency);

    private static async Task MeasureAsync(Func<int, Task> operation, int index, long scheduled, Latencies latencies)
    {
        try
        {
            await operation(index);
            latencies.RecordSince(scheduled);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            latencies.RecordError();
        }
    }
}
