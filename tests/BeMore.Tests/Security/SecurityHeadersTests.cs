using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>Security headers, caching rules and CORS on representative routes of the running server.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SecurityHeadersTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string AllowedOrigin = "http://localhost:5173";
    private const string ProductionOrigin = "https://be-more-frontend.vercel.app";
    private const string HostileOrigin = "https://evil.example";

    private readonly HttpClient _client = factory.CreateApiClient();

    public static TheoryData<string> PublicRoutes => new() { "/", "/health", "/health/ready", "/api/errors/stats", "/no/such/route", "/api/session" };

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task AnyRoute_Anonymous_CarriesSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path);

        AssertSecurityHeaders(response, ApiPolicy);
    }

    [Fact]
    public async Task ApiJson_WithPersonalData_IsNoStore()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, ApiPolicy);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task FileDownload_TranscriptCsv_CarriesSecurityHeadersAndNoStore()
    {
        var (user, sessionId) = await SessionWithTranscriptAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report.csv?kind=transcript", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response, ApiPolicy);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    [InlineData("/api/user/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/session/0123456789abcdef0123456789abcdef", HttpStatusCode.Unauthorized)]
    public async Task ErrorResponse_CarriesSecurityHeadersAndRequestId(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response, ApiPolicy);
        Assert.Single(response.Headers.GetValues("X-Request-Id"));
    }

    [Fact]
    public async Task MalformedJson_AfterTheExceptionHandler_StillCarriesHeadersAndRequestId()
    {
        using var response = await _client.PostAsync("/api/auth/login", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"));
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MALFORMED_JSON", body.Code());
        AssertSecurityHeaders(response, ApiPolicy);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task SessionSummary_WithEtag_KeepsPrivateNoCacheAndAnswers304()
    {
        var (user, sessionId) = await SessionWithTranscriptAsync();
        using var first = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/summary", user.AccessToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/session/{sessionId}/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        AssertPrivateNoCache(first.Headers.CacheControl);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        AssertPrivateNoCache(second.Headers.CacheControl);
        AssertSecurityHeaders(second, ApiPolicy);
    }

    [Fact]
    public async Task DashboardSummary_WithEtag_Answers304()
    {
        var user = await _client.SignUpAsync();
        using var first = await _client.SendAsync(HttpMethod.Get, "/api/dashboard/summary", user.AccessToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        AssertPrivateNoCache(second.Headers.CacheControl);
    }

    [Fact]
    public async Task Health_IsNotMarkedNoStoreAndHasNoHstsInDevelopment()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Null(response.Headers.CacheControl);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ScalarUi_HtmlPage_GetsThePageCspAndItsScriptsStillLoad()
    {
        using var page = await _client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await _client.GetAsync("/scalar/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("src=\"scalar.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertSecurityHeaders(script, ApiPolicy);
    }

    [Fact]
    public async Task OrleansDashboard_HtmlPage_GetsThePageCspAndNoStore()
    {
        var token = await _client.OperatorTokenAsync(factory);

        using var page = await _client.SendAsync(HttpMethod.Get, "/dashboard/", token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(AllowedOrigin)]
    [InlineData(ProductionOrigin)]
    public async Task Preflight_FromAllowedOrigin_IsAnsweredWithThatOriginAndCredentials(string origin)
    {
        using var response = await PreflightAsync("/api/session", origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", Header(response, "Vary"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HostileOrigin)]
    [InlineData("http://localhost:5174")]
    [InlineData("https://be-more-frontend.vercel.app.evil.example")]
    [InlineData("null")]
    public async Task Preflight_FromDisallowedOrigin_GetsNoCorsHeaders(string origin)
    {
        using var response = await PreflightAsync("/api/session", origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Get_FromAllowedOrigin_ExposesRequestIdAndRateLimitHeaders()
    {
        using var response = await GetWithOriginAsync("/api/errors/stats", AllowedOrigin);

        Assert.Equal(AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.NotEqual("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers");
        Assert.Contains("X-Request-Id", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("RateLimit-Remaining", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/errors/stats")]
    [InlineData("/no/such/route")]
    public async Task Get_FromDisallowedOrigin_GetsNoCorsHeaders(string path)
    {
        using var response = await GetWithOriginAsync(path, HostileOrigin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_ForTheHubPath_IsAnsweredForAnAllowedOrigin()
    {
        using var allowed = await PreflightAsync("/hubs/session/negotiate?negotiateVersion=1", AllowedOrigin);
        using var refused = await PreflightAsync("/hubs/session/negotiate?negotiateVersion=1", HostileOrigin);

        Assert.Equal(AllowedOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("x-signalr-user-agent", Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WebSocket_FromDisallowedOrigin_IsRefusedWith403()
    {
        var status = await WebSocketStatusAsync(HostileOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData(AllowedOrigin)]
    [InlineData(null)]
    public async Task WebSocket_FromAllowedOriginOrNonBrowser_PassesTheOriginCheck(string? origin)
    {
        var status = await WebSocketStatusAsync(origin);

        Assert.NotEqual(HttpStatusCode.Forbidden, status);
    }

    private async Task<HttpStatusCode?> WebSocketStatusAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var uri = new UriBuilder(factory.ServerAddress) { Scheme = "ws", Path = "/hubs/session" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    private static void AssertPrivateNoCache(CacheControlHeaderValue? cacheControl)
    {
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Private);
        Assert.True(cacheControl.NoCache);
        Assert.False(cacheControl.NoStore);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string contentSecurityPolicy)
    {
        Assert.Equal(contentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    private async Task<(SignedInUser User, string SessionId)> SessionWithTranscriptAsync()
    {
        var user = await _client.SignUpAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = "headers", consent = new { analysis = true, storeTranscript = true } });
        using var body = await created.ReadJsonAsync();
        var id = body.RootElement.GetProperty("id").GetString()!;
        using var appended = await _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/transcript", user.AccessToken,
            new { clientSegmentId = "c1", text = "I felt calm this morning.", startMs = 0, endMs = 1500, language = "en" });
        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        return (user, id);
    }

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-signalr-user-agent");
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetWithOriginAsync(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return _client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}

/// <summary>Outside Development: HSTS is sent and error bodies never describe exceptions.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ProductionHeadersTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("/health")]
    [InlineData("/no/such/route")]
    public async Task AnyResponse_InProduction_CarriesHsts(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task ApiDocs_InProduction_AreNotServed()
    {
        using var scalar = await _client.GetAsync("/scalar/v1");
        using var openApi = await _client.GetAsync("/openapi/v1.json");
        using var asyncApi = await _client.GetAsync("/asyncapi/v1.json");

        Assert.Equal(HttpStatusCode.NotFound, scalar.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asyncApi.StatusCode);
    }
}
