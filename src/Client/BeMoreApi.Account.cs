using System.Net.Http.Headers;
using System.Text.Json;

namespace BeMore.Client;

/// <summary>The account (profile, password, preferences, export, erasure), the dashboard and the stateless helpers.</summary>
public sealed partial class BeMoreApi
{
    public Task<UserProfile> GetProfileAsync(CancellationToken cancellationToken = default) =>
        SendAsync<UserProfile>(HttpMethod.Get, "/api/user/me", null, cancellationToken);

    public Task<UserProfile> UpdateProfileAsync(string displayName, CancellationToken cancellationToken = default) =>
        SendAsync<UserProfile>(HttpMethod.Put, "/api/user/me", new { displayName }, cancellationToken);

    /// <summary>
    /// <c>POST /api/user/me/password</c>: every sign-in of the account ends, this one too (its refresh token is
    /// forgotten; the access token works until the server's stamp cache expires). Sign in again with the new password.
    /// </summary>
    public async Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        (await SendAsync(HttpMethod.Post, "/api/user/me/password", new { currentPassword, newPassword }, cancellationToken)).Dispose();
        RefreshToken = null;
    }

    /// <summary><c>DELETE /api/user/me</c>: erases the account and everything about it; the password is asked again.</summary>
    public async Task DeleteAccountAsync(string password, CancellationToken cancellationToken = default)
    {
        (await SendAsync(HttpMethod.Delete, "/api/user/me", new { password }, cancellationToken)).Dispose();
        Forget();
    }

    public Task<UserPreferences> GetPreferencesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<UserPreferences>(HttpMethod.Get, "/api/user/me/preferences", null, cancellationToken);

    /// <summary>Replaces the preferences; leaving <see cref="UserPreferences.Analysis"/> null keeps the current opt-ins.</summary>
    public Task<UserPreferences> UpdatePreferencesAsync(UserPreferences preferences, CancellationToken cancellationToken = default) =>
        SendAsync<UserPreferences>(HttpMethod.Put, "/api/user/me/preferences", preferences, cancellationToken);

    /// <summary><c>GET /api/user/me/export</c>: everything stored about the user as one JSON document, streamed.</summary>
    public Task<Download> ExportAccountAsync(CancellationToken cancellationToken = default) =>
        DownloadAsync("/api/user/me/export", cancellationToken);

    /// <summary>The user's own access log after record id <paramref name="after"/> (no content, only who/what/when/outcome).</summary>
    public Task<JsonElement> GetAuditAsync(long after = 0, int limit = 100, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"/api/user/me/audit?after={after}&limit={limit}", null, cancellationToken);

    /// <summary><c>GET /api/dashboard/summary</c>, conditional on the ETag of the previous answer (poll cheaply).</summary>
    public Task<Conditional<DashboardSummary>> GetDashboardAsync(string? etag = null, CancellationToken cancellationToken = default) =>
        ConditionalAsync<DashboardSummary>("/api/dashboard/summary", etag, cancellationToken);

    /// <summary><c>POST /api/emotion</c>: the emotion of a text (1..2000 characters); language ko, en or null to detect it.</summary>
    public Task<EmotionReading> AnalyzeEmotionAsync(string text, string? language = null, CancellationToken cancellationToken = default) =>
        SendAsync<EmotionReading>(HttpMethod.Post, "/api/emotion", new { text, language }, cancellationToken);

    /// <summary><c>GET /api/stt/status</c>: whether the server transcribes speech.</summary>
    public async Task<bool> IsSpeechToTextAvailableAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<JsonElement>(HttpMethod.Get, "/api/stt/status", null, cancellationToken)).GetProperty("available").GetBoolean();

    /// <summary><c>POST /api/stt/transcribe</c>: a WAV (PCM16) recording to text through the server's provider.</summary>
    public Task<Transcription> TranscribeAsync(ReadOnlyMemory<byte> wav, CancellationToken cancellationToken = default) =>
        SendAsync<Transcription>(HttpMethod.Post, "/api/stt/transcribe", (Func<HttpContent>)(() =>
        {
            var audio = new ReadOnlyMemoryContent(wav);
            audio.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            return new MultipartFormDataContent { { audio, "audio", "audio.wav" } };
        }), cancellationToken);
}

/// <summary>The emotion read from a text.</summary>
public sealed record EmotionReading(string Emotion, double Valence, double Arousal, double Confidence);

/// <summary>A recording's text.</summary>
public sealed record Transcription(string Text, string? Language, long DurationMs);
