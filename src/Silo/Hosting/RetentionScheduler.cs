using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Silo.Hosting;

/// <summary>Arms the retention sweep once the silo runs (registered after UseOrleans, so it starts after the silo).</summary>
internal sealed class RetentionScheduler(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IRetentionGrain>(0).EnsureScheduledAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
