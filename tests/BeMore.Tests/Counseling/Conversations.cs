using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Counseling;

/// <summary>What the counselor tests do over and over: start a session with a counselor mode, ask, wait for the reply.</summary>
internal static class Conversations
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<string> CreateAsync(HttpClient http, SignedInUser user, bool analysis = true, bool storeTranscript = true, string? mode = null)
    {
        using var response = await http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = "conversation", consent = new { analysis, storeTranscript }, counselor = mode is null ? null : new { mode } });
        using var body = await response.ReadJsonAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(mode ?? "onRequest", body.RootElement.GetProperty("counselor").GetString());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<(SignedInUser User, string SessionId, LiveClient Client)> StartAsync(
        BeMoreWebFactory factory, HttpClient http, bool analysis = true, bool storeTranscript = true, string? mode = null,
        LiveProtocol protocol = LiveProtocol.Json)
    {
        var user = await http.SignUpAsync();
        var sessionId = await CreateAsync(http, user, analysis, storeTranscript, mode);
        var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        await client.JoinAsync(sessionId);
        return (user, sessionId, client);
    }

    public static async Task<string> AskAsync(LiveClient client, string sessionId, string text, string language = "en", string? clientMessageId = null)
    {
        var started = await client.Connection.InvokeAsync<Dictionary<string, object?>>("AskCounselor", sessionId,
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text, language });
        return JsonSerializer.SerializeToElement(started).GetProperty("replyId").GetString()!;
    }

    /// <summary>The session's stored events, as REST answers them (the first page of 500).</summary>
    public static async Task<List<JsonElement>> StoredEventsAsync(HttpClient http, SignedInUser user, string sessionId)
    {
        using var response = await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?after=0&limit=500", user.AccessToken);
        using var body = await response.ReadJsonAsync();
        return body.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>The stored reply's data, once its <c>counselor_reply</c> event has been pushed.</summary>
    public static async Task<JsonElement> ReplyAsync(LiveClient client, string replyId)
    {
        var events = await client.ReceiveUntilAsync(received => received.Any(e => IsReply(e, replyId)), Wait);
        return events.Single(e => IsReply(e, replyId)).GetProperty("data");
    }

    /// <summary>The first reply pushed whatever its id (auto mode), with the events seen until then.</summary>
    public static async Task<List<JsonElement>> UntilRepliesAsync(LiveClient client, int count) =>
        await client.ReceiveUntilAsync(received => received.Count(e => e.GetProperty("type").GetString() == "counselor_reply") >= count, Wait);

    public static bool IsReply(JsonElement sessionEvent, string replyId) =>
        sessionEvent.GetProperty("type").GetString() == "counselor_reply"
        && sessionEvent.GetProperty("data").GetProperty("replyId").GetString() == replyId;

    public static bool IsDelta(JsonElement message, string replyId) =>
        message.GetProperty("type").GetString() == "counselor_reply_delta"
        && message.GetProperty("data").GetProperty("replyId").GetString() == replyId;

    /// <summary>The reply's deltas in arrival order, all of which must have come before its final event.</summary>
    public static List<JsonElement> DeltasBeforeFinal(LiveClient client, string replyId)
    {
        var arrivals = client.Arrivals.ToList();
        var final = arrivals.FindIndex(e => IsReply(e, replyId));
        Assert.True(final >= 0, "the final event arrived");
        Assert.DoesNotContain(arrivals.Skip(final + 1), e => IsDelta(e, replyId));
        return arrivals.Take(final).Where(e => IsDelta(e, replyId)).Select(e => e.GetProperty("data")).ToList();
    }

    public static string Text(JsonElement data) => data.GetProperty("text").GetString()!;
}
