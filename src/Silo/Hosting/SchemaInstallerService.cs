namespace BeMore.Silo.Hosting;

/// <summary>Runs the installer before Orleans starts (hosted services start in registration order).</summary>
internal sealed class SchemaInstallerService(StorageTarget target) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SchemaInstaller.ApplyAsync(target, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
