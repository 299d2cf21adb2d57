using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Dashboard;

/// <summary>The caller's aggregates, kept up to date by the user-sessions grain; ETag / 304 makes polling cheap.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization()
            .MapGet("/summary", GetSummaryAsync)
            .WithSummary("Read the dashboard").WithDescription("The caller's aggregates: session count, active minutes, emotion distribution and trend, top distortions, recent sessions, risk flags; ETag / 304.");
        return endpoints;
    }

    private static async Task<Results<Ok<DashboardSummary>, StatusCodeHttpResult>> GetSummaryAsync(HttpContext context, IGrainFactory grains) =>
        ConditionalGet.OkOrNotModified(context, await grains.Reference<IUserSessionsGrain>(context.User.UserId()).GetDashboardAsync());
}
