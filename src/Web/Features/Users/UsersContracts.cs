using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Features.Auth;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Validation;

namespace BeMore.Web.Features.Users;

public sealed record ProfileResponse(string Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt)
{
    public static ProfileResponse From(UserProfile profile) =>
        new(profile.Id, profile.Email, profile.DisplayName, profile.Role, profile.CreatedAt);
}

/// <summary><see cref="NewPassword"/> meets sign-up's rules; the email rule is checked once the account is known.</summary>
public sealed record ChangePasswordRequest(
    [Required, MaxLength(SignupRequest.MaxPasswordLength)] string CurrentPassword,
    [Required]
    [MinLength(SignupRequest.MinPasswordLength, ErrorMessage = "NewPassword must be at least 10 characters.")]
    [MaxLength(SignupRequest.MaxPasswordLength, ErrorMessage = "NewPassword must be at most 128 characters.")]
    string NewPassword)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NewPassword is not null && PasswordPolicy.Problem(NewPassword, email: null) is { } weakness)
        {
            yield return new ValidationResult(weakness, [nameof(NewPassword)]);
        }
    }
}

/// <summary>Erasure asks for the password again; a missing one is a wrong one (401), not a malformed request.</summary>
public sealed record DeleteAccountRequest([MaxLength(SignupRequest.MaxPasswordLength)] string? Password);

public sealed record UpdateProfileRequest([Required, MaxLength(SignupRequest.MaxDisplayNameLength), PlainText] string DisplayName);

public sealed record AnalysisOptInsRequest(bool TextEmotion = true, bool FaceEmotion = true, bool Voice = true, bool Distortions = true);

/// <summary>A full replacement of the preferences; <see cref="Analysis"/> may be left out to keep the current opt-ins.</summary>
public sealed record PreferencesRequest(
    [Required, AllowedValues("ko", "en", ErrorMessage = "{0} must be ko or en.")] string Language,
    [Required, AllowedValues("system", "light", "dark", ErrorMessage = "{0} must be system, light or dark.")] string Theme,
    [Required] bool? Notifications,
    AnalysisOptInsRequest? Analysis);

public sealed record AuditRecordResponse(
    long Id, string Action, string? UserId, string? ActorId, string? TargetId, DateTimeOffset At, string? ClientIp, string Outcome)
{
    public static AuditRecordResponse From(AuditRecord record) => new(
        record.Id, record.Entry.Action, record.Entry.UserId, record.Entry.ActorId, record.Entry.TargetId,
        record.Entry.At, record.Entry.ClientIp, record.Entry.Outcome);
}

public sealed record ExportedSession(SessionSnapshot Snapshot, IReadOnlyList<SessionEventResponse> Events);

/// <summary>Everything stored about the user, as one document.</summary>
public sealed record UserExportResponse(
    DateTimeOffset ExportedAt,
    ProfileResponse Profile,
    UserPreferences Preferences,
    int ActiveSignIns,
    IReadOnlyList<ExportedSession> Sessions,
    IReadOnlyList<AuditRecordResponse> Audit);
