using System.Globalization;
using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>
/// Per-IP quotas over real Kestrel with small limits: every client test uses its own loopback source address
/// (127.0.0.x), so each starts with a fresh partition.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class RateLimitTests(RateLimitedWebFactory factory) : IClassFixture<RateLimitedWebFactory>
{
    private const string AllowedOrigin = "http://localhost:5173";
    private const int Limit = RateLimitedWebFactory.PermitLimit;
    private const int WriteLimit = RateLimitedWebFactory.WritePermitLimit;
    private const int ConsoleFileLimit = RateLimitedWebFactory.ConsoleFilePermitLimit;
    private static readonly string[] ConsoleFiles = ["/console/js/main.js", "/console/css/console.css", "/console/index.html"];
    private static readonly long SecondsToReset = (long)(RateLimitedWebFactory.Window - TimeSpan.FromMinutes(1)).TotalSeconds;

    [Fact]
    public async Task Get_WithinLimit_CountsDownInRateLimitHeaders()
    {
        using var client = ClientFrom("127.0.0.2");

        for (var i = 1; i <= 3; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Limit.ToString(CultureInfo.InvariantCulture), Header(response, "RateLimit-Limit"));
            Assert.Equal((Limit - i).ToString(CultureInfo.InvariantCulture), Header(response, "RateLimit-Remaining"));
            Assert.Equal(SecondsToReset.ToString(CultureInfo.InvariantCulture), Header(response, "RateLimit-Reset"));
        }
    }

    [Fact]
    public async Task Get_BeyondPermitLimit_Returns429WithRetryAfterAndRateLimitedProblem()
    {
        using var client = ClientFrom("127.0.0.3");
        await ExhaustAsync(client);

        using var response = await client.GetAsync("/");
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RATE_LIMITED", body.Code());
        Assert.Equal(Header(response, "X-Request-Id"), body.RootElement.GetProperty("requestId").GetString());
        Assert.Equal(TimeSpan.FromSeconds(SecondsToReset), response.Headers.RetryAfter?.Delta);
        Assert.Equal(Limit.ToString(CultureInfo.InvariantCulture), Header(response, "RateLimit-Limit"));
        Assert.Equal("0", Header(response, "RateLimit-Remaining"));
        Assert.Equal(SecondsToReset.ToString(CultureInfo.InvariantCulture), Header(response, "RateLimit-Reset"));
    }

    [Theory]
    [InlineData("127.0.0.16", "text/html,application/xhtml+xml")]
    [InlineData("127.0.0.17", "image/png")]
    public async Task Get_BeyondPermitLimit_WithAnAcceptThatExcludesJson_IsStill429ProblemJson(string clientAddress, string accept)
    {
        using var client = ClientFrom(clientAddress);
        await ExhaustAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request);

        await ProblemResponses.AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(TimeSpan.FromSeconds(SecondsToReset), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Write_BeyondWritePermitLimit_Returns429WhileReadsStillPass()
    {
        using var client = ClientFrom("127.0.0.4");
        for (var i = 1; i <= WriteLimit; i++)
        {
            using var allowed = await LogOutAsync(client);
            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal((WriteLimit - i).ToString(CultureInfo.InvariantCulture), Header(allowed, "RateLimit-Remaining"));
        }

        using var refused = await LogOutAsync(client);
        using var refusedBody = await refused.ReadJsonAsync();
        using var read = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", refusedBody.Code());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(WriteLimit.ToString(CultureInfo.InvariantCulture), Header(refused, "RateLimit-Limit"));
        Assert.Equal("0", Header(refused, "RateLimit-Remaining"));
        // Admitted writes count toward the overall quota as well; the refused one took nothing.
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal((Limit - WriteLimit - 1).ToString(CultureInfo.InvariantCulture), Header(read, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task SecondClientIp_WhileFirstIsLimited_IsUnaffected()
    {
        using var first = ClientFrom("127.0.0.5");
        using var second = ClientFrom("127.0.0.6");
        await ExhaustAsync(first);

        using var limited = await first.GetAsync("/");
        using var other = await second.GetAsync("/");
        using var otherWrite = await LogOutAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal((Limit - 1).ToString(CultureInfo.InvariantCulture), Header(other, "RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.NoContent, otherWrite.StatusCode);
    }

    [Fact]
    public async Task SpoofedForwardedFor_WithNoProxyConfigured_ChangesNeitherThePartitionNorTheAuditedAddress()
    {
        using var spoofer = ClientFrom("127.0.0.7");
        spoofer.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        using var sameAddress = ClientFrom("127.0.0.7");
        using var freshClient = ClientFrom("127.0.0.8");

        var user = await spoofer.SignUpAsync();
        using var audit = await spoofer.SendAsync(HttpMethod.Get, "/api/user/me/audit", user.AccessToken);
        using var auditBody = await audit.ReadJsonAsync();
        for (var i = 2; i < Limit; i++)
        {
            using var allowed = await spoofer.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var escape = await GetWithForwardedForAsync(sameAddress, "/", "203.0.113.7");
        using var framed = await GetWithForwardedForAsync(freshClient, "/", "127.0.0.7");

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var records = auditBody.RootElement.EnumerateArray().ToList();
        Assert.Contains(records, r => r.GetProperty("action").GetString() == "account.signup");
        Assert.All(records, r => Assert.Equal("127.0.0.7", r.GetProperty("clientIp").GetString()));
        Assert.Equal(HttpStatusCode.TooManyRequests, escape.StatusCode);
        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        Assert.Equal((Limit - 1).ToString(CultureInfo.InvariantCulture), Header(framed, "RateLimit-Remaining"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_WhenClientIsLimited_IsNeverRefused(string path)
    {
        using var client = ClientFrom(path == "/health" ? "127.0.0.10" : "127.0.0.11");
        await ExhaustAsync(client);

        for (var i = 0; i < Limit + 2; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }

        using var limited = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Preflight_BeyondPermitLimit_IsRefusedWithCorsHeadersSoABrowserCanReadIt()
    {
        using var client = ClientFrom("127.0.0.12");
        for (var i = 0; i < Limit; i++)
        {
            using var preflight = await PreflightAsync(client);
            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Origin", AllowedOrigin);
        using var limited = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(AllowedOrigin, Header(limited, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(limited, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Window_AfterItEnds_AdmitsTheClientAgain()
    {
        using var client = ClientFrom("127.0.0.13");
        await ExhaustAsync(client);
        using var limited = await client.GetAsync("/");

        factory.Clock.Advance(RateLimitedWebFactory.Window);
        using var admitted = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal((Limit - 1).ToString(CultureInfo.InvariantCulture), Header(admitted, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task RateLimitedResponse_IsCountedOnceInErrorStats()
    {
        using var client = ClientFrom("127.0.0.14");
        using var observer = ClientFrom("127.0.0.15");
        using var before = await observer.GetAsync("/api/errors/stats");
        using var beforeBody = await before.ReadJsonAsync();
        await ExhaustAsync(client);

        using (await client.GetAsync("/"))
        {
        }

        using var after = await observer.GetAsync("/api/errors/stats");
        using var afterBody = await after.ReadJsonAsync();
        Assert.Equal(1, RateLimitedCount(afterBody) - RateLimitedCount(beforeBody));
    }

    [Fact]
    public async Task ConsoleFiles_CountTowardTheirOwnQuotaAndLeaveTheApiQuotaWhole()
    {
        using var client = ClientFrom("127.0.0.18");
        for (var i = 1; i <= Limit + 1; i++)
        {
            using var file = await client.GetAsync(ConsoleFiles[i % ConsoleFiles.Length]);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(ConsoleFileLimit.ToString(CultureInfo.InvariantCulture), Header(file, "RateLimit-Limit"));
            Assert.Equal((ConsoleFileLimit - i).ToString(CultureInfo.InvariantCulture), Header(file, "RateLimit-Remaining"));
        }

        using var api = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal((Limit - 1).ToString(CultureInfo.InvariantCulture), Header(api, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task ApiQuotaSpent_ConsoleFilesStillLoadButThePageRouteAndTheApiAreRefused()
    {
        using var client = ClientFrom("127.0.0.19");
        await ExhaustAsync(client);

        using var file = await client.GetAsync(ConsoleFiles[0]);
        using var page = await client.GetAsync("/console/history");
        using var api = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task ConsoleFiles_BeyondTheirQuota_AreRefusedAndTheApiQuotaStaysWhole()
    {
        using var client = ClientFrom("127.0.0.20");
        for (var i = 0; i < ConsoleFileLimit; i++)
        {
            using var file = await client.GetAsync(ConsoleFiles[i % ConsoleFiles.Length]);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        using var refused = await client.GetAsync(ConsoleFiles[0]);
        using var api = await client.GetAsync("/");

        await ProblemResponses.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal((Limit - 1).ToString(CultureInfo.InvariantCulture), Header(api, "RateLimit-Remaining"));
    }

    private static long RateLimitedCount(System.Text.Json.JsonDocument stats) =>
        stats.RootElement.GetProperty("byCode").TryGetProperty("RATE_LIMITED", out var count) ? count.GetInt64() : 0;

    private HttpClient ClientFrom(string localAddress) => LoopbackClients.From(factory.ServerAddress, localAddress);

    private static async Task ExhaustAsync(HttpClient client)
    {
        for (var i = 0; i < Limit; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A write that always succeeds (204) and touches no account: logging out an unknown refresh token.</summary>
    private static Task<HttpResponseMessage> LogOutAsync(HttpClient client) =>
        client.SendAsync(HttpMethod.Post, "/api/auth/logout", token: null, new { refreshToken = "not-a-token" });

    internal static Task<HttpResponseMessage> GetWithForwardedForAsync(HttpClient client, string path, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PreflightAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/session");
        request.Headers.Add("Origin", AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return client.SendAsync(request);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}

/// <summary>Behind a configured proxy, its <c>X-Forwarded-For</c> names the client each quota belongs to.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class TrustedProxyRateLimitTests(TrustedProxyWebFactory factory) : IClassFixture<TrustedProxyWebFactory>
{
    [Fact]
    public async Task ForwardedFor_FromTrustedProxy_PartitionsByTheForwardedClient()
    {
        using var proxy = LoopbackClients.From(factory.ServerAddress, TrustedProxyWebFactory.TrustedProxy);
        for (var i = 0; i < RateLimitedWebFactory.PermitLimit; i++)
        {
            using var allowed = await RateLimitTests.GetWithForwardedForAsync(proxy, "/", "203.0.113.10");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await RateLimitTests.GetWithForwardedForAsync(proxy, "/", "203.0.113.10");
        using var otherClient = await RateLimitTests.GetWithForwardedForAsync(proxy, "/", "203.0.113.11");
        using var proxyItself = await proxy.GetAsync("/");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proxyItself.StatusCode);
    }
}
