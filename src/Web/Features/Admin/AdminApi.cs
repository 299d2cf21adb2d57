using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Web.Features.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Admin;

/// <summary>Operator-only routes.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AuthPolicies.Operator);
        group.MapGet("/audit", GetAuditAsync)
            .WithSummary("Read the audit log").WithDescription("The access log across users, newest first (role operator).");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<AuditRecordResponse>>> GetAuditAsync(
        HttpContext context, IGrainFactory grains, AuditTrail audit,
        [MaxLength(64)] string? userId = null,
        [Range(0, long.MaxValue)] long after = 0,
        [Range(1, UsersApi.MaxAuditPage)] int limit = 100)
    {
        await audit.FlushAsync();
        var records = await grains.Reference<IAuditLogGrain>(0).ReadAsync(userId, after, limit);
        await audit.RecordAsync(context, AuditActions.AuditRead, AuditOutcomes.Success, userId);
        return TypedResults.Ok<IReadOnlyList<AuditRecordResponse>>(records.Select(AuditRecordResponse.From).ToList());
    }
}
