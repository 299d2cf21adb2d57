using System.Net;
using System.Net.Sockets;

namespace BeMore.Tests.Infrastructure;

internal static class FreePort
{
    private const int First = 20_000;
    private const int Count = 12_000;

    private static int _next = Random.Shared.Next(Count);

    /// <summary>
    /// A loopback port nobody listens on, below the kernel's ephemeral range (it starts at 32768): a port the OS handed out
    /// for the asking could be taken by one of the suite's own outgoing connections before the server binds it. Each call
    /// moves on from the last, so servers started in parallel by this process never get the same one.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }
}
