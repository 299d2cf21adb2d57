using System.Net;
using System.Net.Sockets;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Security;

/// <summary>
/// The whole server with small per-IP quotas (so a test can exhaust them in a few requests) and the rate-limit windows
/// on a clock the test moves. No proxy is trusted, as in the unconfigured default.
/// </summary>
public class RateLimitedWebFactory : BeMoreWebFactory
{
    public const int PermitLimit = 12;
    public const int WritePermitLimit = 5;
    public const int ConsoleFilePermitLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>One minute into a window, so the reset is 540 s away.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 1, 0, TimeSpan.Zero));

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Security:RateLimit:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Security:RateLimit:WritePermitLimit", WritePermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Security:RateLimit:ConsoleFilePermitLimit", ConsoleFilePermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Security:RateLimit:Window", "00:10:00");
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(ClientRateLimits.ClockKey, Clock));
    }
}

/// <summary>The same small quotas behind one trusted proxy address (127.0.0.9).</summary>
public sealed class TrustedProxyWebFactory : RateLimitedWebFactory
{
    public static readonly IPAddress TrustedProxy = IPAddress.Parse("127.0.0.9");

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        base.ConfigureStorage(builder);
        builder.UseSetting("BeMore:Security:ForwardedHeaders:KnownProxies:0", TrustedProxy.ToString());
    }
}

/// <summary>The whole server as it runs in production (HSTS on, no developer pages, no API docs).</summary>
public sealed class ProductionWebFactory : BeMoreWebFactory
{
    protected override void ConfigureStorage(IWebHostBuilder builder) => builder.UseEnvironment("Production");
}

/// <summary>HTTP clients whose connections leave from a chosen loopback address, so the server sees distinct client IPs.</summary>
public static class LoopbackClients
{
    public static HttpClient From(Uri serverAddress, IPAddress localAddress)
    {
        ArgumentNullException.ThrowIfNull(serverAddress);
        ArgumentNullException.ThrowIfNull(localAddress);
        if (!IPAddress.IsLoopback(localAddress))
        {
            throw new ArgumentException("Tests stay on loopback.", nameof(localAddress));
        }

        var port = serverAddress.Port;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new UriBuilder(serverAddress) { Host = "127.0.0.1" }.Uri };
    }

    public static HttpClient From(Uri serverAddress, string localAddress) => From(serverAddress, IPAddress.Parse(localAddress));
}
