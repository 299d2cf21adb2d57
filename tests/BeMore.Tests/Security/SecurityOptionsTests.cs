using System.ComponentModel.DataAnnotations;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Security;

/// <summary>Settings validated at start-up, and the aligned fixed window on its own clock.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SecurityOptionsTests
{
    [Fact]
    public void Defaults_AreThePolicyNumbers()
    {
        var rate = new RateLimitOptions();
        var cors = new CorsAllowListOptions();
        var limits = new RequestLimitsOptions();

        Assert.Equal(600, rate.PermitLimit);
        Assert.Equal(300, rate.WritePermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(10), rate.Window);
        Assert.Equal(["/health", "/health/ready"], rate.EffectiveExemptPaths);
        Assert.Equal(["http://localhost:5173", "https://be-more-frontend.vercel.app"], cors.EffectiveAllowedOrigins);
        Assert.Equal(1024 * 1024, limits.MaxJsonBodyBytes);
        Assert.Empty(new ForwardedHeadersSettings().KnownProxies);
        Assert.True(IsValid(rate) && IsValid(cors) && IsValid(limits) && IsValid(new ForwardedHeadersSettings()));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.vercel.app")]
    [InlineData("https://be-more-frontend.vercel.app/")]
    [InlineData("https://be-more-frontend.vercel.app/path")]
    [InlineData("ftp://example.com")]
    [InlineData("not a url")]
    public void CorsOrigin_NotAnExactOrigin_IsRejected(string origin)
    {
        Assert.False(IsValid(new CorsAllowListOptions { AllowedOrigins = [origin] }));
    }

    [Theory]
    [InlineData("10.0.0.1", null, true)]
    [InlineData(null, "10.0.0.0/8", true)]
    [InlineData("proxy.internal", null, false)]
    [InlineData(null, "10.0.0.0/33", false)]
    public void ForwardedHeaders_ProxiesAndNetworks_MustParse(string? proxy, string? network, bool valid)
    {
        var settings = new ForwardedHeadersSettings
        {
            KnownProxies = proxy is null ? [] : [proxy],
            KnownNetworks = network is null ? [] : [network],
        };

        Assert.Equal(valid, IsValid(settings));
    }

    [Fact]
    public void RateLimit_WriteLimitAboveOverallLimit_IsRejected()
    {
        Assert.False(IsValid(new RateLimitOptions { PermitLimit = 10, WritePermitLimit = 11 }));
        Assert.False(IsValid(new RateLimitOptions { Window = TimeSpan.Zero }));
    }

    [Fact]
    public async Task Startup_WithWildcardCorsOrigin_FailsClearly()
    {
        await using var factory = new MisconfiguredWebFactory();

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.ServerAddress);

        Assert.Contains("AllowedOrigins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlignedWindow_Limiter_RefusesPastLimitAndResetsAtTheWindowBoundary()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 7, 30, TimeSpan.Zero));
        using var limiter = new AlignedWindowRateLimiter(2, TimeSpan.FromMinutes(10), clock);

        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();
        using var third = limiter.AttemptAcquire();
        var busyIdle = limiter.IdleDuration;
        clock.Advance(TimeSpan.FromMinutes(2.5));
        var idleAtBoundary = limiter.IdleDuration;
        using var fourth = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(third.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(2.5), retryAfter);
        Assert.Null(busyIdle);
        Assert.Equal(TimeSpan.Zero, idleAtBoundary);
        Assert.True(fourth.IsAcquired);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    private sealed class MisconfiguredWebFactory : BeMoreWebFactory
    {
        protected override void ConfigureStorage(IWebHostBuilder builder) =>
            builder.UseSetting("BeMore:Security:Cors:AllowedOrigins:0", "*");
    }
}
