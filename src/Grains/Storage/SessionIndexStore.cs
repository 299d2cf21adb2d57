using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Users;

namespace BeMore.Grains.Storage;

/// <summary>
/// Each user's session index and dashboard totals as rows of BeMore's own tables (<c>bemore_session_index</c>,
/// <c>bemore_session_totals</c>), sealed like event payloads and written through the group commit: one change is one
/// write in a shared transaction, so a new session costs its owner one row, not a rewrite of every session they have.
/// </summary>
public sealed class SessionIndexStore(EventLogDatabase database, PayloadProtector protector, GroupCommitWriter writer)
{
    internal const string ReadEntriesSql = "SELECT session_id, key_id, entry FROM bemore_session_index WHERE user_id = @user_id";

    internal const string ReadTotalsSql = "SELECT key_id, totals FROM bemore_session_totals WHERE user_id = @user_id";

    internal const string PutEntrySql =
        "INSERT INTO bemore_session_index (user_id, session_id, started_at_ms, key_id, entry) " +
        "VALUES (@user_id, @session_id, @started_at_ms, @key_id, @entry) " +
        "ON CONFLICT (user_id, session_id) DO UPDATE SET started_at_ms = excluded.started_at_ms, key_id = excluded.key_id, entry = excluded.entry";

    internal const string RemoveEntrySql = "DELETE FROM bemore_session_index WHERE user_id = @user_id AND session_id = @session_id";

    internal const string PutTotalsSql =
        "INSERT INTO bemore_session_totals (user_id, key_id, totals) VALUES (@user_id, @key_id, @totals) " +
        "ON CONFLICT (user_id) DO UPDATE SET key_id = excluded.key_id, totals = excluded.totals";

    private static readonly string[] DeleteUserSql =
    [
        "DELETE FROM bemore_session_index WHERE user_id = @user_id",
        "DELETE FROM bemore_session_totals WHERE user_id = @user_id",
    ];

    /// <summary>The user's sessions (in no particular order) and totals; empty ones for a user without rows.</summary>
    public async Task<(List<SessionIndexEntry> Sessions, DashboardTotals Totals)> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sessions = new List<SessionIndexEntry>();
        await using (var command = Command(connection, ReadEntriesSql, userId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sessions.Add(Open<SessionIndexEntry>(reader.GetString(1), (byte[])reader.GetValue(2), EntryData(userId, reader.GetString(0))));
            }
        }

        await using var totalsCommand = Command(connection, ReadTotalsSql, userId);
        await using var totalsReader = await totalsCommand.ExecuteReaderAsync(cancellationToken);
        var totals = await totalsReader.ReadAsync(cancellationToken)
            ? Open<DashboardTotals>(totalsReader.GetString(0), (byte[])totalsReader.GetValue(1), TotalsData(userId))
            : new DashboardTotals();
        return (sessions, totals);
    }

    /// <summary>
    /// One change, committed together: <paramref name="put"/> written (added or replaced), <paramref name="removed"/>
    /// taken out, and <paramref name="totals"/> stored when given.
    /// </summary>
    public Task WriteAsync(string userId, IReadOnlyList<SessionIndexEntry> put, string? removed = null, DashboardTotals? totals = null)
    {
        // Sealed before queueing, so the encryption runs on the caller's thread, not inside the shared transaction.
        var entries = put.Select(entry => (entry, Sealed: Seal(entry, EntryData(userId, entry.SessionId)))).ToList();
        var sealedTotals = totals is null ? ((string KeyId, byte[] Sealed)?)null : Seal(totals, TotalsData(userId));
        return writer.WriteAsync(async transaction =>
        {
            foreach (var (entry, (keyId, sealedEntry)) in entries)
            {
                await using var command = Command(transaction, PutEntrySql, userId);
                command.AddParameter("session_id", DbType.String, entry.SessionId);
                command.AddParameter("started_at_ms", DbType.Int64, entry.StartedAt.ToUnixTimeMilliseconds());
                command.AddParameter("key_id", DbType.String, keyId);
                command.AddParameter("entry", DbType.Binary, sealedEntry);
                await command.ExecuteNonQueryAsync();
            }

            if (removed is not null)
            {
                await using var command = Command(transaction, RemoveEntrySql, userId);
                command.AddParameter("session_id", DbType.String, removed);
                await command.ExecuteNonQueryAsync();
            }

            if (sealedTotals is { } stored)
            {
                await using var command = Command(transaction, PutTotalsSql, userId);
                command.AddParameter("key_id", DbType.String, stored.KeyId);
                command.AddParameter("totals", DbType.Binary, stored.Sealed);
                await command.ExecuteNonQueryAsync();
            }
        });
    }

    /// <summary>Erases every row of the user.</summary>
    public Task DeleteAsync(string userId) =>
        writer.WriteAsync(async transaction =>
        {
            foreach (var sql in DeleteUserSql)
            {
                await using var command = Command(transaction, sql, userId);
                await command.ExecuteNonQueryAsync();
            }
        });

    private (string KeyId, byte[] Sealed) Seal<T>(T value, byte[] associatedData) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value), associatedData);

    private T Open<T>(string keyId, byte[] sealedBytes, byte[] associatedData) =>
        JsonSerializer.Deserialize<T>(protector.Unprotect(keyId, sealedBytes, associatedData))
            ?? throw new InvalidDataException("A sealed session-index row holds no value.");

    /// <summary>What a sealed row is bound to, so a row copied to another user or session does not open.</summary>
    private static byte[] EntryData(string userId, string sessionId) => Encoding.UTF8.GetBytes($"session-index\n{userId}\n{sessionId}");

    private static byte[] TotalsData(string userId) => Encoding.UTF8.GetBytes($"session-totals\n{userId}");

    private static DbCommand Command(DbConnection connection, string sql, string userId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("user_id", DbType.String, userId);
        return command;
    }

    private static DbCommand Command(DbTransaction transaction, string sql, string userId)
    {
        var command = Command(transaction.Connection!, sql, userId);
        command.Transaction = transaction;
        return command;
    }
}
