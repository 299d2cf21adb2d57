using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BeMore.Client;

/// <summary>
/// The REST side of BeMore, typed. Construct it over an <see cref="HttpClient"/> whose BaseAddress is the server.
/// Signing up or in keeps the tokens; an access token about to expire, or one the server calls invalid, is renewed with
/// the refresh token once (concurrent callers wait for that one renewal) and the call is sent again. Every refusal is a
/// <see cref="BeMoreApiException"/>.
/// </summary>
public sealed partial class BeMoreApi
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>How long before its expiry an access token is renewed rather than sent.</summary>
    private static readonly TimeSpan RenewAhead = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly Lock _renewalLock = new();
    private Task<AuthResult>? _renewal;
    private string? _accessToken;
    private DateTimeOffset? _accessTokenExpiresAt;

    public BeMoreApi(HttpClient http, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Raised after the tokens were renewed, so an app can keep the new refresh token (the old one no longer works).</summary>
    public event EventHandler<AuthResult>? TokensRenewed;

    /// <summary>The access token sent as <c>Authorization: Bearer</c>; set it to resume a sign-in kept elsewhere.</summary>
    public string? AccessToken
    {
        get => _accessToken;
        set
        {
            _accessToken = value;
            _accessTokenExpiresAt = null;
        }
    }

    /// <summary>The refresh token of this sign-in; without one an expired access token is an error.</summary>
    public string? RefreshToken { get; set; }

    public Uri BaseAddress => _http.BaseAddress ?? throw new InvalidOperationException("The HttpClient needs a BaseAddress.");

    /// <summary><c>POST /api/auth/signup</c>; the new account is signed in.</summary>
    public async Task<AuthResult> SignUpAsync(string email, string password, string displayName, CancellationToken cancellationToken = default) =>
        Remember(await SendAsync<AuthResult>(HttpMethod.Post, "/api/auth/signup", new { email, password, displayName }, cancellationToken, authorized: false));

    /// <summary><c>POST /api/auth/login</c>.</summary>
    public async Task<AuthResult> LogInAsync(string email, string password, CancellationToken cancellationToken = default) =>
        Remember(await SendAsync<AuthResult>(HttpMethod.Post, "/api/auth/login", new { email, password }, cancellationToken, authorized: false));

    /// <summary><c>POST /api/auth/refresh</c> now, whatever the access token's age; both tokens are replaced.</summary>
    public Task<AuthResult> RefreshAsync(CancellationToken cancellationToken = default)
    {
        lock (_renewalLock)
        {
            return Renewal().WaitAsync(cancellationToken);
        }
    }

    /// <summary><c>POST /api/auth/logout</c>: ends this sign-in and forgets its tokens.</summary>
    public async Task LogOutAsync(CancellationToken cancellationToken = default)
    {
        if (RefreshToken is { } refreshToken)
        {
            await SendAsync(HttpMethod.Post, "/api/auth/logout", new { refreshToken }, cancellationToken, authorized: false);
        }

        Forget();
    }

    /// <summary><c>POST /api/auth/logout-all</c>: ends every sign-in of the account (access tokens within the server's stamp cache).</summary>
    public async Task LogOutEverywhereAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Post, "/api/auth/logout-all", null, cancellationToken);
        Forget();
    }

    /// <summary>The access token to present now, renewed first when it is about to expire (the hub connection asks this).</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_accessToken is { } token && RefreshToken is not null && _accessTokenExpiresAt is { } expiresAt && _clock.GetUtcNow() >= expiresAt - RenewAhead)
        {
            await RenewUnlessRenewedAsync(token, cancellationToken);
        }

        return _accessToken;
    }

    internal async Task<T> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool authorized = true, Action<HttpRequestMessage>? configure = null)
    {
        using var response = await SendAsync(method, path, body, cancellationToken, authorized, configure);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    /// <summary>Sends a request and answers the successful response (the caller disposes it); a refusal throws.</summary>
    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool authorized = true,
        Action<HttpRequestMessage>? configure = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var token = authorized ? await GetAccessTokenAsync(cancellationToken) : null;
        var response = await SendOnceAsync(method, path, body, token, configure, completion, cancellationToken);
        if (token is not null && RefreshToken is not null && IsInvalidToken(response))
        {
            response.Dispose();
            await RenewUnlessRenewedAsync(token, cancellationToken);
            response = await SendOnceAsync(method, path, body, _accessToken, configure, completion, cancellationToken);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemAsync(response, cancellationToken);
        }
    }

    internal static string SessionPath(string sessionId, string rest = "") => $"/api/session/{Uri.EscapeDataString(sessionId)}{rest}";

    private static bool IsInvalidToken(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        && response.Headers.WwwAuthenticate.Any(challenge => challenge.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true);

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, string path, object? body, string? token, Action<HttpRequestMessage>? configure,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = body switch
        {
            null => null,
            // A content factory: a retried request needs a fresh content, since sending disposes it.
            Func<HttpContent> content => content(),
            _ => JsonContent.Create(body, options: Json),
        };
        configure?.Invoke(request);
        return await _http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>
    /// Renews the tokens unless they no longer are <paramref name="stale"/>; callers that find a renewal under way
    /// await that one, since a refresh token works once (using a spent one again ends the whole sign-in).
    /// </summary>
    private Task RenewUnlessRenewedAsync(string stale, CancellationToken cancellationToken)
    {
        lock (_renewalLock)
        {
            return _accessToken != stale && _renewal is not { IsCompleted: false } ? Task.CompletedTask : Renewal().WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The renewal under way, or a new one (under the lock). A finished one is never handed out again, so a later expiry
    /// renews again however soon it comes (forgetting it in a continuation left a moment in which the next expiry was
    /// answered with the last renewal).
    /// </summary>
    private Task<AuthResult> Renewal() => _renewal is { IsCompleted: false } running ? running : _renewal = RenewAsync();

    /// <summary>Not cancelled by any one caller, since the others wait for it too.</summary>
    private async Task<AuthResult> RenewAsync()
    {
        var refreshToken = RefreshToken ?? throw new InvalidOperationException("There is no refresh token to renew the sign-in with.");
        var renewed = Remember(await SendAsync<AuthResult>(HttpMethod.Post, "/api/auth/refresh", new { refreshToken }, CancellationToken.None, authorized: false));
        TokensRenewed?.Invoke(this, renewed);
        return renewed;
    }

    private AuthResult Remember(AuthResult result)
    {
        _accessToken = result.AccessToken;
        _accessTokenExpiresAt = _clock.GetUtcNow().AddSeconds(result.ExpiresIn);
        RefreshToken = result.RefreshToken;
        return result;
    }

    private void Forget()
    {
        AccessToken = null;
        RefreshToken = null;
    }

    private async Task<BeMoreApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = $"HTTP_{(int)response.StatusCode}";
        var detail = response.ReasonPhrase ?? string.Empty;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            code = Text(root, "code") ?? code;
            detail = Text(root, "detail") ?? Text(root, "title") ?? detail;
            requestId = Text(root, "requestId") ?? requestId;
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.Deserialize<string[]>(Json) ?? [];
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page): the status stands alone.
        }

        return new BeMoreApiException(response.StatusCode, code, detail)
        {
            RetryAfter = RetryAfterOf(response.Headers.RetryAfter),
            Errors = errors,
            RequestId = requestId,
        };
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? retryAfter) =>
        retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _clock.GetUtcNow() : null);

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
