using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BeMore.Client;

/// <summary>Sessions, their events, transcript, feedback, reports and the counselor over REST.</summary>
public sealed partial class BeMoreApi
{
    /// <summary>The server's largest page of events (<c>limit</c> of <c>/events</c> and <c>/transcript</c>).</summary>
    public const int MaxEventPage = 1000;

    /// <summary><c>POST /api/session</c>: consent is fixed for the session's life; the counselor answers on request unless told otherwise.</summary>
    public Task<SessionSnapshot> CreateSessionAsync(
        string? title, SessionConsent consent, CounselorMode? counselor = null, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, "/api/session", new { title, consent, counselor = counselor is { } mode ? new { mode } : null }, cancellationToken);

    /// <summary><c>GET /api/session</c>: one page of the caller's sessions, newest first.</summary>
    public async Task<SessionPage> ListSessionsAsync(
        string? cursor = null, int limit = 20, SessionSearch? search = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { $"limit={limit}" };
        Add(query, "cursor", cursor);
        Add(query, "q", search?.Query);
        Add(query, "from", search?.From?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "to", search?.To?.ToString("O", CultureInfo.InvariantCulture));
        var page = await SendAsync<JsonElement>(HttpMethod.Get, $"/api/session?{string.Join('&', query)}", null, cancellationToken);
        var items = page.GetProperty("items").EnumerateArray().Select(Snapshot).ToList();
        return new SessionPage(items, page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null);
    }

    /// <summary>Every session of the caller (matching <paramref name="search"/>), following the cursor page after page.</summary>
    public async IAsyncEnumerable<SessionSnapshot> ListAllSessionsAsync(
        SessionSearch? search = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListSessionsAsync(cursor, 100, search, cancellationToken);
            foreach (var session in page.Items)
            {
                yield return session;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public Task<SessionSnapshot> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Get, SessionPath(sessionId), null, cancellationToken);

    /// <summary>Repeating a transition is a no-op; an impossible one is <c>INVALID_SESSION_STATE</c>.</summary>
    public Task<SessionSnapshot> PauseSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, SessionPath(sessionId, "/pause"), null, cancellationToken);

    public Task<SessionSnapshot> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, SessionPath(sessionId, "/resume"), null, cancellationToken);

    public Task<SessionSnapshot> EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, SessionPath(sessionId, "/end"), null, cancellationToken);

    /// <summary><c>DELETE /api/session/{id}</c>: the session and everything about it is erased.</summary>
    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, SessionPath(sessionId), null, cancellationToken)).Dispose();

    /// <summary>Every event with seq greater than <paramref name="afterSeq"/>, page after page.</summary>
    public IAsyncEnumerable<SessionEvent> GetEventsAsync(string sessionId, long afterSeq = 0, CancellationToken cancellationToken = default) =>
        PagesAsync(sessionId, "/events", afterSeq, cancellationToken);

    /// <summary>The transcript segments after <paramref name="afterSeq"/>, page after page.</summary>
    public IAsyncEnumerable<SessionEvent> GetTranscriptAsync(string sessionId, long afterSeq = 0, CancellationToken cancellationToken = default) =>
        PagesAsync(sessionId, "/transcript", afterSeq, cancellationToken);

    /// <summary><c>POST /api/session/{id}/transcript</c>: the stored segment event (the same one again for a repeated client segment id).</summary>
    public Task<SessionEvent> AppendTranscriptAsync(string sessionId, TranscriptSegment segment, CancellationToken cancellationToken = default) =>
        SendAsync<SessionEvent>(HttpMethod.Post, SessionPath(sessionId, "/transcript"), segment, cancellationToken);

    /// <summary>
    /// <c>GET /api/session/{id}/summary</c> (the short view dashboards poll), conditional on the ETag of the previous
    /// answer; the latest emotion and metrics are in the snapshot's <see cref="SessionSnapshot.Raw"/>.
    /// </summary>
    public async Task<Conditional<SessionSnapshot>> GetSessionSummaryAsync(string sessionId, string? etag = null, CancellationToken cancellationToken = default)
    {
        var answer = await ConditionalAsync<JsonElement>(SessionPath(sessionId, "/summary"), etag, cancellationToken);
        return new Conditional<SessionSnapshot>(answer.NotModified, answer.NotModified ? null : Snapshot(answer.Value), answer.ETag);
    }

    /// <summary><c>POST /api/session/{id}/feedback</c>: a rating from 1 to 5; answers the <c>feedback_submitted</c> event.</summary>
    public Task<SessionEvent> SubmitFeedbackAsync(string sessionId, int rating, string? comment = null, CancellationToken cancellationToken = default) =>
        SendAsync<SessionEvent>(HttpMethod.Post, SessionPath(sessionId, "/feedback"), new { rating, comment }, cancellationToken);

    /// <summary>The full report JSON (see API.md's report shape).</summary>
    public Task<JsonElement> GetReportAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, SessionPath(sessionId, "/report"), null, cancellationToken);

    /// <summary>The report as a PDF file, streamed.</summary>
    public Task<Download> DownloadReportPdfAsync(string sessionId, CancellationToken cancellationToken = default) =>
        DownloadAsync(SessionPath(sessionId, "/report.pdf"), cancellationToken);

    /// <summary>One table of the report as CSV, streamed.</summary>
    public Task<Download> DownloadReportCsvAsync(string sessionId, ReportTable table, CancellationToken cancellationToken = default) =>
        DownloadAsync(SessionPath(sessionId, $"/report.csv?kind={table.ToString().ToLowerInvariant()}"), cancellationToken);

    /// <summary>
    /// <c>POST /api/session/{id}/counselor</c> as <c>text/event-stream</c>: the reply's pieces as they are said, then the
    /// stored <c>counselor_reply</c> event, which ends the stream.
    /// </summary>
    public async IAsyncEnumerable<CounselorStreamItem> AskCounselorAsync(
        string sessionId, CounselorMessage message, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Post, SessionPath(sessionId, "/counselor"), message, cancellationToken,
            configure: request => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream")),
            completion: HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (item.EventType == "counselor_reply")
            {
                yield return new CounselorFinal(JsonSerializer.Deserialize<SessionEvent>(item.Data, Json)!);
                yield break;
            }

            yield return new CounselorDelta(JsonSerializer.Deserialize<SessionLiveMessage>(item.Data, Json)!);
        }
    }

    /// <summary>The same with <c>Accept: application/json</c>: answers once the reply is stored.</summary>
    public Task<SessionEvent> AskCounselorForReplyAsync(string sessionId, CounselorMessage message, CancellationToken cancellationToken = default) =>
        SendAsync<SessionEvent>(HttpMethod.Post, SessionPath(sessionId, "/counselor"), message, cancellationToken,
            configure: request => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json")));

    internal static SessionSnapshot Snapshot(JsonElement raw) => raw.Deserialize<SessionSnapshot>(Json)! with { Raw = raw.Clone() };

    private async Task<SessionSnapshot> SnapshotAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        Snapshot(await SendAsync<JsonElement>(method, path, body, cancellationToken));

    private async IAsyncEnumerable<SessionEvent> PagesAsync(
        string sessionId, string kind, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await SendAsync<List<SessionEvent>>(HttpMethod.Get,
                SessionPath(sessionId, $"{kind}?after={afterSeq}&limit={MaxEventPage}"), null, cancellationToken);
            foreach (var sessionEvent in page)
            {
                yield return sessionEvent;
                afterSeq = sessionEvent.Seq;
            }

            if (page.Count < MaxEventPage)
            {
                yield break;
            }
        }
    }

    private async Task<Download> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, completion: HttpCompletionOption.ResponseHeadersRead);
        try
        {
            return new Download(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<Conditional<T>> ConditionalAsync<T>(string path, string? etag, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken,
            configure: request => { if (etag is not null) { request.Headers.TryAddWithoutValidation("If-None-Match", etag); } });
        var newTag = response.Headers.ETag?.ToString() ?? etag;
        return response.StatusCode == HttpStatusCode.NotModified
            ? new Conditional<T>(true, default, newTag)
            : new Conditional<T>(false, await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), newTag);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
