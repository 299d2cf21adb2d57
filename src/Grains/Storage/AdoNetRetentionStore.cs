using System.Data;

namespace BeMore.Grains.Storage;

public sealed class AdoNetRetentionStore(EventLogDatabase database) : IRetentionStore
{
    private const string ScheduleSql =
        "INSERT INTO bemore_retention (session_id, owner_id, ended_at_ms) VALUES (@session_id, @owner_id, @ended_at_ms) " +
        "ON CONFLICT (session_id) DO NOTHING";

    private const string DueSql =
        "SELECT session_id, owner_id FROM bemore_retention WHERE ended_at_ms < @cutoff ORDER BY ended_at_ms LIMIT @limit";

    private const string RemoveSql = "DELETE FROM bemore_retention WHERE session_id = @session_id";

    public async Task ScheduleAsync(string sessionId, string ownerId, DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ScheduleSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        command.AddParameter("owner_id", DbType.String, ownerId);
        command.AddParameter("ended_at_ms", DbType.Int64, endedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string SessionId, string OwnerId)>> EndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DueSql;
        command.AddParameter("cutoff", DbType.Int64, cutoff.ToUnixTimeMilliseconds());
        command.AddParameter("limit", DbType.Int32, limit);
        var due = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), reader.GetString(1)));
        }

        return due;
    }

    public async Task RemoveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = RemoveSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
