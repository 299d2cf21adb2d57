using BeMore.Tests.Infrastructure;
using BeMore.Tests.Llm;
using Microsoft.AspNetCore.Hosting;
using static BeMore.Tests.Counseling.Conversations;

namespace BeMore.Tests.Counseling;

/// <summary>The per-user daily token budget in front of a configured LLM (the fake OpenAI-compatible server on loopback).</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class CounselorBudgetTests(CounselorBudgetTests.OneReplyBudgetFactory factory) : IClassFixture<CounselorBudgetTests.OneReplyBudgetFactory>
{
    [Fact]
    public async Task Ask_OnceTheDaysBudgetIsSpent_TheLocalReplyAnswersAndTheLlmIsNotAsked()
    {
        var http = factory.CreateApiClient();
        var (_, sessionId, client) = await StartAsync(factory, http);
        await using var _ = client;

        var first = await ReplyAsync(client, await AskAsync(client, sessionId, "I failed the exam and I feel awful about it."));
        var second = await ReplyAsync(client, await AskAsync(client, sessionId, "I went for a walk with my sister this afternoon."));

        Assert.Equal(("llm", "local"), (first.GetProperty("source").GetString(), second.GetProperty("source").GetString()));
        Assert.Single(factory.Chat.Requests, r => r.IsCounselor);
        Assert.False(string.IsNullOrWhiteSpace(Text(second)));
    }

    /// <summary>A budget of one token: the first reply spends it, whatever its size.</summary>
    public sealed class OneReplyBudgetFactory : LlmWebFactory
    {
        protected override void ConfigureLlm(IWebHostBuilder builder)
        {
            builder.UseSetting("BeMore:Llm:Timeout", "00:00:30");
            builder.UseSetting("BeMore:Counselor:FirstTokenTimeout", "00:00:03");
            builder.UseSetting("BeMore:Counselor:DailyTokenBudget", "1");
        }
    }
}
