using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>A session's transcript and event log over real HTTP: idempotent appends, refusals, the transcript-storage consent, reading after a seq.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SessionTranscriptApiTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Transcript_SameClientSegmentIdTwice_ReturnsTheSameEventOnce()
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);
        var segment = new { clientSegmentId = "seg-1", text = "I always ruin everything", startMs = 0, endMs = 1800, language = "en" };

        using var first = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken, segment);
        using var firstBody = await first.ReadJsonAsync();
        using var second = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken, segment);
        using var secondBody = await second.ReadJsonAsync();
        using var transcript = await _client.GetJsonAsync(user, $"/api/session/{id}/transcript");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(firstBody.RootElement.ToString(), secondBody.RootElement.ToString());
        Assert.Equal("transcript_segment", firstBody.RootElement.GetProperty("type").GetString());
        Assert.Equal(4, firstBody.RootElement.GetProperty("data").GetProperty("wordCount").GetInt32());
        Assert.Single(transcript.RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("end")]
    public async Task Transcript_OnPausedOrEndedSession_Returns409(string transition)
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/{transition}", user.AccessToken))
        {
        }

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "late", text = "too late", startMs = 0, endMs = 10, language = "en" });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("INVALID_SESSION_STATE", body.Code());
    }

    [Theory]
    [InlineData("c", "text", 100, 50, "en", "endMs")]
    [InlineData("c", "   ", 0, 50, "en", "text")]
    [InlineData("c", "text", 0, 50, "fr", "language")]
    [InlineData("", "text", 0, 50, "en", "clientSegmentId")]
    [InlineData("c", "text", -1, 50, "en", "startMs")]
    public async Task Transcript_InvalidSegment_Returns400NamingTheField(string clientSegmentId, string text, long startMs, long endMs, string language, string field)
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user);

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId, text, startMs, endMs, language });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
        Assert.Equal(1, await _client.LastSeqAsync(user, id));
    }

    [Fact]
    public async Task StoreTranscriptFalse_KeepsTimingAndWordCountButNeverTheText()
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user, storeTranscript: false);
        const string Private = "my private words stay private";

        using var append = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "p1", text = Private, startMs = 100, endMs = 2100, language = "en" });
        var appendText = await append.Content.ReadAsStringAsync();
        using var events = await _client.GetJsonAsync(user, $"/api/session/{id}/events");
        using var report = await _client.GetJsonAsync(user, $"/api/session/{id}/report");
        using var export = await _client.GetJsonAsync(user, "/api/user/me/export");

        Assert.Equal(HttpStatusCode.Created, append.StatusCode);
        var segment = events.RootElement[1].GetProperty("data");
        Assert.Equal(JsonValueKind.Null, segment.GetProperty("text").ValueKind);
        Assert.Equal(5, segment.GetProperty("wordCount").GetInt32());
        Assert.Equal(2100, segment.GetProperty("endMs").GetInt64());
        foreach (var text in new[] { appendText, events.RootElement.ToString(), report.RootElement.ToString(), export.RootElement.ToString() })
        {
            Assert.DoesNotContain("private words", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Events_AfterSeq_ReturnsOnlyLaterEventsAscending()
    {
        var user = await _client.SignUpAsync();
        // Without analysis every segment is exactly one event, so the seqs below are known.
        var id = await _client.CreateSessionAsync(user, analysis: false);
        for (var i = 0; i < 5; i++)
        {
            using var append = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
                new { clientSegmentId = $"s{i}", text = $"sentence {i}", startMs = i * 1000, endMs = i * 1000 + 500, language = "en" });
        }

        using var page = await _client.GetJsonAsync(user, $"/api/session/{id}/events?after=2&limit=2");
        using var rest = await _client.GetJsonAsync(user, $"/api/session/{id}/events?after=4");

        Assert.Equal([3L, 4L], page.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal([5L, 6L], rest.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(rest.RootElement.EnumerateArray(), e => Assert.Equal(id, e.GetProperty("sessionId").GetString()));
    }
}
