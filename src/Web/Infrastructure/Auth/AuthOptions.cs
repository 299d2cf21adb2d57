using System.ComponentModel.DataAnnotations;
using System.Text;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>Access-token settings (<c>BeMore:Auth</c>).</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "BeMore:Auth";

    /// <summary>HMAC-SHA256 needs at least 32 bytes of key.</summary>
    public const int MinimumKeyBytes = 32;

    [Required]
    public string Issuer { get; set; } = "bemore";

    [Required]
    public string Audience { get; set; } = "bemore-clients";

    /// <summary>The signing key; the embedded profile generates and keeps one beside its data when none is set.</summary>
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Accounts with these emails get the operator role when they sign up or in; there is no self-service role change.</summary>
    public IReadOnlyList<string> OperatorEmails { get; set; } = [];

    public bool IsOperatorEmail(string normalizedEmail) =>
        OperatorEmails.Any(email => string.Equals(email.Trim(), normalizedEmail, StringComparison.OrdinalIgnoreCase));

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey ?? "");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKeyBytes.Length < MinimumKeyBytes)
        {
            yield return new ValidationResult(
                $"BeMore:Auth:SigningKey must be set to at least {MinimumKeyBytes} bytes.", [nameof(SigningKey)]);
        }
    }
}
