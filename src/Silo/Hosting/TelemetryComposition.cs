using BeMore.Grains.Abstractions.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog.Core;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Metrics (BeMore's meter, Orleans', ASP.NET Core's with SignalR connections, the .NET runtime) and traces (every REST
/// request and hub invocation through its grain calls to the event-log write), scraped on the management port and/or
/// exported by OTLP, each only when configured; and the node's address on every log line.
/// </summary>
public static class TelemetryComposition
{
    public const string ServiceName = "bemore";

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// The spans of application grain calls (with activity propagation on). Orleans' runtime source (membership,
    /// directory and other system calls) is left out: it would bury the requests' traces in background chatter.
    /// </summary>
    private const string OrleansGrainCalls = "Microsoft.Orleans.Application";

    public static WebApplicationBuilder AddBeMoreTelemetry(this WebApplicationBuilder builder, StorageTarget storage)
    {
        // Read before the container exists: which exporters to add depends on them.
        var settings = SiloComposition.BindValidated<TelemetryOptions>(builder.Configuration, TelemetryOptions.SectionName);
        var cluster = SiloComposition.BindValidated<ClusterSettings>(builder.Configuration, ClusterSettings.SectionName);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILogEventEnricher>(new NodeLogEnricher(NodeLogEnricher.NodeOf(cluster, storage)));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BeMoreTelemetry.Name, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Http.Connections")
                    .AddRuntimeInstrumentation();
                if (settings.MetricsPort != 0)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        // Spans are recorded only when they go somewhere: a listening tracer makes every grain call and request build an
        // Activity, and the audio path (one grain call per chunk) paid for them in allocations and collections.
        if (settings.OtlpEndpoint is { } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(BeMoreTelemetry.Name)
                .AddSource(OrleansGrainCalls)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp =>
                {
                    Configure(otlp, settings, endpoint, "v1/traces");
                    otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)settings.ExportInterval.TotalMilliseconds;
                }));
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter((otlp, reader) =>
            {
                Configure(otlp, settings, endpoint, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.ExportInterval.TotalMilliseconds;
            }));
        }

        if (settings.MetricsPort != 0)
        {
            services.AddHostedService<MetricsEndpoint>();
        }

        return builder;
    }

    /// <summary>
    /// The configured address only (the SDK's OTEL_EXPORTER_OTLP_* environment variables are overridden); OTLP/HTTP
    /// posts each signal to its own path under the collector's base address.
    /// </summary>
    private static void Configure(OtlpExporterOptions otlp, TelemetryOptions settings, Uri endpoint, string signalPath)
    {
        otlp.Protocol = settings.OtlpProtocol;
        otlp.Endpoint = settings.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), signalPath)
            : endpoint;
    }
}
