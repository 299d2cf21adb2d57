using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Auth;

/// <summary>What a sign-in with email and password came to: the account on success, else why not.</summary>
public readonly record struct PasswordSignInResult(PasswordCheckOutcome Outcome, UserProfile? Profile = null, TimeSpan RetryAfter = default);

/// <summary>
/// The one email-and-password sign-in, for the API and the dashboard alike: the email index, the throttle, the role as
/// the configuration gives it now, and the audit record.
/// </summary>
public sealed class PasswordSignIn(
    IGrainFactory grains, PasswordHashing passwords, SignInGuard guard, IOptionsMonitor<AuthOptions> options, AuditTrail audit)
{
    public async Task<PasswordSignInResult> SignInAsync(HttpContext context, string email, string password)
    {
        var normalized = EmailAddresses.Normalize(email);
        var userId = await grains.Reference<IEmailIndexGrain>(normalized).GetUserIdAsync();
        var credentials = await FindCredentialsAsync(userId);
        var check = await guard.CheckAsync(context, normalized, credentials?.PasswordHash, password);
        if (check.Outcome == PasswordCheckOutcome.Throttled)
        {
            await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Denied, credentials?.Profile.Id);
            return new PasswordSignInResult(PasswordCheckOutcome.Throttled, RetryAfter: check.RetryAfter);
        }

        if (credentials is null || !check.IsRight)
        {
            await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Failure, credentials?.Profile.Id);
            return new PasswordSignInResult(PasswordCheckOutcome.Wrong);
        }

        var user = grains.Reference<IUserGrain>(credentials.Profile.Id);
        if (check.Outcome == PasswordCheckOutcome.RightRehashNeeded)
        {
            await user.UpgradePasswordHashAsync(passwords.Hash(password));
        }

        var profile = await WithConfiguredRoleAsync(user, credentials.Profile, options.CurrentValue);
        await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Success, profile.Id);
        return new PasswordSignInResult(PasswordCheckOutcome.Right, profile);
    }

    /// <summary>The role comes from the configuration as it is now, promoting and demoting alike; the stored role follows.</summary>
    public static async Task<UserProfile> WithConfiguredRoleAsync(IUserGrain user, UserProfile profile, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var role = options.RoleOf(profile.Id);
        return role == profile.Role ? profile : await user.SetRoleAsync(role);
    }

    private async Task<UserCredentials?> FindCredentialsAsync(string? userId)
    {
        if (userId is null)
        {
            return null;
        }

        try
        {
            return await grains.Reference<IUserGrain>(userId).GetCredentialsAsync();
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }
}
