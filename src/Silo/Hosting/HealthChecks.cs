using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace BeMore.Silo.Hosting;

/// <summary>Ready when this node is an active member of its cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle siloStatus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(siloStatus.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {siloStatus.CurrentStatus}"));
}

/// <summary>Ready when the database answers a trivial query.</summary>
internal sealed class StorageHealthCheck(StorageTarget target) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await target.Database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The reason stays in the server log; clients see only the check's status.
            return HealthCheckResult.Unhealthy("storage does not answer", exception);
        }
    }
}
