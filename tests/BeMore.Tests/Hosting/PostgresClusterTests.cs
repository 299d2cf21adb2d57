using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using Npgsql;
using Orleans.Runtime;

namespace BeMore.Tests.Hosting;

/// <summary>The production profile: real executables on a real PostgreSQL through the ADO.NET providers.</summary>
[Trait(TestCategory.Name, TestCategory.Postgres)]
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
        await AssertTwoNodesServeCallsAcrossNodesAsync(tls: null);
    }

    [Fact]
    public async Task TwoSilos_WithTheClusterCertificate_TalkOverMutualTlsAndServeCallsAcrossNodes()
    {
        using var folder = new TestFolder("pg-tls");
        using var certificate = ClusterCertificate.Create(folder.Path, "bemore-cluster");

        await AssertTwoNodesServeCallsAcrossNodesAsync(certificate);
    }

    [Fact]
    public async Task SiloPort_WithTheClusterCertificate_RefusesAPeerWithAnotherCertificate()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        using var folder = new TestFolder("pg-tls-peer");
        using var certificate = ClusterCertificate.Create(folder.Path, "bemore-cluster");
        using var stranger = ClusterCertificate.Create(folder.Path, "bemore-cluster-lookalike");
        var siloPort = FreePort.Next();
        await using var node = await SiloProcess.StartAsync(folder.Path, WithTls(SiloSettings.Postgres(database, siloPort), certificate));

        var refused = await TlsHandshakeFailureAsync(siloPort, certificate.Certificate, stranger.Certificate);
        var accepted = await TlsHandshakeFailureAsync(siloPort, certificate.Certificate, certificate.Certificate, readAfterHandshake: false);

        Assert.NotNull(refused);
        Assert.IsNotType<OperationCanceledException>(refused);
        Assert.Null(accepted);
    }

    /// <summary>
    /// Two nodes on one database, each with its own gateway for a client that knows only that node: membership sees both,
    /// and a session is driven through the gateway of the node it was not placed on, so the call crosses between silos.
    /// </summary>
    private static async Task AssertTwoNodesServeCallsAcrossNodesAsync(ClusterCertificate? tls)
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var (siloA, gatewayA, siloB, gatewayB) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        using var folderA = new TestFolder("node-a");
        using var folderB = new TestFolder("node-b");
        var nodes = await Task.WhenAll(
            SiloProcess.StartAsync(folderA.Path, WithTls(SiloSettings.Postgres(database, siloA, gatewayA), tls)),
            SiloProcess.StartAsync(folderB.Path, WithTls(SiloSettings.Postgres(database, siloB, gatewayB), tls)));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];
        await using var clientA = await OrleansClient.ConnectAsync(tls?.Certificate, gatewayA);
        await using var clientB = await OrleansClient.ConnectAsync(tls?.Certificate, gatewayB);
        var management = clientA.Cluster.GetGrain<IManagementGrain>(0);

        var hosts = await WaitForActiveHostsAsync(management, expected: 2);
        Assert.Equal(new[] { siloA, siloB }.Order(), hosts.Select(host => host.Endpoint.Port).Order());
        Assert.Equal(2, await CountActiveMembershipRowsAsync(database));

        // A session activated wherever Orleans places it (its placement favours the less loaded node, so which one is its
        // choice), then driven through a client that only knows the other node's gateway: the call crosses between silos.
        var sessionId = Guid.NewGuid().ToString("N");
        await clientB.Cluster.GetGrain<ICounselingSessionGrain>(sessionId).StartAsync(new StartSession("owner-1", "across nodes", new SessionConsent(true, true)));
        var home = (await management.GetActivationAddress(clientB.Cluster.GetGrain<ICounselingSessionGrain>(sessionId)))?.Endpoint.Port;
        var other = home == siloA ? clientB : clientA;
        var viaOther = other.Cluster.GetGrain<ICounselingSessionGrain>(sessionId);
        var paused = await viaOther.PauseAsync("owner-1");

        Assert.Contains(home, new int?[] { siloA, siloB });
        Assert.Equal(SessionStatus.Paused, paused.Status);
        Assert.Equal(2, paused.LastSeq);
        Assert.Equal(home, (await management.GetActivationAddress(viaOther))?.Endpoint.Port);
    }

    private static Dictionary<string, string> WithTls(Dictionary<string, string> settings, ClusterCertificate? tls)
    {
        if (tls is not null)
        {
            settings["BeMore__Cluster__TlsCertificatePath"] = tls.Path;
            settings["BeMore__Cluster__TlsCertificatePassword"] = tls.Password;
        }

        return settings;
    }

    /// <summary>
    /// A TLS handshake with the silo port (which must present <paramref name="serverCertificate"/>) presenting
    /// <paramref name="clientCertificate"/>; null when it succeeded. With
    /// TLS 1.3 the server judges the client's certificate after the client's side of the handshake completed, so a
    /// refusal may only show at the first read, as an error or the end of the stream.
    /// </summary>
    private static async Task<Exception?> TlsHandshakeFailureAsync(
        int siloPort, X509Certificate2 serverCertificate, X509Certificate2 clientCertificate, bool readAfterHandshake = true)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, siloPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Record.ExceptionAsync(async () =>
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "bemore-cluster",
                ClientCertificates = [clientCertificate],
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(serverCertificate.RawData),
            }, timeout.Token);
            if (readAfterHandshake && await tls.ReadAsync(new byte[1], timeout.Token) == 0)
            {
                throw new EndOfStreamException("The silo closed the connection.");
            }
        });
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
