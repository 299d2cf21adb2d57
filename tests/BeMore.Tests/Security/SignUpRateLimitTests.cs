using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Security;

/// <summary>
/// Sign-up's own per-address quota at its default (10 an hour): <c>409 USER_EXISTS</c> tells whether an email has an
/// account, so the quota keeps that enumeration slow. Failed sign-ups count as much as successful ones.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SignUpRateLimitTests(SignUpLimitedWebFactory factory) : IClassFixture<SignUpLimitedWebFactory>
{
    private const int DefaultLimit = 10;

    [Fact]
    public async Task SignUp_BeyondTheHourlyLimit_Returns429WhileAnotherAddressSignsUp()
    {
        using var prober = LoopbackClients.From(factory.ServerAddress, "127.0.0.2");
        using var neighbour = LoopbackClients.From(factory.ServerAddress, "127.0.0.3");
        var known = await neighbour.SignUpAsync();
        for (var i = 0; i < DefaultLimit; i++)
        {
            // Probing a known email (409) costs a permit like a real sign-up.
            using var answer = await SignUpAsync(prober, i % 2 == 0 ? known.Email : ApiClientExtensions.NewEmail());
            Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"sign-up {i}: {(int)answer.StatusCode}");
        }

        using var refused = await SignUpAsync(prober, known.Email);
        using var body = await refused.ReadJsonAsync();
        using var other = await SignUpAsync(neighbour, ApiClientExtensions.NewEmail());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", body.Code());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        factory.Clock.Advance(refused.Headers.RetryAfter.Delta.Value);
        using var nextHour = await SignUpAsync(prober, ApiClientExtensions.NewEmail());
        Assert.Equal(HttpStatusCode.Created, nextHour.StatusCode);
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/auth/signup", new { email, password = ApiClientExtensions.Password, displayName = "Prober" });
}

/// <summary>The server with sign-up's default quota and the rate-limit clock under the test's control.</summary>
public sealed class SignUpLimitedWebFactory : BeMoreWebFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 1, 0, TimeSpan.Zero));

    protected override bool RelaxSignUpLimit => false;

    protected override void ConfigureStorage(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(ClientRateLimits.ClockKey, Clock));
}
