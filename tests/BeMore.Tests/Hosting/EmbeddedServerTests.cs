using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BeMore.Tests.Hosting;

/// <summary>The real executable on the embedded profile, as a newcomer runs it: no database to install.</summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class EmbeddedServerTests
{
    [Fact]
    public async Task Start_InCleanFolder_CreatesDataAndAnswersHealth()
    {
        using var clean = new TestFolder("clean");
        var folder = clean.Path;
        await using var silo = await SiloProcess.StartAsync(folder, SiloSettings.Embedded(FreePort.Next()));

        using var health = await silo.Http.GetFromJsonAsync<JsonDocument>("/health");
        using var ready = await silo.Http.GetFromJsonAsync<JsonDocument>("/health/ready");

        Assert.Equal("ok", health!.RootElement.GetProperty("status").GetString());
        // The process has been up at least as long as its start-up took, not since the first request.
        Assert.True(health.RootElement.GetProperty("uptime").GetDouble() > 0.5);
        Assert.Equal("ok", ready!.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "data", StorageTarget.SqliteFileName)));
        Assert.True(File.Exists(Path.Combine(folder, "data", "signing.key")));
    }

    [Fact]
    public async Task Start_LoadsTheAnalysisModelsBeforeAnyTextArrives()
    {
        using var folder = new TestFolder("warm-up");
        await using var silo = await SiloProcess.StartAsync(folder.Path, SiloSettings.Embedded(FreePort.Next()));

        // No request analyses text here: only the start-up can have loaded the models.
        var line = await silo.WaitForOutputAsync(l => l.Contains("Analysis models ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        using var entry = JsonDocument.Parse(line);
        TimeSpan Logged(string name) => TimeSpan.Parse(entry.RootElement.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Logged("ModelsLoaded"), TimeSpan.FromTicks(1), Logged("Elapsed"));
    }

    [Fact]
    public async Task Node_InEmbeddedProfile_ListensOnlyOnLoopbackAndOpensNoGateway()
    {
        using var folder = new TestFolder("exposure");
        var siloPort = FreePort.Next();

        await using var node = await SiloProcess.StartAsync(folder.Path, SiloSettings.Embedded(siloPort));

        await NodeExposure.AssertListensOnlyOnAsync(node, IPAddress.Loopback, siloPort);
    }

    [Fact]
    public async Task Logs_InProduction_AreCompactJsonWithTheRequestIdAndNoQueryString()
    {
        using var folder = new TestFolder("logs");
        await using var silo = await SiloProcess.StartAsync(folder.Path, SiloSettings.Embedded(FreePort.Next()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health?access_token=secret-token-value");
        request.Headers.Add("X-Request-Id", "probe-42");

        using var response = await silo.Http.SendAsync(request);
        var line = await silo.WaitForOutputAsync(l => l.Contains("probe-42", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        using var entry = JsonDocument.Parse(line);
        Assert.Equal("probe-42", entry.RootElement.GetProperty("RequestId").GetString());
        Assert.Equal("/health", entry.RootElement.GetProperty("RequestPath").GetString());
        Assert.True(entry.RootElement.TryGetProperty("@t", out _));
        Assert.DoesNotContain("secret-token-value", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_AfterGracefulRestart_IsRebuiltFromItsLogWithoutEverWritingGrainState()
    {
        using var restart = new TestFolder("restart");
        var folder = restart.Path;
        var settings = SiloSettings.Embedded(FreePort.Next(), FreePort.Next());
        var gatewayPort = int.Parse(settings["BeMore__Cluster__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture);
        var sessionId = Guid.NewGuid().ToString("N");

        await using (var silo = await SiloProcess.StartAsync(folder, settings))
        {
            await using (var client = await OrleansClient.ConnectAsync(gatewayPort))
            {
                var session = client.Cluster.GetGrain<ICounselingSessionGrain>(sessionId);
                await session.StartAsync(new StartSession("owner-1", "Tuesday", new SessionConsent(true, false)));
                await session.PauseAsync("owner-1");
            }

            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        // Its start and pause are in the log, and the log is all a new session writes.
        Assert.Equal(0L, await CountSessionStateRowsAsync(Path.Combine(folder, "data")));
        await using (await SiloProcess.StartAsync(folder, settings))
        await using (var client = await OrleansClient.ConnectAsync(gatewayPort))
        {
            await RestartAssertions.AssertPausedSessionAsync(client, sessionId);
        }
    }

    private static async Task<long> CountSessionStateRowsAsync(string data)
    {
        var connectionString = new SqliteConnectionStringBuilder(StorageTarget.Embedded(data).ConnectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'session'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

internal static class RestartAssertions
{
    /// <summary>What a session started and paused before a restart must look like after it.</summary>
    public static async Task AssertPausedSessionAsync(OrleansClient client, string sessionId)
    {
        var session = client.Cluster.GetGrain<ICounselingSessionGrain>(sessionId);
        var snapshot = await session.GetSnapshotAsync("owner-1");
        var events = await session.GetEventsAsync("owner-1", 0, 100);

        Assert.Equal(SessionStatus.Paused, snapshot.Status);
        Assert.Equal("Tuesday", snapshot.Title);
        Assert.Equal(new SessionConsent(true, false), snapshot.Consent);
        Assert.Equal(2, snapshot.LastSeq);
        Assert.Equal([SessionStatus.Active, SessionStatus.Paused], events.Select(e => ((StatusChanged)e.Data).To));
        await Assert.ThrowsAsync<BeMore.Grains.Abstractions.Errors.SessionNotFoundException>(() => session.GetSnapshotAsync("someone-else"));
    }
}
