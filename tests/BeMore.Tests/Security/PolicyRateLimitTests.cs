using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>The policy's own numbers, unconfigured: request 601 and write 301 within the window are refused.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class PolicyRateLimitTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task Request601_WithinTheWindow_Returns429WhileAnotherIpIsServed()
    {
        using var client = LoopbackClients.From(factory.ServerAddress, "127.0.0.61");
        using var neighbour = LoopbackClients.From(factory.ServerAddress, "127.0.0.62");
        for (var i = 1; i <= 600; i++)
        {
            using var allowed = await client.GetAsync("/");
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"request {i} answered {(int)allowed.StatusCode}");
        }

        using var refused = await client.GetAsync("/");
        using var body = await refused.ReadJsonAsync();
        using var served = await neighbour.GetAsync("/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", body.Code());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("600", refused.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Write301_WithinTheWindow_Returns429()
    {
        using var client = LoopbackClients.From(factory.ServerAddress, "127.0.0.63");
        for (var i = 1; i <= 300; i++)
        {
            using var allowed = await client.SendAsync(HttpMethod.Post, "/api/auth/logout", token: null, new { refreshToken = "not-a-token" });
            Assert.True(allowed.StatusCode == HttpStatusCode.NoContent, $"write {i} answered {(int)allowed.StatusCode}");
        }

        using var refused = await client.SendAsync(HttpMethod.Post, "/api/auth/logout", token: null, new { refreshToken = "not-a-token" });
        using var body = await refused.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", body.Code());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("300", refused.Headers.GetValues("RateLimit-Limit").Single());
    }
}
