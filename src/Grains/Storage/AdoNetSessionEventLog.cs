using System.Data;
using System.Data.Common;
using System.Diagnostics;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;

namespace BeMore.Grains.Storage;

/// <summary>
/// The event log over plain ADO.NET. The SQL is the common subset of PostgreSQL and SQLite
/// (ON CONFLICT DO NOTHING, LIMIT, named parameters), so one implementation serves both profiles.
/// Payloads are sealed with <see cref="PayloadProtector"/>: the table never holds transcript text in the clear. Nor
/// does it hold deduplication keys (client segment ids): dedup_key is their keyed digest, scoped by session; a lookup
/// matches the digest under every key of the ring, and a key stored in the clear by an earlier version
/// (<see cref="EncryptionOptions.ReadLegacyPlaintext"/>).
/// Appends of all sessions are group-committed by <paramref name="writer"/>: each caller's events go into a shared
/// transaction, and the call returns only once it has committed.
/// </summary>
public sealed class AdoNetSessionEventLog(EventLogDatabase database, PayloadProtector protector, GroupCommitWriter writer) : ISessionEventLog
{
    internal const string InsertSql =
        "INSERT INTO bemore_session_events (session_id, seq, type, at_ms, dedup_key, key_id, payload) " +
        "VALUES (@session_id, @seq, @type, @at_ms, @dedup_key, @key_id, @payload) ON CONFLICT (session_id, seq) DO NOTHING";

    private const string Columns = "seq, at_ms, key_id, payload";

    internal const string ReadAfterSql =
        $"SELECT {Columns} FROM bemore_session_events " +
        "WHERE session_id = @session_id AND seq > @after ORDER BY seq LIMIT @limit";

    internal const string TailSql =
        "SELECT seq, at_ms FROM bemore_session_events WHERE session_id = @session_id ORDER BY seq DESC LIMIT 1";

    internal const string DedupKeysSql =
        "SELECT dedup_key FROM bemore_session_events WHERE session_id = @session_id AND dedup_key IS NOT NULL";

    internal const string DeleteSql = "DELETE FROM bemore_session_events WHERE session_id = @session_id";

    public async Task AppendAsync(IReadOnlyList<SessionEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await AppendAsync(events.Select(e => (e, (string?)null)).ToList(), cancellationToken);
    }

    public async Task AppendAsync(IReadOnlyList<(SessionEvent Event, string? DedupKey)> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        // A child of the grain call's span (Orleans propagates it), so a request's trace reaches the commit.
        using var activity = BeMoreTelemetry.Source.StartActivity("bemore.eventlog.append");
        activity?.SetTag("bemore.eventlog.events", events.Count);
        var started = Stopwatch.GetTimestamp();
        // Sealed before queueing, so the encryption runs on the caller's thread, not inside the shared transaction.
        var rows = events.Select(e => (
            e.Event,
            StoredDedupKey: e.DedupKey is null ? null : protector.Digest(e.Event.SessionId, e.DedupKey),
            Sealed: protector.Protect(SessionEventPayload.Serialize(e.Event.Data), e.Event.SessionId, e.Event.Seq))).ToList();
        try
        {
            await writer.WriteAsync(transaction => InsertAsync(transaction, rows), cancellationToken);
            BeMoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            BeMoreTelemetry.RecordAppended(events.Select(e => e.Event));
        }
        catch (DbException error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            foreach (var (sessionEvent, dedupKey) in events)
            {
                if (dedupKey is not null && await FindByDedupKeyAsync(sessionEvent.SessionId, dedupKey, cancellationToken) is { } existing)
                {
                    throw new DuplicateSessionEventException(existing, error);
                }
            }

            throw;
        }
    }

    private static async Task InsertAsync(
        DbTransaction transaction, List<(SessionEvent Event, string? DedupKey, (string KeyId, byte[] Payload) Sealed)> rows)
    {
        var command = transaction.KeptCommand(InsertSql, static insert =>
        {
            insert.AddParameter("session_id", DbType.String);
            insert.AddParameter("seq", DbType.Int64);
            insert.AddParameter("type", DbType.String);
            insert.AddParameter("at_ms", DbType.Int64);
            insert.AddParameter("dedup_key", DbType.String);
            insert.AddParameter("key_id", DbType.String);
            insert.AddParameter("payload", DbType.Binary);
        });
        var (sessionId, seq, type, atMs, dedupKey, keyId, payload) = (command.Parameters[0], command.Parameters[1], command.Parameters[2],
            command.Parameters[3], command.Parameters[4], command.Parameters[5], command.Parameters[6]);

        foreach (var (sessionEvent, key, (sealingKey, sealedPayload)) in rows)
        {
            sessionId.Value = sessionEvent.SessionId;
            seq.Value = sessionEvent.Seq;
            type.Value = sessionEvent.Type;
            atMs.Value = sessionEvent.At.ToUnixTimeMilliseconds();
            dedupKey.Value = (object?)key ?? DBNull.Value;
            keyId.Value = sealingKey;
            payload.Value = sealedPayload;
            await command.ExecuteNonQueryAsync();
        }

        await AdoNetOpenSessionStore.FollowAsync(transaction, rows.Select(row => row.Event));
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

        return await ReadEventsAsync(command, sessionId, cancellationToken);
    }

    public async Task<SessionEvent?> FindByDedupKeyAsync(string sessionId, string dedupKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var stored = StoredForms(sessionId, dedupKey);
        command.CommandText = FindByDedupKeySql(stored.Count);
        command.AddParameter("session_id", DbType.String, sessionId);
        for (var i = 0; i < stored.Count; i++)
        {
            command.AddParameter($"dedup_key{i}", DbType.String, stored[i]);
        }

        return (await ReadEventsAsync(command, sessionId, cancellationToken)).MinBy(e => e.Seq);
    }

    public async Task<StoredDedupKeys> ReadDedupKeysAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var stored = new List<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DedupKeysSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return new StoredDedupKeys(stored, key => StoredForms(sessionId, key));
    }

    /// <summary>Every form a key of the session may be stored under: its digest under each key of the ring, and itself where older rows kept it in the clear.</summary>
    private IReadOnlyList<string> StoredForms(string sessionId, string dedupKey) =>
        protector.ReadsLegacyPlaintext ? [.. protector.Digests(sessionId, dedupKey), dedupKey] : protector.Digests(sessionId, dedupKey);

    /// <summary>
    /// The lookup of one of <paramref name="keyCount"/> stored forms of a key (<c>@dedup_key0</c>...), at most one row per
    /// form (the unique index). Asked for the whole row by an IN list, SQLite (without statistics, as the embedded
    /// profile runs) walked the session's primary-key range testing every row's key, a read as long as the session
    /// that every transcript append made first; the seqs come from the dedup index alone (covering), then the rows by key.
    /// </summary>
    internal static string FindByDedupKeySql(int keyCount) =>
        $"SELECT {Columns} FROM bemore_session_events WHERE session_id = @session_id AND seq IN " +
        "(SELECT seq FROM bemore_session_events WHERE session_id = @session_id " +
        $"AND dedup_key IN ({string.Join(", ", Enumerable.Range(0, keyCount).Select(i => $"@dedup_key{i}"))}))";

    public async Task<EventLogTail> GetTailAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TailSql;
        command.AddParameter("session_id", DbType.String, sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EventLogTail(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : new EventLogTail(0, null);
    }

    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in (string[])[DeleteSql, AdoNetOpenSessionStore.UnlistSql])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("session_id", DbType.String, sessionId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<SessionEvent>> ReadEventsAsync(DbCommand command, string sessionId, CancellationToken cancellationToken)
    {
        var events = new List<SessionEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            var payload = protector.Unprotect(reader.GetString(2), (byte[])reader.GetValue(3), sessionId, seq);
            events.Add(new SessionEvent(
                sessionId,
                seq,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                SessionEventPayload.Deserialize(payload)));
        }

        return events;
    }
}
