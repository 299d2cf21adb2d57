using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;

namespace BeMore.Tests.Llm;

/// <summary>The refinement queue is bounded: when it is full, a session falls back to its local result at once.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class RefinementQueueTests(OneSlotLlmWebFactory factory) : IClassFixture<OneSlotLlmWebFactory>
{
    private const string Distorted = "I always ruin everything I touch.";

    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task Transcript_QueueFull_InterventionGoesOutWithTheCatalogQuestionWithoutWaitingForTheLlm()
    {
        factory.Chat.Behaviour = ChatBehaviour.Hang;
        var user = await _http.SignUpAsync();
        // An ordinary sentence asks only for its emotion label: the first takes the one worker (stuck for the
        // two-minute timeout), the second the one queue slot.
        var busy = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await LiveSessions.AppendTranscriptAsync(_http, user, busy, "Anyway, see you tomorrow.");
        var stuck = await factory.Chat.NextRequestAsync(TimeSpan.FromSeconds(20));
        var queued = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await LiveSessions.AppendTranscriptAsync(_http, user, queued, "We had dinner at home.");
        var refused = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        await client.JoinAsync(refused);

        await LiveSessions.AppendTranscriptAsync(_http, user, refused, Distorted);
        // Far less than the LLM timeout: only a refused job can have fallen back this soon.
        var events = await client.ReceiveUntilAsync(received => received.Any(LlmRefinementTests.IsQuestion), TimeSpan.FromSeconds(20));

        var question = events.Single(LlmRefinementTests.IsQuestion).GetProperty("data");
        Assert.Equal(CbtIntervention.FromCatalog, question.GetProperty("source").GetString());
        Assert.Equal(RefinementKind.EmotionLabel, stuck.Kind);
        Assert.Equal([stuck], factory.Chat.Requests);
        await factory.Logs.WaitForAsync(line => line.Contains("queue full", StringComparison.Ordinal) && line.Contains(refused, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }
}
