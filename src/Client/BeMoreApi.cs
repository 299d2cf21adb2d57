using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BeMore.Client;

/// <summary>
/// The REST side of BeMore, typed. Construct it over an <see cref="HttpClient"/> whose BaseAddress is the server;
/// <see cref="SignUpAsync"/> or <see cref="LogInAsync"/> keeps the access token for later calls.
/// </summary>
public sealed class BeMoreApi(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The access token of the signed-in account, sent as <c>Authorization: Bearer</c>.</summary>
    public string? AccessToken { get; set; }

    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The HttpClient needs a BaseAddress.");

    public async Task<AuthResult> SignUpAsync(string email, string password, string displayName, CancellationToken cancellationToken = default) =>
        Remember(await SendAsync<AuthResult>(HttpMethod.Post, "/api/auth/signup", new { email, password, displayName }, cancellationToken));

    public async Task<AuthResult> LogInAsync(string email, string password, CancellationToken cancellationToken = default) =>
        Remember(await SendAsync<AuthResult>(HttpMethod.Post, "/api/auth/login", new { email, password }, cancellationToken));

    public Task<SessionSnapshot> CreateSessionAsync(string? title, SessionConsent consent, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, "/api/session", new { title, consent }, cancellationToken);

    public Task<SessionSnapshot> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Get, $"/api/session/{Uri.EscapeDataString(sessionId)}", null, cancellationToken);

    public Task<SessionSnapshot> EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(HttpMethod.Post, $"/api/session/{Uri.EscapeDataString(sessionId)}/end", null, cancellationToken);

    /// <summary>Every event with seq greater than <paramref name="afterSeq"/>, page after page.</summary>
    public async IAsyncEnumerable<SessionEvent> GetEventsAsync(string sessionId, long afterSeq = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int PageSize = 1000;
        while (true)
        {
            var page = await SendAsync<List<SessionEvent>>(HttpMethod.Get,
                $"/api/session/{Uri.EscapeDataString(sessionId)}/events?after={afterSeq}&limit={PageSize}", null, cancellationToken);
            foreach (var sessionEvent in page)
            {
                yield return sessionEvent;
                afterSeq = sessionEvent.Seq;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The full report JSON (see API.md's report shape).</summary>
    public Task<JsonElement> GetReportAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"/api/session/{Uri.EscapeDataString(sessionId)}/report", null, cancellationToken);

    private AuthResult Remember(AuthResult result)
    {
        AccessToken = result.AccessToken;
        return result;
    }

    private async Task<SessionSnapshot> SnapshotAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var raw = await SendAsync<JsonElement>(method, path, body, cancellationToken);
        return raw.Deserialize<SessionSnapshot>(Json)! with { Raw = raw };
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private static async Task<BeMoreApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = $"HTTP_{(int)response.StatusCode}";
        var detail = response.ReasonPhrase ?? string.Empty;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() ?? code : code;
            detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? detail : detail;
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page): the status stands alone.
        }

        return new BeMoreApiException(response.StatusCode, code, detail);
    }
}
