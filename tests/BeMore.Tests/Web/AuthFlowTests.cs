using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>Sign-up, sign-in, refresh rotation and sign-out over real HTTP on Kestrel.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class AuthFlowTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignUp_ThenLoginAndMe_ReturnsNormalizedProfileWithUserRole()
    {
        var email = ApiClientExtensions.NewEmail("Mixed");
        using var signup = await _client.PostAsJsonAsync("/api/auth/signup", new { email = $"  {email.ToUpperInvariant()} ", password = ApiClientExtensions.Password, displayName = " Ann " });
        using var signupBody = await signup.ReadJsonAsync();
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClientExtensions.Password });
        using var loginBody = await login.ReadJsonAsync();
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", loginBody.RootElement.GetProperty("accessToken").GetString());
        using var meBody = await me.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        Assert.Equal(900, signupBody.RootElement.GetProperty("expiresIn").GetInt64());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email.ToLowerInvariant(), meBody.RootElement.GetProperty("email").GetString());
        Assert.Equal("Ann", meBody.RootElement.GetProperty("displayName").GetString());
        Assert.Equal("user", meBody.RootElement.GetProperty("role").GetString());
        Assert.Equal(signupBody.RootElement.GetProperty("user").GetProperty("id").GetString(), meBody.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task SignUp_SameEmailDifferentCase_Returns409UserExists()
    {
        var user = await _client.SignUpAsync();

        using var again = await _client.PostAsJsonAsync("/api/auth/signup", new { email = user.Email.ToUpperInvariant(), password = "another long password", displayName = "Copy" });
        using var body = await again.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("USER_EXISTS", body.Code());
    }

    [Theory]
    [InlineData("not-an-email", "long enough password", "Name", "email")]
    [InlineData("short@bemore.test", "short", "Name", "password")]
    [InlineData("same@bemore.test", "same@bemore.test", "Name", "password")]
    [InlineData("noname@bemore.test", "long enough password", "", "displayName")]
    public async Task SignUp_InvalidField_Returns400NamingTheField(string email, string password, string displayName, string field)
    {
        using var response = await _client.PostAsJsonAsync("/api/auth/signup", new { email, password, displayName });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), body.RootElement.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        // Messages a person reads: the field by its wire name, no C# member or attribute names.
        Assert.All(messages.EnumerateArray().Select(m => m.GetString()!), message =>
        {
            Assert.DoesNotContain("Attribute", message, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(Email|Password|DisplayName)\b", message);
        });
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{\"email\": 5, \"password\": [], \"displayName\": {}}")]
    [InlineData("not json at all")]
    public async Task SignUp_MalformedJson_Returns400MalformedJson(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/auth/signup", content);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MALFORMED_JSON", body.Code());
        Assert.DoesNotContain("Exception", body.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownEmail_AnswerIdentically()
    {
        var user = await _client.SignUpAsync();

        using var wrongPassword = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not the password" });
        using var unknownEmail = await _client.PostAsJsonAsync("/api/auth/login", new { email = ApiClientExtensions.NewEmail("ghost"), password = "not the password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(Comparable(await wrongPassword.ReadJsonAsync()), Comparable(await unknownEmail.ReadJsonAsync()));
    }

    [Fact]
    public async Task Refresh_RotatesTokensAndTheSpentOneStopsWorking()
    {
        var user = await _client.SignUpAsync();

        using var refreshed = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var refreshedBody = await refreshed.ReadJsonAsync();
        var newRefresh = refreshedBody.RootElement.GetProperty("refreshToken").GetString();
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", refreshedBody.RootElement.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(user.RefreshToken, newRefresh);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        using var spent = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var spentBody = await spent.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, spent.StatusCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", spentBody.Code());
    }

    [Fact]
    public async Task Refresh_ReplayOfSpentToken_RevokesTheWholeFamily()
    {
        var user = await _client.SignUpAsync();
        using var rotated = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var rotatedBody = await rotated.ReadJsonAsync();
        var current = rotatedBody.RootElement.GetProperty("refreshToken").GetString();

        using var replay = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var currentAfterReplay = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = current });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, currentAfterReplay.StatusCode);
    }

    [Fact]
    public async Task Refresh_OtherSignInsFamily_IsUnaffectedByAReplay()
    {
        var user = await _client.SignUpAsync();
        using var secondLogin = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var secondBody = await secondLogin.ReadJsonAsync();
        using var rotated = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        using var replay = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var other = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = secondBody.RootElement.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("0123456789abcdef0123456789abcdef.ffff.ffff")]
    public async Task Refresh_ForgedOrEmptyToken_Returns4xx(string token)
    {
        using var response = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var user = await _client.SignUpAsync();

        using var logout = await _client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });
        using var refresh = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var logoutAgain = await _client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logoutAgain.StatusCode);
    }

    [Fact]
    public async Task ListedOperatorUserId_GetsOperatorRoleAndReachesAdminRoutes()
    {
        var user = await _client.SignUpAsync();
        using var asUser = await _client.SendAsync(HttpMethod.Get, "/api/admin/audit", user.AccessToken);
        var operatorToken = await _client.OperatorTokenAsync(factory);

        using var asOperator = await _client.SendAsync(HttpMethod.Get, $"/api/admin/audit?userId={user.Id}", operatorToken);
        using var records = await asOperator.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Contains(records.RootElement.EnumerateArray(), record => record.GetProperty("action").GetString() == "account.signup");
        Assert.All(records.RootElement.EnumerateArray(), record => Assert.Equal(user.Id, record.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task Preferences_DefaultsThenValidatedReplacement()
    {
        var user = await _client.SignUpAsync();

        using var defaults = await _client.SendAsync(HttpMethod.Get, "/api/user/me/preferences", user.AccessToken);
        using var defaultsBody = await defaults.ReadJsonAsync();
        using var update = await _client.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken,
            new { language = "en", theme = "dark", notifications = false, analysis = new { textEmotion = true, faceEmotion = false, voice = true, distortions = true } });
        using var updated = await _client.SendAsync(HttpMethod.Get, "/api/user/me/preferences", user.AccessToken);
        using var updatedBody = await updated.ReadJsonAsync();
        using var invalid = await _client.SendAsync(HttpMethod.Put, "/api/user/me/preferences", user.AccessToken, new { language = "fr", theme = "neon", notifications = true });
        using var invalidBody = await invalid.ReadJsonAsync();

        Assert.Equal("ko", defaultsBody.RootElement.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("en", updatedBody.RootElement.GetProperty("language").GetString());
        Assert.Equal("dark", updatedBody.RootElement.GetProperty("theme").GetString());
        Assert.False(updatedBody.RootElement.GetProperty("notifications").GetBoolean());
        Assert.False(updatedBody.RootElement.GetProperty("analysis").GetProperty("faceEmotion").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = invalidBody.RootElement.GetProperty("errors");
        Assert.Equal(["language must be ko or en."], errors.GetProperty("language").EnumerateArray().Select(m => m.GetString()));
        Assert.True(errors.TryGetProperty("theme", out _));
    }

    [Fact]
    public async Task Audit_RecordsTheAccountsActionsWithoutSecrets()
    {
        var user = await _client.SignUpAsync();
        using (await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password here" }))
        using (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }))
        using (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }))
        {
        }

        using var audit = await _client.SendAsync(HttpMethod.Get, "/api/user/me/audit", user.AccessToken);
        var text = await audit.Content.ReadAsStringAsync();
        using var records = JsonDocument.Parse(text);

        var actions = records.RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("action").GetString()}:{r.GetProperty("outcome").GetString()}").ToList();
        Assert.Equal(["account.signup:success", "auth.login:failure", "auth.refresh:success", "auth.refresh_reuse:denied"], actions);
        Assert.All(records.RootElement.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("clientIp").GetString())));
        Assert.DoesNotContain(user.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password here", text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.RefreshToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, text, StringComparison.Ordinal);
    }

    /// <summary>A problem body without the per-request members.</summary>
    private static string Comparable(JsonDocument problem) => string.Join(",",
        problem.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("requestId" or "traceId"))
            .Select(p => $"{p.Name}={p.Value}"));
}
