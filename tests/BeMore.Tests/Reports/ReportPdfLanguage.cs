using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Reports;

/// <summary>The PDF's fixed texts in each language, for checking that a report shows one language only.</summary>
internal static class ReportPdfLanguage
{
    public static readonly string[] KoreanHeadings =
        ["세션 정보", "요약", "종합 평가", "감정", "음성", "인지 왜곡", "개입", "위험 알림", "권장 사항", "피드백", "대화 기록"];

    public static readonly string[] EnglishHeadings =
        ["Session", "Summary", "Overall assessment", "Emotions", "Voice", "Cognitive distortions", "Interventions", "Risk alerts",
            "Recommendations", "Feedback", "Transcript"];

    /// <summary>English headings (each alone on its line) and labels and notes that no Korean PDF may contain.</summary>
    public static readonly string[] EnglishFixedTexts =
    [
        .. EnglishHeadings.Select(heading => heading + "\n"),
        "Active time", "Words spoken", "words/min", "Speech ratio", "Utterances", "severity", "confidence", "No risk alerts.",
        "None detected.", "Analysis was turned off", "Automated risk signals", "not stored", "Counseling session report",
    ];
}

/// <summary>The PDF a user downloads follows their language preference, like the report's prose does.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ReportPdfLanguageTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task DownloadPdf_UserLanguagePreference_FixedTextsInThatLanguageOnly(string language)
    {
        using var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        using (var preferences = await http.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken,
            new { language, theme = "system", notifications = true }))
        {
            Assert.Equal(HttpStatusCode.OK, preferences.StatusCode);
        }

        using var created = await http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { consent = new { analysis = true, storeTranscript = true } });
        using var createdBody = await created.ReadJsonAsync();
        var id = createdBody.RootElement.GetProperty("id").GetString()!;
        using (await http.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "p1", text = "I always ruin everything.", startMs = 0, endMs = 1500, language = "en" }))
        using (await http.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        {
        }

        using var report = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{id}/report", user.AccessToken)).ReadJsonAsync();
        using var pdf = await http.SendAsync(HttpMethod.Get, $"/api/session/{id}/report.pdf", user.AccessToken);
        var text = await ReportPdfTests.ExtractTextAsync(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Equal(language, report.RootElement.GetProperty("language").GetString());
        var (shown, absent) = language == "ko"
            ? (ReportPdfLanguage.KoreanHeadings, ReportPdfLanguage.EnglishHeadings)
            : (ReportPdfLanguage.EnglishHeadings, ReportPdfLanguage.KoreanHeadings);
        Assert.All(shown, heading => Assert.Contains(heading + "\n", text, StringComparison.Ordinal));
        Assert.All(absent, heading => Assert.DoesNotContain(heading + "\n", text, StringComparison.Ordinal));
        // The report's prose is in the same language as the PDF's own words.
        var narrative = report.RootElement.GetProperty("narrative").GetProperty("text").GetString()!;
        Assert.Contains(narrative.Split(' ')[0], text, StringComparison.Ordinal);
        Assert.Equal(language == "ko", narrative.Any(c => c is >= '\uAC00' and <= '\uD7A3'));
    }
}
