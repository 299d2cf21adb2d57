using System.Text.Json;

namespace BeMore.Client;

/// <summary>A signed-in account: sign-up, sign-in and refresh answer this.</summary>
public sealed record AuthResult(UserSummary User, string AccessToken, string RefreshToken, int ExpiresIn);

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role);

/// <summary><c>GET /api/user/me</c>.</summary>
public sealed record UserProfile(string Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt);

/// <summary>Which analyses the account allows (<c>preferences.analysis</c>).</summary>
public sealed record AnalysisOptIns(bool TextEmotion = true, bool FaceEmotion = true, bool Voice = true, bool Distortions = true);

/// <summary>The account's preferences: language <c>ko</c>|<c>en</c>, theme <c>system</c>|<c>light</c>|<c>dark</c>.</summary>
public sealed record UserPreferences(string Language, string Theme, bool Notifications, AnalysisOptIns? Analysis);

/// <summary>A session's snapshot; the rest of the document (latest emotion, metrics) is in <see cref="Raw"/>.</summary>
public sealed record SessionSnapshot(
    string Id, string Status, string? Title, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, long ActiveDurationMs, long LastSeq)
{
    public JsonElement Raw { get; init; }
}

/// <summary>One page of <c>GET /api/session</c>; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record SessionPage(IReadOnlyList<SessionSnapshot> Items, string? NextCursor);

/// <summary>Narrows the session list: title contains <see cref="Query"/>, started in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record SessionSearch(string? Query = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>Consent fixed for a session's life (see API.md).</summary>
public sealed record SessionConsent(bool Analysis, bool StoreTranscript);

/// <summary>When the counselor answers in a session.</summary>
public enum CounselorMode
{
    OnRequest,
    Off,
    Auto,
}

/// <summary>Transcript text produced by the client.</summary>
public sealed record TranscriptSegment(string ClientSegmentId, string Text, long StartMs, long EndMs, string Language);

/// <summary>A message to the counselor; the same <see cref="ClientMessageId"/> again is the same message.</summary>
public sealed record CounselorMessage(string ClientMessageId, string Text, string Language);

/// <summary>A client-computed voice-activity frame (energy 0..1).</summary>
public sealed record VadFrame(long TsMs, bool IsSpeech, double Energy, int DurationMs);

/// <summary>A MediaPipe face-mesh frame: 468 points of [x, y, z].</summary>
public sealed record LandmarkFrame(long TsMs, double[][] Points);

/// <summary>The tables of the report as CSV.</summary>
public enum ReportTable
{
    Transcript,
    Emotion,
    Voice,
    Distortions,
    Conversation,
}

/// <summary>A file download: read <see cref="Content"/>, then dispose.</summary>
public sealed class Download(HttpResponseMessage response, Stream content) : IDisposable, IAsyncDisposable
{
    public Stream Content { get; } = content;

    public string? ContentType => response.Content.Headers.ContentType?.MediaType;

    public string? FileName => response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;

    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        response.Dispose();
    }
}

/// <summary>
/// The answer of a conditional GET: <see cref="NotModified"/> when the caller's ETag still holds (then
/// <see cref="Value"/> is default), else the document and its new <see cref="ETag"/> to send next time.
/// </summary>
public sealed record Conditional<T>(bool NotModified, T? Value, string? ETag);

/// <summary><c>GET /api/dashboard/summary</c>: the caller's aggregates over their sessions.</summary>
public sealed record DashboardSummary(
    int SessionCount,
    int EndedSessionCount,
    double TotalActiveMinutes,
    IReadOnlyDictionary<string, int> EmotionDistribution,
    IReadOnlyList<SessionOutcome> Trend,
    IReadOnlyList<DistortionTotal> TopDistortions,
    IReadOnlyList<RecentSession> RecentSessions,
    IReadOnlyList<SessionOutcome> RiskFlags);

/// <summary>What an ended session contributes to the dashboard.</summary>
public sealed record SessionOutcome(
    string SessionId, DateTimeOffset EndedAt, long ActiveMs, string? DominantEmotion, IReadOnlyDictionary<string, int> DistortionCounts, string RiskLevel);

public sealed record DistortionTotal(string Type, int Count);

/// <summary>A recent session; <see cref="Outcome"/> once it has ended.</summary>
public sealed record RecentSession(string SessionId, DateTimeOffset StartedAt, string? Title, SessionOutcome? Outcome);

/// <summary>Which SignalR protocol the live connection speaks; both carry the same fields.</summary>
public enum LiveProtocol
{
    Json,
    MessagePack,
}
