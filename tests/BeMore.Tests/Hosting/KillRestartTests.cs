using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Hosting;

/// <summary>
/// Nothing acknowledged is lost: segments appended over HTTP survive the process being killed (SIGKILL, no
/// shutdown), in order, without gaps or duplicates, and appending continues at the next seq.
/// </summary>
public abstract class KillRestartContract
{
    private const int Segments = 25;

    protected abstract Task<Dictionary<string, string>> SettingsAsync();

    [Fact]
    public async Task AcknowledgedSegments_AfterKillAndRestart_AreAllThereInOrder()
    {
        using var folder = new TestFolder("kill");
        var settings = await SettingsAsync();
        var port = FreePort.Next();
        SignedInUser user;
        string sessionId;

        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings, port))
        {
            user = await silo.Http.SignUpAsync();
            using var created = await silo.Http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
                new { title = "crash", consent = new { analysis = false, storeTranscript = true } });
            using var createdBody = await created.ReadJsonAsync();
            sessionId = createdBody.RootElement.GetProperty("id").GetString()!;
            for (var i = 0; i < Segments; i++)
            {
                using var appended = await silo.Http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
                    new { clientSegmentId = $"c{i}", text = $"segment number {i}", startMs = i * 1000, endMs = i * 1000 + 900, language = "en" });
                Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
            }

            await silo.KillAsync();
        }

        await using (var restarted = await SiloProcess.StartAsync(folder.Path, settings, port))
        {
            using var events = await restarted.Http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", user.AccessToken);
            using var body = await events.ReadJsonAsync();
            using var next = await restarted.Http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
                new { clientSegmentId = "after", text = "after the crash", startMs = 99_000, endMs = 99_500, language = "en" });
            using var nextBody = await next.ReadJsonAsync();
            using var replay = await restarted.Http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
                new { clientSegmentId = "c3", text = "segment number 3", startMs = 3000, endMs = 3900, language = "en" });
            using var replayBody = await replay.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.OK, events.StatusCode);
            var all = body.RootElement.EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, Segments + 1).Select(i => (long)i), all.Select(e => e.GetProperty("seq").GetInt64()));
            Assert.Equal(
                Enumerable.Range(0, Segments).Select(i => $"segment number {i}"),
                all.Skip(1).Select(e => e.GetProperty("data").GetProperty("text").GetString()));
            Assert.Equal(Segments + 2, nextBody.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(5, replayBody.RootElement.GetProperty("seq").GetInt64());
        }
    }
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class EmbeddedKillRestartTests : KillRestartContract
{
    protected override Task<Dictionary<string, string>> SettingsAsync() =>
        Task.FromResult(SiloSettings.Embedded(FreePort.Next()));
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresKillRestartTests : KillRestartContract
{
    protected override async Task<Dictionary<string, string>> SettingsAsync() =>
        SiloSettings.Postgres(await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(), FreePort.Next());
}
