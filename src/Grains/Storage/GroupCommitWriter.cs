using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using BeMore.Grains.Abstractions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BeMore.Grains.Storage;

/// <summary>
/// Group commit for every write BeMore makes to its own tables (event-log appends of all sessions, audit rows): callers
/// queue a write, one loop runs everything waiting (up to <see cref="MaxBatch"/>) in a single transaction, and each
/// caller's task completes only once that transaction has committed. One commit per write made every writer queue
/// behind its own fsync (and, on SQLite, poll for the file's write lock); one commit per batch lets them share both.
/// Where the database has a <see cref="EventLogDatabase.Checkpoint"/>, a second loop runs it after every
/// <see cref="CheckpointEvery"/> committed writes, beside the commits: no caller waits for a checkpoint.
/// </summary>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;

    /// <summary>Committed writes between two checkpoints: at 4-6 WAL pages a write, about SQLite's own default of 1,000 pages.</summary>
    public const int CheckpointEvery = 256;

    /// <summary>Writes waiting beyond this make callers wait to enqueue, so a stalled database cannot grow memory without bound.</summary>
    public const int MaxWaiting = 4096;

    private readonly EventLogDatabase _database;
    private readonly Channel<PendingWrite> _waiting = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Holds at most one request: requests made while a checkpoint runs fold into the next one.</summary>
    private readonly Channel<bool> _checkpointDue = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ILogger _logger;
    private readonly Task _committing;
    private readonly Task _checkpointing;

    /// <summary>Only the commit loop touches it.</summary>
    private int _writesSinceCheckpoint;

    /// <summary>
    /// The commit loop's connection, kept open from one batch to the next with the commands its writes keep on it
    /// (<see cref="DbCommandExtensions.KeptCommand"/>); dropped when opening, beginning or committing fails, and opened
    /// again for the next batch. Only the commit loop touches it.
    /// </summary>
    private DbConnection? _connection;

    public GroupCommitWriter(EventLogDatabase database, ILogger<GroupCommitWriter>? logger = null)
    {
        _database = database;
        _logger = logger ?? NullLogger<GroupCommitWriter>.Instance;
        // Off the caller's scheduler: the writer may first be resolved inside a grain activation.
        _committing = Task.Run(CommitWaitingAsync);
        _checkpointing = database.Checkpoint is null ? Task.CompletedTask : Task.Run(CheckpointWhenDueAsync);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the transaction of the next batch and completes once that transaction has
    /// committed. Writes run in the order they were queued. A write that throws fails alone, with its own exception:
    /// the batch is rolled back and run again without it, so the other callers' rows are neither failed nor lost (a
    /// write may therefore run more than once before its commit). When opening, beginning or committing fails, every
    /// write of the batch fails with that exception. Throws <see cref="ChannelClosedException"/> after disposal.
    /// </summary>
    public async Task WriteAsync(Func<DbTransaction, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _waiting.Writer.WriteAsync(pending, cancellationToken);
        await pending.Committed.Task;
    }

    /// <summary>Stops taking writes, commits those already queued and checkpoints them before returning.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _committing;
        await DropConnectionAsync();
        _checkpointDue.Writer.TryComplete();
        await _checkpointing;
    }

    private async Task CommitWaitingAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            BeMoreTelemetry.CommitBatchSize.Record(batch.Count);
            await CommitAsync(batch);
            _writesSinceCheckpoint += batch.Count;
            if (_writesSinceCheckpoint >= CheckpointEvery)
            {
                RequestCheckpoint();
            }

            batch.Clear();
        }

        if (_writesSinceCheckpoint > 0)
        {
            RequestCheckpoint();
        }
    }

    /// <summary>A request made while another waits is the same request: that checkpoint takes these pages too.</summary>
    private void RequestCheckpoint()
    {
        _writesSinceCheckpoint = 0;
        if (_database.Checkpoint is not null)
        {
            _checkpointDue.Writer.TryWrite(true);
        }
    }

    private async Task CheckpointWhenDueAsync()
    {
        while (await _checkpointDue.Reader.WaitToReadAsync())
        {
            _checkpointDue.Reader.TryRead(out _);
            await CheckpointAsync();
        }
    }

    /// <summary>A checkpoint that fails leaves the pages in the write-ahead log, where they are durable; the next one takes them.</summary>
    private async Task CheckpointAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = _database.Checkpoint;
            await command.ExecuteNonQueryAsync();
            BeMoreTelemetry.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (DbException error)
        {
            LogCheckpointFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event-log checkpoint failed; the next one retries")]
    private partial void LogCheckpointFailed(Exception error);

    /// <summary>Commits the batch, taking out each write that throws until the rest commit together.</summary>
    private async Task CommitAsync(List<PendingWrite> batch)
    {
        // Failed writes learn of their failure only after the rest have committed, so a caller that looks up the row
        // it conflicted with finds it even when that row was written in the same batch.
        var failed = new List<(PendingWrite Write, Exception Error)>();
        var outcome = await CommitWithoutFailingWritesAsync(batch, failed);
        foreach (var pending in batch)
        {
            if (outcome is null)
            {
                pending.Committed.TrySetResult();
            }
            else
            {
                pending.Committed.TrySetException(outcome);
            }
        }

        failed.ForEach(f => f.Write.Committed.TrySetException(f.Error));
    }

    /// <summary>Null once the writes left in <paramref name="batch"/> committed; the exception that failed them all otherwise.</summary>
    private async Task<Exception?> CommitWithoutFailingWritesAsync(List<PendingWrite> batch, List<(PendingWrite Write, Exception Error)> failed)
    {
        while (batch.Count > 0)
        {
            try
            {
                _connection ??= await _database.OpenAsync(CancellationToken.None);
                await using var transaction = await _connection.BeginTransactionAsync();
                var failedAt = await RunWritesAsync(batch, transaction, failed);
                if (failedAt < 0)
                {
                    await transaction.CommitAsync();
                    return null;
                }

                // The transaction is rolled back on disposal; the writes before the failed one run again in the next attempt.
                batch.RemoveAt(failedAt);
            }
            catch (Exception error)
            {
                await DropConnectionAsync();
                return error;
            }
        }

        return null;
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>Runs the writes in order; the index of the first that threw (recorded in <paramref name="failed"/>), or -1.</summary>
    private static async Task<int> RunWritesAsync(List<PendingWrite> batch, DbTransaction transaction, List<(PendingWrite Write, Exception Error)> failed)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await batch[i].Write(transaction);
            }
            catch (Exception error)
            {
                failed.Add((batch[i], error));
                return i;
            }
        }

        return -1;
    }

    private readonly record struct PendingWrite(Func<DbTransaction, Task> Write, TaskCompletionSource Committed);
}
