using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Security;

/// <summary>
/// A SignalR connection token belongs to the user who negotiated it. Another signed-in user who learns it can neither
/// read the connection's frames nor send on it (long polling and server-sent events, raw HTTP as an attacker would
/// write it), and the owner's connection carries on; the owner itself works on every transport.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubConnectionTokenTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const char RecordSeparator = '\u001e';
    private const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task LongPolling_AnotherUsersPollAndSendWithTheToken_AreRefusedAndTheOwnersConnectionCarriesOn()
    {
        var owner = await _http.SignUpAsync();
        var intruder = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, owner);
        var token = await NegotiateAsync(owner);
        using (var firstPoll = await SendAsync(HttpMethod.Get, token, owner))
        {
            Assert.Equal(HttpStatusCode.OK, firstPoll.StatusCode);
        }

        await PostAsync(token, owner, Handshake, HttpStatusCode.OK);
        Assert.Contains("{}" + RecordSeparator, await PollAsync(token, owner));
        // A reply waits in the owner's connection: a poll by anyone holding the token would take it.
        await PostAsync(token, owner, Invocation("1", "JoinSession", sessionId, 0), HttpStatusCode.OK);

        using var intruderPoll = await SendAsync(HttpMethod.Get, token, intruder);
        using var intruderSend = await SendAsync(HttpMethod.Post, token, intruder, Invocation("2", "Pause", sessionId));
        var ownerReply = await PollAsync(token, owner);
        await PostAsync(token, owner, Invocation("3", "LeaveSession", sessionId), HttpStatusCode.OK);
        var ownerNextReply = await PollAsync(token, owner);
        using var snapshot = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", owner.AccessToken);
        using var session = await snapshot.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, intruderPoll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intruderSend.StatusCode);
        Assert.Equal("1", CompletionOf(ownerReply).GetProperty("invocationId").GetString());
        Assert.Equal("3", CompletionOf(ownerNextReply).GetProperty("invocationId").GetString());
        Assert.Equal("active", session.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ServerSentEvents_AnotherUsersStreamAndSendWithTheToken_AreRefusedAndTheOwnersConnectionCarriesOn()
    {
        var owner = await _http.SignUpAsync();
        var intruder = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, owner);
        var token = await NegotiateAsync(owner);

        // The intruder tries first: before the owner's stream is open the token is not yet tied to a transport.
        using var intruderStream = await OpenStreamAsync(token, intruder);
        using var ownerStream = await OpenStreamAsync(token, owner);
        Assert.Equal(HttpStatusCode.OK, ownerStream.StatusCode);
        using var ownerEvents = new StreamReader(await ownerStream.Content.ReadAsStreamAsync());
        await PostAsync(token, owner, Handshake, HttpStatusCode.OK);
        Assert.Equal("{}", await ReadEventAsync(ownerEvents));
        using var intruderSend = await SendAsync(HttpMethod.Post, token, intruder, Invocation("1", "Pause", sessionId));
        using var intruderSecondStream = await OpenStreamAsync(token, intruder);
        await PostAsync(token, owner, Invocation("2", "JoinSession", sessionId, 0), HttpStatusCode.OK);
        var ownerReply = await ReadEventAsync(ownerEvents);
        using var snapshot = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", owner.AccessToken);
        using var session = await snapshot.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, intruderStream.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intruderSend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intruderSecondStream.StatusCode);
        Assert.Equal("2", CompletionOf(ownerReply).GetProperty("invocationId").GetString());
        Assert.Equal("active", session.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WebSocket_AnotherUserWithTheToken_IsRefused()
    {
        var owner = await _http.SignUpAsync();
        var intruder = await _http.SignUpAsync();
        var token = await NegotiateAsync(owner);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {intruder.AccessToken}");
        socket.Options.CollectHttpResponseDetails = true;
        var address = new UriBuilder(factory.ServerAddress) { Scheme = "ws", Path = "/hubs/session", Query = $"id={Uri.EscapeDataString(token)}" }.Uri;

        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(address, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets, false)]
    [InlineData(HttpTransportType.WebSockets, true)]
    [InlineData(HttpTransportType.ServerSentEvents, false)]
    [InlineData(HttpTransportType.LongPolling, false)]
    public async Task Owner_OnEveryTransport_JoinsAndReceivesItsEvents(HttpTransportType transport, bool skipNegotiation)
    {
        var owner = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, owner);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.ServerAddress, "/hubs/session"), options =>
            {
                options.Transports = transport;
                options.SkipNegotiation = skipNegotiation;
                options.AccessTokenProvider = () => Task.FromResult<string?>(owner.AccessToken);
            })
            .Build();
        var pushed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<Dictionary<string, object?>>("SessionEvent", e => pushed.TrySetResult(JsonSerializer.SerializeToElement(e).GetProperty("seq").GetInt64()));
        await connection.StartAsync();

        var joined = JsonSerializer.SerializeToElement(await connection.InvokeAsync<Dictionary<string, object?>>("JoinSession", sessionId, 0L));
        var seq = await LiveSessions.AppendTranscriptAsync(_http, owner, sessionId, "still mine");

        Assert.Equal(1, joined.GetProperty("missed").GetArrayLength());
        Assert.Equal(seq, await pushed.Task.WaitAsync(Wait));
    }

    private async Task<string> NegotiateAsync(SignedInUser user)
    {
        using var response = await SendRawAsync(HttpMethod.Post, "/hubs/session/negotiate?negotiateVersion=1", user, content: null);
        using var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.RootElement.GetProperty("connectionToken").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string token, SignedInUser user, string? content = null) =>
        SendRawAsync(method, $"/hubs/session?id={Uri.EscapeDataString(token)}", user, content);

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, SignedInUser user, string? content, string? accept = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, "text/plain");
        }

        using var timeout = new CancellationTokenSource(Wait);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    private async Task PostAsync(string token, SignedInUser user, string content, HttpStatusCode expected)
    {
        using var response = await SendAsync(HttpMethod.Post, token, user, content);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<string> PollAsync(string token, SignedInUser user)
    {
        using var response = await SendAsync(HttpMethod.Get, token, user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> OpenStreamAsync(string token, SignedInUser user) =>
        SendRawAsync(HttpMethod.Get, $"/hubs/session?id={Uri.EscapeDataString(token)}", user, content: null, accept: "text/event-stream");

    /// <summary>The next hub message on a server-sent-events stream (one <c>data:</c> line, without its separator).</summary>
    private static async Task<string> ReadEventAsync(StreamReader events)
    {
        while (true)
        {
            var line = await events.ReadLineAsync().WaitAsync(Wait) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Length > "data: ".Length)
            {
                var message = line["data: ".Length..].TrimEnd(RecordSeparator);
                if (!message.Contains("\"type\":6", StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }
    }

    private static string Invocation(string invocationId, string target, params object[] arguments) =>
        JsonSerializer.Serialize(new { type = 1, invocationId, target, arguments }) + RecordSeparator;

    /// <summary>The completion message (type 3) among the hub messages of a poll or an event.</summary>
    private static JsonElement CompletionOf(string messages) =>
        messages.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(m => JsonDocument.Parse(m).RootElement)
            .Single(m => m.TryGetProperty("type", out var type) && type.GetInt32() == 3);
}
