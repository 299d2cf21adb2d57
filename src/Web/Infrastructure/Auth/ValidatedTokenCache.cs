using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>
/// The access-token handler of one authentication scheme, validating each token string once: parsing the token, checking
/// its HMAC and building its claims were about a tenth of a node's CPU serving session reads, repeated for every request a
/// client makes with the same token. A token that validated is taken again, by its exact string (signature included),
/// until it expires as validation would judge it (its expiry plus the clock skew) and for at most <see cref="MaxAge"/>;
/// anything else (a failure, another string) goes through full validation. What validation does not know stays per
/// request: whether the sign-in still holds (the security stamp, <see cref="SecurityStamps"/>) is asked afterwards, every time.
/// </summary>
internal sealed class ValidatedTokenCache(TimeSpan clockSkew) : JsonWebTokenHandler, IDisposable
{
    /// <summary>How long a validated token is taken without validating it again, at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 100_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = DateTime.UtcNow;
        if (_validated.TryGetValue(token, out Validated? known) && known is not null && now < known.Until)
        {
            // A copy of the identity: a request that adds to its principal's identity must not change the next one's.
            return new TokenValidationResult { IsValid = true, SecurityToken = known.Token, ClaimsIdentity = known.Identity.Clone() };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            var until = Min(validated.ValidTo + clockSkew, now + MaxAge);
            _validated.Set(token, new Validated(validated, result.ClaimsIdentity.Clone(), until),
                new MemoryCacheEntryOptions { AbsoluteExpiration = until, Size = 1 });
        }

        return result;
    }

    public void Dispose() => _validated.Dispose();

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Validated(JsonWebToken Token, ClaimsIdentity Identity, DateTime Until);
}
