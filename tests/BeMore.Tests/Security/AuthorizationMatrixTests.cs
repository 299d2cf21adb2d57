using System.Net;
using System.Reflection;
using System.Threading.Channels;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using BeMore.Web.Features.Live;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Security;

/// <summary>
/// Who may reach what. Every route and every hub method is enumerated from the running server, so a new one that
/// takes an id, or needs no token, fails here until it is placed in the matrix and tried with another user's token.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.LoggedWebFactory factory) : IClassFixture<AuthorizationMatrixTests.LoggedWebFactory>
{
    /// <summary>
    /// Routes anyone may call: signing in (the API's and the dashboard's), health probes, aggregate error counts, and the
    /// web console's HTML shell (the same static page for every console route; its data comes from the authorized API).
    /// </summary>
    private static readonly HashSet<string> AnonymousRoutes =
    [
        "/", "/health", "/health/ready", "/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
        "/api/errors/stats", "/console/{*path:nonfile}", "/dashboard/signin", "/dashboard/signout",
    ];

    /// <summary>The API reference and its assets: public by design, and mapped only where docs are exposed (Development).</summary>
    private static readonly string[] AnonymousDocsPrefixes = ["/openapi/", "/asyncapi/", "/scalar/"];

    private const string SessionRoutePrefix = "/api/session/{id}";

    private readonly HttpClient _client = factory.CreateApiClient();

    private enum Access
    {
        Anonymous,
        Operator,
        OwnData,
        Session,
        Hub,
    }

    [Fact]
    public void EveryEndpoint_FallsIntoOneOwnershipClass()
    {
        var unclassified = Endpoints().Where(e => Classify(e) is null).Select(Describe).ToList();

        Assert.True(unclassified.Count == 0,
            "These endpoints are outside the authorization matrix (anonymous but not listed, or taking an id other than a session's): "
            + string.Join(", ", unclassified));
        Assert.Contains(Endpoints(), e => Classify(e) == Access.Hub);
        Assert.Contains(Endpoints(), e => Classify(e) == Access.Operator);
    }

    [Fact]
    public async Task EverySessionRoute_WithAnotherUsersSessionId_Returns404AndChangesNothing()
    {
        var owner = await _client.SignUpAsync();
        var intruder = await _client.SignUpAsync();
        var id = await LiveSessions.CreateAsync(_client, owner);
        var routes = Endpoints().Where(e => Classify(e) == Access.Session)
            .SelectMany(e => Methods(e).Select(method => (Method: method, Path: e.RoutePattern.RawText!.Replace("{id}", id, StringComparison.Ordinal))))
            .Select(route => route.Path.EndsWith("report.csv", StringComparison.Ordinal) ? route with { Path = route.Path + "?kind=transcript" } : route)
            .ToList();
        Assert.True(routes.Count >= 13, $"only {routes.Count} session routes found");

        foreach (var (method, path) in routes)
        {
            using var response = await _client.SendAsync(new HttpMethod(method), path, intruder.AccessToken, SessionBodyFor(path));
            using var body = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("SESSION_NOT_FOUND", body.Code());
        }

        await AssertUntouchedAsync(owner, id, expectedLastSeq: 1);
        // The session lists are per user (IUserSessionsGrain keyed by the token's user): the intruder's DELETE took the
        // session out of neither list, and put it into the intruder's.
        Assert.Equal([id], await ListedSessionIdsAsync(owner));
        Assert.Empty(await ListedSessionIdsAsync(intruder));
    }

    [Fact]
    public async Task EveryOwnDataRead_ForAnotherUser_ShowsNoneOfTheOwnersData()
    {
        var owner = await _client.SignUpAsync();
        var intruder = await _client.SignUpAsync();
        var marker = $"owner-secret-{Guid.NewGuid():N}";
        using (var created = await _client.SendAsync(HttpMethod.Post, "/api/session", owner.AccessToken,
                   new { title = marker, consent = new { analysis = true, storeTranscript = true } }))
        using (var createdBody = await created.ReadJsonAsync())
        {
            var id = createdBody.RootElement.GetProperty("id").GetString()!;
            using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", owner.AccessToken,
                       new { clientSegmentId = "s1", text = $"{marker} I always fail at everything", startMs = 0, endMs = 900, language = "en" }))
            using (await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", owner.AccessToken))
            {
            }

            marker = $"{marker}|{id}";
        }

        var reads = Endpoints().Where(e => Classify(e) == Access.OwnData && Methods(e).Contains(HttpMethods.Get)).Select(e => e.RoutePattern.RawText!).ToList();
        Assert.Contains("/api/user/me/export", reads);
        Assert.Contains("/api/dashboard/summary", reads);
        Assert.Contains("/api/session/", reads);

        foreach (var path in reads)
        {
            using var response = await _client.SendAsync(HttpMethod.Get, path, intruder.AccessToken);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
            foreach (var secret in marker.Split('|').Append(owner.Email).Append(owner.Id))
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"GET {path} showed another user's data");
            }
        }
    }

    [Fact]
    public async Task EveryOperatorRoute_ForARegularUser_Returns403()
    {
        var user = await _client.SignUpAsync();
        var routes = Endpoints().Where(e => Classify(e) == Access.Operator)
            .SelectMany(e => Methods(e).Select(method => (Method: method, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct().ToList();
        Assert.Contains(routes, route => route.Path.StartsWith("/api/admin", StringComparison.Ordinal));
        Assert.Contains(routes, route => route.Path.StartsWith("/dashboard", StringComparison.Ordinal));

        foreach (var (method, path) in routes)
        {
            using var response = await _client.SendAsync(new HttpMethod(method), path, user.AccessToken);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryHubMethod_OnAnotherUsersSession_IsRefusedAndChangesNothing()
    {
        var owner = await _client.SignUpAsync();
        var intruder = await _client.SignUpAsync();
        var id = await LiveSessions.CreateAsync(_client, owner, analysis: true);
        await using var ownerClient = await LiveClient.ConnectAsync(factory.ServerAddress, owner.AccessToken);
        await ownerClient.JoinAsync(id);
        await using var intruderClient = await LiveClient.ConnectAsync(factory.ServerAddress, intruder.AccessToken, LiveProtocol.MessagePack);
        var hub = intruderClient.Connection;
        var attempts = new Dictionary<string, Func<Task>>
        {
            ["JoinSession"] = () => hub.InvokeAsync<Dictionary<string, object?>>("JoinSession", id, 0L),
            ["SendTranscript"] = () => hub.InvokeAsync<Dictionary<string, object?>>("SendTranscript", id,
                new { clientSegmentId = "x", text = "intrusion", startMs = 0, endMs = 1, language = "en" }),
            ["SendVad"] = () => hub.InvokeAsync("SendVad", id, SpeechBetweenSilences()),
            ["SendLandmarks"] = () => hub.InvokeAsync("SendLandmarks", id,
                new[] { new { tsMs = 0L, points = Enumerable.Range(0, 468).Select(_ => new[] { 0.5, 0.5, 0.0 }).ToArray() } }),
            ["Pause"] = () => hub.InvokeAsync<Dictionary<string, object?>>("Pause", id),
            ["Resume"] = () => hub.InvokeAsync<Dictionary<string, object?>>("Resume", id),
            ["End"] = () => hub.InvokeAsync<Dictionary<string, object?>>("End", id),
            ["UploadAudio"] = () => UploadOneChunkAsync(hub, id),
            ["AskCounselor"] = () => hub.InvokeAsync<Dictionary<string, object?>>("AskCounselor", id,
                new { clientMessageId = "x", text = "intrusion", language = "en" }),
            ["CancelReply"] = () => hub.InvokeAsync("CancelReply", id, "r2"),
        };
        var hubMethods = typeof(SessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToList();
        // Leaving a group only ever removes the caller's own connection, and answers nothing: there is nothing to refuse.
        var unlisted = hubMethods.Except(attempts.Keys).Except(["LeaveSession"]).ToList();
        Assert.True(unlisted.Count == 0, "Hub methods outside the matrix: " + string.Join(", ", unlisted));

        foreach (var (method, attempt) in attempts)
        {
            var refusal = await Assert.ThrowsAsync<HubException>(attempt);
            Assert.True(LiveClient.CodeOf(refusal) == "SESSION_NOT_FOUND", $"{method} answered {refusal.Message}; the server's errors: {ServerErrors()}");
        }

        await hub.InvokeAsync("LeaveSession", id);
        Assert.Equal(HubConnectionState.Connected, hub.State);
        using (var appended = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", owner.AccessToken,
                   new { clientSegmentId = "after", text = "still mine", startMs = 0, endMs = 10, language = "en" }))
        {
            Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        }

        // The owner's live stream still works and its next event is the owner's own: the intruder added nothing (no
        // transcript, no status change, no voice activity); what follows seq 2 is the analysis of the owner's line.
        var pushed = await ownerClient.ReceiveThroughSeqAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal("transcript_segment", pushed[0].GetProperty("type").GetString());
        Assert.Equal(2, LiveClient.SeqOf(pushed[0]));
        using (var events = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/events", owner.AccessToken))
        using (var eventList = await events.ReadJsonAsync())
        {
            var types = eventList.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
            Assert.Equal(["status_changed", "transcript_segment"], types.Take(2));
            Assert.Single(types, "status_changed");
            Assert.DoesNotContain("vad_update", types);
        }

        // The intruder's voice frames never reached the detector: the owner's one utterance is counted as the first.
        await ownerClient.Connection.InvokeAsync("SendVad", id, SpeechBetweenSilences());
        using var after = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}/events", owner.AccessToken);
        using var afterList = await after.ReadJsonAsync();
        var counts = afterList.RootElement.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "vad_update")
            .Select(e => e.GetProperty("data").GetProperty("utteranceCount").GetInt32()).ToList();
        Assert.NotEmpty(counts);
        Assert.Equal(1, counts.Max());
    }

    /// <summary>What the server logged at Error and above (the exception's type and message, no stack): why a connection was closed.</summary>
    private string ServerErrors() => string.Join(" | ", factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error)
        .Select(e => $"{e.MessageTemplate.Text} {e.Exception?.GetType().Name}: {e.Exception?.Message}"));

    /// <summary>One second of speech between silences, in 20 ms client VAD frames.</summary>
    private static object[] SpeechBetweenSilences() => Enumerable.Range(0, 150)
        .Select(i => (object)new { tsMs = i * 20L, isSpeech = i is >= 25 and < 75, energy = i is >= 25 and < 75 ? 0.3 : 0.001, durationMs = 20 })
        .ToArray();

    private static async Task UploadOneChunkAsync(HubConnection hub, string sessionId)
    {
        var chunks = Channel.CreateUnbounded<byte[]>();
        await chunks.Writer.WriteAsync(new byte[8000]);
        chunks.Writer.Complete();
        await hub.InvokeAsync<long>("UploadAudio", sessionId, new { encoding = "pcm16", sampleRate = 16000, channels = 1 }, chunks.Reader);
    }

    private async Task AssertUntouchedAsync(SignedInUser owner, string id, long expectedLastSeq)
    {
        using var snapshot = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}", owner.AccessToken);
        using var body = await snapshot.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        Assert.Equal("active", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(expectedLastSeq, body.RootElement.GetProperty("lastSeq").GetInt64());
    }

    private async Task<List<string?>> ListedSessionIdsAsync(SignedInUser user)
    {
        using var list = await _client.SendAsync(HttpMethod.Get, "/api/session", user.AccessToken);
        using var body = await list.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        return body.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()).ToList();
    }

    private List<RouteEndpoint> Endpoints()
    {
        _ = factory.ServerAddress;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static Access? Classify(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern;
        var raw = pattern.RawText ?? "";
        var authorization = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || authorization.Count == 0;
        if (anonymous)
        {
            return AnonymousRoutes.Contains(raw) || AnonymousDocsPrefixes.Any(prefix => raw.StartsWith(prefix, StringComparison.Ordinal))
                ? Access.Anonymous
                : null;
        }

        if (authorization.Any(a => a.Policy is AuthPolicies.Operator or AuthPolicies.OperatorDashboard))
        {
            return Access.Operator;
        }

        if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null)
        {
            return Access.Hub;
        }

        if (pattern.Parameters.Count == 0)
        {
            return Access.OwnData;
        }

        var onlySessionId = pattern.Parameters.Count == 1 && pattern.Parameters[0].Name == "id";
        return onlySessionId && raw.StartsWith(SessionRoutePrefix, StringComparison.Ordinal) ? Access.Session : null;
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];

    /// <summary>A concrete path for a pattern: each parameter gets a value that satisfies any constraint (numbers included).</summary>
    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]*\}", "1");

    private static string Describe(RouteEndpoint endpoint) => $"{string.Join('|', Methods(endpoint))} {endpoint.RoutePattern.RawText}";

    private static object? SessionBodyFor(string path) => path switch
    {
        _ when path.EndsWith("/transcript", StringComparison.Ordinal) => new { clientSegmentId = "x", text = "intrusion", startMs = 0, endMs = 10, language = "en" },
        _ when path.EndsWith("/feedback", StringComparison.Ordinal) => new { rating = 1 },
        _ when path.EndsWith("/counselor", StringComparison.Ordinal) => new { clientMessageId = "x", text = "intrusion", language = "en" },
        _ => null,
    };

    /// <summary>The server with its log captured, so a refusal that is not one names what the server saw.</summary>
    public sealed class LoggedWebFactory : BeMoreWebFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureStorage(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}
