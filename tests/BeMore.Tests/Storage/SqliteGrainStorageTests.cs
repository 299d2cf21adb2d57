using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using BeMore.Grains.Storage;
using BeMore.Grains.Users;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
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
[Trait(TestCategory.Name, TestCategory.Host)]
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
    public async Task GrainStorage_EmbeddedProfile_OpensConnectionsWithSecureDelete()
    {
        _ = factory.Grains;
        var options = factory.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.GrainState);

        await using var connection = await Assert.IsAssignableFrom<DbDataSource>(options.DataSource).OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete";

        Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadState_PlaintextRowOfAnEarlierVersion_IsReadAndSealedAtOnce()
    {
        _ = factory.Grains;
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var key = $"legacy-{Guid.NewGuid():N}";
        var grainId = GrainId.Create("legacy-test", key);
        await storage.WriteStateAsync("state", grainId, new GrainState<List<string>>(["placeholder"]));
        var plaintext = factory.Services.GetRequiredService<IGrainStorageSerializer>().Serialize<List<string>>(["kept from before"]).ToArray();
        await ExecuteAsync($"UPDATE OrleansStorage SET PayloadBinary = @payload WHERE GrainIdExtensionString = '{key}'", plaintext);

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("state", grainId, read);

        Assert.Equal(["kept from before"], read.State);
        var (payload, version) = await ReadRowAsync(key);
        Assert.Equal(SealedHeader, payload[..SealedHeader.Length]);
        Assert.Equal(-1, payload.AsSpan().IndexOf("kept from before"u8));
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), read.ETag);
        read.State = ["written after"];
        await storage.WriteStateAsync("state", grainId, read);
        var again = new GrainState<List<string>>();
        await storage.ReadStateAsync("state", grainId, again);
        Assert.Equal(["written after"], again.State);
    }

    [Fact]
    public async Task ReadState_PlaintextRow_WhenLegacyReadingIsOff_IsRefused()
    {
        await using var strict = new StrictFactory();
        _ = strict.Grains;
        var storage = strict.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var key = $"planted-{Guid.NewGuid():N}";
        var grainId = GrainId.Create("legacy-test", key);
        await storage.WriteStateAsync("state", grainId, new GrainState<List<string>>(["sealed"]));
        var plaintext = strict.Services.GetRequiredService<IGrainStorageSerializer>().Serialize<List<string>>(["planted"]).ToArray();
        await ExecuteAsync(strict, $"UPDATE OrleansStorage SET PayloadBinary = @payload WHERE GrainIdExtensionString = '{key}'", plaintext);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => storage.ReadStateAsync("state", grainId, new GrainState<List<string>>()));
    }

    [Fact]
    public async Task ReadState_EmailIndexRowOfAnEarlierVersion_MovesUnderTheKeyDigestSealed()
    {
        _ = factory.Grains;
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var email = $"legacy-{Guid.NewGuid():N}@bemore.test";
        var grainId = GrainId.Create("email-index", email);
        await storage.WriteStateAsync(StorageNames.EmailIndexState, GrainId.Create("email-index", $"other-{email}"), new GrainState<EmailIndexState>(new() { UserId = "other" }));
        // Planted as an earlier version wrote it: keyed by the address itself, the state in Orleans' format in the clear.
        await storage.WriteStateAsync("planted", grainId, new GrainState<EmailIndexState>(new() { UserId = "placeholder" }));
        var plaintext = factory.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(new EmailIndexState { UserId = "user-legacy" }).ToArray();
        await ExecuteAsync(
            "UPDATE OrleansStorage SET GrainTypeString = 'email', PayloadBinary = @payload, " +
            "GrainTypeHash = (SELECT GrainTypeHash FROM OrleansStorage WHERE GrainTypeString = 'email' LIMIT 1) " +
            $"WHERE GrainIdExtensionString = '{email}'", plaintext);

        var read = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync(StorageNames.EmailIndexState, grainId, read);
        var again = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync(StorageNames.EmailIndexState, grainId, again);

        Assert.Equal("user-legacy", read.State?.UserId);
        Assert.Equal("user-legacy", again.State?.UserId);
        Assert.Equal(read.ETag, again.ETag);
        Assert.Equal(0L, await CountRowsAsync(email));
        var digest = factory.Services.GetRequiredService<PayloadProtector>().Digest(StorageNames.EmailIndexState, email);
        var (payload, _) = await ReadRowAsync(digest);
        Assert.Equal(SealedHeader, payload[..SealedHeader.Length]);
    }

    [Fact]
    public async Task ReadState_SealedPayloadCopiedToAnotherGrainsRow_DoesNotOpen()
    {
        _ = factory.Grains;
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var (victim, thief) = ($"victim-{Guid.NewGuid():N}", $"thief-{Guid.NewGuid():N}");
        await storage.WriteStateAsync("state", GrainId.Create("moved-test", victim), new GrainState<List<string>>(["victim's secret"]));
        await storage.WriteStateAsync("state", GrainId.Create("moved-test", thief), new GrainState<List<string>>(["thief's own"]));
        var (stolen, _) = await ReadRowAsync(victim);
        await ExecuteAsync($"UPDATE OrleansStorage SET PayloadBinary = @payload WHERE GrainIdExtensionString = '{thief}'", stolen);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => storage.ReadStateAsync("state", GrainId.Create("moved-test", thief), new GrainState<List<string>>()));
    }

    private static readonly byte[] SealedHeader = [0xB3, (byte)'B', (byte)'G', (byte)'S', 0x01];

    private Task ExecuteAsync(string sql, byte[] payload) => ExecuteAsync(factory, sql, payload);

    private static async Task ExecuteAsync(BeMoreWebFactory server, string sql, byte[] payload)
    {
        await using var connection = await server.Storage.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "payload";
        parameter.Value = payload;
        command.Parameters.Add(parameter);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<long> CountRowsAsync(string key)
    {
        await using var connection = await factory.Storage.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdExtensionString = '{key}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<(byte[] Payload, long Version)> ReadRowAsync(string key)
    {
        await using var connection = await factory.Storage.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE GrainIdExtensionString = '{key}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ((byte[])reader.GetValue(0), reader.GetInt64(1));
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

    /// <summary>The server once every row is sealed: plaintext is no longer read.</summary>
    private sealed class StrictFactory : BeMoreWebFactory
    {
        protected override void ConfigureStorage(IWebHostBuilder builder) =>
            builder.UseSetting("BeMore:Encryption:ReadLegacyPlaintext", "false");
    }
}
