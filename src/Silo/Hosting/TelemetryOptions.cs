using System.ComponentModel.DataAnnotations;
using System.Net;
using OpenTelemetry.Exporter;

namespace BeMore.Silo.Hosting;

/// <summary>Where metrics and traces go (<c>BeMore:Telemetry</c>). Nothing leaves the process unless configured here.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "BeMore:Telemetry";

    /// <summary>The OTLP collector's base address (e.g. http://collector:4317); traces and metrics are exported only when set.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Grpc (collector port 4317) or HttpProtobuf (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>How often batched spans and metrics are sent to the collector.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The management port serving the Prometheus scrape endpoint <c>/metrics</c>; 0 (default) serves none.</summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; }

    /// <summary>The address the management port listens on: loopback unless an operator opens it to a scraper's network.</summary>
    [Required]
    public string MetricsHost { get; set; } = "127.0.0.1";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(MetricsHost, out _))
        {
            yield return new ValidationResult("MetricsHost must be an IP address (127.0.0.1 by default).", [nameof(MetricsHost)]);
        }

        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("OtlpEndpoint must be an absolute http(s) address.", [nameof(OtlpEndpoint)]);
        }
    }
}
