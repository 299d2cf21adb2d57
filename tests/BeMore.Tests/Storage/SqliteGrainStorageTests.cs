using BeMore.Grains.Storage;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace BeMore.Tests.Storage;

/// <summary>
/// Orleans' grain storage in the embedded profile: its own SQLite connections must wait for the file's write lock in
/// SQLite's busy handler, as the event log's do, not in Microsoft.Data.Sqlite's 150 ms retry; and its one-statement
/// write (deploy/sqlite) must keep the ETag contract.
/// </summary>
public sealed class SqliteGrainStorageTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task GrainStorage_EmbeddedProfile_OpensConnectionsWithTheBusyHandler()
    {
        _ = factory.Grains;
        var options = factory.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.GrainState);

        var dataSource = Assert.IsAssignableFrom<System.Data.Common.DbDataSource>(options.DataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(30_000L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(factory.Storage.ConnectionString, dataSource.ConnectionString);
    }

    [Fact]
    public async Task WriteState_StaleOrMissingETag_ThrowsAndTheCurrentOneWins()
    {
        _ = factory.Grains;
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var grainId = GrainId.Create("etag-test", Guid.NewGuid().ToString("N"));
        var first = new GrainState<List<string>>(["one"]);
        await storage.WriteStateAsync("state", grainId, first);
        var stale = new GrainState<List<string>>(["stale"]) { ETag = first.ETag };
        var unaware = new GrainState<List<string>>(["unaware"]);

        first.State = ["two"];
        await storage.WriteStateAsync("state", grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, unaware));
        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("state", grainId, read);
        Assert.Equal(["two"], read.State);
        Assert.Equal(first.ETag, read.ETag);
        Assert.NotEqual(stale.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteState_AfterClear_StartsAgainWithoutETag()
    {
        _ = factory.Grains;
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var grainId = GrainId.Create("etag-test", Guid.NewGuid().ToString("N"));
        var state = new GrainState<List<string>>(["kept"]);
        await storage.WriteStateAsync("state", grainId, state);

        await storage.ClearStateAsync("state", grainId, state);
        state.State = ["again"];
        await storage.WriteStateAsync("state", grainId, state);

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("state", grainId, read);
        Assert.Equal(["again"], read.State);
        Assert.True(read.RecordExists);
    }
}
