using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Client;

/// <summary>
/// A live connection to <c>/hubs/session</c>. Events of the joined sessions arrive once each, in seq order per session,
/// through <see cref="Events"/>: a join pages past its <c>hasMore</c> through REST, and after an automatic reconnect
/// every joined session is joined again from the last seq seen, so nothing is missed and nothing repeats.
/// </summary>
public sealed class SessionConnection : IAsyncDisposable
{
    private readonly BeMoreApi _api;
    private readonly HubConnection _hub;
    private readonly Channel<SessionEvent> _events = Channel.CreateUnbounded<SessionEvent>();
    private readonly Channel<SessionLiveMessage> _live = Channel.CreateUnbounded<SessionLiveMessage>();
    private readonly ConcurrentDictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _delivery = new(1, 1);

    private SessionConnection(BeMoreApi api, HubConnection hub)
    {
        _api = api;
        _hub = hub;
        hub.On<Dictionary<string, object?>>("SessionEvent", async payload => await DeliverAsync([Read<SessionEvent>(payload)]));
        hub.On<Dictionary<string, object?>>("SessionLive", payload => _live.Writer.TryWrite(Read<SessionLiveMessage>(payload)));
        hub.Reconnected += async _ =>
        {
            foreach (var (sessionId, seq) in _lastSeq)
            {
                await JoinAsync(sessionId, seq);
            }
        };
    }

    /// <summary>Durable events of the joined sessions, deduplicated by seq.</summary>
    public ChannelReader<SessionEvent> Events => _events.Reader;

    /// <summary>Live-only messages (counselor reply deltas).</summary>
    public ChannelReader<SessionLiveMessage> Live => _live.Reader;

    public HubConnectionState State => _hub.State;

    /// <summary>Opens the connection with the api's access token; reconnects on its own after a network loss.</summary>
    public static async Task<SessionConnection> ConnectAsync(BeMoreApi api, LiveProtocol protocol = LiveProtocol.Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "/hubs/session"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(api.AccessToken);
            })
            .WithAutomaticReconnect();
        if (protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = new SessionConnection(api, builder.Build());
        await Hub(() => connection._hub.StartAsync(cancellationToken));
        return connection;
    }

    /// <summary>Joins a session: its missed events (after <paramref name="afterSeq"/>) are delivered before this returns.</summary>
    public async Task<SessionSnapshot> JoinAsync(string sessionId, long afterSeq = 0, CancellationToken cancellationToken = default)
    {
        _lastSeq.AddOrUpdate(sessionId, afterSeq, (_, seen) => Math.Max(seen, afterSeq));
        var answer = JsonSerializer.SerializeToElement(await Hub(() => _hub.InvokeAsync<Dictionary<string, object?>>("JoinSession", sessionId, afterSeq, cancellationToken)));
        var missed = answer.GetProperty("missed").Deserialize<List<SessionEvent>>(BeMoreApi.Json)!;
        await DeliverAsync(missed);
        if (answer.TryGetProperty("hasMore", out var hasMore) && hasMore.GetBoolean())
        {
            var page = new List<SessionEvent>();
            await foreach (var sessionEvent in _api.GetEventsAsync(sessionId, missed.Count > 0 ? missed[^1].Seq : afterSeq, cancellationToken))
            {
                page.Add(sessionEvent);
            }

            await DeliverAsync(page);
        }

        var snapshot = answer.GetProperty("snapshot");
        return snapshot.Deserialize<SessionSnapshot>(BeMoreApi.Json)! with { Raw = snapshot };
    }

    public async Task<SessionEvent> SendTranscriptAsync(string sessionId, TranscriptSegment segment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        // Written with the wire's camelCase names: MessagePack would otherwise key a record by its C# property names.
        var message = new { clientSegmentId = segment.ClientSegmentId, text = segment.Text, startMs = segment.StartMs, endMs = segment.EndMs, language = segment.Language };
        return Read<SessionEvent>(await Hub(() => _hub.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId, message, cancellationToken)));
    }

    /// <summary>Streams 16 kHz mono PCM16 chunks (at most 32 KB each); answers the byte count the server received.</summary>
    public Task<long> UploadAudioAsync(string sessionId, IAsyncEnumerable<byte[]> chunks, CancellationToken cancellationToken = default) =>
        Hub(() => _hub.InvokeAsync<long>("UploadAudio", sessionId, new { encoding = "pcm16", sampleRate = 16_000, channels = 1 }, chunks, cancellationToken));

    public async Task<SessionSnapshot> EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var snapshot = JsonSerializer.SerializeToElement(await Hub(() => _hub.InvokeAsync<Dictionary<string, object?>>("End", sessionId, cancellationToken)));
        return snapshot.Deserialize<SessionSnapshot>(BeMoreApi.Json)! with { Raw = snapshot };
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _delivery.Dispose();
        _events.Writer.TryComplete();
        _live.Writer.TryComplete();
    }

    /// <summary>Passes on the events not seen yet, in seq order, and remembers the last seq of each session.</summary>
    private async Task DeliverAsync(IEnumerable<SessionEvent> arrived)
    {
        await _delivery.WaitAsync();
        try
        {
            foreach (var sessionEvent in arrived.OrderBy(e => e.Seq))
            {
                var seen = _lastSeq.GetValueOrDefault(sessionEvent.SessionId, 0);
                if (sessionEvent.Seq > seen)
                {
                    _lastSeq[sessionEvent.SessionId] = sessionEvent.Seq;
                    await _events.Writer.WriteAsync(sessionEvent);
                }
            }
        }
        finally
        {
            _delivery.Release();
        }
    }

    private static T Read<T>(Dictionary<string, object?> payload) => JsonSerializer.SerializeToElement(payload).Deserialize<T>(BeMoreApi.Json)!;

    /// <summary>Runs a hub call; a hub error becomes a <see cref="BeMoreApiException"/> with its code.</summary>
    private static async Task<T> Hub<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HubException error)
        {
            throw new BeMoreApiException(null, BeMoreApiException.CodeOfHubError(error.Message) ?? "HUB_ERROR", error.Message, error);
        }
    }

    private static async Task Hub(Func<Task> call) => await Hub(async () =>
    {
        await call();
        return true;
    });
}
