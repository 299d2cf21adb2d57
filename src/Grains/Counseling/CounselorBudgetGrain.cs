using BeMore.Grains.Abstractions.Counseling;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One user's LLM tokens spent on counselor replies today (UTC). In memory only: a restart or deactivation forgives the
/// day's use, which bounds cost per activation rather than exactly per day (documented trade-off: no state to write on
/// every reply).
/// </summary>
[GrainType("counselor-budget")]
public sealed class CounselorBudgetGrain([FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ICounselorBudgetGrain
{
    private DateOnly _day;
    private long _spent;

    public Task<bool> HasTokensLeftAsync(int dailyTokens)
    {
        Roll();
        return Task.FromResult(_spent < dailyTokens);
    }

    public Task SpendAsync(int tokens)
    {
        Roll();
        _spent += Math.Max(0, tokens);
        return Task.CompletedTask;
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != _day)
        {
            _day = today;
            _spent = 0;
        }
    }
}
