using System.Data.Common;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Hosting;

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class SchemaInstallerTests
{
    /// <summary>Every query key the Orleans 10.4.2 ADO.NET providers read; a missing one stops the silo at start-up.</summary>
    private static readonly string[] PostgresQueryKeys =
    [
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static readonly string[] SqliteQueryKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    [Fact]
    public async Task Apply_PostgresTwiceConcurrently_SucceedsAndDefinesEveryProviderQuery()
    {
        var server = await PostgresServer.InstanceAsync();
        var target = new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync());

        // Two nodes starting together both apply the schema; the advisory lock serializes them.
        await Task.WhenAll(
            SchemaInstaller.ApplyAsync(target, CancellationToken.None),
            SchemaInstaller.ApplyAsync(target, CancellationToken.None));

        var keys = await ReadQueryKeysAsync(target);
        Assert.Superset(PostgresQueryKeys.ToHashSet(), keys.ToHashSet());
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Apply_SqliteOnExistingDatabase_IsIdempotentAndDefinesPersistenceQueries()
    {
        using var folder = new TestFolder("schema");
        var target = StorageTarget.Embedded(folder.Path);

        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);

        var keys = await ReadQueryKeysAsync(target);
        Assert.Equal(SqliteQueryKeys.Order(), keys.Order());
    }

    private static async Task<List<string>> ReadQueryKeysAsync(StorageTarget target)
    {
        await using var connection = await target.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey FROM OrleansQuery";
        var keys = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
