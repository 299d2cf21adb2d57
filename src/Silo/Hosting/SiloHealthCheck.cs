using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BeMore.Silo.Hosting;

/// <summary>Ready when this node is an active member of its cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle siloStatus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(siloStatus.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {siloStatus.CurrentStatus}"));
}
