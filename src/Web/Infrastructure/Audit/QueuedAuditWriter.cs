using System.Threading.Channels;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BeMore.Web.Infrastructure.Audit;

/// <summary>
/// Audit records written off the request path: a request queues its record and answers; one loop stores whatever has
/// queued, up to <see cref="MaxBatch"/> records in one grain call and one group commit. A graceful stop stores every
/// queued record before Orleans stops (this service is registered after the silo, so it stops first). A crash loses
/// at most the records of the last few milliseconds' answers; the rare security actions (sign-in, password change,
/// erasure...) are still stored before they answer (<see cref="AuditTrail.RecordAsync"/>).
/// </summary>
public sealed partial class QueuedAuditWriter(IGrainFactory grains, ILogger<QueuedAuditWriter> logger) : IHostedService
{
    public const int MaxBatch = 256;

    /// <summary>Records waiting beyond this make requests wait to queue, so a stalled store cannot grow memory without bound.</summary>
    public const int Capacity = 8192;

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)];

    private readonly Channel<Queued> _queued = Channel.CreateBounded<Queued>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task _storing = Task.CompletedTask;

    /// <summary>Queues the record; once the queue has stopped (the host is stopping) stores it before returning.</summary>
    public async ValueTask EnqueueAsync(AuditEntry entry)
    {
        try
        {
            await _queued.Writer.WriteAsync(new Queued(entry, Stored: null));
        }
        catch (ChannelClosedException)
        {
            await grains.Reference<IAuditLogGrain>(0).RecordAsync(entry);
        }
    }

    /// <summary>Completes once every record queued before the call is stored (or given up on and logged).</summary>
    public async Task FlushAsync()
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queued.Writer.WriteAsync(new Queued(null, stored));
        }
        catch (ChannelClosedException)
        {
            await _storing;
            return;
        }

        await stored.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _storing = Task.Run(StoreQueuedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queued.Writer.TryComplete();
        await _storing.WaitAsync(cancellationToken);
    }

    private async Task StoreQueuedAsync()
    {
        var batch = new List<AuditEntry>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await _queued.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queued.Reader.TryRead(out var queued))
            {
                if (queued.Entry is { } entry)
                {
                    batch.Add(entry);
                }
                else
                {
                    flushes.Add(queued.Stored!);
                    break;
                }
            }

            await StoreAsync(batch);
            flushes.ForEach(flush => flush.TrySetResult());
            batch.Clear();
            flushes.Clear();
        }
    }

    private async Task StoreAsync(List<AuditEntry> batch)
    {
        for (var attempt = 0; batch.Count > 0; attempt++)
        {
            try
            {
                await grains.Reference<IAuditLogGrain>(0).RecordManyAsync([.. batch]);
                return;
            }
            catch (Exception error) when (attempt < RetryDelays.Length)
            {
                LogRetry(error, batch.Count);
                await Task.Delay(RetryDelays[attempt]);
            }
            catch (Exception error)
            {
                LogLost(error, batch.Count);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} audit records failed; retrying")]
    private partial void LogRetry(Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} audit records failed; they are lost")]
    private partial void LogLost(Exception error, int count);

    /// <summary>A record, or a flush marker (<see cref="Stored"/>) that completes once everything before it is stored.</summary>
    private readonly record struct Queued(AuditEntry? Entry, TaskCompletionSource? Stored);
}
