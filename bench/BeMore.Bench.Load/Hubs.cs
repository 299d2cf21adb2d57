using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Bench.Load;

public enum WireProtocol
{
    Json,
    MessagePack,
}

/// <summary>Opens hub connections the way a browser does: WebSockets, no negotiation round trip.</summary>
public static class Hubs
{
    public const string EchoPath = "/hubs/echo";
    public const string SessionPath = "/hubs/session";

    public static readonly object AudioFormat = new { encoding = "pcm16", sampleRate = 16000, channels = 1 };

    public static WireProtocol ParseProtocol(string name) =>
        name.Equals("json", StringComparison.OrdinalIgnoreCase) ? WireProtocol.Json : WireProtocol.MessagePack;

    public static async Task<HubConnection> ConnectAsync(Uri server, string path, string? token, WireProtocol protocol, CancellationToken cancellationToken)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, path), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            if (token is not null)
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        });
        if (protocol == WireProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>Opens many connections a few at a time (a burst of handshakes is not what is being measured).</summary>
    public static async Task<HubConnection[]> ConnectManyAsync(
        int count, Func<int, CancellationToken, Task<HubConnection>> connect, CancellationToken cancellationToken)
    {
        var connections = new HubConnection[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => connections[i] = await connect(i, ct));
        return connections;
    }

    public static async Task DisposeAllAsync(IEnumerable<HubConnection> connections) =>
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
}
