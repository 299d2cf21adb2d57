using Orleans.Runtime;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Adds <c>Node</c>, this silo's address (host:port:generation, as Orleans writes it), to every log line, so the lines of
/// a cluster's nodes can be told apart once collected together. Read from the container through Serilog's
/// ReadFrom.Services; the address is fixed once the silo is configured.
/// </summary>
public sealed class NodeLogEnricher(ILocalSiloDetails silo) : ILogEventEnricher
{
    public const string PropertyName = "Node";

    private readonly LogEventProperty _node = new(PropertyName, new ScalarValue(silo.SiloAddress.ToString()));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        logEvent.AddPropertyIfAbsent(_node);
    }
}
