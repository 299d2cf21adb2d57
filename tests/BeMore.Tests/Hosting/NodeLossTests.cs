using System.Diagnostics;
using System.Net;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Runtime;

namespace BeMore.Tests.Hosting;

/// <summary>
/// A node killed with SIGKILL in a two-node Postgres cluster: what the surviving node answers for the dead node's
/// grains until membership declares it dead (a retryable 503, logged once per cause), and that authentication does
/// not need the user's grain to be reachable.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class NodeLossTests
{
    private const int MaxAttempts = 60;

    [Fact]
    public async Task CallsToAKilledNodesGrains_Answer503WithRetryAfter_UntilServedAgain_LoggedOncePerCause()
    {
        await using var cluster = await TwoNodes.StartAsync(new Dictionary<string, string>
        {
            // The periodic relay renewal out of reach of this test: only the renewal on the death declaration can resume pushes.
            ["BeMore__Hub__RelayRenewPeriod"] = "00:04:00",
            // Orleans' own slow detection, so the calls below surely come before the death declaration.
            ["BeMore__Cluster__FailureDetection__ProbeTimeout"] = "00:00:05",
            ["BeMore__Cluster__FailureDetection__MissedProbesLimit"] = "3",
        });
        var user = await cluster.B.Http.SignUpAsync();
        // Whichever node placement chose for the session's grain is the one killed; the calls go through the other.
        var (sessionId, host, survivor) = await cluster.SessionAsync(user);
        await using var live = await LiveClient.ConnectAsync(survivor.Http.BaseAddress!, user.AccessToken);
        await live.JoinAsync(sessionId);

        await host.KillAsync();

        // The hub call runs beside the REST calls rather than before them: the first message sent after the kill can
        // go out on the dead node's not yet closed connection and wait for the death declaration, and the REST calls
        // must not queue behind it.
        async Task<(Exception? Outcome, TimeSpan Took)> SendThroughTheHubAsync()
        {
            var watch = Stopwatch.StartNew();
            var outcome = await Record.ExceptionAsync(() => live.Connection.InvokeAsync<object>(
                "SendTranscript", sessionId, new { clientSegmentId = "hub-1", text = "through the hub", startMs = 0, endMs = 10, language = "en" }));
            return (outcome, watch.Elapsed);
        }

        var hubCall = SendThroughTheHubAsync();
        var unavailable = 0;
        HttpStatusCode status = 0;
        for (var attempt = 0; attempt < MaxAttempts && status != HttpStatusCode.Created; attempt++)
        {
            using var response = await survivor.Http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
                new { clientSegmentId = "rest-1", text = "through REST", startMs = 0, endMs = 10, language = "en" });
            using var body = await response.ReadJsonAsync();
            status = response.StatusCode;
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                unavailable++;
                Assert.Equal("SERVICE_UNAVAILABLE", body.Code());
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.NotNull(retryAfter);
                // What a client is told to do: wait as long as Retry-After says, then try again.
                await Task.Delay(retryAfter.Value);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, status);
            }
        }

        var (hubOutcome, hubTook) = await hubCall;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(unavailable > 0, $"no call reached the dead node's grain before it was declared dead (the hub call answered after {hubTook}: {hubOutcome?.Message ?? "accepted"})");
        if (hubOutcome is not null)
        {
            Assert.True(hubOutcome is HubException refusal && LiveClient.CodeOf(refusal) == "SERVICE_UNAVAILABLE",
                $"hub call: {hubOutcome.Message}\nsurviving node:\n{survivor.Output}");
        }

        // The first append after the death may re-activate the grain before the relay re-subscribes: keep appending
        // (a bounded number of times) until one is pushed to the client that joined before the kill.
        var pushed = false;
        for (var attempt = 0; attempt < 20 && !pushed; attempt++)
        {
            var seq = await LiveSessions.AppendTranscriptAsync(survivor.Http, user, sessionId, $"after the kill {attempt}");
            try
            {
                await live.ReceiveThroughSeqAsync(seq, TimeSpan.FromMilliseconds(1500));
                pushed = true;
            }
            catch (OperationCanceledException)
            {
                // Not re-subscribed yet; the next append tries again.
            }
        }

        Assert.True(pushed, "no event was pushed to the joined client after the node died");

        var logged = await survivor.WaitForOutputAsync(line => line.Contains("answered SERVICE_UNAVAILABLE", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("\"@l\":\"Error\"", logged, StringComparison.Ordinal);
        var lines = survivor.Output.Split('\n');
        Assert.DoesNotContain(lines, line => line.Contains("nhandled exception", StringComparison.Ordinal) || line.Contains("INTERNAL_ERROR", StringComparison.Ordinal));
        // Once per cause (the first, then a count every interval), not once per failed request or retry.
        Assert.False(lines.Any(line => line.Contains("Failed to address message", StringComparison.Ordinal) || line.Contains("Orleans.Placement", StringComparison.Ordinal)),
            $"per-message lines logged:\n{survivor.Output}");
        Assert.DoesNotContain(lines, line => line.Contains("responded 503", StringComparison.Ordinal) && line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_WhileTheUsersGrainIsOnADeadNode_GoesOnWithTheStampThisNodeReadBefore()
    {
        // No fresh period at all: every request asks the user's grain, so only the fallback can serve it.
        await using var cluster = await TwoNodes.StartAsync(new Dictionary<string, string> { ["BeMore__Auth__SecurityStampCacheDuration"] = "00:00:00" });
        // Whichever node placement chose for the user's grain is the one killed; the requests go through the other.
        var (user, host, survivor) = await cluster.UserAsync();
        // An authenticated endpoint that calls no grain: the answer depends on authentication alone, not on where
        // placement (resource-optimized, so not steerable from here) put some other grain.
        const string AuthenticatedOnly = "/api/stt/status";
        using (var before = await survivor.Http.SendAsync(HttpMethod.Get, AuthenticatedOnly, user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await host.KillAsync();

        for (var request = 0; request < 3; request++)
        {
            using var response = await survivor.Http.SendAsync(HttpMethod.Get, AuthenticatedOnly, user.AccessToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Two nodes on one fresh database; A has a gateway so the test can ask where grains live.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly TestFolder _folderA;
        private readonly TestFolder _folderB;

        private TwoNodes(TestFolder folderA, TestFolder folderB, SiloProcess a, SiloProcess b, OrleansClient client, int siloPortB)
        {
            _folderA = folderA;
            _folderB = folderB;
            A = a;
            B = b;
            Client = client;
            SiloPortB = siloPortB;
        }

        public SiloProcess A { get; }

        public SiloProcess B { get; }

        public OrleansClient Client { get; }

        public int SiloPortB { get; }

        private IManagementGrain Management => Client.Cluster.GetGrain<IManagementGrain>(0);

        public static async Task<TwoNodes> StartAsync(IReadOnlyDictionary<string, string> extra)
        {
            var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            var (siloA, gatewayA, siloB) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
            var settingsA = SiloSettings.Postgres(database, siloA, gatewayA);
            var settingsB = SiloSettings.Postgres(database, siloB);
            foreach (var (key, value) in extra)
            {
                settingsA[key] = value;
                settingsB[key] = value;
            }

            var (folderA, folderB) = (new TestFolder("loss-a"), new TestFolder("loss-b"));
            var nodes = await Task.WhenAll(SiloProcess.StartAsync(folderA.Path, settingsA), SiloProcess.StartAsync(folderB.Path, settingsB));
            var client = await OrleansClient.ConnectAsync(gatewayA);
            var cluster = new TwoNodes(folderA, folderB, nodes[0], nodes[1], client, siloB);
            await cluster.WaitForBothActiveAsync();
            return cluster;
        }

        /// <summary>
        /// A new user, the node its grain was placed on, and the other node. Placement is resource-optimized and not
        /// steerable from here: on a loaded host it put every one of 40 new grains on the same node.
        /// </summary>
        public async Task<(SignedInUser User, SiloProcess Host, SiloProcess Other)> UserAsync()
        {
            var user = await A.Http.SignUpAsync();
            return await OnBAsync(Client.Cluster.GetGrain<IUserGrain>(user.Id)) ? (user, B, A) : (user, A, B);
        }

        /// <summary>A new session, the node its grain was placed on, and the other node.</summary>
        public async Task<(string SessionId, SiloProcess Host, SiloProcess Other)> SessionAsync(SignedInUser user)
        {
            var sessionId = await LiveSessions.CreateAsync(A.Http, user);
            return await OnBAsync(Client.Cluster.GetGrain<ICounselingSessionGrain>(sessionId)) ? (sessionId, B, A) : (sessionId, A, B);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await A.DisposeAsync();
            await B.DisposeAsync();
            _folderA.Dispose();
            _folderB.Dispose();
        }

        private async Task<bool> OnBAsync(IAddressable grain) =>
            (await Management.GetActivationAddress(grain))?.Endpoint.Port == SiloPortB;

        private async Task WaitForBothActiveAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((await Management.GetHosts(onlyActive: true)).Count < 2)
            {
                // Membership converges on its own schedule; there is no event to await from outside.
                await Task.Delay(250, timeout.Token);
            }
        }
    }
}
