using System.Net;
using System.Text.Json;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;

namespace BeMore.Tests.Llm;

/// <summary>
/// LLM refinement end to end: the real OpenAI chat client in the server talks to a loopback server speaking the
/// chat-completions protocol; answers, timeouts and errors decide what the client sees. Tests in this class run one
/// after another, so each sets the fake's behaviour for itself.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class LlmRefinementTests(LlmWebFactory factory) : IClassFixture<LlmWebFactory>
{
    private const string Distorted = "I always ruin everything I touch.";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task Transcript_LlmAnswers_QuestionComesFromTheLlmAndTheEmotionLabelIsRefined()
    {
        factory.Chat.Behaviour = ChatBehaviour.Answer;
        factory.Chat.EmotionAnswer = "calm";
        factory.Chat.QuestionAnswer = "What would you tell a friend who said they ruin everything?";
        var (user, sessionId, client) = await StartAsync();
        await using var _ = client;

        var segmentSeq = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, Distorted);
        var events = await client.ReceiveUntilAsync(
            received => received.Any(IsQuestion) && received.Any(e => TextSourceLabel(e) == "calm"), Wait);

        var question = events.Single(IsQuestion).GetProperty("data");
        Assert.Equal(factory.Chat.QuestionAnswer, question.GetProperty("text").GetString());
        Assert.Equal(CbtIntervention.FromLlm, question.GetProperty("source").GetString());
        Assert.Equal(segmentSeq, question.GetProperty("forSeq").GetInt64());
        var task = events.Single(e => Type(e) == "cbt_intervention" && e.GetProperty("data").GetProperty("kind").GetString() == "task").GetProperty("data");
        Assert.Equal(CbtIntervention.FromCatalog, task.GetProperty("source").GetString());
        var asked = factory.Chat.Requests.Where(r => r.User == Distorted).ToList();
        Assert.Contains(asked, r => r.Kind == RefinementKind.EmotionLabel);
        Assert.Contains(asked, r => r.Kind == RefinementKind.SocraticQuestion && r.System.Contains("overgeneralization", StringComparison.Ordinal));
        Assert.All(asked, r => Assert.Equal($"Bearer {LlmWebFactory.ApiKey}", r.Authorization));
        Assert.All(asked, r => Assert.Equal(LlmWebFactory.Model, r.Model));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(LlmWebFactory.ApiKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ChatBehaviour.Hang)]
    [InlineData(ChatBehaviour.Fail)]
    public async Task Transcript_LlmTimesOutOrFails_InterventionGoesOutWithTheCatalogQuestion(ChatBehaviour behaviour)
    {
        factory.Chat.Behaviour = behaviour;
        var (user, sessionId, client) = await StartAsync();
        await using var _ = client;

        await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, Distorted);
        var events = await client.ReceiveUntilAsync(received => received.Any(IsQuestion), Wait);

        var question = events.Single(IsQuestion).GetProperty("data");
        Assert.Equal(CbtIntervention.FromCatalog, question.GetProperty("source").GetString());
        Assert.False(string.IsNullOrWhiteSpace(question.GetProperty("text").GetString()));
        // The LLM was asked and its answer given up on (on a loaded machine the call can time out before the fake sees it).
        await factory.Logs.WaitForAsync(
            line => line.Contains(sessionId, StringComparison.Ordinal) && line.Contains("SocraticQuestion", StringComparison.Ordinal)
                && (line.Contains("timed out", StringComparison.Ordinal) || line.Contains("failed", StringComparison.Ordinal)),
            Wait);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(LlmWebFactory.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transcript_InASessionThatKeepsNoTranscript_IsNeverSentToTheLlm()
    {
        factory.Chat.Behaviour = ChatBehaviour.Answer;
        factory.Chat.QuestionAnswer = "A question the model should never have been asked for";
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true, storeTranscript: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await client.JoinAsync(sessionId);
        var unkept = $"{Distorted} ({Guid.NewGuid():N})";

        await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, unkept);
        var events = await client.ReceiveUntilAsync(received => received.Any(IsQuestion), Wait);

        Assert.Equal(CbtIntervention.FromCatalog, events.Single(IsQuestion).GetProperty("data").GetProperty("source").GetString());
        Assert.DoesNotContain(factory.Chat.Requests, r => r.User.Contains(unkept, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_LlmNarrative_AskedOnceStoredAsAnEventAndIdenticalInEveryReport()
    {
        factory.Chat.Behaviour = ChatBehaviour.Answer;
        factory.Chat.NarrativeAnswer = $"Narrative {Guid.NewGuid():N}: you named a harsh thought and looked at it.";
        var (user, sessionId, client) = await StartAsync();
        await using var _ = client;
        await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, Distorted);

        using (var end = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        }

        var events = await client.ReceiveUntilAsync(received => received.Any(e => Type(e) == "narrative_summary"), Wait);
        var reports = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", user.AccessToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            reports.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(events, e => Type(e) == "narrative_summary");
        Assert.Single(reports.Distinct());
        using var report = JsonDocument.Parse(reports[0]);
        var narrative = report.RootElement.GetProperty("narrative");
        Assert.Equal(factory.Chat.NarrativeAnswer, narrative.GetProperty("text").GetString());
        Assert.Equal("llm", narrative.GetProperty("source").GetString());
        var narrativeRequests = factory.Chat.Requests.Where(r => r.Kind == RefinementKind.Narrative && r.User.Contains("Cognitive distortions: overgeneralization", StringComparison.Ordinal)).ToList();
        Assert.Single(narrativeRequests);
        Assert.DoesNotContain(Distorted, narrativeRequests[0].User, StringComparison.Ordinal);
    }

    private async Task<(SignedInUser User, string SessionId, LiveClient Client)> StartAsync()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await client.JoinAsync(sessionId);
        return (user, sessionId, client);
    }

    private static string? Type(JsonElement sessionEvent) => sessionEvent.GetProperty("type").GetString();

    internal static bool IsQuestion(JsonElement sessionEvent) =>
        Type(sessionEvent) == "cbt_intervention" && sessionEvent.GetProperty("data").GetProperty("kind").GetString() == "question";

    private static string? TextSourceLabel(JsonElement sessionEvent) => Type(sessionEvent) != "emotion_update"
        ? null
        : sessionEvent.GetProperty("data").GetProperty("sources").EnumerateArray()
            .Where(s => s.GetProperty("modality").GetString() == "text").Select(s => s.GetProperty("label").GetString()).FirstOrDefault();
}
