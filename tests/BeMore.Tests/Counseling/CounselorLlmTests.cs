using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.FakeLlm;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using BeMore.Tests.Llm;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static BeMore.Tests.Counseling.Conversations;

namespace BeMore.Tests.Counseling;

/// <summary>
/// The counselor with an LLM: the server's real OpenAI client streams from a loopback server speaking the
/// chat-completions protocol, and the reply reaches a real SignalR client (and REST) piece by piece. Tests in this class
/// run one after another, each setting the fake's behaviour first.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class CounselorLlmTests(CounselorWebFactory factory) : IClassFixture<CounselorWebFactory>
{
    private readonly HttpClient _http = factory.CreateApiClient();

    private FakeChatServer Chat => factory.Chat;

    [Fact]
    public async Task Ask_LlmStreams_DeltasArriveInOrderBeforeTheFinalEventAndMakeUpItsText()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "I failed the exam and I feel awful about it.");
        var reply = await ReplyAsync(client, replyId);

        var deltas = DeltasBeforeFinal(client, replyId);
        Assert.Equal(Enumerable.Range(0, deltas.Count), deltas.Select(d => d.GetProperty("index").GetInt32()));
        Assert.True(deltas.Count >= 2, "one delta per sentence");
        Assert.Equal(Text(reply), string.Concat(deltas.Select(Text)));
        Assert.Equal("That sounds really hard. What went through your mind when it happened?", Text(reply));
        Assert.Equal("llm", reply.GetProperty("source").GetString());
        Assert.True(reply.GetProperty("complete").GetBoolean());
        Assert.False(reply.GetProperty("cancelled").GetBoolean());
        Assert.Contains(Chat.Requests, r => r.IsCounselor && r.AllText.Contains("I failed the exam", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("I failed the exam", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_TheLlmIsAskedWhileTheMessageCommits_AndNothingShowsBeforeTheMessageIsStored()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        var commit = factory.EventLog.HoldNextAppend(sessionId);

        var asking = AskAsync(client, sessionId, "I keep replaying the meeting in my head.");
        await NextCounselorRequestAsync("replaying the meeting");
        await NoDeltaWhileHeldAsync(client);
        var whileHeld = client.Arrivals.ToList();
        commit.SetResult();
        var replyId = await asking;
        var reply = await ReplyAsync(client, replyId);

        Assert.DoesNotContain(whileHeld, e => e.GetProperty("type").GetString() is "transcript_segment" or "counselor_reply_delta");
        var arrivals = client.Arrivals.ToList();
        var segment = arrivals.FindIndex(e => e.GetProperty("type").GetString() == "transcript_segment");
        var firstDelta = arrivals.FindIndex(e => IsDelta(e, replyId));
        Assert.InRange(segment, 0, firstDelta - 1);
        Assert.Equal(Text(reply), string.Concat(DeltasBeforeFinal(client, replyId).Select(Text)));
        Assert.Equal("llm", reply.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Ask_MessageFailsToCommit_ItsReplyIsNeitherShownNorStoredAndTheSameViewerHearsTheRetry()
    {
        Chat.Reset();
        Chat.CounselorChunks = ["Words for a message ", "that was never stored."];
        const string said = "My landlord ignored my email again.";
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        var commit = factory.EventLog.HoldNextAppend(sessionId);

        var asking = AskAsync(client, sessionId, said, clientMessageId: "commit-fails");
        await NextCounselorRequestAsync("landlord ignored");
        await NoDeltaWhileHeldAsync(client);
        Chat.CounselorChunks = FakeChatServer.DefaultCounselorChunks;
        commit.SetException(new TimeoutException("The database did not answer."));
        await Assert.ThrowsAsync<HubException>(() => asking);
        // The failed commit took the session's activation with it; the viewer keeps hearing the next one.
        var after = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "Anyway, the heating works now.");
        await client.ReceiveThroughSeqAsync(after, Wait);
        var replyId = await AskAsync(client, sessionId, said, clientMessageId: "commit-fails");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal(string.Concat(FakeChatServer.DefaultCounselorChunks), Text(reply));
        Assert.Equal(Text(reply), string.Concat(DeltasBeforeFinal(client, replyId).Select(Text)));
        Assert.DoesNotContain(client.Arrivals, e => e.ToString().Contains("never stored", StringComparison.Ordinal));
        var stored = await StoredEventsAsync(_http, user, sessionId);
        Assert.Equal(2, stored.Count(e => e.GetProperty("type").GetString() == "transcript_segment"));
        Assert.Single(stored, e => e.GetProperty("type").GetString() == "counselor_reply");
        Assert.DoesNotContain(stored, e => e.ToString().Contains("never stored", StringComparison.Ordinal));
        Assert.Equal(2, Chat.Requests.Count(r => r.IsCounselor && r.User.Contains("landlord ignored", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ask_CommitWhoseAcknowledgementIsLost_TheViewerReceivesTheStoredMessageAndTheRetryIsAnswered()
    {
        Chat.Reset();
        const string said = "The train was cancelled twice this week.";
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        factory.EventLog.LoseAcknowledgementOfNextAppend(sessionId);

        await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, said, clientMessageId: "ack-lost"));
        // Stored, but never pushed by the activation that went away: the relay reads it when it subscribes to the next one.
        var pushed = await client.ReceiveUntilAsync(received => received.Any(e => e.GetProperty("type").GetString() == "transcript_segment"), Wait);
        var replyId = await AskAsync(client, sessionId, said, clientMessageId: "ack-lost");
        var reply = await ReplyAsync(client, replyId);

        var segment = pushed.Single(e => e.GetProperty("type").GetString() == "transcript_segment");
        Assert.Equal("chat", segment.GetProperty("data").GetProperty("source").GetString());
        Assert.Equal($"r{LiveClient.SeqOf(segment)}", replyId);
        Assert.Equal(string.Concat(FakeChatServer.DefaultCounselorChunks), Text(reply));
        var stored = await StoredEventsAsync(_http, user, sessionId);
        Assert.Single(stored, e => e.GetProperty("type").GetString() == "transcript_segment");
        Assert.Single(stored, e => e.GetProperty("type").GetString() == "counselor_reply");
    }

    [Fact]
    public async Task Ask_RetryOfAStoredUnansweredMessageAfterPause_IsRefusedNotLeftWaiting()
    {
        Chat.Reset();
        const string said = "I forgot my sister's birthday.";
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        factory.EventLog.LoseAcknowledgementOfNextAppend(sessionId);
        await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, said, clientMessageId: "ack-lost-paused"));
        using var paused = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/pause", user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        var retried = await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, said, clientMessageId: "ack-lost-paused"));

        Assert.Equal("INVALID_SESSION_STATE", LiveClient.CodeOf(retried));
    }

    [Fact]
    public async Task Ask_KoreanRiskTurn_GivesTheSafetyReplyEvenThoughTheLlmWouldAnswer()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "요즘 너무 힘들어서 죽고 싶다는 생각이 들어요.", "ko");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("safety", reply.GetProperty("source").GetString());
        Assert.Contains("109", Text(reply), StringComparison.Ordinal);
        Assert.Contains("목숨을 끊는 것까지", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(Chat.Requests, r => r.IsCounselor && r.AllText.Contains("죽고 싶다", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_TurnAfterARiskAlert_TheLlmIsAskedToCheckOnSafetyFirst_Once()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        await ReplyAsync(client, await AskAsync(client, sessionId, "I want to kill myself."));
        const string next = "The dentist moved my appointment to Thursday.";
        var reply = await ReplyAsync(client, await AskAsync(client, sessionId, next));

        const string after = "We also picked a new paint colour for the hallway.";
        await ReplyAsync(client, await AskAsync(client, sessionId, after));

        Assert.Equal("llm", reply.GetProperty("source").GetString());
        var request = Assert.Single(Chat.Requests, r => r.IsCounselor && r.User == next);
        Assert.Contains("whether they are safe", request.AllText, StringComparison.Ordinal);
        // Once per alert, as the local reply: the turn after the check-in is a conversation again.
        var later = Assert.Single(Chat.Requests, r => r.IsCounselor && r.User == after);
        Assert.DoesNotContain("whether they are safe", later.AllText, StringComparison.Ordinal);
    }

    /// <summary>
    /// A goodbye after a risk alert is answered with the fixed closing that leaves the crisis line, not by the model; an
    /// ordinary goodbye still goes to the model, told the person is leaving.
    /// </summary>
    [Fact]
    public async Task Ask_GoodbyeAfterARiskAlert_GetsTheFixedClosingWithTheCrisisLine_NotTheLlm()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        const string goodbye = "thanks, this really helped. see you next week!";

        await ReplyAsync(client, await AskAsync(client, sessionId, "I want to kill myself."));
        var reply = await ReplyAsync(client, await AskAsync(client, sessionId, goodbye));
        var (_, calmSessionId, calmClient) = await StartAsync(factory, _http);
        await using var __ = calmClient;
        var calm = await ReplyAsync(calmClient, await AskAsync(calmClient, calmSessionId, goodbye));

        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.Contains("988", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(Chat.Requests, r => r.IsCounselor && r.User == goodbye && r.AllText.Contains("kill", StringComparison.Ordinal));
        Assert.Equal("llm", calm.GetProperty("source").GetString());
        Assert.Contains(Chat.Requests, r => r.IsCounselor && r.User == goodbye && r.AllText.Contains("ending the conversation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_LlmWritesSelfHarmInstructions_TheyAreNeverShownAndTheSafetyReplyIsStored()
    {
        Chat.Reset();
        Chat.CounselorChunks = ["You could take ", "all of your sleeping pills tonight. ", "Then it would stop."];
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "I can't sleep and everything feels pointless lately.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("safety", reply.GetProperty("source").GetString());
        Assert.DoesNotContain("pills", Text(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DeltasBeforeFinal(client, replyId), d => Text(d).Contains("pills", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ask_LlmSilentPastTheFirstTokenTimeout_GivesTheLocalReply()
    {
        Chat.Reset();
        Chat.FirstChunkDelay = Timeout.InfiniteTimeSpan;
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "My boss criticised my report today.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.True(reply.GetProperty("complete").GetBoolean());
        Assert.EndsWith("?", Text(reply), StringComparison.Ordinal);
        Assert.Equal(Text(reply), string.Concat(DeltasBeforeFinal(client, replyId).Select(Text)));
    }

    [Fact]
    public async Task Ask_ConnectionDropsMidStream_WhatWasSaidIsStoredAsIncomplete()
    {
        Chat.Reset();
        Chat.CounselorChunks = ["That sounds really hard. ", "What went ", "through your mind?"];
        Chat.Fault = StreamFault.DropConnection;
        Chat.FaultAfterChunks = 2;
        // Paced, so the first sentence reaches the client before the connection drops.
        Chat.ChunkDelay = TimeSpan.FromMilliseconds(500);
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "Nothing I do at work is ever good enough.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("That sounds really hard.", Text(reply));
        Assert.Equal("llm", reply.GetProperty("source").GetString());
        Assert.False(reply.GetProperty("complete").GetBoolean());
        Assert.False(reply.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Ask_MalformedChunkBeforeAnyWords_GivesTheLocalReply()
    {
        Chat.Reset();
        Chat.Fault = StreamFault.Malformed;
        Chat.FaultAfterChunks = 0;
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "My manager moved our meeting to Friday.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.True(reply.GetProperty("complete").GetBoolean());
    }

    [Theory]
    [InlineData("CancelReply")]
    [InlineData("End")]
    [InlineData("Pause")]
    public async Task StoppedMidStream_TheReplyIsStoredWithWhatWasSaidAndCompleteFalse(string stop)
    {
        Chat.Reset();
        Chat.CounselorChunks = [.. Enumerable.Range(1, 40).Select(i => $"Sentence {i} of a long reply. ")];
        Chat.ChunkDelay = TimeSpan.FromMilliseconds(250);
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "I had a rough day at work.");
        await client.ReceiveLiveAsync(message => IsDelta(message, replyId), Wait);
        await (stop == "CancelReply"
            ? client.Connection.InvokeAsync(stop, sessionId, replyId)
            : client.Connection.InvokeAsync<Dictionary<string, object?>>(stop, sessionId));
        var reply = await ReplyAsync(client, replyId);

        Assert.False(reply.GetProperty("complete").GetBoolean(), reply.ToString());
        Assert.True(reply.GetProperty("cancelled").GetBoolean());
        Assert.StartsWith("Sentence 1 of a long reply.", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("Sentence 40", Text(reply), StringComparison.Ordinal);
        Assert.Equal(Text(reply), string.Concat(DeltasBeforeFinal(client, replyId).Select(Text)));
    }

    [Fact]
    public async Task LastViewerDisconnectsMidStream_TheReplyStopsAndIsStoredAsCancelled()
    {
        Chat.Reset();
        Chat.CounselorChunks = [.. Enumerable.Range(1, 40).Select(i => $"Sentence {i} of a long reply. ")];
        Chat.ChunkDelay = TimeSpan.FromMilliseconds(250);
        var (user, sessionId, client) = await StartAsync(factory, _http);

        var replyId = await AskAsync(client, sessionId, "I had a rough day at work.");
        await client.ReceiveLiveAsync(message => IsDelta(message, replyId), Wait);
        await client.DisposeAsync();
        await using var later = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        var joined = await later.JoinAsync(sessionId);
        // Stored before the second viewer joined (then among what it missed), or pushed to it afterwards.
        var missed = joined.GetProperty("missed").EnumerateArray().Where(e => IsReply(e, replyId)).Select(e => e.GetProperty("data")).ToList();
        var reply = missed.Count > 0 ? missed[0] : await ReplyAsync(later, replyId);

        Assert.True(reply.GetProperty("cancelled").GetBoolean());
        Assert.False(reply.GetProperty("complete").GetBoolean());
        Assert.DoesNotContain("Sentence 40", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionThatKeepsNoTranscript_MayConverseButNoneOfItsWordsReachTheLlm()
    {
        Chat.Reset();
        var (_, sessionId, client) = await StartAsync(factory, _http, storeTranscript: false);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "My secret is that I always fail everything at work.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("llm", reply.GetProperty("source").GetString());
        var asked = Chat.Requests.Where(r => r.IsCounselor).ToList();
        Assert.NotEmpty(asked);
        Assert.DoesNotContain(asked, r => r.AllText.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AutoMode_RepliesOnceTheUserIsSilent_ToTheLastTurnOnly()
    {
        Chat.Reset();
        var (user, sessionId, client) = await StartAsync(factory, _http, mode: "auto");
        await using var _ = client;

        var first = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "I had a rough day at work.");
        var second = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "My manager moved the deadline again.");
        var events = await UntilRepliesAsync(client, 1);

        var reply = events.Single(e => e.GetProperty("type").GetString() == "counselor_reply").GetProperty("data");
        Assert.Equal(second, reply.GetProperty("inReplyToSeq").GetInt64());
        Assert.True(first < second);
        Assert.Equal("llm", reply.GetProperty("source").GetString());
    }

    [Fact]
    public async Task AutoMode_UserSpeaksAgainMidReply_ThatReplyIsCancelledAndTheNewTurnAnswered()
    {
        Chat.Reset();
        Chat.CounselorChunks = [.. Enumerable.Range(1, 40).Select(i => $"Sentence {i} of a long reply. ")];
        Chat.ChunkDelay = TimeSpan.FromMilliseconds(250);
        var (user, sessionId, client) = await StartAsync(factory, _http, mode: "auto");
        await using var _ = client;

        var first = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "I had a rough day at work.");
        await client.ReceiveLiveAsync(message => message.GetProperty("type").GetString() == "counselor_reply_delta", Wait);
        Chat.Reset();
        var second = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "Sorry, one more thing about it.");
        var events = await UntilRepliesAsync(client, 2);

        var replies = events.Where(e => e.GetProperty("type").GetString() == "counselor_reply").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(first, replies[0].GetProperty("inReplyToSeq").GetInt64());
        Assert.True(replies[0].GetProperty("cancelled").GetBoolean());
        Assert.False(replies[0].GetProperty("complete").GetBoolean());
        Assert.Equal(second, replies[1].GetProperty("inReplyToSeq").GetInt64());
        Assert.True(replies[1].GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Rest_EventStream_CarriesTheDeltasThenTheFinalEvent()
    {
        Chat.Reset();
        var user = await _http.SignUpAsync();
        var sessionId = await CreateAsync(_http, user);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/session/{sessionId}/counselor")
        {
            Content = JsonContent.Create(new { clientMessageId = "rest-1", text = "I messed up the presentation.", language = "en" }),
        };
        request.Headers.Authorization = new("Bearer", user.AccessToken);
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (Type: lines[0]["event: ".Length..], Data: JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement))
            .ToList();
        Assert.Equal("counselor_reply", events[^1].Type);
        Assert.All(events[..^1], e => Assert.Equal("counselor_reply_delta", e.Type));
        var final = events[^1].Data.GetProperty("data");
        Assert.Equal(Text(final), string.Concat(events[..^1].Select(e => Text(e.Data.GetProperty("data")))));
        Assert.Equal("llm", final.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Rest_Json_AnswersTheFinalEventAndARepeatAnswersTheSameOne()
    {
        Chat.Reset();
        var user = await _http.SignUpAsync();
        var sessionId = await CreateAsync(_http, user);
        var body = new { clientMessageId = "rest-json-1", text = "Things went badly with my sister.", language = "en" };

        using var first = await PostJsonAsync(user, sessionId, body);
        using var firstJson = await first.ReadJsonAsync();
        using var repeat = await PostJsonAsync(user, sessionId, body);
        using var repeatJson = await repeat.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("counselor_reply", firstJson.RootElement.GetProperty("type").GetString());
        Assert.Equal(firstJson.RootElement.GetProperty("seq").GetInt64(), repeatJson.RootElement.GetProperty("seq").GetInt64());
        Assert.Single(Chat.Requests, r => r.IsCounselor && r.AllText.Contains("badly with my sister", StringComparison.Ordinal));
    }

    /// <summary>
    /// No reply piece reaches the viewer while the message's commit is held. The fake answers at once, so an ungated
    /// reply would show well within the window; its length is the price of asserting that something does not happen.
    /// </summary>
    private static Task NoDeltaWhileHeldAsync(LiveClient client) =>
        Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.ReceiveLiveAsync(e => e.GetProperty("type").GetString() == "counselor_reply_delta", TimeSpan.FromSeconds(1)));

    /// <summary>The counselor's request carrying <paramref name="words"/>, skipping what arrived before it.</summary>
    private async Task NextCounselorRequestAsync(string words)
    {
        ChatRequest request;
        do
        {
            request = await Chat.NextRequestAsync(Wait);
        }
        while (!(request.IsCounselor && request.User.Contains(words, StringComparison.Ordinal)));
    }

    private Task<HttpResponseMessage> PostJsonAsync(SignedInUser user, string sessionId, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/session/{sessionId}/counselor") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", user.AccessToken);
        request.Headers.Accept.ParseAdd("application/json");
        return _http.SendAsync(request);
    }
}
