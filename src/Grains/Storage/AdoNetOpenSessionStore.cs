using System.Data;
using System.Data.Common;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Storage;

public sealed class AdoNetOpenSessionStore(EventLogDatabase database, GroupCommitWriter writer) : IOpenSessionStore
{
    internal const string UnlistSql = "DELETE FROM bemore_open_sessions WHERE session_id = @session_id";

    private const string ListSql = "INSERT INTO bemore_open_sessions (session_id) VALUES (@session_id) ON CONFLICT (session_id) DO NOTHING";

    /// <summary>Each session's last event comes from the log's primary key (one index probe), not a scan of its events.</summary>
    private const string QuietSql =
        "SELECT o.session_id FROM bemore_open_sessions o " +
        "WHERE o.session_id > @after AND COALESCE((SELECT e.at_ms FROM bemore_session_events e " +
        "WHERE e.session_id = o.session_id ORDER BY e.seq DESC LIMIT 1), 0) < @quiet_since " +
        "ORDER BY o.session_id LIMIT @limit";

    /// <summary>
    /// Keeps the list in step with appended <paramref name="events"/>, inside their transaction: a session's first
    /// event (seq 1) lists it, its <c>session_ended</c> unlists it.
    /// </summary>
    internal static async Task FollowAsync(DbTransaction transaction, IEnumerable<SessionEvent> events)
    {
        foreach (var sessionEvent in events)
        {
            if (sessionEvent.Seq == 1)
            {
                await ExecuteAsync(transaction, ListSql, sessionEvent.SessionId);
            }
            else if (sessionEvent.Data is SessionEnded)
            {
                await ExecuteAsync(transaction, UnlistSql, sessionEvent.SessionId);
            }
        }
    }

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(transaction => ExecuteAsync(transaction, UnlistSql, sessionId), cancellationToken);

    public async Task<IReadOnlyList<string>> QuietAsync(
        DateTimeOffset quietSince, string afterSessionId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = QuietSql;
        command.AddParameter("after", DbType.String, afterSessionId);
        command.AddParameter("quiet_since", DbType.Int64, quietSince.ToUnixTimeMilliseconds());
        command.AddParameter("limit", DbType.Int32, limit);
        var quiet = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            quiet.Add(reader.GetString(0));
        }

        return quiet;
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, string sessionId)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("session_id", DbType.String, sessionId);
        await command.ExecuteNonQueryAsync();
    }
}
