using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Runtime;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Infrastructure.Audit;

/// <summary>Writes audit records for the current request: actor from the token, client IP from the connection.</summary>
public sealed class AuditTrail(IGrainFactory grains, QueuedAuditWriter queue, TimeProvider time)
{
    /// <summary>Stores the record before returning: for security actions, whose record must not be lost to a crash.</summary>
    public Task RecordAsync(HttpContext context, string action, string outcome, string? userId, string? targetId = null, bool withClientIp = true) =>
        grains.Reference<IAuditLogGrain>(0).RecordAsync(Entry(context, action, outcome, userId, targetId, withClientIp));

    /// <summary>Queues the record, stored off the request path (<see cref="QueuedAuditWriter"/>): for the every-request reads and writes.</summary>
    public ValueTask QueueAsync(HttpContext context, string action, string outcome, string? userId, string? targetId = null) =>
        queue.EnqueueAsync(Entry(context, action, outcome, userId, targetId, withClientIp: true));

    /// <summary>Completes once every record this node queued before the call is stored (before an erasure, so none lands after it).</summary>
    public Task FlushAsync() => queue.FlushAsync();

    private AuditEntry Entry(HttpContext context, string action, string outcome, string? userId, string? targetId, bool withClientIp)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst("sub")?.Value : userId;
        return new AuditEntry(
            userId,
            actor,
            action,
            targetId,
            time.GetUtcNow(),
            withClientIp ? context.Connection.RemoteIpAddress?.ToString() : null,
            outcome);
    }
}
