using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Bench.Load.Scenarios.Chaos;

/// <summary>
/// One session's client under chaos: appends transcript segments over REST (retrying the same clientSegmentId on
/// another node after a 503 or a refused connection), keeps every acknowledged seq, follows the session on a hub
/// connection and, when its node dies, reconnects to another one and catches up by afterSeq.
/// </summary>
public sealed class ChaosSession(string token, string sessionId, IReadOnlyList<Uri> nodes, int firstNode, HttpClient http) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, bool> _received = new();
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private int _nextNode = firstNode;
    private HubConnection? _connection;

    public string SessionId => sessionId;

    public string Token => token;

    /// <summary>clientSegmentId → the seq the server acknowledged.</summary>
    public Dictionary<string, long> Acknowledged { get; } = [];

    /// <summary>Appends that failed in a way a client must not see: any status but 201/503, or a timeout.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>For each append that needed a retry: seconds from its first attempt to its acknowledgement.</summary>
    public List<double> Unavailable { get; } = [];

    public int Retries { get; private set; }

    public IReadOnlyCollection<long> Received => [.. _received.Keys];

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await ReconnectAsync(cancellationToken);
    }

    /// <summary>Appends one segment every <paramref name="interval"/> until <paramref name="stopAt"/>.</summary>
    public async Task AppendUntilAsync(DateTime stopAt, TimeSpan interval, CancellationToken cancellationToken)
    {
        for (var n = 0; DateTime.UtcNow < stopAt; n++)
        {
            await AppendAsync($"c{n}", cancellationToken);
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>After the load: one more join on a live node, so every event the client missed is caught up.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3 * nodes.Count; attempt++)
        {
            try
            {
                if (_connection?.State != HubConnectionState.Connected)
                {
                    await ReconnectAsync(cancellationToken);
                }

                await JoinAsync(_connection!, cancellationToken);
                return;
            }
            catch (Exception exception) when (IsConnectionLoss(exception))
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _reconnecting.Dispose();
    }

    private async Task AppendAsync(string segmentId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var retried = false;
        while (true)
        {
            var node = NextNode();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/api/session/{sessionId}/transcript"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = JsonContent.Create(new { clientSegmentId = segmentId, text = $"segment {segmentId}", startMs = 0, endMs = 1000, language = "en" });
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                    Acknowledged[segmentId] = body.RootElement.GetProperty("seq").GetInt64();
                    if (retried)
                    {
                        Unavailable.Add(started.Elapsed.TotalSeconds);
                    }

                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return;
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                retried = true;
                Retries++;
                // Another node at once, then the wait Retry-After asks for once every node has been tried.
                if (Retries % nodes.Count == 0)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
            catch (HttpRequestException)
            {
                // Refused or reset by a node that is down: the same segment goes to the next node.
                retried = true;
                Retries++;
                await Task.Delay(100, cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Failures.Add("timeout");
                return;
            }
        }
    }

    private Uri NextNode() => nodes[(Interlocked.Increment(ref _nextNode) & int.MaxValue) % nodes.Count];

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        await _reconnecting.WaitAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var node = NextNode();
                var connection = new HubConnectionBuilder().WithUrl(new Uri(node, Hubs.SessionPath), options =>
                {
                    options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }).Build();
                connection.On<JsonElement>("SessionEvent", sessionEvent => _received[sessionEvent.GetProperty("seq").GetInt64()] = true);
                try
                {
                    await connection.StartAsync(cancellationToken);
                    await JoinAsync(connection, cancellationToken);
                    connection.Closed += _ => cancellationToken.IsCancellationRequested ? Task.CompletedTask : ReconnectAsync(cancellationToken);
                    _connection = connection;
                    return;
                }
                catch (Exception exception) when (IsConnectionLoss(exception))
                {
                    await connection.DisposeAsync();
                    await Task.Delay(250, cancellationToken);
                }
            }
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    /// <summary>Joins after the highest seq received without a gap, adding what the server says was missed.</summary>
    private async Task JoinAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        var afterSeq = 0L;
        while (_received.ContainsKey(afterSeq + 1))
        {
            afterSeq++;
        }

        var joined = await connection.InvokeAsync<JsonElement>("JoinSession", sessionId, afterSeq, cancellationToken);
        foreach (var missed in joined.GetProperty("missed").EnumerateArray())
        {
            _received[missed.GetProperty("seq").GetInt64()] = true;
        }
    }

    /// <summary>What a node going down (or a grain not yet served again) looks like to a hub client.</summary>
    private static bool IsConnectionLoss(Exception exception) =>
        exception is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException or TimeoutException
            or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException;
}
