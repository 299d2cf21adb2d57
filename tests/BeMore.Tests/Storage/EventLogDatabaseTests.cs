using System.Data.Common;
using System.Globalization;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BeMore.Tests.Storage;

/// <summary>The embedded profile's connections: configured once per SQLite handle, which the pool keeps configured.</summary>
public sealed class EventLogDatabaseTests : IDisposable
{
    private TestFolder Folder { get; } = new("eventlog-db");

    public void Dispose() => Folder.Dispose();

    [Fact]
    public async Task Open_AHandleBackFromThePool_KeepsItsSettingsWithoutRunningThemAgain_ANewHandleGetsThem()
    {
        var database = StorageTarget.Embedded(Folder.Path).Database;
        object? firstHandle;
        await using (var first = await database.OpenAsync(CancellationToken.None))
        {
            firstHandle = ((SqliteConnection)first).Handle;
            Assert.Equal((30_000L, 1L, 0L), await SettingsAsync(first));
            // Marks the handle: the settings run again on it would set this back.
            await PragmaAsync(first, "PRAGMA busy_timeout = 1234");
        }

        await using var reused = await database.OpenAsync(CancellationToken.None);
        await using var another = await database.OpenAsync(CancellationToken.None);

        Assert.Same(firstHandle, ((SqliteConnection)reused).Handle);
        Assert.Equal((1234L, 1L, 0L), await SettingsAsync(reused));
        Assert.NotSame(firstHandle, ((SqliteConnection)another).Handle);
        Assert.Equal((30_000L, 1L, 0L), await SettingsAsync(another));
        SqliteConnection.ClearPool((SqliteConnection)reused);
    }

    private static async Task<(long BusyTimeout, long SecureDelete, long WalAutocheckpoint)> SettingsAsync(DbConnection connection) =>
        (await PragmaAsync(connection, "PRAGMA busy_timeout"), await PragmaAsync(connection, "PRAGMA secure_delete"),
            await PragmaAsync(connection, "PRAGMA wal_autocheckpoint"));

    private static async Task<long> PragmaAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
