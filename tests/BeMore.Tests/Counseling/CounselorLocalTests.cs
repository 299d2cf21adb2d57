using System.Net;
using System.Text.Json;
using BeMore.Domain.Analysis;
using BeMore.Grains.Counseling;
using BeMore.Grains.Sessions;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static BeMore.Tests.Counseling.Conversations;

namespace BeMore.Tests.Counseling;

/// <summary>The counselor without an LLM (the embedded default): local replies, the conversation's rules, the report.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class CounselorLocalTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _http = factory.CreateApiClient();

    [Theory]
    [InlineData("I always ruin everything, nothing ever works out for me.", "en")]
    [InlineData("나는 항상 모든 걸 망쳐요. 되는 일이 하나도 없어요.", "ko")]
    public async Task Ask_WithoutLlm_TheLocalReplyAsksTheCatalogQuestionForTheThoughtHeard(string text, string language)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, text, language);
        var reply = await ReplyAsync(client, replyId);

        var events = client.Arrivals.Where(e => e.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number).ToList();
        var distortion = events.First(e => e.GetProperty("type").GetString() == "distortion_detected").GetProperty("data").GetProperty("distortionType").GetString()!;
        Assert.True(DistortionTypeCodes.TryParse(distortion, out var type));
        var lang = TextLanguages.FromCode(language);
        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.True(reply.GetProperty("complete").GetBoolean());
        Assert.Contains(InterventionCatalog.Questions(type, lang), question => Text(reply).EndsWith(question, StringComparison.Ordinal));
        Assert.Equal(Text(reply), string.Concat(DeltasBeforeFinal(client, replyId).Select(Text)));
        var segment = events.Single(e => e.GetProperty("type").GetString() == "transcript_segment").GetProperty("data");
        Assert.Equal("chat", segment.GetProperty("source").GetString());
        Assert.Equal(segment.GetProperty("text").GetString(), text);
        Assert.Equal(LiveClient.SeqOf(events.Single(e => e.GetProperty("type").GetString() == "transcript_segment")), reply.GetProperty("inReplyToSeq").GetInt64());
    }

    /// <summary>
    /// The session remembers a risk alert: the next turn, though it raises none ("I honestly couldn't bear it"), is
    /// answered by coming back to safety, not by a thinking-pattern challenge.
    /// </summary>
    [Theory]
    [InlineData("I want to kill myself.", "If he leaves me I'll be completely alone forever and I couldn't bear it.", "en")]
    [InlineData("죽고 싶어요. 다 끝내고 싶어요.", "그 사람이 떠나면 저는 평생 혼자일 거예요.", "ko")]
    public async Task Ask_TurnAfterARiskAlert_TheReplyComesBackToSafety(string risk, string next, string language)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var safety = await ReplyAsync(client, await AskAsync(client, sessionId, risk, language));
        var followUp = await ReplyAsync(client, await AskAsync(client, sessionId, next, language));

        Assert.Equal("safety", safety.GetProperty("source").GetString());
        Assert.Equal("local", followUp.GetProperty("source").GetString());
        Assert.Contains(SafetyTexts.CheckIns, c => Text(followUp).EndsWith(c.In(language), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I'm not suicidal, I want to be super clear about that.", "en", "clear about that|where you stand")]
    [InlineData("스스로 해칠 생각은 없어요. 그냥 좀 지쳤어요.", "ko", "분명하게|솔직하게")]
    public async Task Ask_DenialOfRisk_TheReplyAcknowledgesIt(string text, string language, string acknowledgement)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var reply = await ReplyAsync(client, await AskAsync(client, sessionId, text, language));

        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.Matches(acknowledgement, Text(reply));
    }

    /// <summary>
    /// The session reads what a turn does from its words: a plan is recognised, a reassurance after the safety reply is
    /// believed, and the goodbye leaves the crisis line behind because the session had an alert.
    /// </summary>
    [Theory]
    [InlineData("en", "I want to kill myself.", "no no, i'm not going to do anything, don't worry. i just meant i'm really tired.",
        "maybe i could try writing the thoughts down when they show up at night.", "thanks, this helped more than i expected. see you next week!")]
    [InlineData("ko", "죽고 싶어요. 다 끝내고 싶어요.", "아 아니에요, 진짜 뭐 하려는 건 아니에요. 걱정 안 하셔도 돼요.",
        "이번 주엔 오랜만에 친구한테 먼저 연락해볼까 봐요.", "오늘 얘기하니까 좀 숨통이 트이네요. 고마워요. 다음에 또 올게요.")]
    public async Task Ask_APlanAReassuranceAndAGoodbye_AreAnsweredInKind(string language, string risk, string reassurance, string plan, string goodbye)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        await ReplyAsync(client, await AskAsync(client, sessionId, risk, language));
        var believed = Text(await ReplyAsync(client, await AskAsync(client, sessionId, reassurance, language)));
        var planned = Text(await ReplyAsync(client, await AskAsync(client, sessionId, plan, language)));
        var closing = Text(await ReplyAsync(client, await AskAsync(client, sessionId, goodbye, language)));

        Assert.Contains(LocalReplyTexts.ReassuranceAcknowledgements, a => believed.StartsWith(a.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.PlanRecognitions, r => planned.StartsWith(r.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.ClosingWithAPlan.In(language), closing, StringComparison.Ordinal);
        Assert.EndsWith(new CounselingSessionOptions().CrisisLineIn(language), closing, StringComparison.Ordinal);
    }

    /// <summary>A direct question typed in the chat is read by the session and answered: the wiring from words to reply.</summary>
    [Theory]
    [InlineData("my doctor mentioned antidepressants, should i take them?", "en")]
    [InlineData("출산하고 계속 우울한데 이게 산후 우울증일까요?", "ko")]
    public async Task Ask_AMedicalQuestion_IsSentToADoctorNotAnswered(string text, string language)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        await ReplyAsync(client, await AskAsync(client, sessionId, language == "en" ? "hi, first time here." : "안녕하세요 처음 와 봐요.", language));

        var reply = Text(await ReplyAsync(client, await AskAsync(client, sessionId, text, language)));

        Assert.Contains(LocalReplyTexts.MedicalAnswers, a => reply.StartsWith(a.In(language), StringComparison.Ordinal));
    }

    /// <summary>
    /// Someone who raised a risk alert and then simply presses End, without the goodbye that would have left the crisis
    /// line, still gets it: the session's last reply before it ends, fixed text, in reply to the segment that alerted.
    /// </summary>
    [Theory]
    [InlineData("I want to kill myself.", "Anyway, work was really busy this week.", "en")]
    [InlineData("죽고 싶어요. 다 끝내고 싶어요.", "아무튼 이번 주는 회사 일이 많았어요.", "ko")]
    public async Task End_AfterARiskAlertWithoutAGoodbye_TheLastReplyLeavesTheCrisisLine(string risk, string next, string language)
    {
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        await ReplyAsync(client, await AskAsync(client, sessionId, risk, language));
        var ordinary = await ReplyAsync(client, await AskAsync(client, sessionId, next, language));
        using (await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", user.AccessToken))
        {
        }

        var stored = await StoredEventsAsync(_http, user, sessionId);
        var types = stored.Select(e => e.GetProperty("type").GetString()).ToList();
        var recap = stored.Last(e => e.GetProperty("type").GetString() == "counselor_reply");
        var alert = stored.Single(e => e.GetProperty("type").GetString() == "risk_alert").GetProperty("data");
        var crisisLine = new CounselingSessionOptions().CrisisLineIn(language);
        Assert.DoesNotContain(crisisLine, Text(ordinary), StringComparison.Ordinal);
        Assert.Equal("safety", recap.GetProperty("data").GetProperty("source").GetString());
        Assert.Equal($"{SafetyTexts.EndingSafetyNet.In(language)} {crisisLine}", Text(recap.GetProperty("data")));
        Assert.Equal(alert.GetProperty("segmentSeq").GetInt64(), recap.GetProperty("data").GetProperty("inReplyToSeq").GetInt64());
        Assert.True(types.LastIndexOf("counselor_reply") < types.IndexOf("session_ended"));
    }

    /// <summary>A goodbye that already left the crisis line, or a session without a risk alert, ends with no reply added.</summary>
    [Theory]
    [InlineData("I want to kill myself.", "thanks, this helped more than i expected. see you next week!")]
    [InlineData("I had a rough day at work.", "My manager kept changing the deadline on me.")]
    public async Task End_AfterTheGoodbyeClosingOrWithoutRisk_AddsNoReply(string first, string last)
    {
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        await ReplyAsync(client, await AskAsync(client, sessionId, first));
        await ReplyAsync(client, await AskAsync(client, sessionId, last));
        using (await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", user.AccessToken))
        {
        }

        var stored = await StoredEventsAsync(_http, user, sessionId);
        Assert.Equal(2, stored.Count(e => e.GetProperty("type").GetString() == "counselor_reply"));
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task Ask_EitherHubProtocol_RepliesWithDeltasThenTheStoredReply(LiveProtocol protocol)
    {
        var (_, sessionId, client) = await StartAsync(factory, _http, protocol: protocol);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "My manager moved our meeting to Friday.");
        var reply = await ReplyAsync(client, replyId);

        var deltas = DeltasBeforeFinal(client, replyId);
        Assert.NotEmpty(deltas);
        Assert.Equal(Text(reply), string.Concat(deltas.Select(Text)));
        Assert.All(client.Arrivals.Where(m => IsDelta(m, replyId)), m => Assert.Equal(sessionId, m.GetProperty("sessionId").GetString()));
        Assert.All(client.Arrivals.Where(m => IsDelta(m, replyId)), m => Assert.False(m.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number));
    }

    [Fact]
    public async Task Ask_SameClientMessageIdTwice_OneMessageOneReplySameReplyId()
    {
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var first = await AskAsync(client, sessionId, "I had a rough day at work.", clientMessageId: "same-1");
        var second = await AskAsync(client, sessionId, "I had a rough day at work.", clientMessageId: "same-1");
        await ReplyAsync(client, first);
        var marker = await AskAsync(client, sessionId, "Thanks for listening.");
        await ReplyAsync(client, marker);

        Assert.Equal(first, second);
        var all = await StoredEventsAsync(_http, user, sessionId);
        Assert.Equal(2, all.Count(e => e.GetProperty("type").GetString() == "transcript_segment"));
        Assert.Single(all, e => IsReply(e, first));
    }

    [Fact]
    public async Task Ask_InASessionWithoutAnalysisConsent_StillConversesWithoutAnalysing()
    {
        var (user, sessionId, client) = await StartAsync(factory, _http, analysis: false);
        await using var _ = client;

        var replyId = await AskAsync(client, sessionId, "I always ruin everything, nothing ever works out for me.");
        var reply = await ReplyAsync(client, replyId);

        Assert.Equal("local", reply.GetProperty("source").GetString());
        Assert.EndsWith("?", Text(reply), StringComparison.Ordinal);
        var stored = await StoredEventsAsync(_http, user, sessionId);
        Assert.DoesNotContain(stored, e => e.GetProperty("type").GetString() is "distortion_detected" or "emotion_update" or "cbt_intervention");
    }

    [Fact]
    public async Task Ask_WhenTheCounselorIsOff_IsRefusedAsInvalidSessionState()
    {
        var (_, sessionId, client) = await StartAsync(factory, _http, mode: "off");
        await using var _ = client;

        var error = await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, "Hello?"));

        Assert.Equal("INVALID_SESSION_STATE", LiveClient.CodeOf(error));
    }

    [Fact]
    public async Task Ask_BlankOrControlCharacterText_IsAValidationError()
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;

        var blank = await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, "   "));
        var control = await Assert.ThrowsAsync<HubException>(() => AskAsync(client, sessionId, "hi\u202Ethere"));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(blank));
        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(control));
    }

    [Fact]
    public async Task Ask_AnotherUsersSession_IsNotFound()
    {
        var (_, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        var stranger = await _http.SignUpAsync();
        await using var strangerClient = await LiveClient.ConnectAsync(factory.ServerAddress, stranger.AccessToken);

        var asked = await Assert.ThrowsAsync<HubException>(() => AskAsync(strangerClient, sessionId, "Hello?"));
        var cancelled = await Assert.ThrowsAsync<HubException>(() => strangerClient.Connection.InvokeAsync("CancelReply", sessionId, "r2"));

        Assert.Equal("SESSION_NOT_FOUND", LiveClient.CodeOf(asked));
        Assert.Equal("SESSION_NOT_FOUND", LiveClient.CodeOf(cancelled));
    }

    [Fact]
    public async Task Report_CarriesTheConversationInOrder_AndTheCsvHasAConversationKind()
    {
        var (user, sessionId, client) = await StartAsync(factory, _http);
        await using var _ = client;
        var firstReply = await AskAsync(client, sessionId, "I had a rough day at work.");
        await ReplyAsync(client, firstReply);
        var secondReply = await AskAsync(client, sessionId, "요즘 잠을 잘 못 자요.", "ko");
        await ReplyAsync(client, secondReply);
        using (await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", user.AccessToken))
        {
        }

        using var report = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", user.AccessToken);
        using var reportJson = await report.ReadJsonAsync();
        using var csv = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report.csv?kind=conversation", user.AccessToken);
        var csvLines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var pdf = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report.pdf", user.AccessToken);

        var conversation = reportJson.RootElement.GetProperty("conversation").EnumerateArray().ToList();
        Assert.Equal(["user", "counselor", "user", "counselor"], conversation.Select(l => l.GetProperty("role").GetString()));
        Assert.Equal("I had a rough day at work.", conversation[0].GetProperty("text").GetString());
        Assert.Equal(firstReply, conversation[1].GetProperty("replyId").GetString());
        Assert.Equal(secondReply, conversation[3].GetProperty("replyId").GetString());
        Assert.True(conversation.Select(l => l.GetProperty("seq").GetInt64()).SequenceEqual(conversation.Select(l => l.GetProperty("seq").GetInt64()).Order()));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("\"seq\",\"at\",\"role\",\"source\",\"replyId\",\"inReplyToSeq\",\"complete\",\"cancelled\",\"text\"", csvLines[0], StringComparison.Ordinal);
        Assert.Equal(5, csvLines.Length);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }
}
