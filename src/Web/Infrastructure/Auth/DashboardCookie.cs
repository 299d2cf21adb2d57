using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>
/// How a browser reaches the Orleans dashboard, whose page fetches its data itself and cannot send a bearer token: the
/// dashboard sign-in puts an operator access token for the dashboard's own audience in a Secure, HttpOnly,
/// SameSite=Strict cookie, which only the dashboard's routes read. The token is checked like any other (signature,
/// lifetime, security stamp, operator list); a token of the API's audience is no use in the cookie, nor the cookie's
/// token as a bearer token on the API.
/// </summary>
public static class DashboardCookie
{
    /// <summary>The JWT scheme that reads the cookie.</summary>
    public const string Scheme = "DashboardCookie";

    /// <summary>What the dashboard's routes authenticate with: a bearer token when one is sent (scripts), else the cookie.</summary>
    public const string SelectorScheme = "Dashboard";

    /// <summary><c>__Host-</c>: the browser keeps it only if it is Secure, for this host and path <c>/</c>, set by no subdomain.</summary>
    public const string Name = "__Host-bemore-dashboard";

    public const string SignInPath = "/dashboard/signin";

    /// <summary>The audience of tokens held in the cookie: not the API's, so they open nothing else.</summary>
    public static string AudienceOf(AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return auth.Audience + ":dashboard";
    }

    public static string SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : Scheme;
    }

    public static void Append(HttpResponse response, AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(token);
        response.Cookies.Append(Name, token.Token, Options(token.ExpiresAt));
    }

    public static void Delete(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, Options(expires: null));
    }

    /// <summary>The token from the cookie, or none: the cookie scheme never reads an Authorization header.</summary>
    public static Task ReadToken(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Token = context.Request.Cookies.TryGetValue(Name, out var token) && token.Length > 0 ? token : null;
        if (context.Token is null)
        {
            context.NoResult();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A browser opening a dashboard page without a usable cookie is sent to the sign-in page (and a stale cookie is
    /// dropped); the page's own data requests get the API's 401.
    /// </summary>
    public static bool TryRedirectToSignIn(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var navigation = request.Headers["Sec-Fetch-Mode"] == "navigate" ||
            request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (!HttpMethods.IsGet(request.Method) || !navigation)
        {
            return false;
        }

        context.HandleResponse();
        if (request.Cookies.ContainsKey(Name))
        {
            Delete(context.Response);
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = SignInPath;
        return true;
    }

    private static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
