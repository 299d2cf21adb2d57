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
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql;
            var userId = command.AddParameter("user_id", DbType.String);
            var actorId = command.AddParameter("actor_id", DbType.String);
            var action = command.AddParameter("action", DbType.String);
            var targetId = command.AddParameter("target_id", DbType.String);
            var atMs = command.AddParameter("at_ms", DbType.Int64);
            var clientIp = command.AddParameter("client_ip", DbType.String);
            var outcome = command.AddParameter("outcome", DbType.String);
            foreach (var entry in entries)
            {
                userId.Value = (object?)entry.UserId ?? DBNull.Value;
                actorId.Value = (object?)entry.ActorId ?? DBNull.Value;
                action.Value = entry.Action;
                targetId.Value = (object?)entry.TargetId ?? DBNull.Value;
                atMs.Value = entry.At.ToUnixTimeMilliseconds();
                clientIp.Value = (object?)entry.ClientIp ?? DBNull.Value;
                outcome.Value = entry.Outcome;
                await command.ExecuteNonQueryAsync();
            }
        }, cancellationToken);
    }

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
