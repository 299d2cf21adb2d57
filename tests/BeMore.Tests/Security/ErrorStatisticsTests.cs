using System.Net;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary><c>GET /api/errors/stats</c>: public, aggregate only, every error response counted exactly once.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ErrorStatisticsTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Stats_Anonymous_ReturnsOnlyAggregateMembers()
    {
        using var response = await _client.GetAsync("/api/errors/stats");
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["byCode", "byStatus", "since", "total"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("total").ValueKind);
        Assert.True(body.RootElement.GetProperty("since").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Stats_AfterErrors_CountsEachResponseOnceByCodeAndStatus()
    {
        var before = await StatsAsync();

        using (await _client.GetAsync("/no/such/route"))
        using (await _client.GetAsync("/api/user/me"))
        using (await _client.PostAsync("/api/auth/login", new StringContent("{\"email\":", Encoding.UTF8, "application/json")))
        using (await _client.PostAsync("/api/auth/login", new StringContent("{}", Encoding.UTF8, "text/plain")))
        using (await _client.PostAsync("/api/auth/signup", new ByteArrayContent(new byte[(1024 * 1024) + 1]) { Headers = { { "Content-Type", "application/json" } } }))
        using (await _client.GetAsync("/health"))
        {
        }

        var after = await StatsAsync();

        Assert.Equal(5, after.Total - before.Total);
        Assert.Equal(1, Delta(before.ByCode, after.ByCode, "NOT_FOUND"));
        Assert.Equal(1, Delta(before.ByCode, after.ByCode, "UNAUTHORIZED"));
        Assert.Equal(1, Delta(before.ByCode, after.ByCode, "MALFORMED_JSON"));
        Assert.Equal(1, Delta(before.ByCode, after.ByCode, "UNSUPPORTED_MEDIA_TYPE"));
        Assert.Equal(1, Delta(before.ByCode, after.ByCode, "PAYLOAD_TOO_LARGE"));
        Assert.Equal(1, Delta(before.ByStatus, after.ByStatus, "404"));
        Assert.Equal(1, Delta(before.ByStatus, after.ByStatus, "401"));
        Assert.Equal(1, Delta(before.ByStatus, after.ByStatus, "400"));
        Assert.Equal(1, Delta(before.ByStatus, after.ByStatus, "415"));
        Assert.Equal(1, Delta(before.ByStatus, after.ByStatus, "413"));
    }

    [Fact]
    public async Task Stats_AfterAnError_CarryNoPathMessageOrUserData()
    {
        var user = await _client.SignUpAsync();
        using (await _client.GetAsync("/api/session/0123456789abcdef0123456789abcdef/zq7x-marker"))
        using (await _client.SendAsync(HttpMethod.Get, "/api/session/ffffffffffffffffffffffffffffffff", user.AccessToken))
        {
        }

        var text = await _client.GetStringAsync("/api/errors/stats");

        Assert.DoesNotContain("zq7x", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ffffffff", text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain("title", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/api", text, StringComparison.Ordinal);
        Assert.Contains("SESSION_NOT_FOUND", text, StringComparison.Ordinal);
    }

    private async Task<Stats> StatsAsync()
    {
        using var response = await _client.GetAsync("/api/errors/stats");
        using var body = await response.ReadJsonAsync();
        var root = body.RootElement;
        return new Stats(
            root.GetProperty("total").GetInt64(),
            root.GetProperty("byCode").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
            root.GetProperty("byStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    private static long Delta(Dictionary<string, long> before, Dictionary<string, long> after, string key) =>
        after.GetValueOrDefault(key) - before.GetValueOrDefault(key);

    private sealed record Stats(long Total, Dictionary<string, long> ByCode, Dictionary<string, long> ByStatus);
}
