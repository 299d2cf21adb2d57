using System.Buffers;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Auth;

/// <summary>Sign-up, sign-in, refresh-token rotation and sign-out.</summary>
public static class AuthApi
{
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/signup", SignUpAsync);
        group.MapPost("/login", LogInAsync);
        group.MapPost("/refresh", RefreshAsync);
        group.MapPost("/logout", LogOutAsync);
        return endpoints;
    }

    private static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> SignUpAsync(
        SignupRequest request, HttpContext context, IGrainFactory grains, PasswordHashing passwords,
        AccessTokenIssuer tokens, IOptions<AuthOptions> options, AuditTrail audit)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var userId = Guid.CreateVersion7().ToString("N");
        if (!await grains.GetGrain<IEmailIndexGrain>(email).TryClaimAsync(userId))
        {
            await audit.RecordAsync(context, AuditActions.SignUp, AuditOutcomes.Failure, userId: null);
            return ApiProblem.Create(StatusCodes.Status409Conflict, ErrorCodes.UserExists, "An account with this email already exists.");
        }

        var role = options.Value.IsOperatorEmail(email) ? Roles.Operator : Roles.User;
        var profile = await grains.GetGrain<IUserGrain>(userId)
            .RegisterAsync(new NewAccount(email, request.DisplayName.Trim(), passwords.Hash(request.Password), role));
        await audit.RecordAsync(context, AuditActions.SignUp, AuditOutcomes.Success, userId, userId);
        return TypedResults.Created("/api/user/me", await IssueTokensAsync(grains, tokens, profile));
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LogInAsync(
        LoginRequest request, HttpContext context, IGrainFactory grains, PasswordHashing passwords,
        AccessTokenIssuer tokens, IOptions<AuthOptions> options, AuditTrail audit)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var throttle = grains.GetGrain<ILoginThrottleGrain>(email);
        if (await throttle.GetLockoutAsync() is { } lockout)
        {
            await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Denied, userId: null);
            return TooManyAttempts(context, lockout);
        }

        var userId = await grains.GetGrain<IEmailIndexGrain>(email).GetUserIdAsync();
        var credentials = await FindCredentialsAsync(grains, userId);
        var verification = passwords.Verify(credentials?.PasswordHash, request.Password);
        if (credentials is null || verification == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync();
            await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Failure, credentials?.Profile.Id);
            return ApiProblem.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials, "The email or password is incorrect.");
        }

        var user = grains.GetGrain<IUserGrain>(credentials.Profile.Id);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await user.UpgradePasswordHashAsync(passwords.Hash(request.Password));
        }

        var profile = options.Value.IsOperatorEmail(email) && credentials.Profile.Role != Roles.Operator
            ? await user.GrantOperatorAsync()
            : credentials.Profile;
        await throttle.ResetAsync();
        await audit.RecordAsync(context, AuditActions.SignIn, AuditOutcomes.Success, profile.Id);
        return TypedResults.Ok(await IssueTokensAsync(grains, tokens, profile));
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens, AuditTrail audit)
    {
        var invalid = ApiProblem.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidRefreshToken, "The refresh token is not valid.");
        if (UserIdOf(request.RefreshToken) is not { } userId)
        {
            return invalid;
        }

        var result = await grains.GetGrain<IUserGrain>(userId).RotateRefreshTokenAsync(request.RefreshToken);
        switch (result.Outcome)
        {
            case RefreshOutcome.Rotated:
                await audit.RecordAsync(context, AuditActions.Refresh, AuditOutcomes.Success, userId);
                var access = tokens.Issue(result.Profile!.Id, result.Profile.Role);
                return TypedResults.Ok(new AuthResponse(
                    UserSummary.From(result.Profile), access.Token, result.Token!.Token, SecondsUntil(access.ExpiresAt, tokens)));
            case RefreshOutcome.Reused:
                await audit.RecordAsync(context, AuditActions.RefreshReuse, AuditOutcomes.Denied, userId);
                return invalid;
            default:
                await audit.RecordAsync(context, AuditActions.Refresh, AuditOutcomes.Failure, userId: null);
                return invalid;
        }
    }

    private static async Task<NoContent> LogOutAsync(RefreshRequest request, HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        // Always 204: logging out twice, or with a stale token, leaves the caller signed out either way.
        if (UserIdOf(request.RefreshToken) is { } userId)
        {
            await grains.GetGrain<IUserGrain>(userId).RevokeRefreshTokenAsync(request.RefreshToken);
            await audit.RecordAsync(context, AuditActions.SignOut, AuditOutcomes.Success, userId);
        }

        return TypedResults.NoContent();
    }

    private static async Task<AuthResponse> IssueTokensAsync(IGrainFactory grains, AccessTokenIssuer tokens, UserProfile profile)
    {
        var refresh = await grains.GetGrain<IUserGrain>(profile.Id).IssueRefreshTokenAsync();
        var access = tokens.Issue(profile.Id, profile.Role);
        return new AuthResponse(UserSummary.From(profile), access.Token, refresh.Token, SecondsUntil(access.ExpiresAt, tokens));
    }

    private static async Task<UserCredentials?> FindCredentialsAsync(IGrainFactory grains, string? userId)
    {
        if (userId is null)
        {
            return null;
        }

        try
        {
            return await grains.GetGrain<IUserGrain>(userId).GetCredentialsAsync();
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Refresh tokens start with the owner's id (32 hex digits), which routes them to the user grain.</summary>
    private static string? UserIdOf(string refreshToken)
    {
        var separator = refreshToken.IndexOf('.', StringComparison.Ordinal);
        return separator == 32 && !refreshToken.AsSpan(0, separator).ContainsAnyExcept(LowerHexDigits)
            ? refreshToken[..separator]
            : null;
    }

    private static long SecondsUntil(DateTimeOffset expiresAt, AccessTokenIssuer tokens) =>
        (long)Math.Round((expiresAt - tokens.Now).TotalSeconds);

    private static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan lockout)
    {
        context.Response.Headers.RetryAfter = ((long)Math.Ceiling(lockout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblem.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many failed sign-in attempts; try again later.");
    }
}
