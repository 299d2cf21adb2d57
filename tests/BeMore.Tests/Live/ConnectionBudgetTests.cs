using BeMore.Web.Features.Live;

namespace BeMore.Tests.Live;

/// <summary>
/// The per-connection budgets refill on use rather than on timers of their own: the limits must hold as before, a
/// drained budget must refuse, and time must earn it back at the sustained rate.
/// </summary>
public sealed class ConnectionBudgetTests
{
    private static readonly LiveHubOptions Options = new() { InvocationBurst = 3, InvocationsPerSecond = 1, AudioBytesPerSecond = 32_000 };

    [Fact]
    public void Invocations_PastTheBurst_AreRefused()
    {
        using var budget = new ConnectionBudget(Options);

        var taken = Enumerable.Range(0, 10).Count(_ => budget.TryTakeInvocation());

        // One more may be earned if the machine stalls for a second between calls; never the ten asked for.
        Assert.InRange(taken, 3, 4);
    }

    [Fact]
    public async Task Audio_DrainedBudget_RefusesUntilTimeEarnsItBack_AtTheSustainedRate()
    {
        using var budget = new ConnectionBudget(Options);
        Assert.True(budget.TryTakeAudio(32_000));
        Assert.False(budget.TryTakeAudio(16_000));

        // A tenth of a second earns 3,200 bytes at 32,000 per second; a slower machine only earns more.
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        Assert.True(budget.TryTakeAudio(3_200));
        Assert.False(budget.TryTakeAudio(32_000));
    }
}
