using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One user's LLM tokens spent on counselor replies today (UTC). Stored at each spend, so a deactivation (an idle
/// quarter of an hour) or a restart does not hand the user a fresh day: the budget bounds cost per day, as it says. A
/// write per LLM reply is small beside the reply itself.
/// </summary>
[GrainType("counselor-budget")]
public sealed class CounselorBudgetGrain(
    [PersistentState("counselor-budget", StorageNames.GrainState)] IPersistentState<CounselorBudgetState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ICounselorBudgetGrain
{
    public Task<bool> HasTokensLeftAsync(int dailyTokens) => Task.FromResult(SpentToday() < dailyTokens);

    public async Task SpendAsync(int tokens)
    {
        state.State.Tokens = SpentToday() + Math.Max(0, tokens);
        state.State.Day = Today();
        await state.WriteStateAsync();
    }

    public async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private long SpentToday() => state.State.Day == Today() ? state.State.Tokens : 0;

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

[GenerateSerializer, Alias("bemore.CounselorBudgetState")]
public sealed class CounselorBudgetState
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public long Tokens { get; set; }
}
