using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BeMore.Bench.Load;

/// <summary>The few REST calls the scenarios need to set up users and sessions on a BeMore server.</summary>
public sealed class BeMoreApi(Uri server) : IDisposable
{
    private const string Password = "bench-password-0001";
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };

    public Uri Server => server;

    /// <summary>Signs up a fresh user and returns its access token.</summary>
    public async Task<string> SignUpAsync(string name, CancellationToken cancellationToken)
    {
        var email = $"{name}-{Guid.NewGuid():N}@bench.example";
        using var response = await _http.PostAsJsonAsync("/api/auth/signup", new { email, password = Password, displayName = name }, cancellationToken);
        using var body = await ReadAsync(response, cancellationToken);
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    public async Task<string> CreateSessionAsync(string token, bool analysis, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, "/api/session", token);
        request.Content = JsonContent.Create(new { title = "bench", consent = new { analysis, storeTranscript = true } });
        using var response = await _http.SendAsync(request, cancellationToken);
        using var body = await ReadAsync(response, cancellationToken);
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>GET /api/session/{id}; returns the session's last seq.</summary>
    public async Task<long> GetSessionAsync(string token, string sessionId, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, $"/api/session/{sessionId}", token);
        using var response = await _http.SendAsync(request, cancellationToken);
        using var body = await ReadAsync(response, cancellationToken);
        return body.RootElement.GetProperty("lastSeq").GetInt64();
    }

    /// <summary>GET of any path (with the token when given); throws unless the answer is a success.</summary>
    public async Task GetAsync(string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    /// <summary>Creates <paramref name="count"/> sessions, a few requests at a time, spread over the given users.</summary>
    public async Task<List<(string Token, string SessionId)>> CreateSessionsAsync(
        IReadOnlyList<string> tokens, int count, bool analysis, CancellationToken cancellationToken)
    {
        var sessions = new (string, string)[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var token = tokens[i % tokens.Count];
            sessions[i] = (token, await CreateSessionAsync(token, analysis, ct));
        });
        return [.. sessions];
    }

    public async Task<List<string>> SignUpManyAsync(string name, int count, CancellationToken cancellationToken)
    {
        var tokens = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            tokens.Add(await SignUpAsync($"{name}{i}", cancellationToken));
        }

        return tokens;
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }
}
