using BeMore.Tests.Infrastructure;
using BeMore.Tests.Voice;

namespace BeMore.Tests.Live;

/// <summary>A recording streamed through UploadAudio arrives whole and becomes the session's voice activity.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AudioStreamTests(FastAudioWebFactory factory) : IClassFixture<FastAudioWebFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task UploadAudio_ThreeSentences_ArrivesWholeAndYieldsThreeUtterances(HubProtocol protocol)
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
}
