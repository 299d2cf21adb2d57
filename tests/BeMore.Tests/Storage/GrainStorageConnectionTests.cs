using BeMore.Grains.Storage;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BeMore.Tests.Storage;

/// <summary>
/// Orleans' grain storage opens its own SQLite connections; in the embedded profile they must wait for the file's
/// write lock in SQLite's busy handler, as the event log's do, not in Microsoft.Data.Sqlite's 150 ms retry.
/// </summary>
public sealed class GrainStorageConnectionTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
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
}
