using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Validation;

namespace BeMore.Web.Features.Auth;

public sealed record SignupRequest(
    [Required, MaxLength(EmailAddresses.MaxLength, ErrorMessage = "Email must be at most 254 characters.")] string Email,
    [Required]
    [MinLength(SignupRequest.MinPasswordLength, ErrorMessage = "Password must be at least 10 characters.")]
    [MaxLength(SignupRequest.MaxPasswordLength, ErrorMessage = "Password must be at most 128 characters.")]
    string Password,
    [Required, MaxLength(SignupRequest.MaxDisplayNameLength, ErrorMessage = "DisplayName must be at most 100 characters.")][PlainText] string DisplayName)
    : IValidatableObject
{
    public const int MinPasswordLength = 10;

    /// <summary>Bounds the hashing work one request can demand.</summary>
    public const int MaxPasswordLength = 128;

    public const int MaxDisplayNameLength = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Email is not null && !EmailAddresses.IsValid(Email))
        {
            yield return new ValidationResult("Email is not a valid email address.", [nameof(Email)]);
        }

        if (Password is not null && PasswordPolicy.Problem(Password, Email) is { } weakness)
        {
            yield return new ValidationResult(weakness, [nameof(Password)]);
        }
    }
}

public sealed record LoginRequest(
    [Required, MaxLength(EmailAddresses.MaxLength)] string Email,
    [Required, MaxLength(SignupRequest.MaxPasswordLength)] string Password);

public sealed record RefreshRequest([Required, MaxLength(RefreshRequest.MaxTokenLength)] string RefreshToken)
{
    public const int MaxTokenLength = 256;
}

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role)
{
    public static UserSummary From(UserProfile profile) => new(profile.Id, profile.Email, profile.DisplayName, profile.Role);
}

/// <summary><see cref="ExpiresIn"/> is the access token's remaining lifetime in seconds.</summary>
public sealed record AuthResponse(UserSummary User, string AccessToken, string RefreshToken, long ExpiresIn);
