using System.Threading.Channels;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>The audit store's behaviour, group commit included, run against each real database it serves.</summary>
public abstract class AuditStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly List<GroupCommitWriter> _writers = [];

    protected TestFolder Folder { get; } = new("audit");

    /// <summary>A fresh database with the schema applied.</summary>
    protected abstract Task<StorageTarget> CreateTargetAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }

        Folder.Dispose();
    }

    [Fact]
    public async Task Append_ManyConcurrentCallers_StoresEachEntryExactlyOnce()
    {
        var target = await CreateTargetAsync();
        var store = Open(target);
        var user = NewUserId();
        var entries = Enumerable.Range(0, 200).Select(i => Entry(user, $"target-{i}")).ToList();

        await Task.WhenAll(entries.Select(entry => Task.Run(() => store.AppendAsync([entry]))));

        var stored = await store.ReadAsync(user, 0, 1000);
        Assert.Equal(entries.Select(e => e.TargetId).Order(), stored.Select(r => r.Entry.TargetId).Order());
        Assert.Equal(entries.ToHashSet(), stored.Select(r => r.Entry).ToHashSet());
    }

    [Fact]
    public async Task Append_AWholeBatchInOneCall_StoresEveryEntryInOrderWithItsNulls()
    {
        var target = await CreateTargetAsync();
        var store = Open(target);
        var user = NewUserId();
        var entries = Enumerable.Range(0, 40)
            .Select(i => i % 3 == 0 ? Entry(user, null) with { ClientIp = null, At = T0.AddSeconds(i) } : Entry(user, $"target-{i}") with { At = T0.AddSeconds(i) })
            .ToList();

        await store.AppendAsync(entries);

        var stored = await store.ReadAsync(user, 0, 1000);
        Assert.Equal(entries, stored.Select(r => r.Entry));
    }

    [Fact]
    public async Task Append_WhenTheCommitFails_FaultsEveryCallerAndLaterAppendsStillCommit()
    {
        var target = await CreateTargetAsync();
        var store = Open(target);
        var user = NewUserId();
        await ExecuteAsync(target.Database, "DROP TABLE bemore_audit");

        var failing = Enumerable.Range(0, 50).Select(i => Task.Run(() => store.AppendAsync([Entry(user, $"lost-{i}")]))).ToList();
        foreach (var append in failing)
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => append);
        }

        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.AppendAsync([Entry(user, $"kept-{i}")]))));

        var stored = await store.ReadAsync(user, 0, 1000);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"kept-{i}").Order(), stored.Select(r => r.Entry.TargetId).Order());
    }

    [Fact]
    public async Task DisposeWriter_WithAppendsQueued_CommitsThemAndRefusesNewOnes()
    {
        var target = await CreateTargetAsync();
        var writer = new GroupCommitWriter(target.Database);
        var store = new AdoNetAuditStore(target.Database, writer);
        var user = NewUserId();
        var queued = Enumerable.Range(0, 100).Select(i => store.AppendAsync([Entry(user, $"target-{i}")])).ToList();

        await writer.DisposeAsync();

        // Read before awaiting the callers: the rows must be committed by the time disposal returns.
        Assert.Equal(100, (await Open(target).ReadAsync(user, 0, 1000)).Count);
        await Task.WhenAll(queued);
        await Assert.ThrowsAsync<ChannelClosedException>(() => store.AppendAsync([Entry(user, "late")]));
        Assert.Equal(100, (await Open(target).ReadAsync(user, 0, 1000)).Count);
    }

    [Fact]
    public async Task EraseUser_RemovesRecordsAboutOrByTheUserOnly()
    {
        var target = await CreateTargetAsync();
        var store = Open(target);
        var erased = NewUserId();
        var kept = NewUserId();
        await Task.WhenAll(
            store.AppendAsync([Entry(erased, "about")]),
            store.AppendAsync([Entry(kept, "by") with { ActorId = erased }]),
            store.AppendAsync([Entry(kept, "kept")]));

        await store.EraseUserAsync(erased);

        Assert.Empty(await store.ReadAsync(erased, 0, 10));
        var remaining = Assert.Single(await store.ReadAsync(kept, 0, 10));
        Assert.Equal("kept", remaining.Entry.TargetId);
    }

    private AdoNetAuditStore Open(StorageTarget target)
    {
        var writer = new GroupCommitWriter(target.Database);
        _writers.Add(writer);
        return new AdoNetAuditStore(target.Database, writer);
    }

    private static async Task ExecuteAsync(EventLogDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string NewUserId() => Guid.NewGuid().ToString("N");

    private static AuditEntry Entry(string user, string? target) =>
        new(user, user, "session.get", target, T0, "127.0.0.1", AuditOutcomes.Success);
}

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override async Task<StorageTarget> CreateTargetAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        return target;
    }
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresAuditStoreTests : AuditStoreContract
{
    protected override async Task<StorageTarget> CreateTargetAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        return new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync());
    }
}
