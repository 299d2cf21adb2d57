using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Live;

/// <summary>One flooding connection is refused and then closed; a well-behaved one beside it keeps every event.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubFloodTests(TightHubWebFactory factory) : IClassFixture<TightHubWebFactory>
{
    [Fact]
    public async Task FloodingConnection_IsRateLimitedThenClosed_WhileAWellBehavedOneKeepsReceiving()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await using var calm = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await calm.JoinAsync(sessionId);
        await using var flooder = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flooder.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var refusals = 0;
        var calls = 0;
        while (!closed.Task.IsCompleted && calls < 200)
        {
            calls++;
            try
            {
                await flooder.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
                    new { clientSegmentId = $"flood-{calls}", text = "spam", startMs = 0, endMs = 1, language = "en" });
            }
            catch (HubException error) when (LiveClient.CodeOf(error) == "RATE_LIMITED")
            {
                refusals++;
            }
            catch (Exception) when (closed.Task.IsCompleted || flooder.Connection.State != HubConnectionState.Connected)
            {
                break;
            }
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        using var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            new { clientSegmentId = "after-flood", text = "still heard", startMs = 0, endMs = 1, language = "en" });
        using var appendedBody = await appended.ReadJsonAsync();
        var lastSeq = appendedBody.RootElement.GetProperty("seq").GetInt64();
        var atCalm = await calm.ReceiveThroughSeqAsync(lastSeq, TimeSpan.FromSeconds(15));

        Assert.True(refusals >= TightHubWebFactory.RejectionsBeforeClose - 1, $"{refusals} refusals in {calls} calls");
        Assert.Equal(Enumerable.Range(2, (int)lastSeq - 1).Select(i => (long)i), atCalm.Select(LiveClient.SeqOf));
        Assert.Equal(HubConnectionState.Connected, calm.Connection.State);
    }

    [Fact]
    public async Task Connections_BeyondTheUsersLimit_AreClosedAndAFreedSlotCanBeReused()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var first = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await using var second = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await first.Connection.InvokeAsync<Dictionary<string, object?>>("JoinSession", await LiveSessions.CreateAsync(http, user), 0L);

        var refusal = await RefusalOfAnExtraConnectionAsync(user);
        var refused = await TryConnectAndStayAsync(user);
        await first.DisposeAsync();
        // The server frees the slot when it has processed the disconnect, which the client's dispose does not wait for.
        var admitted = false;
        for (var attempt = 0; attempt < 20 && !admitted; attempt++)
        {
            admitted = await TryConnectAndStayAsync(user);
        }

        Assert.Equal("TOO_MANY_CONNECTIONS", LiveClient.CodeOf(refusal));
        Assert.False(refused);
        Assert.True(admitted);
    }

    [Fact]
    public async Task Join_PastTheMissedLimit_AnswersThatLimitWithHasMore_AndRestPagesTheRest()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        for (var i = 0; i < TightHubWebFactory.JoinMissedLimit + 2; i++)
        {
            await LiveSessions.AppendTranscriptAsync(http, user, sessionId, $"line {i}");
        }

        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        var joined = await client.JoinAsync(sessionId);
        var missed = joined.GetProperty("missed").EnumerateArray().Select(LiveClient.SeqOf).ToList();
        using var rest = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?after={missed[^1]}", user.AccessToken);
        using var page = await rest.ReadJsonAsync();

        Assert.True(joined.GetProperty("hasMore").GetBoolean());
        Assert.Equal(Enumerable.Range(1, TightHubWebFactory.JoinMissedLimit).Select(i => (long)i), missed);
        Assert.Equal(joined.GetProperty("snapshot").GetProperty("lastSeq").GetInt64(), LiveClient.SeqOf(page.RootElement.EnumerateArray().Last()));
    }

    /// <summary>The error an extra connection of <paramref name="user"/> is closed with (during or after the handshake).</summary>
    private async Task<Exception> RefusalOfAnExtraConnectionAsync(SignedInUser user)
    {
        LiveClient client;
        try
        {
            client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        }
        catch (BeMore.Client.BeMoreApiException refused)
        {
            return refused;
        }

        await using (client)
        {
            return Assert.IsType<BeMore.Client.BeMoreApiException>(await client.Closed.WaitAsync(TimeSpan.FromSeconds(15)));
        }
    }

    /// <summary>Connects and makes one call: true when the server kept the connection.</summary>
    private async Task<bool> TryConnectAndStayAsync(SignedInUser user)
    {
        try
        {
            await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
            await client.Connection.InvokeAsync("LeaveSession", "00000000000000000000000000000000");
            return true;
        }
        catch (Exception exception) when (exception is HubException or BeMore.Client.BeMoreApiException or InvalidOperationException or TaskCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }
    }
}
