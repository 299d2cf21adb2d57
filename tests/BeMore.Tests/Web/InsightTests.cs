using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>What a transcript turns into, live: distortions, interventions, emotion and risk, as consent allows.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class InsightTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Transcript_WithADistortion_AppendsFindingInterventionAndEmotionAfterTheSegment()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);

        var segmentSeq = await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        var events = await EventsAsync(user, id);

        var distortion = Assert.Single(events, e => e.Type == "distortion_detected");
        Assert.Equal(segmentSeq, distortion.Data.GetProperty("segmentSeq").GetInt64());
        Assert.True(distortion.Seq > segmentSeq);
        Assert.False(string.IsNullOrEmpty(distortion.Data.GetProperty("evidence").GetString()));
        Assert.Equal(["question", "task"], events.Where(e => e.Type == "cbt_intervention").Select(e => e.Data.GetProperty("kind").GetString()));
        Assert.Contains(events, e => e.Type == "emotion_update");
        Assert.DoesNotContain(events, e => e.Type == "risk_alert");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Theory]
    [InlineData("I went to the library with my sister.", "en")]
    [InlineData("see you tomorrow", "en")]
    [InlineData("나는 어제 영화를 봤어요", "ko")]
    [InlineData("오늘 도서관에 갔어요", "ko")]
    public async Task Transcript_OrdinarySentence_TriggersNoFindings(string text, string language)
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);

        await AppendAsync(user, id, text, language);
        var events = await EventsAsync(user, id);

        Assert.DoesNotContain(events, e => e.Type is "distortion_detected" or "cbt_intervention" or "risk_alert");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Transcript_WithSuicidalIdeation_RaisesRiskAlertEvenWithoutAnalysisConsent(bool analysis)
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis, storeTranscript: true);

        await AppendAsync(user, id, "I want to kill myself.", "en");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        {
        }

        var events = await EventsAsync(user, id);
        using var report = await GetAsync(user, $"/api/session/{id}/report");
        using var dashboard = await GetAsync(user, "/api/dashboard/summary");

        var alert = Assert.Single(events, e => e.Type == "risk_alert");
        Assert.Equal("high", alert.Data.GetProperty("level").GetString());
        Assert.False(string.IsNullOrWhiteSpace(alert.Data.GetProperty("crisisLine").GetString()));
        Assert.Equal("high", report.RootElement.GetProperty("overall").GetProperty("riskLevel").GetString());
        Assert.Single(report.RootElement.GetProperty("riskAlerts").EnumerateArray());
        Assert.Single(dashboard.RootElement.GetProperty("riskFlags").EnumerateArray());
        Assert.Equal(analysis, events.Any(e => e.Type == "emotion_update"));
        // Without an LLM the narrative is composed from the report itself; without analysis consent there is none.
        var narrative = report.RootElement.GetProperty("narrative");
        Assert.Equal(analysis ? "local" : null, narrative.ValueKind == JsonValueKind.Object ? narrative.GetProperty("source").GetString() : null);
    }

    [Fact]
    public async Task AnalysisConsentFalse_ProducesNoAnalysisEvents()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis: false, storeTranscript: true);

        await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        await AppendAsync(user, id, "나는 완전히 실패자야", "ko");
        var events = await EventsAsync(user, id);

        Assert.All(events, e => Assert.True(e.Type is "status_changed" or "transcript_segment", e.Type));
    }

    [Fact]
    public async Task StoreTranscriptFalse_FindingsCarryNoEvidenceText()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis: true, storeTranscript: false);

        await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        var events = await EventsAsync(user, id);

        var distortion = Assert.Single(events, e => e.Type == "distortion_detected");
        Assert.Equal(JsonValueKind.Null, distortion.Data.GetProperty("evidence").ValueKind);
        Assert.DoesNotContain(events, e => e.Data.ToString().Contains("ruin everything", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "나는 완전히 실패자야", "ko", false)]
    [InlineData("ko", "I always ruin everything I touch.", "en", true)]
    public async Task Intervention_OfferedInTheUsersPreferredLanguageWhateverTheSpeechLanguage(
        string preferred, string text, string spoken, bool expectKorean)
    {
        var user = await _client.SignUpAsync();
        await SetPreferencesAsync(user, new { language = preferred, theme = "system", notifications = true });
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);

        await AppendAsync(user, id, text, spoken);
        var events = await EventsAsync(user, id);

        Assert.Contains(events, e => e.Type == "distortion_detected");
        var offered = events.Where(e => e.Type == "cbt_intervention").Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, offered.Count);
        Assert.All(offered, text => Assert.Equal(expectKorean, text.Any(c => c is >= '\uAC00' and <= '\uD7A3')));
    }

    [Fact]
    public async Task Preferences_OptOutMidSession_StopsThatAnalysisFromTheNextSegment()
    {
        var user = await _client.SignUpAsync();
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);
        var before = await AppendAsync(user, id, "I always ruin everything I touch.", "en");

        await SetPreferencesAsync(user, new
        {
            language = "en",
            theme = "system",
            notifications = true,
            analysis = new { textEmotion = false, faceEmotion = true, voice = true, distortions = false },
        });
        var after = await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        var events = await EventsAsync(user, id);

        Assert.Contains(events, e => e.Type == "distortion_detected" && e.Data.GetProperty("segmentSeq").GetInt64() == before);
        Assert.Contains(events, e => e.Type == "emotion_update" && e.Seq > before && e.Seq < after);
        Assert.DoesNotContain(events, e => e.Seq > after && e.Type is "distortion_detected" or "cbt_intervention" or "emotion_update");
    }

    [Fact]
    public async Task Preferences_LanguageChangedMidSession_InterventionsFollowIt()
    {
        var user = await _client.SignUpAsync();
        await SetPreferencesAsync(user, new { language = "ko", theme = "system", notifications = true });
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);

        await SetPreferencesAsync(user, new { language = "en", theme = "system", notifications = true });
        await AppendAsync(user, id, "나는 완전히 실패자야", "ko");
        var offered = (await EventsAsync(user, id)).Where(e => e.Type == "cbt_intervention").Select(e => e.Data.GetProperty("text").GetString()!).ToList();

        Assert.Equal(2, offered.Count);
        Assert.All(offered, text => Assert.DoesNotContain(text, c => c is >= '\uAC00' and <= '\uD7A3'));
    }

    [Fact]
    public async Task Report_ProseFollowsTheReadersLanguageWhileFiguresStayTheSame()
    {
        var user = await _client.SignUpAsync();
        await SetPreferencesAsync(user, new { language = "en", theme = "system", notifications = true });
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);
        await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken))
        {
        }

        using var english = await ReportAsync(user, id);
        await SetPreferencesAsync(user, new { language = "ko", theme = "system", notifications = true });
        using var korean = await ReportAsync(user, id);
        using var koreanAgain = await ReportAsync(user, id);

        static List<string> Prose(JsonDocument report) =>
        [
            .. report.RootElement.GetProperty("overall").GetProperty("observations").EnumerateArray().Select(o => o.GetString()!),
            .. report.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetString()!),
            report.RootElement.GetProperty("narrative").GetProperty("text").GetString()!,
        ];
        static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
        Assert.All(Prose(english), text => Assert.False(HasHangul(text), text));
        Assert.All(Prose(korean), text => Assert.True(HasHangul(text), text));
        Assert.Contains(Prose(korean), text => text.Contains("과잉 일반화", StringComparison.Ordinal));
        Assert.Equal(Prose(korean), Prose(koreanAgain));
        Assert.Equal(
            english.RootElement.GetProperty("distortions").GetRawText(),
            korean.RootElement.GetProperty("distortions").GetRawText());
        Assert.Equal(
            english.RootElement.GetProperty("overall").GetProperty("riskScore").GetRawText(),
            korean.RootElement.GetProperty("overall").GetProperty("riskScore").GetRawText());
    }

    private async Task<JsonDocument> ReportAsync(SignedInUser user, string id)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/report", user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Transcript_DistortionsAndTextEmotionOptedOut_OnlyRiskStillRaised()
    {
        var user = await _client.SignUpAsync();
        await SetPreferencesAsync(user, new
        {
            language = "en", theme = "system", notifications = true,
            analysis = new { textEmotion = false, faceEmotion = true, voice = true, distortions = false },
        });
        var id = await CreateAsync(user, analysis: true, storeTranscript: true);

        await AppendAsync(user, id, "I always ruin everything I touch.", "en");
        await AppendAsync(user, id, "I want to kill myself.", "en");
        var events = await EventsAsync(user, id);

        Assert.DoesNotContain(events, e => e.Type is "distortion_detected" or "cbt_intervention" or "emotion_update");
        Assert.Single(events, e => e.Type == "risk_alert");
    }

    [Theory]
    [InlineData("I am so happy and grateful today!", "joy")]
    [InlineData("너무 불안하고 걱정돼요", "anxiety")]
    public async Task Emotion_Text_ReturnsLabelWithScores(string text, string expected)
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/emotion", user.AccessToken, new { text });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body.RootElement.GetProperty("emotion").GetString());
        Assert.InRange(body.RootElement.GetProperty("valence").GetDouble(), -1, 1);
        Assert.InRange(body.RootElement.GetProperty("confidence").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Emotion_EmptyText_Returns400(string? text)
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/emotion", user.AccessToken, new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record EventView(long Seq, string Type, JsonElement Data);

    private async Task SetPreferencesAsync(SignedInUser user, object preferences)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken, preferences);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> CreateAsync(SignedInUser user, bool analysis, bool storeTranscript)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = "insight", consent = new { analysis, storeTranscript } });
        using var body = await response.ReadJsonAsync();
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<long> AppendAsync(SignedInUser user, string id, string text, string language)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = Guid.NewGuid().ToString("N"), text, startMs = 0, endMs = 2000, language });
        using var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.RootElement.GetProperty("seq").GetInt64();
    }

    private async Task<List<EventView>> EventsAsync(SignedInUser user, string id)
    {
        using var body = await GetAsync(user, $"/api/session/{id}/events?limit=1000");
        return body.RootElement.EnumerateArray()
            .Select(e => new EventView(e.GetProperty("seq").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("data").Clone()))
            .ToList();
    }

    private async Task<JsonDocument> GetAsync(SignedInUser user, string path)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, path, user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
