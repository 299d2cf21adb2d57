using BeMore.Client;
using ClientApi = BeMore.Client.BeMoreApi;

namespace BeMore.Bench.Load;

/// <summary>
/// The few REST calls the scenarios need to set up users and sessions on a BeMore server, made through the client
/// library (<see cref="ClientApi"/>) with one connection pool for every user; a call's user is its access token.
/// </summary>
public sealed class BeMoreApi(Uri server) : IDisposable
{
    private const string Password = "bench-password-0001";
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };

    public Uri Server => server;

    /// <summary>Signs up a fresh user and returns its access token.</summary>
    public async Task<string> SignUpAsync(string name, CancellationToken cancellationToken) =>
        (await new ClientApi(_http).SignUpAsync($"{name}-{Guid.NewGuid():N}@bench.example", Password, name, cancellationToken)).AccessToken;

    public async Task<string> CreateSessionAsync(string token, bool analysis, CancellationToken cancellationToken) =>
        (await As(token).CreateSessionAsync("bench", new SessionConsent(analysis, StoreTranscript: true), cancellationToken: cancellationToken)).Id;

    /// <summary>GET /api/session/{id}; returns the session's last seq.</summary>
    public async Task<long> GetSessionAsync(string token, string sessionId, CancellationToken cancellationToken) =>
        (await As(token).GetSessionAsync(sessionId, cancellationToken)).LastSeq;

    /// <summary>
    /// GET of any path (with the token when given), the body read and dropped; throws unless the answer is a success.
    /// Raw on purpose: the mixed scenario sends the same request shape to the baseline's bare routes and to BeMore's.
    /// </summary>
    public async Task GetAsync(string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
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

    /// <summary>The client library signed in as the user of <paramref name="token"/>.</summary>
    public ClientApi As(string token) => new(_http) { AccessToken = token };

    public void Dispose() => _http.Dispose();
}
