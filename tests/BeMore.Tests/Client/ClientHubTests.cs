using System.Threading.Channels;
using BeMore.Client;
using BeMore.Tests.E2E;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Client;

/// <summary>Every hub method and both push channels, typed, through the client library, in both protocols.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientHubTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Longer than the client's first, immediate reconnection attempt; shorter than its second retry delay (2 s).</summary>
    private static readonly TimeSpan NetworkCut = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task EveryHubMethod_AndBothPushChannels_ArriveTyped(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("hub", new SessionConsent(true, true));
        await using var live = await SessionConnection.ConnectAsync(api, protocol);
        var face = new LandmarkFrame(0, Enumerable.Range(0, 468).Select(i => new[] { i / 468.0, 0.5, 0.0 }).ToArray());

        var joined = await live.JoinAsync(session.Id);
        await live.SendVadAsync(session.Id, [new VadFrame(0, true, 0.4, 20), new VadFrame(20, false, 0.05, 20)]);
        await live.SendLandmarksAsync(session.Id, [face, face with { TsMs = 33 }]);
        var segment = await live.SendTranscriptAsync(session.Id, new TranscriptSegment("h-1", "I talked with my brother", 0, 1200, "en"));
        var replyId = await live.AskCounselorAsync(session.Id, new CounselorMessage("h-2", "What could I do next?", "en"));
        var reply = (await UntilAsync(live, e => e.Payload is CounselorReplyData r && r.ReplyId == replyId)).Payload;
        await live.CancelReplyAsync(session.Id, replyId);
        var deltas = Drain(live.Live).Select(m => m.Payload).OfType<CounselorReplyDeltaData>().Where(d => d.ReplyId == replyId).ToList();
        var paused = await live.PauseAsync(session.Id);
        var resumed = await live.ResumeAsync(session.Id);
        var ended = await live.EndAsync(session.Id);
        var ending = await UntilAsync(live, e => e.Payload is SessionEndedData);
        await live.LeaveAsync(session.Id);
        var events = await api.GetEventsAsync(session.Id).ToListAsync();

        Assert.Equal("active", joined.Status);
        Assert.Equal(("I talked with my brother", "client"), (((TranscriptSegmentData)segment.Payload).Text, ((TranscriptSegmentData)segment.Payload).Source));
        var stored = Assert.IsType<CounselorReplyData>(reply);
        Assert.Equal(stored.Text, string.Concat(deltas.Select(d => d.Text)));
        Assert.Equal(("paused", "active", "ended"), (paused.Status, resumed.Status, ended.Status));
        Assert.Equal(2, ((SessionEndedData)ending.Payload).SegmentCount); // the typed line and the message to the counselor
        Assert.Equal(
            ["created", "paused", "active", "ended"],
            events.Select(e => e.Payload).OfType<StatusChangedData>().Select(s => s.From is null ? "created" : s.To));
        Assert.Contains(events, e => e.Payload is TranscriptSegmentData { Source: "chat" });
        Assert.DoesNotContain(events, e => e.Payload is UnknownEventData);
    }

    [Fact]
    public async Task AnUploadFromAChannel_IsAcknowledgedWithItsByteCount()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("audio", new SessionConsent(true, true));
        await using var live = await SessionConnection.ConnectAsync(api, LiveProtocol.MessagePack);
        var microphone = Channel.CreateUnbounded<byte[]>();

        var upload = live.UploadAudioAsync(session.Id, microphone.Reader);
        for (var i = 0; i < 4; i++)
        {
            await microphone.Writer.WriteAsync(new byte[8000]);
        }

        microphone.Writer.Complete();

        Assert.Equal(32_000, await upload.WaitAsync(Wait));
    }

    [Fact]
    public async Task AfterTheNetworkDrops_ItReconnectsAndJoinsAgain_CatchingUpWithoutRepeats()
    {
        await using var proxy = new NetworkCutProxy(factory.ServerAddress);
        using var throughProxy = new HttpClient { BaseAddress = proxy.Address };
        using var direct = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(throughProxy);
        var session = await api.CreateSessionAsync("drop", new SessionConsent(false, true));
        var elsewhere = new BeMoreApi(direct) { AccessToken = api.AccessToken };
        await using var live = await SessionConnection.ConnectAsync(api);
        var reconnected = Reconnected(live);
        await live.JoinAsync(session.Id);

        // Written while the network is cut (the proxy refuses the client's first attempt to come back), so it arrives
        // through the join that follows the reconnect.
        var cut = proxy.CutAsync(NetworkCut);
        await elsewhere.AppendTranscriptAsync(session.Id, new TranscriptSegment("gap", "said while away", 0, 10, "en"));
        await cut;
        await reconnected.WaitAsync(TimeSpan.FromSeconds(60));
        var caughtUp = await UntilAsync(live, e => e.Payload is TranscriptSegmentData);
        var after = await elsewhere.AppendTranscriptAsync(session.Id, new TranscriptSegment("after", "said once back", 0, 10, "en"));
        var next = await UntilAsync(live, _ => true);

        Assert.Equal("said while away", ((TranscriptSegmentData)caughtUp.Payload).Text);
        Assert.Equal(after.Seq, next.Seq);
    }

    [Fact]
    public async Task AfterTheNetworkDrops_SessionsErasedMeanwhileAreLetGo_AndTheOthersAreJoinedAgain()
    {
        await using var proxy = new NetworkCutProxy(factory.ServerAddress);
        using var throughProxy = new HttpClient { BaseAddress = proxy.Address };
        using var direct = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(throughProxy);
        var kept = await api.CreateSessionAsync("kept", new SessionConsent(false, true));
        var erased = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            erased.Add((await api.CreateSessionAsync($"erased {i}", new SessionConsent(false, true))).Id);
        }

        var elsewhere = new BeMoreApi(direct) { AccessToken = api.AccessToken };
        await using var live = await SessionConnection.ConnectAsync(api);
        var reconnected = Reconnected(live);
        foreach (var sessionId in erased.Prepend(kept.Id))
        {
            await live.JoinAsync(sessionId);
        }

        var cut = proxy.CutAsync(NetworkCut);
        foreach (var sessionId in erased)
        {
            await elsewhere.DeleteSessionAsync(sessionId);
        }

        await cut;
        await reconnected.WaitAsync(TimeSpan.FromSeconds(60));
        var after = await elsewhere.AppendTranscriptAsync(kept.Id, new TranscriptSegment("after", "still followed", 0, 10, "en"));
        var arrived = await UntilAsync(live, e => e.Payload is TranscriptSegmentData);

        Assert.Equal((kept.Id, after.Seq), (arrived.SessionId, arrived.Seq));
    }

    [Fact]
    public async Task ACancelledCall_EndsAsCancelled_AndTheConnectionStaysUsable()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("cancel", new SessionConsent(false, true));
        await using var live = await SessionConnection.ConnectAsync(api);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetSessionAsync(session.Id, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.JoinAsync(session.Id, cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await api.GetEventsAsync(session.Id, cancellationToken: cancelled.Token).ToListAsync());
        var joined = await live.JoinAsync(session.Id);

        Assert.Equal("active", joined.Status);
    }

    private static Task Reconnected(SessionConnection live)
    {
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Hub.Reconnected += _ =>
        {
            reconnected.TrySetResult();
            return Task.CompletedTask;
        };
        return reconnected.Task;
    }

    internal static async Task<SessionEvent> UntilAsync(SessionConnection live, Func<SessionEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await foreach (var sessionEvent in live.Events.ReadAllAsync(timeout.Token))
        {
            if (match(sessionEvent))
            {
                return sessionEvent;
            }
        }

        throw new InvalidOperationException("The connection closed before the event arrived.");
    }

    private static List<SessionLiveMessage> Drain(ChannelReader<SessionLiveMessage> live)
    {
        var messages = new List<SessionLiveMessage>();
        while (live.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }
}
