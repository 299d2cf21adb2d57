using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BeMore.Web.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id (the token's <c>sub</c>); only called behind authorization.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtRegisteredClaimNames.Sub)
        ?? throw new InvalidOperationException("An authenticated principal has no subject.");
}
