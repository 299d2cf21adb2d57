using System.Net;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using Npgsql;
using Orleans.Runtime;

namespace BeMore.Tests.Hosting;

/// <summary>The production profile: real executables on a real PostgreSQL through the ADO.NET providers.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task GrainState_AfterGracefulRestart_IsReadBackFromPostgres()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var gatewayPort = FreePort.Next();
        var settings = SiloSettings.Postgres(database, FreePort.Next(), gatewayPort);
        var sessionId = Guid.NewGuid().ToString("N");
        using var folder = new TestFolder("pg-node");

        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            await using (var client = await OrleansClient.ConnectAsync(gatewayPort))
            {
                var session = client.Cluster.GetGrain<ICounselingSessionGrain>(sessionId);
                await session.StartAsync(new StartSession("owner-1", "Tuesday", new SessionConsent(true, false)));
                await session.PauseAsync("owner-1");
            }

            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        await using (await SiloProcess.StartAsync(folder.Path, settings))
        await using (var client = await OrleansClient.ConnectAsync(gatewayPort))
        {
            await RestartAssertions.AssertPausedSessionAsync(client, sessionId);
        }
    }

    [Fact]
    public async Task Node_InPostgresProfile_ListensOnlyOnItsAdvertisedAddressAndOpensNoGateway()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var siloPort = FreePort.Next();
        using var folder = new TestFolder("pg-exposure");

        await using var node = await SiloProcess.StartAsync(folder.Path, SiloSettings.Postgres(database, siloPort));

        await NodeExposure.AssertListensOnlyOnAsync(node, IPAddress.Loopback, siloPort);
    }

    [Fact]
    public async Task Start_PostgresProfileWithoutSigningKey_RefusesNamingTheSetting()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var settings = SiloSettings.Postgres(database, FreePort.Next());
        settings.Remove("BeMore__Auth__SigningKey");
        using var folder = new TestFolder("no-key");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(folder.Path, settings));

        Assert.Contains("BeMore:Auth:SigningKey", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("exited with", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSilos_OnOnePostgres_FormOneClusterAndServeCallsAcrossNodes()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var (siloA, gatewayA, siloB, gatewayB) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        using var folderA = new TestFolder("node-a");
        using var folderB = new TestFolder("node-b");
        var nodes = await Task.WhenAll(
            SiloProcess.StartAsync(folderA.Path, SiloSettings.Postgres(database, siloA, gatewayA)),
            SiloProcess.StartAsync(folderB.Path, SiloSettings.Postgres(database, siloB, gatewayB)));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];
        await using var clientA = await OrleansClient.ConnectAsync(gatewayA);
        await using var clientB = await OrleansClient.ConnectAsync(gatewayB);
        var management = clientA.Cluster.GetGrain<IManagementGrain>(0);

        var hosts = await WaitForActiveHostsAsync(management, expected: 2);
        Assert.Equal(new[] { siloA, siloB }.Order(), hosts.Select(host => host.Endpoint.Port).Order());
        Assert.Equal(2, await CountActiveMembershipRowsAsync(database));

        // A session activated on node B, then driven through a client that only knows node A's gateway.
        var sessionOnB = await StartSessionPlacedOnAsync(clientB, management, siloB);
        var viaA = clientA.Cluster.GetGrain<ICounselingSessionGrain>(sessionOnB);
        var paused = await viaA.PauseAsync("owner-1");

        Assert.Equal(SessionStatus.Paused, paused.Status);
        Assert.Equal(2, paused.LastSeq);
        Assert.Equal(siloB, (await management.GetActivationAddress(viaA))?.Endpoint.Port);
    }

    private static async Task<string> StartSessionPlacedOnAsync(OrleansClient client, IManagementGrain management, int siloPort)
    {
        // Placement is Orleans' choice; a few attempts make landing on the wanted node all but certain.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var sessionId = Guid.NewGuid().ToString("N");
        using var folder = new TestFolder("pg-node");
            var session = client.Cluster.GetGrain<ICounselingSessionGrain>(sessionId);
            await session.StartAsync(new StartSession("owner-1", $"attempt {attempt}", new SessionConsent(true, true)));
            if ((await management.GetActivationAddress(session))?.Endpoint.Port == siloPort)
            {
                return sessionId;
            }
        }

        throw new InvalidOperationException($"No session grain was placed on the silo at port {siloPort} in 20 attempts.");
    }

    private static async Task<List<SiloAddress>> WaitForActiveHostsAsync(IManagementGrain management, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var hosts = await management.GetHosts(onlyActive: true);
            if (hosts.Count == expected)
            {
                return hosts.Keys.ToList();
            }

            // Membership converges on its own schedule (probes, table refresh); there is no event to await from outside.
            await Task.Delay(250, timeout.Token);
        }
    }

    private static async Task<long> CountActiveMembershipRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Status 3 is SiloStatus.Active.
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
