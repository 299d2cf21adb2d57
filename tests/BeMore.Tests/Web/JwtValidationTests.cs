using System.Net;
using System.Security.Claims;
using System.Text;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BeMore.Tests.Web;

/// <summary>Every way an access token can be wrong is refused with 401, before any data is read.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class JwtValidationTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private AuthOptions Options => factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    [Fact]
    public async Task Me_WithoutToken_Returns401Unauthorized()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token: null);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", body.Code());
    }

    [Fact]
    public async Task Me_WithValidToken_Returns200()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", Token(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "malformed",
        "bad-signature",
        "alg-none",
        "expired",
        "not-yet-valid",
        "wrong-issuer",
        "wrong-audience",
        "no-expiry",
        "hs512",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Me_WithBadToken_Returns401InvalidToken(string kind)
    {
        var user = await _client.SignUpAsync();
        var token = kind switch
        {
            "malformed" => "not.a.jwt",
            "bad-signature" => Token(user, key: Encoding.UTF8.GetBytes(new string('k', 48))),
            "alg-none" => UnsignedToken(user.Id),
            "expired" => Token(user, issuedAt: DateTime.UtcNow.AddHours(-1)),
            "not-yet-valid" => Token(user, issuedAt: DateTime.UtcNow.AddMinutes(10)),
            "wrong-issuer" => Token(user, issuer: "someone-else"),
            "wrong-audience" => Token(user, audience: "another-app"),
            "no-expiry" => Token(user, lifetimeMinutes: null),
            "hs512" => Token(user, algorithm: SecurityAlgorithms.HmacSha512, key: Encoding.UTF8.GetBytes(Options.SigningKey + Options.SigningKey)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_TOKEN", body.Code());
    }

    [Fact]
    public async Task Me_WithTokenExpiredWithinClockSkew_IsStillAccepted()
    {
        var user = await _client.SignUpAsync();
        var token = Token(user, issuedAt: DateTime.UtcNow.AddMinutes(-15).AddSeconds(-10));

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_AfterAValidTokenWasAccepted_TheSameTokenWithAnotherSignatureIsStillRefused()
    {
        // An accepted token is remembered by its exact string: a copy with the claims intact and a forged signature is not it.
        var user = await _client.SignUpAsync();
        using var accepted = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        var signatureStart = user.AccessToken.LastIndexOf('.') + 1;
        var forged = user.AccessToken[..signatureStart] + Base64UrlEncoder.Encode(new byte[32]);

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", forged);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_TOKEN", body.Code());
    }

    [Fact]
    public async Task Me_WithAnAcceptedTokenAfterSigningOutEverywhere_Returns401()
    {
        var user = await _client.SignUpAsync();
        using var accepted = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var signedOut = await _client.SendAsync(HttpMethod.Post, "/api/auth/logout-all", user.AccessToken);

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithAnAcceptedTokenOnceItsClockSkewHasPassed_Returns401()
    {
        // Expired 28 s ago: accepted within the 30 s skew (and remembered), refused a few seconds later all the same.
        var user = await _client.SignUpAsync();
        var token = Token(user, issuedAt: DateTime.UtcNow.AddMinutes(-15).AddSeconds(-28));
        using var accepted = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token);
        var refusedFrom = new JsonWebToken(token).ValidTo + TimeSpan.FromSeconds(30 + 1);

        // Waiting for the clock itself: the token's expiry is wall-clock time.
        await Task.Delay(refusedFrom - DateTime.UtcNow);
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithRefreshTokenAsBearer_Returns401()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithTokenOfDeletedUser_Returns401()
    {
        var user = await _client.SignUpAsync();
        using var delete = await _client.DeleteAccountAsync(user);

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Token(
        SignedInUser user,
        byte[]? key = null,
        DateTime? issuedAt = null,
        double? lifetimeMinutes = 15,
        string? issuer = null,
        string? audience = null,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Options.Issuer,
            Audience = audience ?? Options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id),
                new Claim("role", Roles.User),
                new Claim("jti", Guid.NewGuid().ToString("N")),
                // The account's security stamp, copied from a token the server issued: only the property under test differs.
                new Claim(AccessTokenIssuer.SecurityStampClaim, new JsonWebToken(user.AccessToken).GetClaim(AccessTokenIssuer.SecurityStampClaim).Value),
            ]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Options.SigningKeyBytes), algorithm),
        };
        if (lifetimeMinutes is { } minutes)
        {
            descriptor.Expires = now.AddMinutes(minutes);
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private string UnsignedToken(string userId)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"sub":"{{userId}}","role":"operator","iss":"{{Options.Issuer}}","aud":"{{Options.Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 900}}}""";
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(payload)}.";
    }
}
