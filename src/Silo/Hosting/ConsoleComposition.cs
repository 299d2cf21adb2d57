using BeMore.Web.Infrastructure.Security;

namespace BeMore.Silo.Hosting;

/// <summary>
/// The web console: static pages under <c>/console</c> (from <c>wwwroot/console</c>), one HTML shell for every console
/// route (the pages route on the client), and nothing else: <c>GET /</c> stays the API's status answer.
/// </summary>
public static class ConsoleComposition
{
    public const string PathPrefix = SecurityHeadersOptions.ConsolePathPrefix;

    public static WebApplication UseBeMoreConsole(this WebApplication app)
    {
        app.UseStaticFiles(Revalidated());
        return app;
    }

    public static WebApplication MapBeMoreConsole(this WebApplication app)
    {
        // Routing ignores a trailing slash, so this serves /console and /console/ alike, and every page route below it.
        app.MapFallbackToFile(PathPrefix + "/{*path:nonfile}", "console/index.html", Revalidated());
        return app;
    }

    /// <summary>Console files are revalidated on every load (ETag / Last-Modified), so a new build is picked up at once.</summary>
    private static StaticFileOptions Revalidated() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
    };
}
