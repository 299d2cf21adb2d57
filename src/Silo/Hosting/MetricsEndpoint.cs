using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BeMore.Silo.Hosting;

/// <summary>
/// The Prometheus scrape endpoint, <c>GET /metrics</c>, on its own Kestrel server bound to the management address and
/// port only. Nothing of the public pipeline runs there (no API, console, auth or rate limiter) and nothing but
/// <c>/metrics</c> is served; the public server has no such route, so metrics can never be read through its port.
/// </summary>
internal sealed class MetricsEndpoint(MeterProvider meters, IOptions<TelemetryOptions> options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Empty: no configuration, so the process's URLs and ASPNETCORE_* variables (the public server's) never apply here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, FollowerLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(options.Value.MetricsHost), options.Value.MetricsPort);
        });
        _app = builder.Build();
        _app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The main host owns the process's signals and shutdown; this server starts and stops with it.</summary>
    private sealed class FollowerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
