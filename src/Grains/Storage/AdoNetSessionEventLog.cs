using System.Data;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Storage;

/// <summary>
/// The event log over plain ADO.NET. The SQL is the common subset of PostgreSQL and SQLite
/// (ON CONFLICT DO NOTHING, LIMIT, named parameters), so one implementation serves both profiles.
/// </summary>
public sealed class AdoNetSessionEventLog(EventLogDatabase database) : ISessionEventLog
{
    private const string InsertSql =
        "INSERT INTO bemore_session_events (session_id, seq, type, at_ms, key_id, payload) " +
        "VALUES (@session_id, @seq, @type, @at_ms, @key_id, @payload) ON CONFLICT (session_id, seq) DO NOTHING";

    private const string ReadAfterSql =
        "SELECT seq, at_ms, payload FROM bemore_session_events " +
        "WHERE session_id = @session_id AND seq > @after ORDER BY seq LIMIT @limit";

    private const string LastSeqSql =
        "SELECT COALESCE(MAX(seq), 0) FROM bemore_session_events WHERE session_id = @session_id";

    private const string DeleteSql = "DELETE FROM bemore_session_events WHERE session_id = @session_id";

    public async Task AppendAsync(IReadOnlyList<SessionEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var sessionId = command.AddParameter("session_id", DbType.String);
        var seq = command.AddParameter("seq", DbType.Int64);
        var type = command.AddParameter("type", DbType.String);
        var atMs = command.AddParameter("at_ms", DbType.Int64);
        command.AddParameter("key_id", DbType.String);
        var payload = command.AddParameter("payload", DbType.Binary);

        foreach (var sessionEvent in events)
        {
            sessionId.Value = sessionEvent.SessionId;
            seq.Value = sessionEvent.Seq;
            type.Value = sessionEvent.Type;
            atMs.Value = sessionEvent.At.ToUnixTimeMilliseconds();
            payload.Value = SessionEventPayload.Serialize(sessionEvent.Data);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SessionEvent>> ReadAfterAsync(
        string sessionId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadAfterSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        command.AddParameter("after", DbType.Int64, afterSeq);
        command.AddParameter("limit", DbType.Int32, limit);

        var events = new List<SessionEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new SessionEvent(
                sessionId,
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                SessionEventPayload.Deserialize((byte[])reader.GetValue(2))));
        }

        return events;
    }

    public async Task<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = LastSeqSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DeleteSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
