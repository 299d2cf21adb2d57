using System.Data;
using System.Data.Common;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>
/// What keeps an append's cost flat as a session's log grows: every statement of the event log finds its rows through
/// an index (no table scan whose cost would follow the log's length), checked on the database's own plan.
/// </summary>
public abstract class EventLogQueryShapeContract : IAsyncLifetime
{
    private const int Sessions = 12;
    private const int EventsPerSession = 250;

    protected TestFolder Folder { get; } = new("plan");

    protected EventLogDatabase Database { get; private set; } = null!;

    protected GroupCommitWriter Writer { get; private set; } = null!;

    protected abstract Task<EventLogDatabase> CreateDatabaseAsync();

    /// <summary>The plan's lines for <paramref name="sql"/>, with its parameters bound.</summary>
    protected abstract Task<List<string>> ExplainAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters);

    /// <summary>Asserts that the plan reads through indexes only.</summary>
    protected abstract void AssertIndexOnly(string statement, List<string> plan);

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Writer = new GroupCommitWriter(Database);
    }

    public async Task DisposeAsync()
    {
        await Writer.DisposeAsync();
        Folder.Dispose();
    }

    [Fact]
    public async Task EveryEventLogStatement_ReadsThroughAnIndex_NotAScan()
    {
        var log = new AdoNetSessionEventLog(Database, SessionEventLogContract.TestProtector, Writer);
        var sessions = Enumerable.Range(0, Sessions).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        foreach (var session in sessions)
        {
            await log.AppendAsync(Enumerable.Range(1, EventsPerSession)
                .Select(seq => (Event(session, seq), seq % 2 == 0 ? $"client:{seq}" : null)).ToList());
        }

        var session2 = sessions[Sessions / 2];
        var statements = new Dictionary<string, (string Sql, Dictionary<string, object> Parameters)>
        {
            ["insert"] = (AdoNetSessionEventLog.InsertSql, new()
            {
                ["session_id"] = session2, ["seq"] = EventsPerSession + 1L, ["type"] = "status_changed", ["at_ms"] = 0L,
                ["dedup_key"] = "hmac-x", ["key_id"] = "test", ["payload"] = new byte[] { 1 },
            }),
            ["read after"] = (AdoNetSessionEventLog.ReadAfterSql, new() { ["session_id"] = session2, ["after"] = 100L, ["limit"] = 50 }),
            ["tail"] = (AdoNetSessionEventLog.TailSql, new() { ["session_id"] = session2 }),
            ["find by dedup key"] = (AdoNetSessionEventLog.FindByDedupKeySql(2), new() { ["session_id"] = session2, ["dedup_key0"] = "hmac-a", ["dedup_key1"] = "hmac-b" }),
            ["dedup keys"] = (AdoNetSessionEventLog.DedupKeysSql, new() { ["session_id"] = session2 }),
            ["delete"] = (AdoNetSessionEventLog.DeleteSql, new() { ["session_id"] = session2 }),
        };

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        foreach (var (name, (sql, parameters)) in statements)
        {
            var plan = await ExplainAsync(connection, sql, parameters);
            AssertIndexOnly(name, plan);
            if (name is "find by dedup key" or "dedup keys")
            {
                // Not the primary key's range of the session filtered row by row: that read grows with the session.
                Assert.True(plan.Exists(line => line.Contains("ux_bemore_session_events_dedup", StringComparison.Ordinal)), string.Join(" / ", plan));
            }
        }
    }

    protected static DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameter.DbType = value switch { long => DbType.Int64, int => DbType.Int32, byte[] => DbType.Binary, _ => DbType.String };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static SessionEvent Event(string session, long seq) =>
        new(session, seq, DateTimeOffset.UnixEpoch.AddSeconds(seq), new StatusChanged(SessionStatus.Active, SessionStatus.Paused, $"reason {seq}"));
}

public sealed class SqliteEventLogQueryShapeTests : EventLogQueryShapeContract
{
    protected override async Task<EventLogDatabase> CreateDatabaseAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        return target.Database;
    }

    /// <summary>SQLite as the embedded profile runs it: no ANALYZE statistics, so the plan comes from the schema alone.</summary>
    protected override async Task<List<string>> ExplainAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var command = Command(connection, "EXPLAIN QUERY PLAN " + sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    protected override void AssertIndexOnly(string statement, List<string> plan)
    {
        // An INSERT ... VALUES has no read to plan here (its conflict check is the primary key's own lookup).
        Assert.True(plan.Count > 0 || statement == "insert", statement);
        Assert.All(plan, line => Assert.True(
            line.StartsWith("SEARCH bemore_session_events USING ", StringComparison.Ordinal) || line.StartsWith("LIST SUBQUERY", StringComparison.Ordinal),
            $"{statement}: {string.Join(" / ", plan)}"));
    }

    [Fact]
    public async Task Commits_NeverCheckpoint_TheWriterCheckpointsBesideThem()
    {
        var file = new FileInfo(Path.Combine(Folder.Path, StorageTarget.SqliteFileName));
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }

        var log = new AdoNetSessionEventLog(Database, SessionEventLogContract.TestProtector, Writer);
        var session = Guid.NewGuid().ToString("N");
        var before = Length(file);
        for (var seq = 1; seq <= GroupCommitWriter.CheckpointEvery; seq++)
        {
            await log.AppendAsync([new SessionEvent(session, seq, DateTimeOffset.UnixEpoch, new StatusChanged(SessionStatus.Active, SessionStatus.Paused, new string('x', 200)))]);
        }

        // Disposal waits for the checkpoints the writes asked for; only a checkpoint moves pages into the database file.
        await Writer.DisposeAsync();

        Assert.True(Length(file) > before + (16 * 4096), $"database file {before} -> {Length(file)} bytes");
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresEventLogQueryShapeTests : EventLogQueryShapeContract
{
    protected override async Task<EventLogDatabase> CreateDatabaseAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        return new StorageTarget(StorageProfile.Postgres, StorageTarget.WithPreparedStatements(await server.CreateDatabaseAsync())).Database;
    }

    [Fact]
    public async Task RepeatedStatements_ArePreparedOnTheServer_NotParsedAndPlannedEachTime()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await using var tail = Command(connection, AdoNetSessionEventLog.TailSql, new Dictionary<string, object> { ["session_id"] = $"s{i}" });
            await using var reader = await tail.ExecuteReaderAsync();
        }

        await using var prepared = Command(connection,
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM bemore_session_events WHERE session_id = $1 ORDER BY seq DESC%'",
            new Dictionary<string, object>());
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }

    /// <summary>With statistics, as autovacuum keeps them on a live server.</summary>
    protected override async Task<List<string>> ExplainAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using (var analyze = Command(connection, "ANALYZE bemore_session_events", new Dictionary<string, object>()))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var command = Command(connection, "EXPLAIN " + sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    protected override void AssertIndexOnly(string statement, List<string> plan)
    {
        var text = string.Join(" / ", plan);
        Assert.DoesNotContain("Seq Scan", text, StringComparison.Ordinal);
        if (statement != "insert")
        {
            Assert.Contains("Index", text, StringComparison.Ordinal);
        }
    }
}
