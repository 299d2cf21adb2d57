using System.Net;
using BeMore.Tests.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Live;

/// <summary>
/// Pushes cross nodes through grain observers: a client on node A follows a session driven through node B; when B
/// stops, the grain comes back on A, the relay re-subscribes and events keep flowing; a client that reconnects
/// with its last seq gets exactly what it missed.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class TwoNodeHubTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ClientOnNodeA_FollowsASessionDrivenThroughNodeB_AcrossNodeBStopping()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        using var folderA = new TestFolder("hub-a");
        using var folderB = new TestFolder("hub-b");
        var settingsA = WithFastRelayRenewal(SiloSettings.Postgres(database, FreePort.Next()));
        var settingsB = WithFastRelayRenewal(SiloSettings.Postgres(database, FreePort.Next()));
        var nodes = await Task.WhenAll(SiloProcess.StartAsync(folderA.Path, settingsA), SiloProcess.StartAsync(folderB.Path, settingsB));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];

        var user = await nodeA.Http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(nodeB.Http, user);
        await using var follower = await LiveClient.ConnectAsync(nodeA.Http.BaseAddress!, user.AccessToken);
        await follower.JoinAsync(sessionId);

        var viaB = await AppendAsync(nodeB.Http, user, sessionId, "said on node B");
        var pushed = await follower.ReceiveThroughSeqAsync(viaB, Wait);
        Assert.Equal("said on node B", pushed[^1].GetProperty("data").GetProperty("text").GetString());

        Assert.Equal(0, await nodeB.StopGracefullyAsync(TimeSpan.FromSeconds(30)));

        // The grain re-activates on A at the next call; the relay re-subscribes within its renewal period, so some
        // of the next appends may precede it: keep appending (a bounded number of times) until one is pushed.
        long lastSeen = LiveClient.SeqOf(pushed[^1]);
        long lastAppended = 0;
        var pushedAfterStop = false;
        for (var attempt = 0; attempt < 20 && !pushedAfterStop; attempt++)
        {
            lastAppended = await AppendAsync(nodeA.Http, user, sessionId, $"said on node A {attempt}");
            try
            {
                var received = await follower.ReceiveThroughSeqAsync(lastAppended, TimeSpan.FromMilliseconds(1500));
                lastSeen = LiveClient.SeqOf(received[^1]);
                pushedAfterStop = true;
            }
            catch (OperationCanceledException)
            {
                // Not re-subscribed yet; the next append tries again.
            }
        }

        Assert.True(pushedAfterStop, "no event was pushed after node B stopped");

        await using var reconnected = await LiveClient.ConnectAsync(nodeA.Http.BaseAddress!, user.AccessToken);
        var joined = await reconnected.JoinAsync(sessionId, afterSeq: viaB);
        var missed = joined.GetProperty("missed").EnumerateArray().Select(LiveClient.SeqOf).ToList();
        Assert.Equal(Enumerable.Range((int)viaB + 1, (int)(lastAppended - viaB)).Select(i => (long)i), missed);
        Assert.Equal(lastAppended, lastSeen);
    }

    private static Dictionary<string, string> WithFastRelayRenewal(Dictionary<string, string> settings)
    {
        settings["BeMore__Hub__RelayRenewPeriod"] = "00:00:01";
        return settings;
    }

    private static async Task<long> AppendAsync(HttpClient http, SignedInUser user, string sessionId, string text)
    {
        using var response = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            new { clientSegmentId = Guid.NewGuid().ToString("N"), text, startMs = 0, endMs = 10, language = "en" });
        using var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.RootElement.GetProperty("seq").GetInt64();
    }
}
