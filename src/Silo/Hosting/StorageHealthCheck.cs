using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BeMore.Silo.Hosting;

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
