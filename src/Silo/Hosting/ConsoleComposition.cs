using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.StaticFiles;

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

    /// <summary>MediaPipe Face Mesh's files, which the sandboxed face frame (an opaque origin) loads.</summary>
    public const string FaceMeshLibraryPrefix = PathPrefix + "/lib/face_mesh";

    /// <summary>
    /// Console files are revalidated on every load (ETag / Last-Modified), so a new build is picked up at once. The face
    /// frame is sandboxed, so its requests for MediaPipe's files are cross-origin ones: those public library files say
    /// any origin may read them (no credentials are involved).
    /// </summary>
    private static StaticFileOptions Revalidated() => new()
    {
        ContentTypeProvider = ConsoleContentTypes(),
        OnPrepareResponse = context =>
        {
            var response = context.Context.Response;
            response.Headers.CacheControl = "no-cache";
            if (context.Context.Request.Path.StartsWithSegments(FaceMeshLibraryPrefix, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.AccessControlAllowOrigin = "*";
            }
        },
    };

    /// <summary>The usual types, plus MediaPipe's packed model and graph (binary data the frame reads).</summary>
    private static FileExtensionContentTypeProvider ConsoleContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".data"] = "application/octet-stream";
        types.Mappings[".binarypb"] = "application/octet-stream";
        return types;
    }
}
