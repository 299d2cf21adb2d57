using System.Net;
using System.Net.Sockets;

namespace BeMore.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out, so parallel tests and silos do not collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
