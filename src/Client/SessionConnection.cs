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
/// every joined session is joined again from the last seq seen, so nothing is missed and nothing repeats. Every call's
/// refusal is a <see cref="BeMoreApiException"/> with the hub's code.
/// </summary>
public sealed class SessionConnection : IAsyncDisposable
{
    private static readonly object AudioFormat = new { encoding = "pcm16", sampleRate = 16_000, channels = 1 };

    private readonly BeMoreApi _api;
    private readonly Channel<SessionEvent> _events = Channel.CreateUnbounded<SessionEvent>();
    private readonly Channel<SessionLiveMessage> _live = Channel.CreateUnbounded<SessionLiveMessage>();
    private readonly ConcurrentDictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _delivery = new(1, 1);
    private readonly Dictionary<string, List<SessionEvent>> _held = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _queue;

    private SessionConnection(BeMoreApi api, HubConnection hub, bool queue)
    {
        _api = api;
        _queue = queue;
        Hub = hub;
        hub.On<Dictionary<string, object?>>("SessionEvent", payload => OnPushedAsync(Read<SessionEvent>(payload)));
        hub.On<Dictionary<string, object?>>("SessionLive", payload =>
        {
            if (_queue)
            {
                _live.Writer.TryWrite(Read<SessionLiveMessage>(payload));
            }
        });
        hub.Reconnected += async connectionId =>
        {
            foreach (var (sessionId, seq) in _lastSeq)
            {
                try
                {
                    await JoinAsync(sessionId, seq);
                }
                catch (BeMoreApiException gone) when (gone.Code == "SESSION_NOT_FOUND")
                {
                    // Erased while the connection was down: nothing left to follow; the other sessions are joined still.
                    _lastSeq.TryRemove(sessionId, out _);
                }
            }
        };
        hub.Closed += error =>
        {
            _closed.TrySetResult(error is null ? null : Coded(error));
            return Task.CompletedTask;
        };
    }

    /// <summary>Durable events of the joined sessions, deduplicated by seq.</summary>
    public ChannelReader<SessionEvent> Events => _events.Reader;

    /// <summary>Live-only messages: counselor reply deltas and the voice level.</summary>
    public ChannelReader<SessionLiveMessage> Live => _live.Reader;

    /// <summary>
    /// Completes when the connection has closed for good (after reconnection gave up, or a refusal such as
    /// <c>TOO_MANY_CONNECTIONS</c>, which arrives as a <see cref="BeMoreApiException"/>); null for a close asked by this side.
    /// </summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>The underlying SignalR connection, for what this class does not wrap.</summary>
    public HubConnection Hub { get; }

    public HubConnectionState State => Hub.State;

    /// <summary>Opens the connection with the api's access token (renewed when due); reconnects on its own after a network loss.</summary>
    public static Task<SessionConnection> ConnectAsync(BeMoreApi api, LiveProtocol protocol = LiveProtocol.Json, CancellationToken cancellationToken = default) =>
        ConnectAsync(api, new LiveConnectionOptions { Protocol = protocol }, cancellationToken);

    /// <summary>Opens the connection as <paramref name="options"/> say.</summary>
    public static async Task<SessionConnection> ConnectAsync(BeMoreApi api, LiveConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "/hubs/session"), connection =>
            {
                connection.Transports = HttpTransportType.WebSockets;
                connection.SkipNegotiation = true;
                connection.AccessTokenProvider = () => api.GetAccessTokenAsync();
            });
        if (options.AutomaticReconnect)
        {
            builder.WithAutomaticReconnect();
        }

        if (options.Protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = new SessionConnection(api, builder.Build(), options.QueueEvents);
        options.Configure?.Invoke(connection.Hub);
        try
        {
            await Call(() => connection.Hub.StartAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>
    /// Joins a session: its missed events (after <paramref name="afterSeq"/>) are delivered before this returns; events
    /// pushed while the join is under way wait for them, so the session's events stay in seq order.
    /// </summary>
    public async Task<SessionSnapshot> JoinAsync(string sessionId, long afterSeq = 0, CancellationToken cancellationToken = default)
    {
        await HoldPushesAsync(sessionId, cancellationToken);
        var caughtUp = new List<SessionEvent>();
        try
        {
            var answer = await Invoke("JoinSession", [sessionId, afterSeq], cancellationToken);
            _lastSeq.AddOrUpdate(sessionId, afterSeq, (_, seen) => Math.Max(seen, afterSeq));
            caughtUp.AddRange(answer.GetProperty("missed").Deserialize<List<SessionEvent>>(BeMoreApi.Json)!);
            if (answer.TryGetProperty("hasMore", out var hasMore) && hasMore.GetBoolean())
            {
                await foreach (var sessionEvent in _api.GetEventsAsync(sessionId, caughtUp.Count > 0 ? caughtUp[^1].Seq : afterSeq, cancellationToken))
                {
                    caughtUp.Add(sessionEvent);
                }
            }

            return BeMoreApi.Snapshot(answer.GetProperty("snapshot"));
        }
        finally
        {
            await ReleasePushesAsync(sessionId, caughtUp);
        }
    }

    /// <summary>Leaves the session's group; it is not joined again after a reconnect.</summary>
    public async Task LeaveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        _lastSeq.TryRemove(sessionId, out _);
        await Call(() => Hub.InvokeAsync("LeaveSession", sessionId, cancellationToken));
    }

    /// <summary>Transcript text produced by the client; answers the stored segment event.</summary>
    public async Task<SessionEvent> SendTranscriptAsync(string sessionId, TranscriptSegment segment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        // Written with the wire's camelCase names: MessagePack would otherwise key a record by its C# property names.
        var message = new { clientSegmentId = segment.ClientSegmentId, text = segment.Text, startMs = segment.StartMs, endMs = segment.EndMs, language = segment.Language };
        return (await Invoke("SendTranscript", [sessionId, message], cancellationToken)).Deserialize<SessionEvent>(BeMoreApi.Json)!;
    }

    /// <summary>Voice activity computed by the client: 1..200 frames in increasing time.</summary>
    public Task SendVadAsync(string sessionId, IEnumerable<VadFrame> frames, CancellationToken cancellationToken = default)
    {
        var wire = frames.Select(f => new { tsMs = f.TsMs, isSpeech = f.IsSpeech, energy = f.Energy, durationMs = f.DurationMs }).ToArray();
        return Call(() => Hub.InvokeAsync("SendVad", sessionId, wire, cancellationToken));
    }

    /// <summary>Face-mesh frames: 1..10 in increasing time (a message of at most 384 KB); refused with FORBIDDEN without analysis consent.</summary>
    public Task SendLandmarksAsync(string sessionId, IEnumerable<LandmarkFrame> frames, CancellationToken cancellationToken = default)
    {
        var wire = frames.Select(f => new { tsMs = f.TsMs, points = f.Points }).ToArray();
        return Call(() => Hub.InvokeAsync("SendLandmarks", sessionId, wire, cancellationToken));
    }

    /// <summary>Streams 16 kHz mono PCM16 chunks (at most 32 KB each); answers the byte count the server received.</summary>
    public Task<long> UploadAudioAsync(string sessionId, IAsyncEnumerable<byte[]> chunks, CancellationToken cancellationToken = default) =>
        Call(() => Hub.InvokeAsync<long>("UploadAudio", sessionId, AudioFormat, chunks, cancellationToken));

    /// <summary>The same from a channel the caller writes as audio is captured (complete it to end the upload).</summary>
    public Task<long> UploadAudioAsync(string sessionId, ChannelReader<byte[]> chunks, CancellationToken cancellationToken = default) =>
        Call(() => Hub.InvokeAsync<long>("UploadAudio", sessionId, AudioFormat, chunks, cancellationToken));

    public async Task<SessionSnapshot> PauseAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BeMoreApi.Snapshot(await Invoke("Pause", [sessionId], cancellationToken));

    public async Task<SessionSnapshot> ResumeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BeMoreApi.Snapshot(await Invoke("Resume", [sessionId], cancellationToken));

    public async Task<SessionSnapshot> EndAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BeMoreApi.Snapshot(await Invoke("End", [sessionId], cancellationToken));

    /// <summary>Asks the counselor; answers the reply id at once. The reply streams through <see cref="Live"/>, then a <c>counselor_reply</c> event.</summary>
    public async Task<string> AskCounselorAsync(string sessionId, CounselorMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wire = new { clientMessageId = message.ClientMessageId, text = message.Text, language = message.Language };
        return (await Invoke("AskCounselor", [sessionId, wire], cancellationToken)).GetProperty("replyId").GetString()!;
    }

    /// <summary>Stops a reply in progress; it is stored with what was said and <c>cancelled: true</c>.</summary>
    public Task CancelReplyAsync(string sessionId, string replyId, CancellationToken cancellationToken = default) =>
        Call(() => Hub.InvokeAsync("CancelReply", sessionId, replyId, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        _events.Writer.TryComplete();
        _live.Writer.TryComplete();
    }

    private async Task OnPushedAsync(SessionEvent pushed)
    {
        await _delivery.WaitAsync();
        try
        {
            if (_held.TryGetValue(pushed.SessionId, out var held))
            {
                held.Add(pushed);
            }
            else
            {
                Deliver([pushed]);
            }
        }
        finally
        {
            _delivery.Release();
        }
    }

    private async Task HoldPushesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await _delivery.WaitAsync(cancellationToken);
        _held.TryAdd(sessionId, []);
        _delivery.Release();
    }

    /// <summary>Delivers a join's catch-up together with what was pushed meanwhile, and stops holding pushes.</summary>
    private async Task ReleasePushesAsync(string sessionId, List<SessionEvent> caughtUp)
    {
        await _delivery.WaitAsync();
        try
        {
            if (_held.Remove(sessionId, out var held))
            {
                caughtUp.AddRange(held);
            }

            Deliver(caughtUp);
        }
        finally
        {
            _delivery.Release();
        }
    }

    /// <summary>Passes on the events not seen yet, in seq order, and remembers the last seq of each session (under the delivery lock).</summary>
    private void Deliver(IEnumerable<SessionEvent> arrived)
    {
        foreach (var sessionEvent in arrived.OrderBy(e => e.Seq))
        {
            var seen = _lastSeq.GetValueOrDefault(sessionEvent.SessionId, 0);
            if (sessionEvent.Seq > seen)
            {
                _lastSeq[sessionEvent.SessionId] = sessionEvent.Seq;
                if (_queue)
                {
                    _events.Writer.TryWrite(sessionEvent);
                }
            }
        }
    }

    private async Task<JsonElement> Invoke(string method, object?[] arguments, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToElement(await Call(() => Hub.InvokeCoreAsync<Dictionary<string, object?>>(method, arguments, cancellationToken)));

    private static T Read<T>(Dictionary<string, object?> payload) => JsonSerializer.SerializeToElement(payload).Deserialize<T>(BeMoreApi.Json)!;

    private static Exception Coded(Exception error) =>
        BeMoreApiException.CodeOfHubError(error.Message) is { } code ? new BeMoreApiException(null, code, error.Message, error) : error;

    /// <summary>Runs a hub call; a hub error becomes a <see cref="BeMoreApiException"/> with its code.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
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

    private static async Task Call(Func<Task> call) => await Call(async () =>
    {
        await call();
        return true;
    });
}

/// <summary>How a <see cref="SessionConnection"/> connects.</summary>
public sealed record LiveConnectionOptions
{
    public LiveProtocol Protocol { get; init; } = LiveProtocol.Json;

    /// <summary>Reconnect after a loss and join the sessions again from the last seq seen (on by default).</summary>
    public bool AutomaticReconnect { get; init; } = true;

    /// <summary>
    /// Queue pushed events and live messages for <see cref="SessionConnection.Events"/> and <see cref="SessionConnection.Live"/>
    /// (on by default). A caller that never reads them (a load generator) turns this off so they do not pile up; seqs
    /// are tracked either way, for the catch-up after a reconnect.
    /// </summary>
    public bool QueueEvents { get; init; } = true;

    /// <summary>Adjusts the SignalR connection before it starts (timeouts, extra handlers).</summary>
    public Action<HubConnection>? Configure { get; init; }
}
