using System.Collections.Concurrent;
using System.Text.Json;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Binds each SignalR connection token to the user who negotiated it. SignalR itself accepts any authenticated
/// request that carries a live token: with long polling or server-sent events another user holding the token could
/// read the connection's frames and invoke methods as its owner, and a WebSocket could take over a negotiated or
/// reconnecting connection. Every request to the hub after negotiation (<c>?id=token</c>: polls, sends, streams,
/// WebSocket upgrades and reconnects) must come from the same user, or it is answered exactly as an unknown token is.
/// </summary>
public sealed class HubConnectionOwners(TimeProvider clock)
{
    /// <summary>A token negotiated but never connected is forgotten after this (SignalR drops it after 15 s).</summary>
    private static readonly TimeSpan UnclaimedLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Negotiation> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokenByConnectionId = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>Wraps the hub's negotiate endpoint: records who received the token before the client sees it.</summary>
    public async Task NegotiateAsync(HttpContext context, RequestDelegate negotiate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(negotiate);
        var client = context.Response.Body;
        // A negotiate answer is a few hundred bytes of JSON.
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await negotiate(context);
        }
        finally
        {
            context.Response.Body = client;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && ReadConnection(answer) is { } connection)
        {
            Record(connection.Token, connection.Id, context.User.UserId());
        }

        answer.Position = 0;
        await answer.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>Wraps the hub's connection endpoint: a request naming a token must come from the token's owner.</summary>
    public Task ConnectAsync(HttpContext context, RequestDelegate connect)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connect);
        var token = context.Request.Query["id"].ToString();
        if (token.Length == 0)
        {
            // A WebSocket without negotiation: a new connection, owned by whoever opens it.
            return connect(context);
        }

        return _byToken.TryGetValue(token, out var negotiation) && negotiation.UserId == context.User.UserId()
            ? connect(context)
            : AnswerUnknownTokenAsync(context);
    }

    /// <summary>The hub accepted the connection: its token lives until <see cref="Forget"/>.</summary>
    public void Claim(string connectionId)
    {
        if (_tokenByConnectionId.TryGetValue(connectionId, out var token) && _byToken.TryGetValue(token, out var negotiation))
        {
            negotiation.Claimed = true;
        }
    }

    public void Forget(string connectionId)
    {
        if (_tokenByConnectionId.TryRemove(connectionId, out var token))
        {
            _byToken.TryRemove(token, out _);
        }
    }

    private void Record(string token, string connectionId, string userId)
    {
        var now = clock.GetUtcNow();
        _byToken[token] = new Negotiation(userId, connectionId, now);
        _tokenByConnectionId[connectionId] = token;
        var nextSweep = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks >= nextSweep && Interlocked.CompareExchange(ref _nextSweepTicks, (now + UnclaimedLifetime).UtcTicks, nextSweep) == nextSweep)
        {
            foreach (var (staleToken, stale) in _byToken.Where(e => !e.Value.Claimed && now - e.Value.NegotiatedAt > UnclaimedLifetime))
            {
                _byToken.TryRemove(staleToken, out _);
                _tokenByConnectionId.TryRemove(stale.ConnectionId, out _);
            }
        }
    }

    /// <summary>SignalR's own answer to a token it does not know, so a foreign token cannot be told from a dead one.</summary>
    private static Task AnswerUnknownTokenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("No Connection with that ID", context.RequestAborted);
    }

    /// <summary>The token and id of a negotiate answer (protocol 0 has no separate token: the id is the token).</summary>
    private static (string Token, string Id)? ReadConnection(MemoryStream answer)
    {
        using var document = JsonDocument.Parse(answer.GetBuffer().AsMemory(0, (int)answer.Length));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("connectionId", out var id) || id.GetString() is not { Length: > 0 } connectionId)
        {
            return null;
        }

        var token = root.TryGetProperty("connectionToken", out var tokenElement) ? tokenElement.GetString() : null;
        return (token ?? connectionId, connectionId);
    }

    private sealed class Negotiation(string userId, string connectionId, DateTimeOffset negotiatedAt)
    {
        public string UserId { get; } = userId;

        public string ConnectionId { get; } = connectionId;

        public DateTimeOffset NegotiatedAt { get; } = negotiatedAt;

        public bool Claimed { get; set; }
    }
}
