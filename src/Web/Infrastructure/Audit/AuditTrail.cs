using BeMore.Grains.Abstractions.Audit;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Infrastructure.Audit;

/// <summary>Writes audit records for the current request: actor from the token, client IP from the connection.</summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time)
{
    public Task RecordAsync(HttpContext context, string action, string outcome, string? userId, string? targetId = null, bool withClientIp = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst("sub")?.Value : userId;
        var entry = new AuditEntry(
            userId,
            actor,
            action,
            targetId,
            time.GetUtcNow(),
            withClientIp ? context.Connection.RemoteIpAddress?.ToString() : null,
            outcome);
        return grains.GetGrain<IAuditLogGrain>(0).RecordAsync(entry);
    }
}
