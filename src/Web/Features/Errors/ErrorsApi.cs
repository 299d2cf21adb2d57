using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Errors;

/// <summary>Public monitoring: error counts by code and status since start-up, nothing per request.</summary>
public static class ErrorsApi
{
    public static IEndpointRouteBuilder MapErrorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/errors/stats", (ErrorStatistics statistics) => TypedResults.Ok(statistics.Snapshot()))
            .WithTags("Errors")
            .WithName("errors.stats")
            .WithSummary("Read the error counts").WithDescription("Aggregate error counts only: total, by code, by status, since when; no messages, paths or user data.")
            .AllowAnonymous();
        return endpoints;
    }
}
