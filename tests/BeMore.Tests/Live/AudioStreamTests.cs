using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Voice;

namespace BeMore.Tests.Live;

/// <summary>A recording streamed through UploadAudio arrives whole and becomes the session's voice activity.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AudioStreamTests(FastAudioWebFactory factory) : IClassFixture<FastAudioWebFactory>
{
    [Theory]
    [InlineData(LiveProtocol.MessagePack)]
    [InlineData(LiveProtocol.Json)]
    public async Task UploadAudio_ThreeSentences_ArrivesWholeAndYieldsThreeUtterances(LiveProtocol protocol)
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user, analysis: true);
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var received = await client.UploadAudioAsync(sessionId, fixture.Pcm);
        using var events = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", user.AccessToken);
        using var body = await events.ReadJsonAsync();
        using var report = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", user.AccessToken);
        using var reportBody = await report.ReadJsonAsync();

        Assert.Equal(fixture.Pcm.Length, received);
        var starts = body.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "vad_update" && e.GetProperty("data").GetProperty("speaking").GetBoolean() && e.GetProperty("data").GetProperty("utteranceMs").GetInt64() == 0)
            .Select(e => e.GetProperty("data").GetProperty("atMs").GetInt64())
            .ToList();
        Assert.Equal(fixture.Utterances.Count, starts.Distinct().Count());
        Assert.All(starts.Zip(fixture.Utterances), pair => Assert.InRange(pair.First, pair.Second.StartMs - 150, pair.Second.StartMs + 150));
        var voice = reportBody.RootElement.GetProperty("voice");
        Assert.Equal(3, voice.GetProperty("utteranceCount").GetInt32());
        // The report's metrics match the recording: utterances carry the detector's 80 ms hangover, hence the tolerance.
        Assert.InRange(voice.GetProperty("speechRatio").GetDouble(), fixture.SpeechRatio - 0.05, fixture.SpeechRatio + 0.05);
        Assert.InRange(voice.GetProperty("avgUtteranceMs").GetDouble(), fixture.Utterances.Average(u => u.DurationMs) - 150, fixture.Utterances.Average(u => u.DurationMs) + 150);
        var pauses = fixture.Utterances.Zip(fixture.Utterances.Skip(1), (a, b) => (double)(b.StartMs - a.EndMs)).ToList();
        Assert.InRange(voice.GetProperty("longestPauseMs").GetDouble(), pauses.Max() - 150, pauses.Max() + 150);
    }

    [Theory]
    [InlineData(LiveProtocol.MessagePack)]
    [InlineData(LiveProtocol.Json)]
    public async Task UploadAudio_ThreeSentences_LogsEachUtteranceOnceAndSendsTheLevelLiveOnly(LiveProtocol protocol)
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user, analysis: true);
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        await client.JoinAsync(sessionId);

        await client.UploadAudioAsync(sessionId, fixture.Pcm);
        var level = await client.ReceiveLiveAsync(m => m.GetProperty("type").GetString() == "vad_level", TimeSpan.FromSeconds(30));
        var events = await ReadEventsAsync(http, user, sessionId);

        var data = level.GetProperty("data");
        Assert.Equal(sessionId, level.GetProperty("sessionId").GetString());
        Assert.Contains(data.GetProperty("isSpeech").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.InRange(data.GetProperty("energy").GetDouble(), -120, 0);
        Assert.True(data.GetProperty("speechMs").GetInt64() >= 0);
        Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() == "vad_level");

        // Only facts are logged: a start and a stop per utterance, at most one closing state, and each utterance once,
        // right after the stop that ended it, with the prosody its voiced frames gave.
        var vad = events.Where(e => e.GetProperty("type").GetString() == "vad_update").ToList();
        Assert.InRange(vad.Count, 2 * fixture.Utterances.Count, (2 * fixture.Utterances.Count) + 1);
        var utterances = events.Select((e, i) => (Event: e, Index: i)).Where(x => x.Event.GetProperty("type").GetString() == "utterance").ToList();
        Assert.Equal(fixture.Utterances.Count, utterances.Count);
        foreach (var ((utterance, index), expected) in utterances.Zip(fixture.Utterances))
        {
            var facts = utterance.GetProperty("data");
            var (startMs, endMs) = (facts.GetProperty("startMs").GetInt64(), facts.GetProperty("endMs").GetInt64());
            Assert.InRange(startMs, expected.StartMs - 150, expected.StartMs + 150);
            Assert.InRange(endMs, expected.EndMs - 150, expected.EndMs + 150);
            Assert.Equal(endMs - startMs, facts.GetProperty("durationMs").GetInt64());
            Assert.InRange(facts.GetProperty("pitchHz").GetDouble(), 60, 400);
            Assert.InRange(facts.GetProperty("loudnessDb").GetDouble(), -60, 0);
            var stop = events[index - 1];
            Assert.Equal("vad_update", stop.GetProperty("type").GetString());
            Assert.False(stop.GetProperty("data").GetProperty("speaking").GetBoolean());
            Assert.Equal(endMs, stop.GetProperty("data").GetProperty("atMs").GetInt64());
        }
    }

    [Fact]
    public async Task UploadAudio_WithVoiceOptedOut_SendsNoLevelAndLogsNoVoiceFacts()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        using (var response = await http.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken, new
        {
            language = "en",
            theme = "system",
            notifications = true,
            analysis = new { textEmotion = true, faceEmotion = true, voice = false, distortions = true },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sessionId = await LiveSessions.CreateAsync(http, user, analysis: true);
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await client.JoinAsync(sessionId);

        await client.UploadAudioAsync(sessionId, fixture.Pcm);
        // A later event reaches the viewer after every live message the stream caused: they share the session's order.
        var seq = await LiveSessions.AppendTranscriptAsync(http, user, sessionId, "That was all for today.");
        await client.ReceiveThroughSeqAsync(seq, TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(client.Arrivals, m => m.GetProperty("type").GetString() == "vad_level");
        var types = (await ReadEventsAsync(http, user, sessionId)).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.DoesNotContain("vad_update", types);
        Assert.DoesNotContain("utterance", types);
    }

    private static async Task<List<JsonElement>> ReadEventsAsync(HttpClient http, SignedInUser user, string sessionId)
    {
        using var response = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        return body.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
