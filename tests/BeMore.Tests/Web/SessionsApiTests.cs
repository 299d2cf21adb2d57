using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>The session routes over real HTTP: creation and consent, the lifecycle, the list, the summary, feedback and the audit of session calls.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SessionsApiTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Create_ReturnsCreatedWithLocationAndActiveSnapshot()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = "  Monday  ", consent = new { analysis = true, storeTranscript = true } });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body.RootElement.GetProperty("id").GetString();
        Assert.Equal($"/api/session/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("active", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Monday", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("lastSeq").GetInt64());
        Assert.Equal(0, body.RootElement.GetProperty("metrics").GetProperty("segmentCount").GetInt32());
    }

    [Theory]
    [InlineData("{\"title\":\"no consent\"}")]
    [InlineData("{\"consent\":{\"analysis\":true}}")]
    public async Task Create_WithoutExplicitConsent_Returns400(string json)
    {
        var user = await _client.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", user.AccessToken);

        using var response = await _client.SendAsync(request);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
    }

    [Theory]
    [InlineData("active", "pause", HttpStatusCode.OK, "paused")]
    [InlineData("active", "resume", HttpStatusCode.OK, "active")]
    [InlineData("active", "end", HttpStatusCode.OK, "ended")]
    [InlineData("paused", "pause", HttpStatusCode.OK, "paused")]
    [InlineData("paused", "resume", HttpStatusCode.OK, "active")]
    [InlineData("paused", "end", HttpStatusCode.OK, "ended")]
    [InlineData("ended", "pause", HttpStatusCode.Conflict, "ended")]
    [InlineData("ended", "resume", HttpStatusCode.Conflict, "ended")]
    [InlineData("ended", "end", HttpStatusCode.OK, "ended")]
    public async Task Transition_FromEachState_FollowsTheLifecycleRules(string from, string action, HttpStatusCode expected, string resulting)
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);
        if (from != "active")
        {
            using var setup = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/{(from == "paused" ? "pause" : "end")}", user.AccessToken);
        }

        var before = await _client.LastSeqAsync(user, id);
        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/{action}", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        using var after = await _client.GetJsonAsync(user, $"/api/session/{id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Conflict)
        {
            Assert.Equal("INVALID_SESSION_STATE", body.Code());
        }

        Assert.Equal(resulting, after.RootElement.GetProperty("status").GetString());
        var transitioned = from != resulting;
        Assert.Equal(transitioned, after.RootElement.GetProperty("lastSeq").GetInt64() > before);
    }

    [Fact]
    public async Task Summary_UnchangedPoll_Returns304AndChangesAfterNewInput()
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);
        using var first = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/summary", user.AccessToken);
        var etag = first.Headers.ETag!;

        using var unchanged = await _client.SendConditionalAsync(user, $"/api/session/{id}/summary", etag.Tag);
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/pause", user.AccessToken))
        {
        }

        using var changed = await _client.SendConditionalAsync(user, $"/api/session/{id}/summary", etag.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Feedback_RatingOutOfRange_Returns400(int rating)
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/feedback", user.AccessToken, new { rating });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_PagesNewestFirst()
    {
        var user = await _client.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _client.CreateSessionAsync(user, title: $"s{i}"));
        }

        using var first = await _client.GetJsonAsync(user, "/api/session?limit=2");
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        using var second = await _client.GetJsonAsync(user, $"/api/session?limit=2&cursor={cursor}");

        Assert.Equal([ids[2], ids[1]], first.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal([ids[0]], second.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task SessionRoutes_AreAuditedWithoutContent()
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "a1", text = "audit must not see this", startMs = 0, endMs = 10, language = "en" }))
        using (await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/report", user.AccessToken))
        {
        }

        using var audit = await _client.SendAsync(HttpMethod.Get, "/api/user/me/audit", user.AccessToken);
        var text = await audit.Content.ReadAsStringAsync();
        using var records = JsonDocument.Parse(text);

        var sessionActions = records.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("targetId").GetString() == id || r.GetProperty("action").GetString() == "session.create")
            .Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Equal(["session.create", "session.transcript.append", "session.report.read"], sessionActions);
        Assert.DoesNotContain("audit must not see this", text, StringComparison.Ordinal);
    }
}
