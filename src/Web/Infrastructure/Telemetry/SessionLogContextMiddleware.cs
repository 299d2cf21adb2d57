using BeMore.Web.Features.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog;
using Serilog.Context;

namespace BeMore.Web.Infrastructure.Telemetry;

/// <summary>
/// Puts the session id of a <c>/api/session/{id}/...</c> request on every log line written while it runs (and on the
/// request's summary line). Routing has already run, so the id is the matched route value; a malformed one is
/// the caller's input and is not logged.
/// </summary>
internal sealed class SessionLogContextMiddleware(RequestDelegate next, IDiagnosticContext diagnostics)
{
    public const string PropertyName = "SessionId";

    private static readonly PathString SessionRoutes = "/api/session";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SessionRoutes)
            || context.GetRouteValue("id") is not string id
            || !SessionIds.IsWellFormed(id))
        {
            await next(context);
            return;
        }

        diagnostics.Set(PropertyName, id);
        using (LogContext.PushProperty(PropertyName, id))
        {
            await next(context);
        }
    }
}
