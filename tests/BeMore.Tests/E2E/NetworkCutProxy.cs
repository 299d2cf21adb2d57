using System.Net;
using System.Net.Sockets;

namespace BeMore.Tests.E2E;

/// <summary>
/// A loopback TCP relay between the browser and the server whose connections the test can cut: every open connection
/// is dropped at once and new ones are refused until the cut ends, as when a phone loses its network.
/// </summary>
public sealed class NetworkCutProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public NetworkCutProxy(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The address the browser uses instead of the server's.</summary>
    public Uri Address { get; }

    /// <summary>Drops every open connection and refuses new ones until <paramref name="duration"/> has passed.</summary>
    public async Task CutAsync(TimeSpan duration)
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Client.Close(0);
            }

            _open.Clear();
        }

        await Task.Delay(duration);
        _cut = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_cut)
            {
                client.Client.Close(0);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        using (client)
        {
            try
            {
                await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stopping.Token);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(upstream);
                }

                var down = client.GetStream();
                var up = upstream.GetStream();
                // Whichever side ends first ends the pair, like a real connection.
                await Task.WhenAny(down.CopyToAsync(up, _stopping.Token), up.CopyToAsync(down, _stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection was cut or the proxy is stopping.
            }
            finally
            {
                lock (_open)
                {
                    _open.Remove(client);
                    _open.Remove(upstream);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
