using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>One connection's budgets: invocations, audio bytes, one audio stream at a time, and a run of rejections.</summary>
public sealed class ConnectionBudget(LiveHubOptions options) : IDisposable
{
    private int _audioStreams;
    private int _rejections;

    public TokenBucketRateLimiter Invocations { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.InvocationBurst,
        TokensPerPeriod = options.InvocationsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public TokenBucketRateLimiter AudioBytes { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.AudioBytesPerSecond,
        TokensPerPeriod = options.AudioBytesPerSecond / 10,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public bool TryBeginAudioStream() => Interlocked.CompareExchange(ref _audioStreams, 1, 0) == 0;

    public void EndAudioStream() => Interlocked.Exchange(ref _audioStreams, 0);

    /// <summary>Counts a rejection; true when the connection has now been rejected too often in a row.</summary>
    public bool Reject() => Interlocked.Increment(ref _rejections) >= options.RejectionsBeforeClose;

    public void Accept() => Interlocked.Exchange(ref _rejections, 0);

    public void Dispose()
    {
        Invocations.Dispose();
        AudioBytes.Dispose();
    }
}

/// <summary>
/// Per-connection rate limiting and error translation for the live hub, as one singleton filter: over-budget calls
/// are refused with RATE_LIMITED (and a connection that keeps flooding is closed) before they reach a grain, so one
/// abusive client costs the others nothing; domain refusals become hub errors that start with their code.
/// </summary>
public sealed class HubRateLimitFilter(IOptions<LiveHubOptions> options) : IHubFilter
{
    private readonly ConcurrentDictionary<string, ConnectionBudget> _budgets = new(StringComparer.Ordinal);

    public ConnectionBudget BudgetOf(string connectionId) => _budgets.GetOrAdd(connectionId, _ => new ConnectionBudget(options.Value));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var budget = BudgetOf(invocationContext.Context.ConnectionId);
        using var lease = budget.Invocations.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw Refuse(invocationContext.Context, budget, "too many calls; slow down");
        }

        budget.Accept();
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException domain)
        {
            throw LiveErrors.Hub(domain.Code, domain.Message);
        }
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        BudgetOf(context.Context.ConnectionId);
        return next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context, exception);
        if (_budgets.TryRemove(context.Context.ConnectionId, out var budget))
        {
            budget.Dispose();
        }
    }

    /// <summary>A refusal; a connection refused too often in a row is closed.</summary>
    public static HubException Refuse(HubCallerContext connection, ConnectionBudget budget, string reason)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(budget);
        if (budget.Reject())
        {
            connection.Abort();
        }

        return LiveErrors.Hub(ErrorCodes.RateLimited, reason);
    }
}

public static class LiveErrors
{
    /// <summary>Hub errors start with the stable code, e.g. "SESSION_NOT_FOUND: ...", as API.md says.</summary>
    public static HubException Hub(string code, string message) => new($"{code}: {message}");
}
