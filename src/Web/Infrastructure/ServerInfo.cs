using System.Diagnostics;
using System.Reflection;

namespace BeMore.Web.Infrastructure;

/// <summary>What the server says about itself: its version and how long its process has been up.</summary>
public sealed class ServerInfo(TimeProvider time)
{
    private readonly DateTimeOffset _processStartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public string Version { get; } = ReadVersion();

    public TimeSpan Uptime => time.GetUtcNow() - _processStartedAt;

    private static string ReadVersion()
    {
        var informational = typeof(ServerInfo).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadataStart = informational.IndexOf('+', StringComparison.Ordinal);
        return metadataStart < 0 ? informational : informational[..metadataStart];
    }
}
