using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One user's LLM tokens spent on counselor replies today (UTC). Stored behind the spending: at most
/// <see cref="CounselorOptions.BudgetSaveDelay"/> after a spend, and before the activation goes away, so a deactivation
/// (an idle quarter of an hour) or a restart does not hand the user a fresh day, while a reply no longer pays a storage
/// commit of its own (it was one transaction and fsync per reply, outside the group commit). A node that dies forgets at
/// most that delay's spending: the budget bounds cost per day, it is not a ledger.
/// </summary>
[GrainType("counselor-budget")]
public sealed class CounselorBudgetGrain(
    [PersistentState("counselor-budget", StorageNames.GrainState)] IPersistentState<CounselorBudgetState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    IOptions<CounselorOptions> options) : Grain, ICounselorBudgetGrain
{
    /// <summary>Set while spending waits to be stored.</summary>
    private IGrainTimer? _save;

    public Task<bool> HasTokensLeftAsync(int dailyTokens) => Task.FromResult(SpentToday() < dailyTokens);

    public Task SpendAsync(int tokens)
    {
        state.State.Tokens = SpentToday() + Math.Max(0, tokens);
        state.State.Day = Today();
        WaitToSave();
        return Task.CompletedTask;
    }

    public async Task ForgetAsync()
    {
        StopWaiting();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_save is not null)
        {
            StopWaiting();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A write that fails leaves the spending waiting for another try. The timer is stopped only after the write: stopping
    /// a grain timer cancels the token its own callback was given.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var saved = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
            saved = true;
        }
        finally
        {
            StopWaiting();
            if (!saved)
            {
                WaitToSave();
            }
        }
    }

    private void WaitToSave() =>
        _save ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(options.Value.BudgetSaveDelay, Timeout.InfiniteTimeSpan));

    private void StopWaiting()
    {
        _save?.Dispose();
        _save = null;
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
