using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Security;

namespace BeMore.Tests.Web;

/// <summary>
/// Brute-force throttling per (email, client address) on the domain clock the test moves: an attacker at 127.0.0.2
/// slows only itself, never the owner signing in from 127.0.0.3.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class LoginThrottleTests(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private const int FreeFailures = 5;

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Attacker_AfterManyFailures_Gets429WhileTheOwnerAtAnotherAddressSignsInAtOnce()
    {
        var user = await _client.SignUpAsync();
        using var attacker = LoopbackClients.From(factory.ServerAddress, "127.0.0.2");
        using var owner = LoopbackClients.From(factory.ServerAddress, "127.0.0.3");
        for (var attempt = 0; attempt < FreeFailures; attempt++)
        {
            using var failure = await LogInAsync(attacker, user.Email, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var throttled = await LogInAsync(attacker, user.Email, $"still wrong {attempt}");
            using var body = await throttled.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal("RATE_LIMITED", body.Code());
            Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        using var signIn = await LogInAsync(owner, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Attacker_DelayGrowsWithEachFailure()
    {
        var user = await _client.SignUpAsync();
        using var attacker = LoopbackClients.From(factory.ServerAddress, "127.0.0.2");
        for (var attempt = 0; attempt < FreeFailures; attempt++)
        {
            using (await LogInAsync(attacker, user.Email, $"wrong password {attempt}"))
            {
            }
        }

        var delays = new List<TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            using var throttled = await LogInAsync(attacker, user.Email, "wrong again");
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            var delay = throttled.Headers.RetryAfter!.Delta!.Value;
            delays.Add(delay);
            factory.Clock.Advance(delay);
            using var failure = await LogInAsync(attacker, user.Email, $"wrong once the delay passed {round}");
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public async Task Attacker_WithTheRightPasswordWhileDelayed_IsThrottledUntilTheDelayPasses()
    {
        var user = await _client.SignUpAsync();
        using var attacker = LoopbackClients.From(factory.ServerAddress, "127.0.0.2");
        for (var attempt = 0; attempt < FreeFailures; attempt++)
        {
            using (await LogInAsync(attacker, user.Email, $"wrong password {attempt}"))
            {
            }
        }

        using var throttled = await LogInAsync(attacker, user.Email, user.Password);
        factory.Clock.Advance(throttled.Headers.RetryAfter!.Delta!.Value);
        using var admitted = await LogInAsync(attacker, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task ManyAddresses_BeyondTheEmailCeiling_SlowOnlyAddressesThatFailed()
    {
        var user = await _client.SignUpAsync();
        // Five addresses stay under the per-address allowance, yet together they reach the email's ceiling (20).
        for (var host = 20; host < 25; host++)
        {
            using var client = LoopbackClients.From(factory.ServerAddress, $"127.0.0.{host}");
            for (var attempt = 0; attempt < FreeFailures - 1; attempt++)
            {
                using var failure = await LogInAsync(client, user.Email, $"spread guess {host}-{attempt}");
                Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
            }
        }

        using var oneOfThem = LoopbackClients.From(factory.ServerAddress, "127.0.0.20");
        using var owner = LoopbackClients.From(factory.ServerAddress, "127.0.0.3");
        using var slowed = await LogInAsync(oneOfThem, user.Email, "one more guess");
        using var signIn = await LogInAsync(owner, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Owner_AfterOwnTyposThenTheRightPassword_StartsAgainWithTheFullAllowance()
    {
        var user = await _client.SignUpAsync();
        using var owner = LoopbackClients.From(factory.ServerAddress, "127.0.0.3");
        for (var attempt = 0; attempt < FreeFailures - 1; attempt++)
        {
            using (await LogInAsync(owner, user.Email, $"typo {attempt}"))
            {
            }
        }

        using var signIn = await LogInAsync(owner, user.Email, user.Password);
        for (var attempt = 0; attempt < FreeFailures - 1; attempt++)
        {
            using var typo = await LogInAsync(owner, user.Email, $"typo again {attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, typo.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });
}
