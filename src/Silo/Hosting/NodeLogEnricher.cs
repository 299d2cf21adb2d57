using System.Net;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Adds <c>Node</c>, this node's silo endpoint (host:siloPort, the address the other nodes dial), to every log line, so
/// the lines of a cluster's nodes can be told apart once collected together. Taken from the settings rather than from
/// the silo, so the logger (built first) depends on nothing Orleans builds.
/// </summary>
public sealed class NodeLogEnricher(string node) : ILogEventEnricher
{
    public const string PropertyName = "Node";

    private readonly LogEventProperty _node = new(PropertyName, new ScalarValue(node));

    /// <summary>The embedded profile's silo is on loopback; otherwise the advertised host, by default this machine.</summary>
    public static string NodeOf(ClusterSettings cluster, StorageTarget storage)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(storage);
        var host = storage.Profile == StorageProfile.Embedded ? IPAddress.Loopback.ToString() : cluster.AdvertisedHost ?? Dns.GetHostName();
        return $"{host}:{cluster.SiloPort}";
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        logEvent.AddPropertyIfAbsent(_node);
    }
}
