using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Auth;

/// <summary>
/// The Orleans dashboard's browser sign-in: a form posting email and password; an operator gets the dashboard cookie
/// (<see cref="DashboardCookie"/>) and is sent on to <c>/dashboard/</c>, anyone else gets no cookie. The same throttle
/// and audit as the API's sign-in. A post must come from a page of this host (fetch metadata, else <c>Origin</c>), so
/// another site cannot sign a browser in or out; the cookie itself is SameSite=Strict.
/// </summary>
public static class DashboardSignInApi
{
    private const string SignOutPath = "/dashboard/signout";

    public static IEndpointRouteBuilder MapDashboardSignInApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        group.MapGet(DashboardCookie.SignInPath, () => Page(StatusCodes.Status200OK, message: null));
        group.MapPost(DashboardCookie.SignInPath, SignInAsync);
        group.MapPost(SignOutPath, SignOut);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, PasswordSignIn signIn, SecurityStamps stamps, AccessTokenIssuer tokens,
        IOptions<AuthOptions> auth, IOptions<DashboardSettings> dashboard)
    {
        if (!IsFromThisHost(context.Request))
        {
            return Page(StatusCodes.Status403Forbidden, "Sign in from this server's own sign-in page.");
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var (email, password) = (form?["email"].ToString() ?? "", form?["password"].ToString() ?? "");
        if (email.Length is 0 or > 320 || password.Length is 0 or > 128)
        {
            return Page(StatusCodes.Status400BadRequest, "Enter your email and password.");
        }

        var result = await signIn.SignInAsync(context, email, password);
        if (result.Outcome == PasswordCheckOutcome.Throttled)
        {
            SignInGuard.SetRetryAfter(context, result.RetryAfter);
            return Page(StatusCodes.Status429TooManyRequests, "Too many failed sign-in attempts; try again later.");
        }

        if (result.Profile is not { } profile)
        {
            return Page(StatusCodes.Status401Unauthorized, "The email or password is incorrect.");
        }

        if (profile.Role != Roles.Operator || await stamps.CurrentAsync(profile.Id) is not { } stamp)
        {
            return Page(StatusCodes.Status403Forbidden, "The dashboard is for operator accounts only.");
        }

        DashboardCookie.Append(context.Response, tokens.Issue(
            profile.Id, profile.Role, stamp, DashboardCookie.AudienceOf(auth.Value), dashboard.Value.SignInLifetime));
        return TypedResults.Redirect("/dashboard/");
    }

    private static IResult SignOut(HttpContext context)
    {
        if (!IsFromThisHost(context.Request))
        {
            return Page(StatusCodes.Status403Forbidden, "Sign out from this server's own sign-in page.");
        }

        DashboardCookie.Delete(context.Response);
        return TypedResults.Redirect(DashboardCookie.SignInPath);
    }

    /// <summary>
    /// Only this host's own pages may post here. Browsers say where a request comes from in <c>Sec-Fetch-Site</c>;
    /// those that do not send an <c>Origin</c>, which must then name this host. (Under this server's
    /// <c>Referrer-Policy: no-referrer</c> Chromium posts forms with <c>Origin: null</c>, so fetch metadata goes first.)
    /// </summary>
    private static bool IsFromThisHost(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site == "same-origin";
        }

        return Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin) &&
            string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static ContentHttpResult Page(int status, string? message) =>
        TypedResults.Content(SignInPage.Render(message), "text/html; charset=utf-8", statusCode: status);
}
