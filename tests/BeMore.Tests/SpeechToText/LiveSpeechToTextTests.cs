using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using BeMore.Tests.Voice;

namespace BeMore.Tests.SpeechToText;

/// <summary>Audio streamed through the hub is cut into utterances that come back as "stt" transcript segments.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class LiveSpeechToTextTests(SpeechToTextWebFactory factory) : IClassFixture<SpeechToTextWebFactory>
{
    private const long BoundaryToleranceMs = 150;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StreamedSentences_BecomeThreeSttSegmentsInOrder_AndEndLeavesNoAudio()
    {
        factory.Transcriber.Behaviour = FakeBehaviour.Numbered;
        var (http, user, sessionId, client) = await JoinNewSessionAsync();
        await using var _ = client;
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);

        await StreamAsync(client, sessionId, fixture.Pcm);
        var segments = (await client.ReceiveUntilAsync(events => events.Count(IsSttSegment) >= 3, EventTimeout)).Where(IsSttSegment).ToList();
        using var ended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", user.AccessToken);

        Assert.Equal(3, segments.Count);
        Assert.Equal(segments.OrderBy(LiveClient.SeqOf), segments);
        foreach (var (segment, expected) in segments.Zip(fixture.Utterances))
        {
            var data = segment.GetProperty("data");
            Assert.Equal("stt", data.GetProperty("source").GetString());
            Assert.StartsWith("utterance ", data.GetProperty("text").GetString());
            Assert.InRange(data.GetProperty("startMs").GetInt64(), expected.StartMs - BoundaryToleranceMs, expected.StartMs + BoundaryToleranceMs);
            Assert.InRange(data.GetProperty("endMs").GetInt64(), expected.EndMs - BoundaryToleranceMs, expected.EndMs + BoundaryToleranceMs);
        }

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var sessionFolder = Path.Combine(factory.TempDirectory, sessionId);
        Assert.True(!Directory.Exists(sessionFolder) || !Directory.EnumerateFileSystemEntries(sessionFolder).Any(), "utterance audio left after End");
    }

    [Fact]
    public async Task FailingProvider_RecordsSttFailedIssues_AndTheSessionStaysUsable()
    {
        var (http, user, sessionId, client) = await JoinNewSessionAsync();
        await using var _ = client;
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        factory.Transcriber.Behaviour = FakeBehaviour.Fail;
        List<JsonElement> issues;
        try
        {
            await StreamAsync(client, sessionId, fixture.Pcm);
            issues = (await client.ReceiveUntilAsync(events => events.Count(IsSttFailure) >= 3, EventTimeout)).Where(IsSttFailure).ToList();
        }
        finally
        {
            factory.Transcriber.Behaviour = FakeBehaviour.Numbered;
        }

        using var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            new { clientSegmentId = "after-failure", text = "Still here.", startMs = 12000, endMs = 12500, language = "en" });
        using var snapshot = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", user.AccessToken);
        using var snapshotBody = await snapshot.ReadJsonAsync();

        Assert.Equal(3, issues.Count);
        Assert.All(issues, issue => Assert.True(issue.GetProperty("data").TryGetProperty("startMs", out var start) && start.GetInt64() > 0));
        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        Assert.Equal("active", snapshotBody.RootElement.GetProperty("status").GetString());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(factory.TempDirectory, sessionId)));
    }

    private static bool IsSttSegment(JsonElement e) =>
        e.GetProperty("type").GetString() == "transcript_segment" && e.GetProperty("data").GetProperty("source").GetString() == "stt";

    private static bool IsSttFailure(JsonElement e) =>
        e.GetProperty("type").GetString() == "processing_issue" && e.GetProperty("data").GetProperty("kind").GetString() == "stt_failed";

    private async Task<(HttpClient Http, SignedInUser User, string SessionId, LiveClient Client)> JoinNewSessionAsync()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user, analysis: true);
        var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, LiveProtocol.MessagePack);
        await client.JoinAsync(sessionId);
        return (http, user, sessionId, client);
    }

    private static async Task StreamAsync(LiveClient client, string sessionId, byte[] pcm) =>
        Assert.Equal(pcm.Length, await client.UploadAudioAsync(sessionId, pcm));
}
