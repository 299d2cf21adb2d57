using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Auth;

/// <summary>Sign-up, sign-in, refresh-token rotation and sign-out (one sign-in, or everywhere).</summary>
public static class AuthApi
{
    public static IServiceCollection AddAuthApi(this IServiceCollection services)
    {
        services.AddOptions<SignUpLimitOptions>().BindConfiguration(SignUpLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignUpRateLimit>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<PasswordSignIn>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/signup", SignUpAsync)
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SignUpRateLimit>().InvokeAsync(context, next))
            .WithSummary("Sign up").WithDescription("Creates an account and signs it in: answers 201 with the user, an access token and a refresh token.");
        group.MapPost("/login", LogInAsync)
            .WithSummary("Sign in").WithDescription("Exchanges email and password for an access token and a refresh token. An unknown email and a wrong password answer alike.");
        group.MapPost("/refresh", RefreshAsync)
            .WithSummary("Refresh the tokens").WithDescription("Answers a new access token and a new refresh token; the old refresh token stops working, and reusing a spent one revokes its whole family.");
        group.MapPost("/logout", LogOutAsync)
            .WithSummary("Sign out").WithDescription("Revokes the given refresh token.");
        endpoints.MapGroup("/api/auth").WithTags("Auth").RequireAuthorization().MapPost("/logout-all", LogOutEverywhereAsync)
            .WithSummary("Sign out everywhere").WithDescription("Ends every sign-in of the user: refresh tokens at once, access tokens within 60 s, live connections at their next call.");
        return endpoints;
    }

    private static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> SignUpAsync(
        SignupRequest request, HttpContext context, IGrainFactory grains, PasswordHashing passwords,
        AccessTokenIssuer tokens, AuditTrail audit)
    {
        var email = EmailAddresses.Normalize(request.Email);
        var userId = Guid.CreateVersion7().ToString("N");
        if (!await grains.Reference<IEmailIndexGrain>(email).TryClaimAsync(userId))
        {
            await audit.RecordAsync(context, AuditActions.SignUp, AuditOutcomes.Failure, userId: null);
            return ApiProblem.Create(StatusCodes.Status409Conflict, ErrorCodes.UserExists, "An account with this email already exists.");
        }

        // A new id cannot be listed yet, so every account starts as a user; operators are named by id afterwards.
        var profile = await grains.Reference<IUserGrain>(userId)
            .RegisterAsync(new NewAccount(email, request.DisplayName.Trim(), passwords.Hash(request.Password), Roles.User));
        await audit.RecordAsync(context, AuditActions.SignUp, AuditOutcomes.Success, userId, userId);
        return TypedResults.Created("/api/user/me", await IssueTokensAsync(grains, tokens, profile));
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LogInAsync(
        LoginRequest request, HttpContext context, IGrainFactory grains, PasswordSignIn signIn, AccessTokenIssuer tokens)
    {
        var result = await signIn.SignInAsync(context, request.Email, request.Password);
        return result switch
        {
            { Profile: { } profile } => TypedResults.Ok(await IssueTokensAsync(grains, tokens, profile)),
            { Outcome: PasswordCheckOutcome.Throttled } => SignInGuard.TooManyAttempts(context, result.RetryAfter, "Too many failed sign-in attempts; try again later."),
            _ => SignInGuard.InvalidCredentials(),
        };
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer tokens,
        IOptionsMonitor<AuthOptions> options, AuditTrail audit)
    {
        var invalid = ApiProblem.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidRefreshToken, "The refresh token is not valid.");
        if (!RefreshTokenFormat.TryParse(request.RefreshToken, out var userId, out _, out _))
        {
            return invalid;
        }

        var user = grains.Reference<IUserGrain>(userId);
        var result = await user.RotateRefreshTokenAsync(request.RefreshToken);
        switch (result.Outcome)
        {
            case RefreshOutcome.Rotated:
                var profile = await PasswordSignIn.WithConfiguredRoleAsync(user, result.Profile!, options.CurrentValue);
                await audit.RecordAsync(context, AuditActions.Refresh, AuditOutcomes.Success, userId);
                var access = tokens.Issue(profile.Id, profile.Role, result.Token!.SecurityStamp);
                return TypedResults.Ok(new AuthResponse(
                    UserSummary.From(profile), access.Token, result.Token.Token, SecondsUntil(access.ExpiresAt, tokens)));
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
        if (RefreshTokenFormat.TryParse(request.RefreshToken, out var userId, out _, out _))
        {
            await grains.Reference<IUserGrain>(userId).RevokeRefreshTokenAsync(request.RefreshToken);
            await audit.RecordAsync(context, AuditActions.SignOut, AuditOutcomes.Success, userId);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Ends every sign-in of the caller, this one included: refresh tokens at once, access tokens through the stamp.</summary>
    private static async Task<NoContent> LogOutEverywhereAsync(HttpContext context, IGrainFactory grains, SecurityStamps stamps, AuditTrail audit)
    {
        var userId = context.User.UserId();
        await grains.Reference<IUserGrain>(userId).EndAllSignInsAsync();
        stamps.Forget(userId);
        await audit.RecordAsync(context, AuditActions.SignOutEverywhere, AuditOutcomes.Success, userId, userId);
        return TypedResults.NoContent();
    }

    private static async Task<AuthResponse> IssueTokensAsync(IGrainFactory grains, AccessTokenIssuer tokens, UserProfile profile)
    {
        var refresh = await grains.Reference<IUserGrain>(profile.Id).IssueRefreshTokenAsync();
        var access = tokens.Issue(profile.Id, profile.Role, refresh.SecurityStamp);
        return new AuthResponse(UserSummary.From(profile), access.Token, refresh.Token, SecondsUntil(access.ExpiresAt, tokens));
    }

    private static long SecondsUntil(DateTimeOffset expiresAt, AccessTokenIssuer tokens) =>
        (long)Math.Round((expiresAt - tokens.Now).TotalSeconds);
}
