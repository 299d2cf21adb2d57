using System.Net;
using System.Net.Sockets;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Hosting;

/// <summary>What a node exposes on the network: Orleans' ports have no authentication of their own.</summary>
internal static class NodeExposure
{
    /// <summary>
    /// The node listens on its HTTP port and on its silo port at the advertised address, and on nothing else: no client
    /// gateway, no wildcard address. Another local address of the machine does not reach the silo port.
    /// </summary>
    public static async Task AssertListensOnlyOnAsync(SiloProcess node, IPAddress advertised, int siloPort)
    {
        var expected = new[] { new IPEndPoint(IPAddress.Loopback, node.HttpPort), new IPEndPoint(advertised, siloPort) };

        var listening = ListeningSockets.Of(node.ProcessId);

        Assert.Equal(expected.Select(endpoint => endpoint.ToString()).Order(), listening.Select(endpoint => endpoint.ToString()).Order());
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(new IPEndPoint(IPAddress.Parse("127.0.0.2"), siloPort)));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
