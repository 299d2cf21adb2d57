using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Hosting;

/// <summary>
/// Audit records are queued after the answer and stored in batches; a graceful stop (SIGTERM) stores every record of
/// the requests answered before it.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class AuditShutdownTests
{
    private const int Reads = 60;

    [Fact]
    public async Task RecordsOfRequestsAnsweredJustBeforeAGracefulStop_AreAllStored()
    {
        using var folder = new TestFolder("audit-stop");
        var settings = SiloSettings.Embedded(FreePort.Next());
        settings["BeMore__Security__RateLimit__PermitLimit"] = "100000";
        var port = FreePort.Next();
        SignedInUser user;
        string sessionId;

        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings, port))
        {
            user = await silo.Http.SignUpAsync();
            using var created = await silo.Http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
                new { title = "stop", consent = new { analysis = false, storeTranscript = true } });
            using var createdBody = await created.ReadJsonAsync();
            sessionId = createdBody.RootElement.GetProperty("id").GetString()!;

            var reads = await Task.WhenAll(Enumerable.Range(0, Reads).Select(async _ =>
            {
                using var read = await silo.Http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", user.AccessToken);
                return read.StatusCode;
            }));
            Assert.All(reads, status => Assert.Equal(HttpStatusCode.OK, status));

            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(60)));
        }

        await using var restarted = await SiloProcess.StartAsync(folder.Path, settings, port);
        var stored = new List<string>();
        var after = 0L;
        while (true)
        {
            using var page = await restarted.Http.SendAsync(HttpMethod.Get, $"/api/user/me/audit?after={after}&limit=500", user.AccessToken);
            using var records = JsonDocument.Parse(await page.Content.ReadAsStringAsync());
            var items = records.RootElement.EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            stored.AddRange(items.Where(r => r.GetProperty("targetId").GetString() == sessionId).Select(r => r.GetProperty("action").GetString()!));
            after = items[^1].GetProperty("id").GetInt64();
        }

        Assert.Equal(Reads, stored.Count(action => action == "session.read"));
    }
}
