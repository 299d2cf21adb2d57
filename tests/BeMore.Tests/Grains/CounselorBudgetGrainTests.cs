using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Counseling;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

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
    public async Task Budget_Spent_IsStoredWithinTheSaveDelayWhileTheGrainStaysActive()
    {
        var userId = Guid.NewGuid().ToString("N");
        var budget = cluster.Grains.GetGrain<ICounselorBudgetGrain>(userId);
        await budget.SpendAsync(30);
        await budget.SpendAsync(20);

        // What a node that died now would come back to: the row in storage, read beside the live activation.
        var storage = cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var stored = new GrainState<CounselorBudgetState>();
        var deadline = DateTime.UtcNow + GrainCluster.BudgetSaveDelay + TimeSpan.FromSeconds(10);
        do
        {
            await Task.Delay(GrainCluster.BudgetSaveDelay);
            await storage.ReadStateAsync("counselor-budget", GrainId.Create("counselor-budget", userId), stored);
        }
        while ((stored.State?.Tokens ?? 0) < 50 && DateTime.UtcNow < deadline);

        Assert.Equal(50, stored.State?.Tokens);
        Assert.False(await budget.HasTokensLeftAsync(50));
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
