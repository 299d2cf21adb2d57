using System.Net;
using BeMore.Client;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Client;

/// <summary>The client keeps the sign-in: tokens renewed once when due or refused, sign-out here and everywhere.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientSignInTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task AnAccessTokenTheServerRefuses_IsRenewedOnce_ForManyConcurrentCalls_WhichAllSucceed()
    {
        using var http = factory.CreateApiClient();
        var api = new BeMoreApi(http);
        var signedUp = await api.SignUpAsync(ApiClientExtensions.NewEmail(), ClientAccounts.Password, "Client user");
        var renewals = 0;
        api.TokensRenewed += (_, _) => Interlocked.Increment(ref renewals);
        // A token the server refuses as it refuses an expired one (401, WWW-Authenticate: Bearer error="invalid_token").
        api.AccessToken = signedUp.AccessToken[..^4] + "AAAA";

        var profiles = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.GetProfileAsync()));
        var later = await api.GetProfileAsync();

        Assert.All(profiles, profile => Assert.Equal(signedUp.User.Id, profile.Id));
        Assert.Equal(signedUp.User.Id, later.Id);
        Assert.Equal(1, renewals);
        Assert.NotEqual(signedUp.RefreshToken, api.RefreshToken);
    }

    [Fact]
    public async Task AnAccessTokenAboutToExpire_IsRenewedBeforeItIsSent_BothForRestAndTheHub()
    {
        using var http = factory.CreateApiClient();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = new BeMoreApi(http, clock);
        var signedUp = await api.SignUpAsync(ApiClientExtensions.NewEmail(), ClientAccounts.Password, "Client user");
        var renewed = new List<string>();
        api.TokensRenewed += (_, result) => renewed.Add(result.AccessToken);

        await api.GetProfileAsync();
        var renewalsWhileFresh = renewed.Count;
        clock.Advance(TimeSpan.FromSeconds(signedUp.ExpiresIn));
        await api.GetProfileAsync();
        clock.Advance(TimeSpan.FromSeconds(signedUp.ExpiresIn));
        await using var live = await SessionConnection.ConnectAsync(api);

        Assert.Equal(0, renewalsWhileFresh);
        Assert.Equal(2, renewed.Count);
        Assert.Equal(renewed[^1], api.AccessToken);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, live.State);
    }

    /// <summary>
    /// Each expiry renews, however soon after the last renewal it comes: a finished renewal once stayed handed out until a
    /// continuation forgot it, and an expiry in that moment was answered with the old renewal (a CI run saw one renewal
    /// where two were due).
    /// </summary>
    [Fact]
    public async Task EveryExpiry_RenewsAgain_RightAfterTheLastRenewal()
    {
        using var http = factory.CreateApiClient();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = new BeMoreApi(http, clock);
        var signedUp = await api.SignUpAsync(ApiClientExtensions.NewEmail(), ClientAccounts.Password, "Client user");
        var tokens = new List<string?> { api.AccessToken };

        for (var expiry = 0; expiry < 20; expiry++)
        {
            clock.Advance(TimeSpan.FromSeconds(signedUp.ExpiresIn));
            tokens.Add(await api.GetAccessTokenAsync());
        }

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.Equal(signedUp.User.Id, (await api.GetProfileAsync()).Id);
    }

    [Fact]
    public async Task ExplicitRefresh_RotatesTheRefreshToken_AndASpentOneIsRefused()
    {
        using var http = factory.CreateApiClient();
        var api = new BeMoreApi(http);
        var signedUp = await api.SignUpAsync(ApiClientExtensions.NewEmail(), ClientAccounts.Password, "Client user");

        var refreshed = await api.RefreshAsync();
        var stale = new BeMoreApi(http) { RefreshToken = signedUp.RefreshToken };
        var spent = await Assert.ThrowsAsync<BeMoreApiException>(() => stale.RefreshAsync());

        Assert.NotEqual(signedUp.RefreshToken, refreshed.RefreshToken);
        Assert.Equal((HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN"), (spent.Status!.Value, spent.Code));
    }

    [Fact]
    public async Task LogOut_EndsThisSignIn_AndLogOutEverywhere_EndsTheOthers()
    {
        using var http = factory.CreateApiClient();
        var email = ApiClientExtensions.NewEmail();
        var here = new BeMoreApi(http);
        await here.SignUpAsync(email, ClientAccounts.Password, "Client user");
        var elsewhere = new BeMoreApi(http);
        await elsewhere.LogInAsync(email, ClientAccounts.Password);
        var third = new BeMoreApi(http);
        await third.LogInAsync(email, ClientAccounts.Password);
        var thirdRefreshToken = third.RefreshToken;

        await here.LogOutAsync();
        await elsewhere.LogOutEverywhereAsync();
        var ended = await Assert.ThrowsAsync<BeMoreApiException>(() => new BeMoreApi(http) { RefreshToken = thirdRefreshToken }.RefreshAsync());

        Assert.Null(here.AccessToken);
        Assert.Null(elsewhere.RefreshToken);
        Assert.Equal("INVALID_REFRESH_TOKEN", ended.Code);
    }
}
