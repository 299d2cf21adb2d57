using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Voice;

namespace BeMore.Tests.Live;

/// <summary>Speech streamed through UploadAudio gives the session a voice-emotion reading, only as consent and opt-ins allow.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class VoiceEmotionTests(FastAudioWebFactory factory) : IClassFixture<FastAudioWebFactory>
{
    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task UploadAudio_ThreeSentencesWithAnalysis_GivesAnEmotionUpdateFromTheVoice()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);

        var updates = await StreamAndReadEmotionUpdatesAsync(user, sessionId);

        // Two sentences set the speaker's baseline; the third is read against it, and is the only source of emotion.
        var update = Assert.Single(updates);
        var source = Assert.Single(update.GetProperty("sources").EnumerateArray());
        Assert.Equal("voice", source.GetProperty("modality").GetString());
        Assert.Equal(1.0, source.GetProperty("weight").GetDouble());
        Assert.Equal(update.GetProperty("label").GetString(), source.GetProperty("label").GetString());
    }

    [Fact]
    public async Task UploadAudio_WithoutAnalysisConsent_GivesNoEmotion()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: false);

        Assert.Empty(await StreamAndReadEmotionUpdatesAsync(user, sessionId));
    }

    [Fact]
    public async Task UploadAudio_WithVoiceOptedOut_GivesNoEmotion()
    {
        var user = await _http.SignUpAsync();
        using (var response = await _http.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken, new
        {
            language = "en",
            theme = "system",
            notifications = true,
            analysis = new { textEmotion = true, faceEmotion = true, voice = false, distortions = true },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);

        Assert.Empty(await StreamAndReadEmotionUpdatesAsync(user, sessionId));
    }

    /// <summary>Streams the three-sentence recording; the upload answers once every chunk was processed, so the log is complete.</summary>
    private async Task<List<JsonElement>> StreamAndReadEmotionUpdatesAsync(SignedInUser user, string sessionId)
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        Assert.Equal(fixture.Pcm.Length, await client.UploadAudioAsync(sessionId, fixture.Pcm));
        using var events = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", user.AccessToken);
        using var body = await events.ReadJsonAsync();
        return body.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "emotion_update")
            .Select(e => e.GetProperty("data").Clone())
            .ToList();
    }
}
