using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BeMore.Silo.Hosting;

/// <summary>
/// The Prometheus scrape endpoint, <c>GET /metrics</c>, on its own Kestrel server bound to the management address and
/// port only. Nothing of the public pipeline runs there (no API, console, auth or rate limiter) and nothing but
/// <c>/metrics</c> is served; the public port has no such route, so metrics can never be read through it.
/// </summary>
internal sealed class MetricsEndpoint(MeterProvider meters, IOptions<TelemetryOptions> options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrel(kestrel =>
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
}
