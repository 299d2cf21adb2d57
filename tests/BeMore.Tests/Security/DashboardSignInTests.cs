using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace BeMore.Tests.Security;

/// <summary>
/// The Orleans dashboard from a browser: the sign-in form gives operators, and only them, a Secure, HttpOnly,
/// SameSite=Strict cookie that only the dashboard's routes read; any other cookie is refused.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class DashboardSignInTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>, IDisposable
{
    private const string CookieName = "__Host-bemore-dashboard";

    /// <summary>Cookies by hand (no cookie container), redirects not followed: the test reads what the server sent.</summary>
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = factory.ServerAddress };

    private string Origin => factory.ServerAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Operator_SignsIn_GetsAStrictSecureHttpOnlyCookie_ThatOpensTheDashboardAndItsData()
    {
        var operatorUser = await _client.SignUpAsync();
        factory.SetOperators(operatorUser.Id);

        using var signIn = await PostSignInAsync(operatorUser.Email, operatorUser.Password, Origin);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        using var page = await GetDashboardAsync("/dashboard/", CookieValue(cookie), navigation: true);
        using var data = await GetDashboardAsync("/dashboard/version", CookieValue(cookie), navigation: false);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dashboard/", signIn.Headers.Location?.OriginalString);
        Assert.StartsWith(CookieName + "=", cookie, StringComparison.Ordinal);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains(attributes, attribute => attribute.StartsWith("expires=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
    }

    [Fact]
    public async Task User_SignsIn_IsRefusedWithoutACookie_AndWrongPasswordsAreRefusedToo()
    {
        var user = await _client.SignUpAsync();
        factory.SetOperators();

        using var asUser = await PostSignInAsync(user.Email, user.Password, Origin);
        using var wrongPassword = await PostSignInAsync(user.Email, user.Password + "x", Origin);

        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        Assert.Contains("operator accounts only", await asUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(asUser.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData("null", "cross-site")]
    [InlineData(null, "same-site")]
    public async Task SignIn_PostedFromAnotherSiteOrWithoutOrigin_IsRefusedBeforeThePasswordIsChecked(string? origin, string? fetchSite)
    {
        var operatorUser = await _client.SignUpAsync();
        factory.SetOperators(operatorUser.Id);

        using var response = await PostSignInAsync(operatorUser.Email, operatorUser.Password, origin, fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>Under <c>Referrer-Policy: no-referrer</c> Chromium posts the form with <c>Origin: null</c>; its fetch metadata still says same-origin.</summary>
    [Fact]
    public async Task SignIn_FromThisHostsPage_AsChromiumPostsIt_IsAccepted()
    {
        var operatorUser = await _client.SignUpAsync();
        factory.SetOperators(operatorUser.Id);

        using var response = await PostSignInAsync(operatorUser.Email, operatorUser.Password, "null", "same-origin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Dashboard_WithoutCookie_SendsABrowserToTheSignInPage_AndAnswersItsDataRequests401()
    {
        using var navigation = await GetDashboardAsync("/dashboard/", cookie: null, navigation: true);
        using var data = await GetDashboardAsync("/dashboard/version", cookie: null, navigation: false);
        using var form = await _client.GetAsync("/dashboard/signin");

        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.Equal("/dashboard/signin", navigation.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/dashboard/signin\">", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WithAForgedExpiredOrApiCookie_IsRefused_AndTheCookiesTokenOpensNoApiRoute()
    {
        var operatorUser = await _client.SignUpAsync();
        factory.SetOperators(operatorUser.Id);
        var auth = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var stamp = await factory.Services.GetRequiredService<SecurityStamps>().CurrentAsync(operatorUser.Id);
        var dashboardAudience = auth.Audience + ":dashboard";
        var forgedKey = Options.Create(new AuthOptions { Issuer = auth.Issuer, Audience = auth.Audience, SigningKey = Base64UrlEncoder.Encode(new byte[48]) });
        var forged = new AccessTokenIssuer(forgedKey, TimeProvider.System).Issue(operatorUser.Id, Roles.Operator, stamp!, dashboardAudience, TimeSpan.FromHours(1));
        var anHourAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var expired = new AccessTokenIssuer(Options.Create(auth), anHourAgo).Issue(operatorUser.Id, Roles.Operator, stamp!, dashboardAudience, TimeSpan.FromMinutes(10));
        using var refreshed = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = operatorUser.RefreshToken });
        using var refreshedBody = await refreshed.ReadJsonAsync();
        var apiToken = refreshedBody.RootElement.GetProperty("accessToken").GetString()!;
        using var signIn = await PostSignInAsync(operatorUser.Email, operatorUser.Password, Origin);
        var cookieToken = CookieValue(Assert.Single(signIn.Headers.GetValues("Set-Cookie")));

        foreach (var (name, token) in new[] { ("forged", forged.Token), ("expired", expired.Token), ("API audience", apiToken) })
        {
            using var navigation = await GetDashboardAsync("/dashboard/", token, navigation: true);
            using var data = await GetDashboardAsync("/dashboard/version", token, navigation: false);
            Assert.True(navigation.StatusCode == HttpStatusCode.Redirect, $"{name} cookie: {navigation.StatusCode}");
            Assert.Equal("/dashboard/signin", navigation.Headers.Location?.OriginalString);
            Assert.True(data.StatusCode == HttpStatusCode.Unauthorized, $"{name} cookie: {data.StatusCode}");
        }

        using var asBearer = await _client.SendAsync(HttpMethod.Get, "/api/user/me", cookieToken);
        Assert.Equal(HttpStatusCode.Unauthorized, asBearer.StatusCode);
    }

    [Fact]
    public async Task Cookie_OfAnOperatorNoLongerListed_OrAfterSignOut_NoLongerOpensTheDashboard()
    {
        var operatorUser = await _client.SignUpAsync();
        factory.SetOperators(operatorUser.Id);
        using var signIn = await PostSignInAsync(operatorUser.Email, operatorUser.Password, Origin);
        var cookie = CookieValue(Assert.Single(signIn.Headers.GetValues("Set-Cookie")));
        using var signOut = await PostFormAsync("/dashboard/signout", [], Origin);

        factory.SetOperators();
        using var demoted = await GetDashboardAsync("/dashboard/version", cookie, navigation: false);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var cleared = Assert.Single(signOut.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(CookieName + "=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, demoted.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    private Task<HttpResponseMessage> PostSignInAsync(string email, string password, string? origin, string? fetchSite = null) =>
        PostFormAsync("/dashboard/signin", [new("email", email), new("password", password)], origin, fetchSite);

    private Task<HttpResponseMessage> PostFormAsync(string path, KeyValuePair<string, string>[] fields, string? origin, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return _client.SendAsync(request);
    }

    /// <summary>As a browser asks: a page navigation accepts HTML, the page's own data requests do not.</summary>
    private Task<HttpResponseMessage> GetDashboardAsync(string path, string? cookie, bool navigation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }

        if (navigation)
        {
            request.Headers.Add("Accept", "text/html,application/xhtml+xml");
            request.Headers.Add("Sec-Fetch-Mode", "navigate");
        }

        return _client.SendAsync(request);
    }

    private static string CookieValue(string setCookie) => setCookie[(CookieName.Length + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];
}
