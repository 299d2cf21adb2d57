using BeMore.Grains.Abstractions.Counseling;

namespace BeMore.Tests.Grains;

/// <summary>The per-user daily LLM budget on the test cluster and its fake clock.</summary>
public sealed class CounselorBudgetGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task Budget_SpentThenTheGrainDeactivated_StaysSpentUntilTheNextUtcDay()
    {
        var budget = cluster.Grains.GetGrain<ICounselorBudgetGrain>(Guid.NewGuid().ToString("N"));
        await budget.SpendAsync(60);
        await budget.SpendAsync(40);
        var leftAfterSpending = await budget.HasTokensLeftAsync(100);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var leftAfterDeactivation = await budget.HasTokensLeftAsync(100);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        var leftNextDay = await budget.HasTokensLeftAsync(100);

        Assert.Equal((false, false, true), (leftAfterSpending, leftAfterDeactivation, leftNextDay));
    }

    [Fact]
    public async Task Forget_ErasesTheDaysSpending()
    {
        var budget = cluster.Grains.GetGrain<ICounselorBudgetGrain>(Guid.NewGuid().ToString("N"));
        await budget.SpendAsync(100);

        await budget.ForgetAsync();

        Assert.True(await budget.HasTokensLeftAsync(100));
    }
}
