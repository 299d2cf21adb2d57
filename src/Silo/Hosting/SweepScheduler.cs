using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Silo.Hosting;

/// <summary>Arms the retention and idle sweeps once the silo runs (registered after UseOrleans, so it starts after the silo).</summary>
internal sealed class SweepScheduler(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.WhenAll(
        grains.Reference<IRetentionGrain>(0).EnsureScheduledAsync(),
        grains.Reference<IIdleSweepGrain>(0).EnsureScheduledAsync());

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
