using System.Data;
using BeMore.Grains.Abstractions.Audit;

namespace BeMore.Grains.Storage;

/// <summary>
/// The audit table over plain ADO.NET; the SQL is the common subset of PostgreSQL and SQLite. Appends are group-committed
/// by <paramref name="writer"/>, in the same transactions as the event log's appends.
/// </summary>
public sealed class AdoNetAuditStore(EventLogDatabase database, GroupCommitWriter writer) : IAuditStore
{
    private const string InsertSql =
        "INSERT INTO bemore_audit (user_id, actor_id, action, target_id, at_ms, client_ip, outcome) " +
        "VALUES (@user_id, @actor_id, @action, @target_id, @at_ms, @client_ip, @outcome)";

    private const string ReadSql =
        "SELECT id, user_id, actor_id, action, target_id, at_ms, client_ip, outcome FROM bemore_audit " +
        "WHERE id > @after AND (@user_id IS NULL OR user_id = @user_id) ORDER BY id LIMIT @limit";

    private const string EraseSql = "DELETE FROM bemore_audit WHERE user_id = @user_id OR actor_id = @user_id";

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        return writer.WriteAsync(async transaction =>
        {
            var connection = transaction.Connection!;
            if (connection.CanCreateBatch)
            {
                // PostgreSQL: the rows a batch of requests left go to the server in one round trip.
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var entry in entries)
                {
                    var insert = batch.CreateBatchCommand();
                    insert.CommandText = InsertSql;
                    foreach (var (name, type, value) in Columns(entry))
                    {
                        insert.AddParameter(name, type, value);
                    }

                    batch.BatchCommands.Add(insert);
                }

                await batch.ExecuteNonQueryAsync();
                return;
            }

            // SQLite has no batches (and no round trips): one prepared statement with its parameters, run once per row.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql;
            var parameters = Columns(entries[0]).Select(column => command.AddParameter(column.Name, column.Type)).ToArray();
            foreach (var entry in entries)
            {
                var values = Columns(entry);
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = values[i].Value ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }
        }, cancellationToken);
    }

    private static (string Name, DbType Type, object? Value)[] Columns(AuditEntry entry) =>
    [
        ("user_id", DbType.String, entry.UserId),
        ("actor_id", DbType.String, entry.ActorId),
        ("action", DbType.String, entry.Action),
        ("target_id", DbType.String, entry.TargetId),
        ("at_ms", DbType.Int64, entry.At.ToUnixTimeMilliseconds()),
        ("client_ip", DbType.String, entry.ClientIp),
        ("outcome", DbType.String, entry.Outcome),
    ];

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string? userId, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.AddParameter("after", DbType.Int64, afterId);
        command.AddParameter("user_id", DbType.String, userId);
        command.AddParameter("limit", DbType.Int32, limit);

        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0),
                new AuditEntry(
                    NullableString(reader, 1),
                    NullableString(reader, 2),
                    reader.GetString(3),
                    NullableString(reader, 4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    NullableString(reader, 6),
                    reader.GetString(7))));
        }

        return records;
    }

    public async Task EraseUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EraseSql;
        command.AddParameter("user_id", DbType.String, userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? NullableString(System.Data.Common.DbDataReader record, int ordinal) => record.IsDBNull(ordinal) ? null : record.GetString(ordinal);
}
