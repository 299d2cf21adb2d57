using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace BeMore.Grains.Abstractions.Users;

/// <summary>
/// Refresh tokens are opaque to clients: <c>{userId}.{familyId}.{secret}</c>, the secret 32 random bytes. The user id
/// (32 lowercase hex digits, as every user id is) routes the token to its grain, so nothing else reaches a grain; only a
/// SHA-256 of the secret is stored (a slow hash adds nothing for 256 random bits).
/// </summary>
public static class RefreshTokenFormat
{
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    public static (string Token, byte[] Hash) Create(string userId, string familyId)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return ($"{userId}.{familyId}.{secret}", Hash(secret));
    }

    public static bool TryParse(string token, [NotNullWhen(true)] out string? userId, [NotNullWhen(true)] out string? familyId, [NotNullWhen(true)] out string? secret)
    {
        var parts = token.Split('.');
        var wellFormed = parts.Length == 3 && parts.All(part => part.Length is > 0 and <= 128)
            && parts[0].Length == 32 && !parts[0].AsSpan().ContainsAnyExcept(LowerHexDigits);
        userId = wellFormed ? parts[0] : null;
        familyId = wellFormed ? parts[1] : null;
        secret = wellFormed ? parts[2] : null;
        return wellFormed;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
