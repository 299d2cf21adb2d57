using System.Text.Json;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Live;

/// <summary>The live hub over real WebSockets on Kestrel, with the .NET SignalR client, in both protocols.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SessionHubTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = factory.CreateApiClient();

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task TwoClientsOfOneUser_EventsFromEitherReachBothInSeqOrder(LiveProtocol protocol)
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        await using var first = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        await using var second = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        await first.JoinAsync(sessionId);
        await second.JoinAsync(sessionId);

        var segment = await first.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            new { clientSegmentId = "live-1", text = "hello from the first tab", startMs = 0, endMs = 900, language = "en" });
        var paused = JsonSerializer.SerializeToElement(await second.Connection.InvokeAsync<Dictionary<string, object?>>("Pause", sessionId));
        using (var rest = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/resume", user.AccessToken))
        {
        }

        var atFirst = await first.ReceiveThroughSeqAsync(4, Wait);
        var atSecond = await second.ReceiveThroughSeqAsync(4, Wait);

        Assert.Equal(2L, JsonSerializer.SerializeToElement(segment).GetProperty("seq").GetInt64());
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        foreach (var received in new[] { atFirst, atSecond })
        {
            Assert.Equal([2L, 3L, 4L], received.Select(LiveClient.SeqOf));
            Assert.Equal(["transcript_segment", "status_changed", "status_changed"], received.Select(e => e.GetProperty("type").GetString()));
            Assert.Equal("hello from the first tab", received[0].GetProperty("data").GetProperty("text").GetString());
            Assert.Equal(sessionId, received[0].GetProperty("sessionId").GetString());
        }
    }

    [Fact]
    public async Task Join_WithAfterSeq_ReturnsSnapshotAndExactlyTheMissedEvents()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        for (var i = 0; i < 4; i++)
        {
            using var appended = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
                new { clientSegmentId = $"m{i}", text = $"missed {i}", startMs = i * 10, endMs = (i * 10) + 5, language = "en" });
        }

        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        var joined = await client.JoinAsync(sessionId, afterSeq: 3);

        Assert.Equal(5, joined.GetProperty("snapshot").GetProperty("lastSeq").GetInt64());
        Assert.Equal([4L, 5L], joined.GetProperty("missed").EnumerateArray().Select(LiveClient.SeqOf));
        Assert.Equal("missed 3", joined.GetProperty("missed")[1].GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Join_AnotherUsersSession_IsRefusedWithSessionNotFound()
    {
        var owner = await _http.SignUpAsync();
        var intruder = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, owner);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, intruder.AccessToken);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(sessionId));
        var transcript = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            new { clientSegmentId = "x", text = "intrusion", startMs = 0, endMs = 1, language = "en" }));

        Assert.Equal("SESSION_NOT_FOUND", LiveClient.CodeOf(error));
        Assert.Equal("SESSION_NOT_FOUND", LiveClient.CodeOf(transcript));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Connect_WithoutAValidToken_IsRefused(string? token)
    {
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, token);
        });
    }

    [Fact]
    public async Task SendLandmarks_MalformedFrame_IsRefusedWithValidationError()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        // MessagePack, because JSON cannot even carry the NaN this test sends.
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, LiveProtocol.MessagePack);
        var shortFrame = new[] { new { tsMs = 0L, points = Enumerable.Range(0, 467).Select(_ => new[] { 0.5, 0.5, 0.0 }).ToArray() } };
        var nanFrame = new[] { new { tsMs = 0L, points = Enumerable.Range(0, 468).Select(i => new[] { i == 7 ? double.NaN : 0.5, 0.5, 0.0 }).ToArray() } };

        var tooFew = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendLandmarks", sessionId, shortFrame));
        var notFinite = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendLandmarks", sessionId, nanFrame));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(tooFew));
        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(notFinite));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task SendTranscript_OnPausedSession_IsRefusedWithInvalidSessionState()
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http);
        await live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("Pause", live.SessionId);

        var error = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", live.SessionId,
            new { clientSegmentId = "p", text = "while paused", startMs = 0, endMs = 1, language = "en" }));

        Assert.Equal("INVALID_SESSION_STATE", LiveClient.CodeOf(error));
    }

    [Fact]
    public async Task SendVad_ClientFrames_BecomeVoiceActivityEvents()
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http, analysis: true);
        await live.Client.JoinAsync(live.SessionId);
        // One second of speech between silences, in 20 ms frames.
        var frames = Enumerable.Range(0, 150)
            .Select(i => new { tsMs = i * 20L, isSpeech = i is >= 25 and < 75, energy = i is >= 25 and < 75 ? 0.3 : 0.001, durationMs = 20 })
            .ToArray();

        await live.Client.Connection.InvokeAsync("SendVad", live.SessionId, frames[..100]);
        await live.Client.Connection.InvokeAsync("SendVad", live.SessionId, frames[100..]);
        using var events = await _http.SendAsync(HttpMethod.Get, $"/api/session/{live.SessionId}/events", live.User.AccessToken);
        using var body = await events.ReadJsonAsync();

        var vad = body.RootElement.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "vad_update").ToList();
        Assert.Contains(vad, e => e.GetProperty("data").GetProperty("speaking").GetBoolean());
        Assert.Contains(vad, e => !e.GetProperty("data").GetProperty("speaking").GetBoolean() && e.GetProperty("data").GetProperty("utteranceCount").GetInt32() == 1);
    }

    [Theory]
    [InlineData("logout-all")]
    [InlineData("password")]
    public async Task OpenConnection_AfterTheSignInEnds_NextCallClosesTheConnectionAndStoresNothing(string howItEnds)
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http);
        await live.Client.JoinAsync(live.SessionId);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        using (var ended = howItEnds == "logout-all"
            ? await _http.SendAsync(HttpMethod.Post, "/api/auth/logout-all", live.User.AccessToken)
            : await _http.SendAsync(HttpMethod.Post, "/api/user/me/password", live.User.AccessToken,
                new { currentPassword = live.User.Password, newPassword = "lantern orchard quietly 47" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, ended.StatusCode);
        }

        // The server closes the connection instead of answering, so the call fails with the connection.
        await Assert.ThrowsAnyAsync<Exception>(() => live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", live.SessionId,
            new { clientSegmentId = "after-end", text = "written after the sign-in ended", startMs = 0, endMs = 900, language = "en" }));
        await closed.Task.WaitAsync(Wait);

        await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(factory.ServerAddress, live.User.AccessToken));
        var again = await _http.LogInAsync(live.User.Email, howItEnds == "logout-all" ? live.User.Password : "lantern orchard quietly 47");
        using var events = await _http.SendAsync(HttpMethod.Get, $"/api/session/{live.SessionId}/events", again.AccessToken);
        using var body = await events.ReadJsonAsync();
        Assert.DoesNotContain(body.RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "transcript_segment");
    }
}
