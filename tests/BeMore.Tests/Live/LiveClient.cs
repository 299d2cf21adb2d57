using System.Text.Json;
using System.Threading.Channels;
using BeMore.Client;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Live;

/// <summary>
/// A real SignalR client on a real WebSocket, collecting the session events pushed to it: the client library's
/// <see cref="SessionConnection"/> (without automatic reconnection, so a test sees each close) with the raw
/// <see cref="Connection"/> at hand for calls a test shapes itself, and what arrived kept as JSON.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _live = Channel.CreateUnbounded<JsonElement>();
    private readonly HttpClient _http;
    private readonly SessionConnection _session;

    private LiveClient(HttpClient http, SessionConnection session)
    {
        _http = http;
        _session = session;
        Connection.On<Dictionary<string, object?>>("SessionEvent", payload =>
        {
            var pushed = JsonSerializer.SerializeToElement(payload);
            Arrivals.Enqueue(pushed);
            _events.Writer.TryWrite(pushed);
        });
        Connection.On<Dictionary<string, object?>>("SessionLive", payload =>
        {
            var live = JsonSerializer.SerializeToElement(payload);
            Arrivals.Enqueue(live);
            _live.Writer.TryWrite(live);
        });
    }

    /// <summary>Everything pushed (session events and live messages), in the order it arrived.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<JsonElement> Arrivals { get; } = new();

    public HubConnection Connection => _session.Hub;

    /// <summary>
    /// Completes when the connection closes, with the error the server closed it with (null for a clean close; a
    /// <see cref="BeMoreApiException"/> when the close carried a code).
    /// </summary>
    public Task<Exception?> Closed => _session.Closed;

    /// <summary>Connects with <paramref name="accessToken"/> (none: anonymous); a refusal is a <see cref="BeMoreApiException"/>.</summary>
    public static async Task<LiveClient> ConnectAsync(Uri server, string? accessToken, LiveProtocol protocol = LiveProtocol.Json)
    {
        var http = new HttpClient { BaseAddress = server };
        try
        {
            var api = new BeMoreApi(http) { AccessToken = accessToken };
            return new LiveClient(http, await SessionConnection.ConnectAsync(api, new LiveConnectionOptions { Protocol = protocol, AutomaticReconnect = false }));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task<JsonElement> JoinAsync(string sessionId, long afterSeq = 0) =>
        JsonSerializer.SerializeToElement(await Connection.InvokeAsync<Dictionary<string, object?>>("JoinSession", sessionId, afterSeq));

    /// <summary>
    /// Streams <paramref name="pcm"/> (16 kHz PCM16 mono) through UploadAudio in chunks of <paramref name="chunkBytes"/>
    /// and returns the byte count the server acknowledged; the server answers once it has processed every chunk.
    /// </summary>
    public async Task<long> UploadAudioAsync(string sessionId, byte[] pcm, int chunkBytes = 8000)
    {
        var chunks = Channel.CreateUnbounded<byte[]>();
        var upload = Connection.InvokeAsync<long>("UploadAudio", sessionId, new { encoding = "pcm16", sampleRate = 16000, channels = 1 }, chunks.Reader);
        for (var offset = 0; offset < pcm.Length; offset += chunkBytes)
        {
            await chunks.Writer.WriteAsync(pcm[offset..Math.Min(offset + chunkBytes, pcm.Length)]);
        }

        chunks.Writer.Complete();
        return await upload;
    }

    /// <summary>The next pushed events until one with <paramref name="seq"/> has arrived (deduplicated by seq).</summary>
    public async Task<List<JsonElement>> ReceiveThroughSeqAsync(long seq, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var received = new SortedDictionary<long, JsonElement>();
        while (received.Count == 0 || received.Keys.Max() < seq)
        {
            var next = await _events.Reader.ReadAsync(cancellation.Token);
            received[SeqOf(next)] = next;
        }

        return received.Values.ToList();
    }

    /// <summary>Pushed events (deduplicated by seq, in seq order) until <paramref name="done"/> says enough have arrived.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<IReadOnlyCollection<JsonElement>, bool> done, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var received = new SortedDictionary<long, JsonElement>();
        while (!done(received.Values))
        {
            var next = await _events.Reader.ReadAsync(cancellation.Token);
            received[SeqOf(next)] = next;
        }

        return received.Values.ToList();
    }

    /// <summary>The next live-only message (<c>SessionLive</c>) that <paramref name="match"/> accepts; earlier ones are passed over.</summary>
    public async Task<JsonElement> ReceiveLiveAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = await _live.Reader.ReadAsync(cancellation.Token);
            if (match(next))
            {
                return next;
            }
        }
    }

    public static long SeqOf(JsonElement sessionEvent) => sessionEvent.GetProperty("seq").GetInt64();

    /// <summary>The API code of a refusal: a hub error's "HubException: CODE: ..." or a client exception's code.</summary>
    public static string CodeOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is BeMoreApiException coded ? coded.Code : BeMoreApiException.CodeOfHubError(error.Message) ?? error.Message;
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        _http.Dispose();
    }
}

public static class LiveSessions
{
    public static Task<string> CreateAsync(HttpClient client, SignedInUser user, bool analysis = false, bool storeTranscript = true) =>
        client.CreateSessionAsync(user, storeTranscript, "live", analysis);

    /// <summary>Signs up a user, starts a session for them and connects to the hub as them: the opening of most hub tests.</summary>
    public static async Task<OpenLiveSession> OpenAsync(BeMoreWebFactory factory, HttpClient http, LiveProtocol protocol = LiveProtocol.Json, bool analysis = false)
    {
        var user = await http.SignUpAsync();
        var sessionId = await CreateAsync(http, user, analysis);
        return new OpenLiveSession(user, sessionId, await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol));
    }

    /// <summary>Posts a transcript segment through REST and returns its seq.</summary>
    public static async Task<long> AppendTranscriptAsync(HttpClient client, SignedInUser user, string sessionId, string text, string language = "en")
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            new { clientSegmentId = Guid.NewGuid().ToString("N"), text, startMs = 0, endMs = 1500, language });
        using var body = await response.ReadJsonAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return body.RootElement.GetProperty("seq").GetInt64();
    }
}

/// <summary>A user's session with a hub connection to it; disposing closes the connection.</summary>
public sealed record OpenLiveSession(SignedInUser User, string SessionId, LiveClient Client) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
