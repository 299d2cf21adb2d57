using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>The session routes over real HTTP: lifecycle, transcript, consent, summary, dashboard, report, ownership.</summary>
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
        var id = await CreateSessionAsync(user);
        if (from != "active")
        {
            using var setup = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/{(from == "paused" ? "pause" : "end")}", user.AccessToken);
        }

        var before = await LastSeqAsync(user, id);
        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/{action}", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        using var after = await GetJsonAsync(user, $"/api/session/{id}");

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
    public async Task Transcript_SameClientSegmentIdTwice_ReturnsTheSameEventOnce()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user);
        var segment = new { clientSegmentId = "seg-1", text = "I always ruin everything", startMs = 0, endMs = 1800, language = "en" };

        using var first = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken, segment);
        using var firstBody = await first.ReadJsonAsync();
        using var second = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken, segment);
        using var secondBody = await second.ReadJsonAsync();
        using var transcript = await GetJsonAsync(user, $"/api/session/{id}/transcript");

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
        var id = await CreateSessionAsync(user);
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
        var id = await CreateSessionAsync(user);

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId, text, startMs, endMs, language });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
        Assert.Equal(1, await LastSeqAsync(user, id));
    }

    [Fact]
    public async Task StoreTranscriptFalse_KeepsTimingAndWordCountButNeverTheText()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user, storeTranscript: false);
        const string Private = "my private words stay private";

        using var append = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "p1", text = Private, startMs = 100, endMs = 2100, language = "en" });
        var appendText = await append.Content.ReadAsStringAsync();
        using var events = await GetJsonAsync(user, $"/api/session/{id}/events");
        using var report = await GetJsonAsync(user, $"/api/session/{id}/report");
        using var export = await GetJsonAsync(user, "/api/user/me/export");

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
        var id = await CreateSessionAsync(user, analysis: false);
        for (var i = 0; i < 5; i++)
        {
            using var append = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
                new { clientSegmentId = $"s{i}", text = $"sentence {i}", startMs = i * 1000, endMs = i * 1000 + 500, language = "en" });
        }

        using var page = await GetJsonAsync(user, $"/api/session/{id}/events?after=2&limit=2");
        using var rest = await GetJsonAsync(user, $"/api/session/{id}/events?after=4");

        Assert.Equal([3L, 4L], page.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal([5L, 6L], rest.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(rest.RootElement.EnumerateArray(), e => Assert.Equal(id, e.GetProperty("sessionId").GetString()));
    }

    [Fact]
    public async Task Summary_UnchangedPoll_Returns304AndChangesAfterNewInput()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user);
        using var first = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/summary", user.AccessToken);
        var etag = first.Headers.ETag!;

        using var unchanged = await SendConditionalAsync(user, $"/api/session/{id}/summary", etag.Tag);
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/pause", user.AccessToken))
        {
        }

        using var changed = await SendConditionalAsync(user, $"/api/session/{id}/summary", etag.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Dashboard_AfterCreatingEndingAndDeleting_MatchesTheSessions()
    {
        var user = await _client.SignUpAsync();
        var kept = await CreateSessionAsync(user, title: "kept");
        var deleted = await CreateSessionAsync(user, title: "deleted");
        var open = await CreateSessionAsync(user, title: "open");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{kept}/end", user.AccessToken))
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{deleted}/end", user.AccessToken))
        using (var delete = await _client.SendAsync(HttpMethod.Delete, $"/api/session/{deleted}", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/dashboard/summary", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        using var again = await SendConditionalAsync(user, "/api/dashboard/summary", response.Headers.ETag!.Tag);
        using var deletedRead = await _client.SendAsync(HttpMethod.Get, $"/api/session/{deleted}", user.AccessToken);

        var root = body.RootElement;
        Assert.Equal(2, root.GetProperty("sessionCount").GetInt32());
        Assert.Equal(1, root.GetProperty("endedSessionCount").GetInt32());
        Assert.Equal([kept], root.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("sessionId").GetString()));
        Assert.Equal([open, kept], root.GetProperty("recentSessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedRead.StatusCode);
    }

    [Fact]
    public async Task Report_HasEveryMemberOfTheContract()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user, title: "Report");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "r1", text = "오늘 도서관에 갔어요", startMs = 0, endMs = 1200, language = "ko" }))
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        using (var feedback = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/feedback", user.AccessToken, new { rating = 5, comment = "helpful" }))
        {
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        }

        using var report = await GetJsonAsync(user, $"/api/session/{id}/report");
        using var again = await GetJsonAsync(user, $"/api/session/{id}/report");

        var root = report.RootElement;
        foreach (var member in new[] { "sessionId", "title", "status", "startedAt", "endedAt", "activeDurationMs", "pausedDurationMs", "transcript", "emotion", "voice", "distortions", "interventions", "riskAlerts", "overall", "recommendations", "feedback" })
        {
            Assert.True(root.TryGetProperty(member, out _), $"report lacks {member}");
        }

        Assert.Equal("오늘 도서관에 갔어요", root.GetProperty("transcript").GetProperty("segments")[0].GetProperty("text").GetString());
        Assert.Equal(3, root.GetProperty("transcript").GetProperty("wordCount").GetInt32());
        Assert.Equal(5, root.GetProperty("feedback").GetProperty("rating").GetInt32());
        foreach (var member in new[] { "speechRatio", "utteranceCount", "avgUtteranceMs", "avgPauseMs", "longestPauseMs", "speechRateWpm", "timeline" })
        {
            Assert.True(root.GetProperty("voice").TryGetProperty(member, out _), $"voice lacks {member}");
        }

        Assert.Equal(report.RootElement.ToString(), again.RootElement.ToString());
    }

    [Fact]
    public async Task ReportFiles_PdfAndCsvDownloadWithTheTranscript()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user, title: "Files");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "f1", text = "나는 항상 실패해요, \"정말\"", startMs = 0, endMs = 1200, language = "ko" }))
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        {
        }

        using var pdf = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/report.pdf", user.AccessToken);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        using var csv = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/report.csv?kind=transcript", user.AccessToken);
        var csvText = await csv.Content.ReadAsStringAsync();
        using var bogus = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/report.csv?kind=secrets", user.AccessToken);
        using var bogusBody = await bogus.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
        Assert.Contains(id, pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"나는 항상 실패해요, \"\"정말\"\"\"", csvText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("VALIDATION_ERROR", bogusBody.Code());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Feedback_RatingOutOfRange_Returns400(int rating)
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user);

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
            ids.Add(await CreateSessionAsync(user, title: $"s{i}"));
        }

        using var first = await GetJsonAsync(user, "/api/session?limit=2");
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        using var second = await GetJsonAsync(user, $"/api/session?limit=2&cursor={cursor}");

        Assert.Equal([ids[2], ids[1]], first.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal([ids[0]], second.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task SessionRoutes_AreAuditedWithoutContent()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateSessionAsync(user);
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

    private async Task<string> CreateSessionAsync(SignedInUser user, bool storeTranscript = true, string title = "Test", bool analysis = true)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title, consent = new { analysis, storeTranscript } });
        using var body = await response.ReadJsonAsync();
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<long> LastSeqAsync(SignedInUser user, string id)
    {
        using var snapshot = await GetJsonAsync(user, $"/api/session/{id}");
        return snapshot.RootElement.GetProperty("lastSeq").GetInt64();
    }

    private async Task<JsonDocument> GetJsonAsync(SignedInUser user, string path)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, path, user.AccessToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    private Task<HttpResponseMessage> SendConditionalAsync(SignedInUser user, string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", user.AccessToken);
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return _client.SendAsync(request);
    }
}
