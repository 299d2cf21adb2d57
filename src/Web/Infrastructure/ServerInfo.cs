using System.Reflection;

namespace BeMore.Web.Infrastructure;

/// <summary>What the server says about itself: its version and how long it has been up.</summary>
public sealed class ServerInfo(TimeProvider time)
{
    private readonly long _startedAt = time.GetTimestamp();

    public string Version { get; } = ReadVersion();

    public TimeSpan Uptime => time.GetElapsedTime(_startedAt);

    private static string ReadVersion()
    {
        var informational = typeof(ServerInfo).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadataStart = informational.IndexOf('+', StringComparison.Ordinal);
        return metadataStart < 0 ? informational : informational[..metadataStart];
    }
}
