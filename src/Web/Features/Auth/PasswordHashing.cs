using Microsoft.AspNetCore.Identity;

namespace BeMore.Web.Features.Auth;

/// <summary>
/// ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, per-hash salt, versioned format). Unknown emails are
/// verified against a throwaway hash so a failed login costs the same whether or not the account exists.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<object> _hasher = new();
    private readonly string _decoyHash;

    public PasswordHashing() => _decoyHash = Hash(Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(this, password);

    public PasswordVerificationResult Verify(string? storedHash, string password)
    {
        var result = _hasher.VerifyHashedPassword(this, storedHash ?? _decoyHash, password);
        return storedHash is null ? PasswordVerificationResult.Failed : result;
    }
}
