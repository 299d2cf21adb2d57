using System.Text.Json;

namespace BeMore.Client;

/// <summary>A signed-in account: <c>POST /api/auth/signup</c> and <c>/login</c> answer this.</summary>
public sealed record AuthResult(UserProfile User, string AccessToken, string RefreshToken, int ExpiresIn);

public sealed record UserProfile(string Id, string Email, string DisplayName, string Role);

/// <summary>A session's snapshot (the fields every client needs; the rest of the document is in <see cref="Raw"/>).</summary>
public sealed record SessionSnapshot(string Id, string Status, string? Title, long LastSeq)
{
    public JsonElement Raw { get; init; }
}

/// <summary>A durable session event <c>{sessionId, seq, type, at, data}</c>; <see cref="Data"/> is the type's document.</summary>
public sealed record SessionEvent(string SessionId, long Seq, string Type, DateTimeOffset At, JsonElement Data);

/// <summary>A live-only message <c>{sessionId, type, at, data}</c>: no seq, never replayed.</summary>
public sealed record SessionLiveMessage(string SessionId, string Type, DateTimeOffset At, JsonElement Data);

/// <summary>Consent fixed for a session's life (see API.md).</summary>
public sealed record SessionConsent(bool Analysis, bool StoreTranscript);

/// <summary>Transcript text produced by the client.</summary>
public sealed record TranscriptSegment(string ClientSegmentId, string Text, long StartMs, long EndMs, string Language);

/// <summary>Which SignalR protocol the live connection speaks; both carry the same fields.</summary>
public enum LiveProtocol
{
    Json,
    MessagePack,
}
