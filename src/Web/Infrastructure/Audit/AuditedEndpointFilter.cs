using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Infrastructure.Audit;

/// <summary>
/// Writes one audit record for every call of an endpoint it is on: the endpoint's name is the action, the route's
/// <c>id</c> the target, and the outcome success or, when the call was refused, denied. Nothing of the request body.
/// The record is queued, not awaited: these are the hot reads and writes, and a commit per request was most of a GET's time.
/// </summary>
public sealed class AuditedEndpointFilter(AuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var action = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Path.Value ?? "unknown";
        var target = http.Request.RouteValues.TryGetValue("id", out var id) ? id as string : null;
        var userId = http.User.UserId();
        try
        {
            var result = await next(context);
            await audit.QueueAsync(http, action, AuditOutcomes.Success, userId, target);
            return result;
        }
        catch (DomainException)
        {
            await audit.QueueAsync(http, action, AuditOutcomes.Denied, userId, target);
            throw;
        }
    }
}
