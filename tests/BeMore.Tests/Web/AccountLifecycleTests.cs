using System.Net;
using System.Net.Http.Json;
using BeMore.Grains.Abstractions.Users;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Security;

namespace BeMore.Tests.Web;

/// <summary>
/// Password change, sign-out everywhere, re-authenticated deletion and the refresh family's absolute lifetime, over
/// real HTTP, with the domain clock under the test's control.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AccountLifecycleTests(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private const string NewPassword = "lantern orchard quietly 47";

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ChangePassword_WithTheCurrentPassword_Returns204AndEndsEverySignIn()
    {
        var user = await _client.SignUpAsync();
        var otherSignIn = await _client.LogInAsync(user.Email, user.Password);
        using (var before = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var change = await ChangePasswordAsync(user.AccessToken, user.Password, NewPassword);
        using var oldAccess = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var oldRefresh = await RefreshAsync(user.RefreshToken);
        using var otherRefresh = await RefreshAsync(otherSignIn.RefreshToken);
        using var oldPassword = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var newPassword = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAccess.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns401InvalidCredentialsAndChangesNothing()
    {
        var user = await _client.SignUpAsync();

        using var change = await ChangePasswordAsync(user.AccessToken, "not the current password", NewPassword);
        using var body = await change.ReadJsonAsync();
        using var refresh = await RefreshAsync(user.RefreshToken);
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", body.Code());
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("short")]
    [InlineData("1234567890")]
    public async Task ChangePassword_WeakNewPassword_Returns400NamingNewPassword(string weak)
    {
        var user = await _client.SignUpAsync();

        using var change = await ChangePasswordAsync(user.AccessToken, user.Password, weak);
        using var body = await change.ReadJsonAsync();
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("newPassword", out _), body.RootElement.ToString());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_NewPasswordContainingTheEmailsLocalPart_Returns400NamingNewPassword()
    {
        var email = ApiClientExtensions.NewEmail("harriet");
        var user = await _client.SignUpAsync(email);
        var localPart = email[..email.IndexOf('@', StringComparison.Ordinal)];

        using var change = await ChangePasswordAsync(user.AccessToken, user.Password, $"My {localPart} secret!");
        using var body = await change.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("newPassword", out _), body.RootElement.ToString());
    }

    [Theory]
    [InlineData("/api/user/me/password")]
    [InlineData("/api/auth/logout-all")]
    public async Task LifecycleRoute_WithoutToken_Returns401(string path)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, path, token: null,
            new { currentPassword = ApiClientExtensions.Password, newPassword = NewPassword });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", body.Code());
    }

    [Fact]
    public async Task LogoutAll_Returns204AndEndsEverySignInButKeepsThePassword()
    {
        var user = await _client.SignUpAsync();
        var otherSignIn = await _client.LogInAsync(user.Email, user.Password);

        using var logoutAll = await _client.SendAsync(HttpMethod.Post, "/api/auth/logout-all", user.AccessToken);
        using var oldAccess = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var otherAccess = await _client.SendAsync(HttpMethod.Get, "/api/user/me", otherSignIn.AccessToken);
        using var oldRefresh = await RefreshAsync(user.RefreshToken);
        using var otherRefresh = await RefreshAsync(otherSignIn.RefreshToken);
        var again = await _client.LogInAsync(user.Email, user.Password);
        using var newAccess = await _client.SendAsync(HttpMethod.Get, "/api/user/me", again.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logoutAll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAccess.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccess.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newAccess.StatusCode);
    }

    [Fact]
    public async Task AccessToken_AfterTheStampChangesOnAnotherNode_IsRefusedOnceThisNodesCacheExpires()
    {
        var user = await _client.SignUpAsync();
        using (var warm = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // Straight to the grain, as a sign-out everywhere handled by another node would: this node's cache is not told.
        await factory.Grains.GetGrain<IUserGrain>(user.Id).EndAllSignInsAsync();
        using var withinCache = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var afterCache = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var body = await afterCache.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, withinCache.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterCache.StatusCode);
        Assert.Equal("INVALID_TOKEN", body.Code());
    }

    [Fact]
    public async Task RefreshFamily_RotatedDaily_IsRefusedAfterThirtyDays()
    {
        var user = await _client.SignUpAsync();
        var refreshToken = user.RefreshToken;
        for (var day = 1; day < 30; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            using var rotated = await RefreshAsync(refreshToken);
            using var body = await rotated.ReadJsonAsync();
            Assert.True(rotated.StatusCode == HttpStatusCode.OK, $"day {day}: {(int)rotated.StatusCode}");
            refreshToken = body.RootElement.GetProperty("refreshToken").GetString()!;
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var expired = await RefreshAsync(refreshToken);
        using var expiredBody = await expired.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", expiredBody.Code());
    }

    [Fact]
    public async Task Delete_WithoutPassword_Returns401AndErasesNothing()
    {
        var user = await _client.SignUpAsync();

        using var noBody = await _client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken);
        using var noBodyProblem = await noBody.ReadJsonAsync();
        using var emptyObject = await _client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { });
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, noBody.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", noBodyProblem.Code());
        Assert.Equal(HttpStatusCode.Unauthorized, emptyObject.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Delete_WithWrongPassword_Returns401AndErasesNothing()
    {
        var user = await _client.SignUpAsync();

        using var delete = await _client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = "not the password" });
        using var body = await delete.ReadJsonAsync();
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", body.Code());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Delete_WrongPasswords_CountTowardTheSignInThrottle()
    {
        var user = await _client.SignUpAsync();
        using var thief = LoopbackClients.From(factory.ServerAddress, "127.0.0.2");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var delete = await thief.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = $"guess {attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        }

        using var throttledDelete = await thief.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = user.Password });
        using var throttledLogin = await thief.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttledDelete.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttledLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Delete_WithThePassword_Returns204AndTheTokensStopWorking()
    {
        var user = await _client.SignUpAsync();

        using var delete = await _client.DeleteAccountAsync(user);
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var refresh = await RefreshAsync(user.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    private Task<HttpResponseMessage> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword) =>
        _client.SendAsync(HttpMethod.Post, "/api/user/me/password", accessToken, new { currentPassword, newPassword });

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
}
