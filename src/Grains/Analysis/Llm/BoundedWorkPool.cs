using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace BeMore.Grains.Analysis.Llm;

/// <summary>
/// The per-node bound of outside calls: a queue of at most <c>capacity</c> jobs served by a fixed number of workers.
/// <see cref="TryEnqueue"/> never waits: when the queue is full it answers false and the caller falls back at once.
/// <paramref name="depth"/> counts the jobs waiting.
/// </summary>
public sealed class BoundedWorkPool<TJob>(int capacity, UpDownCounter<long> depth)
{
    private readonly Channel<TJob> _queue = Channel.CreateBounded<TJob>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(TJob job)
    {
        if (!_queue.Writer.TryWrite(job))
        {
            return false;
        }

        depth.Add(1);
        return true;
    }

    /// <summary>Serves the queue with <paramref name="workers"/> concurrent handlers until <paramref name="stoppingToken"/> fires; waiting jobs are then dropped.</summary>
    public Task ServeAsync(int workers, Func<TJob, CancellationToken, Task> handle, CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => ServeOneAsync(handle, stoppingToken)));

    /// <summary>
    /// Each idle worker waits in <see cref="ChannelReader{T}.ReadAsync"/>, which hands a job to one waiting reader; a
    /// wait for data (<c>ReadAllAsync</c>) would wake every idle worker for each job, all but one to find nothing and
    /// wait again (64 wake-ups and 64 new waits for each counselor reply).
    /// </summary>
    private async Task ServeOneAsync(Func<TJob, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var job = await _queue.Reader.ReadAsync(stoppingToken);
                depth.Add(-1);
                await handle(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: waiting jobs are dropped; their callers keep their local results.
        }
    }
}
