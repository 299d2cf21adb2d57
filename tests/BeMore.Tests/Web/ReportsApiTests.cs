using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>The end-of-session report over real HTTP: the JSON contract and the PDF and CSV downloads.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ReportsApiTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Report_HasEveryMemberOfTheContract()
    {
        var user = await _client.SignUpAsync();
        var id = await _client.CreateSessionAsync(user, title: "Report");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "r1", text = "오늘 도서관에 갔어요", startMs = 0, endMs = 1200, language = "ko" }))
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        using (var feedback = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/feedback", user.AccessToken, new { rating = 5, comment = "helpful" }))
        {
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        }

        using var report = await _client.GetJsonAsync(user, $"/api/session/{id}/report");
        using var again = await _client.GetJsonAsync(user, $"/api/session/{id}/report");

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
        var id = await _client.CreateSessionAsync(user, title: "Files");
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
}
