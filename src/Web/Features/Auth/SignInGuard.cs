using System.Globalization;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Errors;
using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BeMore.Web.Features.Auth;

public enum PasswordCheckOutcome
{
    /// <summary>The address failed too often for this email recently; the password was not looked at.</summary>
    Throttled,

    Wrong,

    Right,

    /// <summary>Right, and the stored hash should be replaced by a stronger one.</summary>
    RightRehashNeeded,
}

public readonly record struct PasswordCheck(PasswordCheckOutcome Outcome, TimeSpan RetryAfter = default)
{
    public bool IsRight => Outcome is PasswordCheckOutcome.Right or PasswordCheckOutcome.RightRehashNeeded;
}

/// <summary>
/// Every password check of a known or claimed email (sign-in, password change, account deletion) goes through here,
/// so each counts toward the same per-(email, address) throttle.
/// </summary>
public sealed class SignInGuard(IGrainFactory grains, PasswordHashing passwords)
{
    public async Task<PasswordCheck> CheckAsync(HttpContext context, string normalizedEmail, string? storedHash, string password)
    {
        ArgumentNullException.ThrowIfNull(context);
        var throttle = grains.Reference<ILoginThrottleGrain>(normalizedEmail);
        var address = ClientRateLimits.ClientKey(context);
        if (await throttle.GetDelayAsync(address) is { } delay)
        {
            return new PasswordCheck(PasswordCheckOutcome.Throttled, delay);
        }

        var verification = passwords.Verify(storedHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(address);
            return new PasswordCheck(PasswordCheckOutcome.Wrong);
        }

        await throttle.RecordSuccessAsync(address);
        return new PasswordCheck(verification == PasswordVerificationResult.SuccessRehashNeeded
            ? PasswordCheckOutcome.RightRehashNeeded
            : PasswordCheckOutcome.Right);
    }

    public static ProblemHttpResult InvalidCredentials() =>
        ApiProblem.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials, "The email or password is incorrect.");

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up.</summary>
    public static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan retryAfter, string title)
    {
        SetRetryAfter(context, retryAfter);
        return ApiProblem.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, title);
    }

    /// <summary><c>Retry-After</c> in whole seconds, rounded up (at least 1).</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
