using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// Decorates every response just before its headers are sent (so errors, 404s, 429s and file downloads are covered
/// alike): security headers, <c>Cache-Control: no-store</c> on personal-data routes, the client's <c>RateLimit-*</c>
/// standing, and one count in <see cref="ErrorStatistics"/> for an error status.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    /// <summary>Path prefixes whose answers carry personal data (or tokens) and must never be stored by a cache.</summary>
    private static readonly string[] NoStorePrefixes = ["/api", "/hubs", "/dashboard"];

    private readonly RequestDelegate _next;
    private readonly SecurityHeadersOptions _options;
    private readonly ClientRateLimits _limits;
    private readonly ErrorStatistics _errors;
    private readonly string? _hsts;

    public SecurityHeadersMiddleware(
        RequestDelegate next, IOptions<SecurityHeadersOptions> options, ClientRateLimits limits, ErrorStatistics errors, IHostEnvironment environment)
    {
        _next = next;
        _options = options.Value;
        _limits = limits;
        _errors = errors;
        _hsts = _options.EnableHsts && !environment.IsDevelopment()
            ? string.Create(CultureInfo.InvariantCulture, $"max-age={(long)_options.HstsMaxAge.TotalSeconds}{(_options.HstsIncludeSubDomains ? "; includeSubDomains" : "")}")
            : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, context) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Decorate(context);
            return Task.CompletedTask;
        }, (this, context));
        return _next(context);
    }

    private void Decorate(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        var html = response.ContentType is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
        var path = context.Request.Path;
        var faceFrame = path.StartsWithSegments(SecurityHeadersOptions.FaceFramePathPrefix, StringComparison.OrdinalIgnoreCase);
        headers.ContentSecurityPolicy = faceFrame ? _options.FaceFrameContentSecurityPolicy
            : path.StartsWithSegments(SecurityHeadersOptions.ConsolePathPrefix, StringComparison.OrdinalIgnoreCase) ? _options.ConsoleContentSecurityPolicy
            : html ? _options.HtmlContentSecurityPolicy : _options.ApiContentSecurityPolicy;
        // The face frame is embedded by the console (same origin); everything else is framed by no one.
        headers.XFrameOptions = faceFrame ? "SAMEORIGIN" : "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // The XSS auditor is gone from browsers and could be abused where it remains; CSP is the protection.
        headers.XXSSProtection = "0";
        headers.Remove(HeaderNames.Server);
        if (_hsts is not null)
        {
            headers.StrictTransportSecurity = _hsts;
        }

        // An ETag flow answers "private, no-cache" so a client may revalidate; anything else (and every error) is no-store.
        if (IsPersonal(context.Request.Path) && (response.StatusCode >= 400 || string.IsNullOrEmpty(headers.CacheControl)))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        _limits.Describe(context)?.WriteHeaders(headers);
        _errors.Record(context);
    }

    private static bool IsPersonal(PathString path) => NoStorePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
