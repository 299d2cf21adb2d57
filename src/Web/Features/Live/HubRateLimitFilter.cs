using System.Collections.Concurrent;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Per-connection rate limiting, sign-in checks and error translation for the live hub, as one singleton filter:
/// over-budget calls are refused with RATE_LIMITED (and a connection that keeps flooding is closed) before they reach
/// a grain, so one abusive client costs the others nothing; a call on a connection whose sign-in has ended closes it;
/// domain refusals become hub errors that start with their code, and an unreachable node SERVICE_UNAVAILABLE.
/// Refusals are the client's mistake, not the server's: each is logged at Information without a stack, sampled per
/// connection and code, so a flood of them cannot flood the log. Anything else still reaches SignalR's Error log.
/// </summary>
public sealed partial class HubRateLimitFilter(
    IOptions<LiveHubOptions> options,
    SecurityStamps stamps,
    SiloUnavailabilityLog unavailability,
    TimeProvider clock,
    ILogger<HubRateLimitFilter> logger) : IHubFilter
{
    /// <summary>After a connection's first refusal with a code, at most one line per this interval for that code.</summary>
    public static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ConnectionBudget> _budgets = new(StringComparer.Ordinal);

    public ConnectionBudget BudgetOf(string connectionId) => _budgets.GetOrAdd(connectionId, _ => new ConnectionBudget(options.Value));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var budget = BudgetOf(invocationContext.Context.ConnectionId);
        try
        {
            if (!budget.TryTakeInvocation())
            {
                throw Refuse(invocationContext.Context, budget, "too many calls; slow down");
            }

            budget.Accept();
            try
            {
                // A connection outlives the token it was opened with: once that sign-in has ended (password changed, signed
                // out everywhere, account erased), the connection's next call closes it (the client sees the connection end,
                // and reconnecting with that token is refused as any HTTP request is).
                if (await stamps.EndedReasonAsync(invocationContext.Context.User!) is { } ended)
                {
                    invocationContext.Context.Abort();
                    throw LiveErrors.Hub(ErrorCodes.InvalidToken, ended);
                }

                return await next(invocationContext);
            }
            catch (DomainException domain)
            {
                throw LiveErrors.Hub(domain.Code, domain.Message);
            }
            catch (Exception exception) when (SiloUnavailability.CauseOf(exception) is { } cause)
            {
                unavailability.Record(cause, exception, $"hub method {invocationContext.HubMethodName}");
                throw LiveErrors.Hub(ErrorCodes.ServiceUnavailable, $"{SiloUnavailability.Title} (after {SiloUnavailability.RetryAfterSeconds} s)");
            }
        }
        catch (HubException refusal) when (LiveErrors.CodeOf(refusal) is { } code)
        {
            // Unavailability has its own log, one line per cause with a count, however many connections it hits.
            if (code != ErrorCodes.ServiceUnavailable && budget.ShouldLogRefusal(code, clock.GetUtcNow(), RefusalLogInterval, out var suppressed))
            {
                LogRefusal(invocationContext.HubMethodName, code, invocationContext.Context.ConnectionId, invocationContext.Context.User?.UserId(), suppressed);
            }

            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        BudgetOf(context.Context.ConnectionId);
        try
        {
            await next(context);
        }
        catch (Exception)
        {
            // A connection refused at the door never reaches OnDisconnectedAsync: its budget goes now.
            Forget(context.Context.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context, exception);
        Forget(context.Context.ConnectionId);
    }

    private void Forget(string connectionId)
    {
        if (_budgets.TryRemove(connectionId, out var budget))
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

    [LoggerMessage(LogLevel.Information, "Hub call {HubMethod} refused with {Code} (connection {ConnectionId}, user {UserId}; {Suppressed} more refusals with this code not logged since the last line)")]
    private partial void LogRefusal(string hubMethod, string code, string connectionId, string? userId, int suppressed);
}
