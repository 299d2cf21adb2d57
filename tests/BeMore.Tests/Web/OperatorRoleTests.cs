using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Auth;

namespace BeMore.Tests.Web;

/// <summary>
/// The operator role comes from <c>BeMore:Auth:OperatorUserIds</c> as configured now, at every sign-in and refresh;
/// no email ever grants it.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class OperatorRoleTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ListedUserId_GetsOperatorOnSignInAndRefresh_AndLosesItOnceUnlisted()
    {
        var user = await _client.SignUpAsync();
        factory.SetOperators(user.Id);

        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var loginBody = await login.ReadJsonAsync();
        var operatorAccess = loginBody.RootElement.GetProperty("accessToken").GetString();
        using var asOperator = await _client.SendAsync(HttpMethod.Get, $"/api/admin/audit?userId={user.Id}", operatorAccess);
        using var refreshed = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var refreshedBody = await refreshed.ReadJsonAsync();

        Assert.Equal("operator", loginBody.RootElement.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal("operator", refreshedBody.RootElement.GetProperty("user").GetProperty("role").GetString());

        factory.SetOperators();
        using var demoted = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refreshedBody.RootElement.GetProperty("refreshToken").GetString() });
        using var demotedBody = await demoted.ReadJsonAsync();
        using var asUser = await _client.SendAsync(HttpMethod.Get, $"/api/admin/audit?userId={user.Id}", demotedBody.RootElement.GetProperty("accessToken").GetString());
        using var staleOperatorToken = await _client.SendAsync(HttpMethod.Get, $"/api/admin/audit?userId={user.Id}", operatorAccess);
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", demotedBody.RootElement.GetProperty("accessToken").GetString());
        using var meBody = await me.ReadJsonAsync();

        Assert.Equal("user", demotedBody.RootElement.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleOperatorToken.StatusCode);
        Assert.Equal("user", meBody.RootElement.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("operator@bemore.test")]
    [InlineData("admin@bemore.test")]
    public async Task SignUp_WithAnyEmail_NeverMakesAnOperator(string email)
    {
        var user = await _client.SignUpAsync(email);

        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email, password = user.Password });
        using var loginBody = await login.ReadJsonAsync();
        using var admin = await _client.SendAsync(HttpMethod.Get, $"/api/admin/audit?userId={user.Id}", user.AccessToken);

        Assert.Equal("user", loginBody.RootElement.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public void OperatorEmails_StillConfigured_StopStartUpNamingTheReplacement()
    {
        var options = new AuthOptions { SigningKey = new string('k', 48), OperatorEmails = ["ops@example.org"] };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, result => result.ErrorMessage!.Contains("BeMore:Auth:OperatorUserIds", StringComparison.Ordinal));
    }
}
