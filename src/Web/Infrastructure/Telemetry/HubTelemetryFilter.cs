using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using BeMore.Grains.Abstractions.Telemetry;
using BeMore.Web.Features.Live;
using BeMore.Web.Features.Sessions;
using Microsoft.AspNetCore.SignalR;
using Serilog.Context;

namespace BeMore.Web.Infrastructure.Telemetry;

/// <summary>
/// The live hub's telemetry, registered before every other hub filter so it wraps them all: one trace per hub
/// invocation (not one per connection), hub refusals counted by code (the rate limiter's included), open connections,
/// and the call's session id on every log line written while it runs.
/// </summary>
public sealed class HubTelemetryFilter : IHubFilter
{
    /// <summary>The hub methods' parameter that names the session they act on.</summary>
    public const string SessionIdParameter = "sessionId";

    /// <summary>The span attribute naming the session, so a session's calls can be found in the traces (as in the logs).</summary>
    public const string SessionIdTag = "bemore.session.id";

    /// <summary>The activity ASP.NET Core starts for the request that opened the connection, which lasts as long as it.</summary>
    private const string HttpRequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    /// <summary>Where each hub method takes its session id (-1: it takes none), looked up once per method.</summary>
    private static readonly ConcurrentDictionary<MethodInfo, int> SessionIdPositions = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var connection = Activity.Current;
        if (connection?.OperationName == HttpRequestActivity)
        {
            // Each invocation is its own trace, linked to the connection's, rather than one trace as long as the connection.
            Activity.Current = null;
        }

        var service = invocationContext.Hub.GetType().Name;
        using var activity = BeMoreTelemetry.Source.StartActivity(
            ActivityKind.Server,
            tags: [new("rpc.system", "signalr"), new("rpc.service", service), new("rpc.method", invocationContext.HubMethodName)],
            links: connection is null ? null : [new ActivityLink(connection.Context)],
            name: $"{service}/{invocationContext.HubMethodName}");
        var sessionId = SessionIdOf(invocationContext);
        activity?.SetTag(SessionIdTag, sessionId);
        using var session = sessionId is null ? null : LogContext.PushProperty(SessionLogContextMiddleware.PropertyName, sessionId);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal) when (LiveErrors.CodeOf(refusal) is { } code)
        {
            BeMoreTelemetry.HubRefusals.Add(1, new KeyValuePair<string, object?>("code", code));
            activity?.SetTag("error.type", code);
            activity?.SetStatus(ActivityStatusCode.Error, code);
            throw;
        }
        catch (Exception error)
        {
            activity?.SetTag("error.type", error.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        BeMoreTelemetry.HubConnections.Add(1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        BeMoreTelemetry.HubConnections.Add(-1);
        await next(context, exception);
    }

    /// <summary>The well-formed session id the call names, if any (a malformed one is the caller's input: not logged).</summary>
    private static string? SessionIdOf(HubInvocationContext invocation)
    {
        var position = SessionIdPositions.GetOrAdd(invocation.HubMethod,
            method => Array.FindIndex(method.GetParameters(), p => p.Name == SessionIdParameter));
        return position >= 0 && position < invocation.HubMethodArguments.Count
            && invocation.HubMethodArguments[position] is string id && SessionIds.IsWellFormed(id) ? id : null;
    }
}
