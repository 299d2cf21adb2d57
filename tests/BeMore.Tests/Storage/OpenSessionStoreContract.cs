using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>The idle sweep's list of open sessions, on each database the product runs on.</summary>
public abstract class OpenSessionStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private GroupCommitWriter? _writer;

    protected TestFolder Folder { get; } = new("open-sessions");

    /// <summary>A fresh database with the schema applied.</summary>
    protected abstract Task<StorageTarget> CreateTargetAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        Folder.Dispose();
    }

    [Fact]
    public async Task Quiet_OpenSessionsAsTheLogListsThem_WhoseLastEventIsOlderThanTheTime_APageAtATime()
    {
        var target = await CreateTargetAsync();
        var (log, store) = Open(target);
        await log.AppendAsync([Started("s1quiet", T0), Started("s2quiet", T0), Started("s3recent", T0), Started("s4ended", T0), Started("s5erased", T0)]);
        await log.AppendAsync([new SessionEvent("s3recent", 2, T0.AddMinutes(40), new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"))]);
        await log.AppendAsync([new SessionEvent("s4ended", 2, T0, new SessionEnded(1, 0, 0, 0, null, "none"))]);
        await log.DeleteSessionAsync("s5erased");
        var quietSince = T0.AddMinutes(30);

        var all = await store.QuietAsync(quietSince, "", 10);
        var firstPage = await store.QuietAsync(quietSince, "", 1);
        var secondPage = await store.QuietAsync(quietSince, firstPage[^1], 1);
        await store.RemoveAsync("s1quiet");
        var afterRemoval = await store.QuietAsync(quietSince, "", 10);

        Assert.Equal(["s1quiet", "s2quiet"], all);
        Assert.Equal(["s1quiet"], firstPage);
        Assert.Equal(["s2quiet"], secondPage);
        Assert.Equal(["s2quiet"], afterRemoval);
    }

    [Fact]
    public async Task Schema_OverALogFromBeforeTheSweep_ListsItsUnendedSessionsOnceOnly()
    {
        var target = await CreateTargetAsync();
        await InsertEventAsync(target, "left-open", 1, "status_changed", T0);
        await InsertEventAsync(target, "ended", 1, "status_changed", T0);
        await InsertEventAsync(target, "ended", 2, "session_ended", T0);
        // A database from before the sweep: its sessions are in the log, and the one-time listing has not run.
        await ExecuteAsync(target, "DELETE FROM bemore_migrations");

        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        await InsertEventAsync(target, "started-later-unlisted", 1, "status_changed", T0);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);

        Assert.Equal(["left-open"], await Open(target).Store.QuietAsync(T0.AddDays(1), "", 10));
    }

    private (ISessionEventLog Log, IOpenSessionStore Store) Open(StorageTarget target)
    {
        _writer ??= new GroupCommitWriter(target.Database);
        return (new AdoNetSessionEventLog(target.Database, SessionEventLogContract.TestProtector, _writer), new AdoNetOpenSessionStore(target.Database, _writer));
    }

    private static SessionEvent Started(string sessionId, DateTimeOffset at) =>
        new(sessionId, 1, at, new StatusChanged(null, SessionStatus.Active, "started"));

    /// <summary>A log row written as an older version did (no list kept): the migration reads only its session and type.</summary>
    private static Task InsertEventAsync(StorageTarget target, string sessionId, long seq, string type, DateTimeOffset at) =>
        ExecuteAsync(target,
            "INSERT INTO bemore_session_events (session_id, seq, type, at_ms, dedup_key, key_id, payload) " +
            $"VALUES ('{sessionId}', {seq}, '{type}', {at.ToUnixTimeMilliseconds()}, NULL, 'test', @payload)",
            new byte[] { 1 });

    private static async Task ExecuteAsync(StorageTarget target, string sql, byte[]? payload = null)
    {
        await using var connection = await target.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (payload is not null)
        {
            command.AddParameter("payload", System.Data.DbType.Binary, payload);
        }

        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteOpenSessionStoreTests : OpenSessionStoreContract
{
    protected override async Task<StorageTarget> CreateTargetAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        return target;
    }
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresOpenSessionStoreTests : OpenSessionStoreContract
{
    protected override async Task<StorageTarget> CreateTargetAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        return new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync());
    }
}
