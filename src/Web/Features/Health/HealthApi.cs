using BeMore.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BeMore.Web.Features.Health;

public sealed record ServiceStatus(string Status, string Name, string Version);

public sealed record Liveness(string Status, double Uptime, string Version);

public sealed record Readiness(string Status, IReadOnlyDictionary<string, ReadinessCheck> Checks);

public sealed record ReadinessCheck(string Status, double DurationMs);

/// <summary>Public status routes: the root, liveness, and readiness (silo and storage answer).</summary>
public static class HealthApi
{
    /// <summary>Health checks with this tag decide readiness.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Health").AllowAnonymous();
        group.MapGet("/", (ServerInfo server) => TypedResults.Ok(new ServiceStatus("ok", "BeMore", server.Version)))
            .WithSummary("Service identity").WithDescription("Answers `{status:\"ok\", name:\"BeMore\", version}`.");
        group.MapGet("/health", (ServerInfo server) =>
            TypedResults.Ok(new Liveness("ok", Math.Round(server.Uptime.TotalSeconds, 3), server.Version)))
            .WithSummary("Liveness").WithDescription("Answers while the process runs: status, uptime in seconds and version.");
        group.MapGet("/health/ready", GetReadinessAsync)
            .WithSummary("Readiness").WithDescription("200 when the silo and storage answer, else 503, with the status of each check.");
        return endpoints;
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> GetReadinessAsync(
        HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var readiness = new Readiness(
            report.Status == HealthStatus.Healthy ? "ok" : "unavailable",
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new ReadinessCheck(entry.Value.Status.ToString().ToLowerInvariant(), Math.Round(entry.Value.Duration.TotalMilliseconds, 1))));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(readiness)
            : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
