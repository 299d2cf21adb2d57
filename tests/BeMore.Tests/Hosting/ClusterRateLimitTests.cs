using System.Globalization;
using System.Net;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Security;

namespace BeMore.Tests.Hosting;

/// <summary>
/// Per-client quotas across nodes: three real nodes on one PostgreSQL, each enforcing its share of the quota as
/// membership tells it, so a client spreading requests over them gets one quota in all, as it would from one node.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class ClusterRateLimitTests
{
    /// <summary>Not a multiple of three: the shares (11, 10, 10) must still add up to exactly the quota.</summary>
    private const int Quota = 31;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ClientSpreadOverThreeNodes_GetsOneQuotaInAll_AndTheLastNodeLeftGivesTheWholeQuota()
    {
        await WaitUntilWellInsideTheWindowAsync();
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var folders = Enumerable.Range(0, 3).Select(i => new TestFolder($"quota-node-{i}")).ToList();
        try
        {
            var nodes = await Task.WhenAll(folders.Select(folder => SiloProcess.StartAsync(folder.Path, Settings(database))));
            await using var first = nodes[0];
            await using var second = nodes[1];
            await using var third = nodes[2];

            // Nodes that start together learn of each other over a few seconds: wait until every node states a third.
            var shares = await WaitForSharesAsync(nodes, shares => shares.Sum() == Quota && shares.All(share => share < Quota));
            Assert.Equal([10, 10, 11], shares.Order());

            // Round robin, three quotas' worth: each node grants its share and refuses the rest, one quota in all.
            var accepted = await SpreadAsync(nodes, "127.0.0.3", requests: 3 * Quota);
            Assert.Equal(shares, accepted);
            Assert.Equal(Quota, accepted.Sum());

            // Two nodes leave: the one left learns it from membership and grants the whole quota again.
            await Task.WhenAll(second.StopGracefullyAsync(TimeSpan.FromSeconds(60)), third.StopGracefullyAsync(TimeSpan.FromSeconds(60)));
            await WaitForSharesAsync([first], shares => shares[0] == Quota);
            var alone = await SpreadAsync([first], "127.0.0.4", requests: 2 * Quota);
            Assert.Equal([Quota], alone);
        }
        finally
        {
            folders.ForEach(folder => folder.Dispose());
        }
    }

    private static Dictionary<string, string> Settings(string database)
    {
        var settings = SiloSettings.Postgres(database, FreePort.Next());
        settings["BeMore__Security__RateLimit__PermitLimit"] = Quota.ToString(CultureInfo.InvariantCulture);
        settings["BeMore__Security__RateLimit__WritePermitLimit"] = Quota.ToString(CultureInfo.InvariantCulture);
        // One window for the whole test (windows are aligned to the clock; see WaitUntilWellInsideTheWindowAsync).
        settings["BeMore__Security__RateLimit__Window"] = "1.00:00:00";
        return settings;
    }

    /// <summary>Sends <paramref name="requests"/> GETs from one client address, in turn to each node; answers the 200s per node.</summary>
    private static async Task<int[]> SpreadAsync(IReadOnlyList<SiloProcess> nodes, string clientAddress, int requests)
    {
        var clients = nodes.Select(node => LoopbackClients.From(node.Http.BaseAddress!, clientAddress)).ToList();
        try
        {
            var accepted = new int[nodes.Count];
            for (var i = 0; i < requests; i++)
            {
                using var response = await clients[i % nodes.Count].GetAsync("/");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"GET / answered {response.StatusCode}");
                accepted[i % nodes.Count] += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            return accepted;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>Asks each node (from an address of its own) what it grants one client, until <paramref name="settled"/> holds.</summary>
    private static async Task<int[]> WaitForSharesAsync(IReadOnlyList<SiloProcess> nodes, Func<int[], bool> settled)
    {
        var clients = nodes.Select(node => LoopbackClients.From(node.Http.BaseAddress!, "127.0.0.2")).ToList();
        try
        {
            var deadline = DateTime.UtcNow + Settle;
            while (true)
            {
                var shares = new int[nodes.Count];
                for (var i = 0; i < nodes.Count; i++)
                {
                    // A refused probe states the limit too, so the probe address may run out of permits meanwhile.
                    using var response = await clients[i].GetAsync("/");
                    shares[i] = int.Parse(response.Headers.GetValues("RateLimit-Limit").Single(), CultureInfo.InvariantCulture);
                }

                if (settled(shares))
                {
                    return shares;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The nodes' shares did not settle within {Settle}: {string.Join(", ", shares)}");
                // Membership lives in other processes: there is nothing in this one to await.
                await Task.Delay(250);
            }
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>
    /// Quota windows are aligned to the clock (a one-day window ends at midnight UTC): a test run across the boundary
    /// would count two windows, so one that starts in the last minutes of a day waits for the next.
    /// </summary>
    private static async Task WaitUntilWellInsideTheWindowAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var untilMidnight = now.Date.AddDays(1) - now.UtcDateTime;
        if (untilMidnight < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(1));
        }
    }
}
