using Microsoft.AspNetCore.Http;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>
/// While a node is down Orleans logs every message it could not send to it at Error with a stack, and its placement
/// retry pipeline one line per attempt: thousands of lines saying one thing. <see cref="SiloUnavailabilityLog"/> already says
/// it once per cause with a count, so those copies are dropped; membership's own lines (probes, votes, the death
/// declaration) and connection attempts, which come at their own slow pace, stay. Dropped, and only when their
/// exception is an unavailability (<see cref="SiloUnavailability.CauseOf"/>): "Failed to address message", the client
/// directory's and call cancellation's failed calls to the dead node (Orleans), a hub connection refused because the
/// user's grain was unreachable (SignalR, answered SERVICE_UNAVAILABLE) and a token check that could not read the
/// security stamp (the JWT handler, answered 503); any other exception of theirs keeps its line.
/// </summary>
public sealed class NodeLossLogFilter : ILogEventFilter
{
    private const string PlacementRetryPipeline = "Orleans.Placement";

    private static readonly HashSet<string> CopyingSources = new(StringComparer.Ordinal)
    {
        "Orleans.Runtime.GrainDirectory.ClientDirectory",
        "Orleans.Runtime.GrainCallCancellationManager",
        "Microsoft.AspNetCore.SignalR.HubConnectionHandler",
        "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler",
    };

    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        // Every attempt and every retry of placement is a line (Error once it gives up); what the caller got out of it
        // is logged where it surfaces.
        if (logEvent.Properties.TryGetValue("PipelineName", out var pipeline) && pipeline is ScalarValue { Value: PlacementRetryPipeline })
        {
            return false;
        }

        if (SiloUnavailability.CauseOf(logEvent.Exception) is null)
        {
            return true;
        }

        return !(logEvent.MessageTemplate.Text.StartsWith("Failed to address message", StringComparison.Ordinal) ||
            (logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } && CopyingSources.Contains(name)));
    }

    /// <summary>The request summary's level: a 503 is expected while a node is down (Warning, no stack); other 5xx stay Error.</summary>
    public static LogEventLevel RequestLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.StatusCode switch
        {
            StatusCodes.Status503ServiceUnavailable when exception is null => LogEventLevel.Warning,
            > 499 => LogEventLevel.Error,
            _ when exception is not null => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
    }
}
