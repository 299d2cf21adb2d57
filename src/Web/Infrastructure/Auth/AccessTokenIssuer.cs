using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Infrastructure.Auth;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues short-lived HMAC-SHA256 access tokens carrying <c>sub</c>, <c>role</c>, <c>jti</c> and the account's security
/// stamp (<see cref="SecurityStampClaim"/>), which every request compares with the account's current one.
/// </summary>
public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public const string SecurityStampClaim = "sst";

    private readonly JsonWebTokenHandler _handler = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public AccessToken Issue(string userId, string role, string securityStamp) =>
        Issue(userId, role, securityStamp, options.Value.Audience, options.Value.AccessTokenLifetime);

    /// <summary>A token for another audience than the API's (the dashboard cookie's), with its own lifetime.</summary>
    public AccessToken Issue(string userId, string role, string securityStamp, string audience, TimeSpan lifetime)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId),
                new Claim(AuthSetup.RoleClaim, role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(SecurityStampClaim, securityStamp),
            ]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(settings.SigningKeyBytes), SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}
