using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BeMore.Web.Infrastructure.Auth;

internal static class AuthSetup
{
    public const string RoleClaim = "role";

    private const string HubPathPrefix = "/hubs";

    /// <summary>Tokens a few seconds past expiry are still refused; the default five minutes is too lenient.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddBeMoreAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccessTokenIssuer>();
        services.TryAddKeyedSingleton(SecurityStamps.ClockKey, TimeProvider.System);
        services.AddSingleton<SecurityStamps>();
        services.AddOptions<DashboardSettings>().BindConfiguration(DashboardSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddJwtBearer(DashboardCookie.Scheme)
            .AddPolicyScheme(DashboardCookie.SelectorScheme, displayName: null, selector => selector.ForwardDefaultSelector = DashboardCookie.SelectScheme);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value, auth.Value.Audience, new JwtBearerEvents
            {
                OnMessageReceived = ReadHubTokenFromQuery,
                OnTokenValidated = RejectEndedSignInsAsync,
                OnChallenge = WriteInvalidTokenProblemAsync,
            }));
        services.AddOptions<JwtBearerOptions>(DashboardCookie.Scheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value, DashboardCookie.AudienceOf(auth.Value), new JwtBearerEvents
            {
                OnMessageReceived = DashboardCookie.ReadToken,
                OnTokenValidated = RejectEndedSignInsAsync,
                OnChallenge = context => DashboardCookie.TryRedirectToSignIn(context) ? Task.CompletedTask : WriteInvalidTokenProblemAsync(context),
            }));
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Operator, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .AddPolicy(AuthPolicies.OperatorDashboard, policy => policy
                .AddAuthenticationSchemes(DashboardCookie.SelectorScheme).RequireAuthenticatedUser().RequireRole(Roles.Operator));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, string audience, JwtBearerEvents events)
    {
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new ValidatedTokenCache(ClockSkew));
        // After the handler is in place: the setter passes the setting on to the scheme's handlers.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = audience,
            IssuerSigningKey = new SymmetricSecurityKey(auth.SigningKeyBytes),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = JwtRegisteredClaimNames.Sub,
            RoleClaimType = RoleClaim,
        };
        jwt.Events = events;
        // Nothing reads the raw token back from the authentication properties; storing it cost every request a copy.
        jwt.SaveToken = false;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the live hub (and only it) takes the token from
    /// <c>access_token</c> in the query string; request logs never carry query strings.
    /// </summary>
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments(HubPathPrefix) && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A token outlives its sign-in by up to its lifetime: one whose security stamp is no longer the account's (password
    /// changed, signed out everywhere, account erased) is refused, as is an operator token of a user no longer listed.
    /// </summary>
    private static async Task RejectEndedSignInsAsync(TokenValidatedContext context)
    {
        if (await context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>().EndedReasonAsync(context.Principal!) is { } reason)
        {
            context.Fail(reason);
        }
    }

    /// <summary>A presented but unusable token answers INVALID_TOKEN; no token at all falls through to UNAUTHORIZED.</summary>
    private static async Task WriteInvalidTokenProblemAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is null)
        {
            return;
        }

        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The access token is not valid.",
                Extensions = { ["code"] = ErrorCodes.InvalidToken },
            },
        });
    }
}
