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

    /// <summary>
    /// User ids (as <c>GET /api/user/me</c> shows them) that get the operator role. Read at every sign-in, refresh and
    /// token check, so removing an id demotes at once; there is no self-service role change.
    /// </summary>
    public IReadOnlyList<string> OperatorUserIds { get; set; } = [];

    /// <summary>Replaced by <see cref="OperatorUserIds"/>: an email proves nothing before it is verified. Start-up refuses it.</summary>
    public IReadOnlyList<string> OperatorEmails { get; set; } = [];

    /// <summary>
    /// How long a node trusts the security stamp it last read for a user: a password change, a sign-out everywhere or
    /// an erasure on another node reaches its access-token checks within this (on the same node, at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a stamp a node read may be and still answer when the user's grain cannot be reached (its node just died):
    /// requests go on through a node loss, and a revocation still takes effect within this on every node.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SecurityStampUnreachableGrace { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsOperator(string userId) =>
        OperatorUserIds.Any(id => string.Equals(id.Trim(), userId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The role the configuration gives <paramref name="userId"/> now.</summary>
    public string RoleOf(string userId) => IsOperator(userId) ? Roles.Operator : Roles.User;

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey ?? "");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKeyBytes.Length < MinimumKeyBytes)
        {
            yield return new ValidationResult(
                $"BeMore:Auth:SigningKey must be set to at least {MinimumKeyBytes} bytes.", [nameof(SigningKey)]);
        }

        if (OperatorEmails.Count > 0)
        {
            yield return new ValidationResult(
                "BeMore:Auth:OperatorEmails is no longer honoured: list the operators' user ids under BeMore:Auth:OperatorUserIds.",
                [nameof(OperatorEmails)]);
        }
    }
}
