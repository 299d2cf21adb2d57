using BeMore.Client;
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

    /// <summary>A loaded server may answer pings late; that is measured as lag, not taken for a dead connection.</summary>
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromMinutes(2);

    /// <summary>One connection pool per server for the connections' REST needs, kept for the process's life.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, BeMoreApi> Apis = new();

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
        connection.ServerTimeout = ServerTimeout;
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A connection to BeMore's live hub through the client library, as <paramref name="token"/>'s user: no automatic
    /// reconnection (a drop is an error the scenario counts), and pushed events queued only for a scenario that reads them.
    /// </summary>
    public static Task<SessionConnection> ConnectSessionAsync(
        Uri server, string token, WireProtocol protocol, CancellationToken cancellationToken, bool queueEvents = false) =>
        SessionConnection.ConnectAsync(Apis.GetOrAdd(server, address => new BeMoreApi(address)).As(token), new LiveConnectionOptions
        {
            Protocol = protocol == WireProtocol.MessagePack ? LiveProtocol.MessagePack : LiveProtocol.Json,
            AutomaticReconnect = false,
            QueueEvents = queueEvents,
            Configure = connection => connection.ServerTimeout = ServerTimeout,
        }, cancellationToken);

    /// <summary>Opens many connections a few at a time (a burst of handshakes is not what is being measured).</summary>
    public static async Task<T[]> ConnectManyAsync<T>(
        int count, Func<int, CancellationToken, Task<T>> connect, CancellationToken cancellationToken)
    {
        var connections = new T[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => connections[i] = await connect(i, ct));
        return connections;
    }

    public static async Task DisposeAllAsync(IEnumerable<IAsyncDisposable> connections) =>
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
}
