using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>The dashboard route over real HTTP: its aggregates follow the user's sessions, and an unchanged poll answers 304.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class DashboardApiTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Dashboard_AfterCreatingEndingAndDeleting_MatchesTheSessions()
    {
        var user = await _client.SignUpAsync();
        var kept = await _client.CreateSessionAsync(user, title: "kept");
        var deleted = await _client.CreateSessionAsync(user, title: "deleted");
        var open = await _client.CreateSessionAsync(user, title: "open");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{kept}/end", user.AccessToken))
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{deleted}/end", user.AccessToken))
        using (var delete = await _client.SendAsync(HttpMethod.Delete, $"/api/session/{deleted}", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/dashboard/summary", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        using var again = await _client.SendConditionalAsync(user, "/api/dashboard/summary", response.Headers.ETag!.Tag);
        using var deletedRead = await _client.SendAsync(HttpMethod.Get, $"/api/session/{deleted}", user.AccessToken);

        var root = body.RootElement;
        Assert.Equal(2, root.GetProperty("sessionCount").GetInt32());
        Assert.Equal(1, root.GetProperty("endedSessionCount").GetInt32());
        Assert.Equal([kept], root.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("sessionId").GetString()));
        Assert.Equal([open, kept], root.GetProperty("recentSessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedRead.StatusCode);
    }
}
