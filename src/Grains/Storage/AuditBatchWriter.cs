using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using BeMore.Grains.Abstractions.Audit;

namespace BeMore.Grains.Storage;

/// <summary>
/// Group commit for the audit table: callers queue their entry, one loop inserts everything waiting (up to
/// <see cref="MaxBatch"/>) in a single transaction, and each caller's task completes only once that transaction has
/// committed, or faults with the commit's exception. One commit per request made every audited call queue behind the
/// database's fsync; one commit per batch lets them share it.
/// </summary>
public sealed class AuditBatchWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;

    /// <summary>Entries waiting beyond this make callers wait to enqueue, so a stalled database cannot grow memory without bound.</summary>
    public const int MaxWaiting = 4096;

    private const string InsertSql =
        "INSERT INTO bemore_audit (user_id, actor_id, action, target_id, at_ms, client_ip, outcome) " +
        "VALUES (@user_id, @actor_id, @action, @target_id, @at_ms, @client_ip, @outcome)";

    private readonly EventLogDatabase _database;
    private readonly Channel<PendingEntry> _waiting = Channel.CreateBounded<PendingEntry>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task _committing;

    public AuditBatchWriter(EventLogDatabase database)
    {
        _database = database;
        // Off the caller's scheduler: the store may first be resolved inside a grain activation.
        _committing = Task.Run(CommitWaitingAsync);
    }

    /// <summary>Completes once <paramref name="entry"/> is committed; throws <see cref="ChannelClosedException"/> after disposal.</summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingEntry(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _waiting.Writer.WriteAsync(pending, cancellationToken);
        await pending.Committed.Task;
    }

    /// <summary>Stops taking entries and commits those already queued before returning.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _committing;
    }

    private async Task CommitWaitingAsync()
    {
        var batch = new List<PendingEntry>(MaxBatch);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await InsertAsync(batch);
                batch.ForEach(pending => pending.Committed.TrySetResult());
            }
            catch (Exception error)
            {
                batch.ForEach(pending => pending.Committed.TrySetException(error));
            }

            batch.Clear();
        }
    }

    private async Task InsertAsync(List<PendingEntry> batch)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        DbParameter[] columns =
        [
            command.AddParameter("user_id", DbType.String),
            command.AddParameter("actor_id", DbType.String),
            command.AddParameter("action", DbType.String),
            command.AddParameter("target_id", DbType.String),
            command.AddParameter("at_ms", DbType.Int64),
            command.AddParameter("client_ip", DbType.String),
            command.AddParameter("outcome", DbType.String),
        ];
        await command.PrepareAsync();
        foreach (var (entry, _) in batch)
        {
            object?[] values = [entry.UserId, entry.ActorId, entry.Action, entry.TargetId, entry.At.ToUnixTimeMilliseconds(), entry.ClientIp, entry.Outcome];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private readonly record struct PendingEntry(AuditEntry Entry, TaskCompletionSource Committed);
}
