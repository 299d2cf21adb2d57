using System.ComponentModel.DataAnnotations;
using System.Net;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// Per-client-IP request quotas (<c>BeMore:Security:RateLimit</c>). Every request counts toward
/// <see cref="PermitLimit"/>; POST/PUT/PATCH/DELETE additionally count toward <see cref="WritePermitLimit"/>.
/// Windows are fixed and aligned to the clock (every client's window resets at the same instant).
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "BeMore:Security:RateLimit";

    /// <summary>Requests of any method per client IP and window.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>POST/PUT/PATCH/DELETE requests per client IP and window (also counted in <see cref="PermitLimit"/>).</summary>
    [Range(1, 1_000_000)]
    public int WritePermitLimit { get; set; } = 300;

    /// <summary>
    /// GET/HEAD requests for console files (scripts, styles, the face model) per client IP and window, counted apart
    /// from <see cref="PermitLimit"/>: a console load fetches dozens of them. Console page routes count as requests.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ConsoleFilePermitLimit { get; set; } = 6_000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Each node enforces its share of the quotas (quota / live nodes), so a client whose requests are spread over the
    /// nodes has the same budget as on one node. Turn off only when the load balancer pins each client to one node.
    /// </summary>
    public bool SplitAcrossNodes { get; set; } = true;

    /// <summary>Exact paths never limited: what a load balancer polls. Configuring the list replaces the default.</summary>
    public string[]? ExemptPaths { get; set; }

    public IReadOnlyList<string> EffectiveExemptPaths => ExemptPaths ?? ["/health", "/health/ready"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Window must be between 1 second and 1 day.", [nameof(Window)]);
        }

        if (WritePermitLimit > PermitLimit)
        {
            yield return new ValidationResult("WritePermitLimit must not exceed PermitLimit (writes count toward both).", [nameof(WritePermitLimit)]);
        }

        if (EffectiveExemptPaths.Any(path => !path.StartsWith('/')))
        {
            yield return new ValidationResult("ExemptPaths must be absolute paths starting with '/'.", [nameof(ExemptPaths)]);
        }
    }
}

/// <summary>The browser origins allowed to call the API and the hub (<c>BeMore:Security:Cors</c>).</summary>
public sealed class CorsAllowListOptions : IValidatableObject
{
    public const string SectionName = "BeMore:Security:Cors";

    /// <summary>
    /// Exact origins (scheme://host[:port]); <c>*</c> is refused. Configuring the list replaces the defaults
    /// (lists are nullable because the configuration binder appends to a pre-filled list).
    /// </summary>
    public string[]? AllowedOrigins { get; set; }

    public IReadOnlyList<string> EffectiveAllowedOrigins => AllowedOrigins ?? ["http://localhost:5173", "https://be-more-frontend.vercel.app"];

    /// <summary>Cookies/credentials mode; the SignalR JavaScript client sends credentials by default.</summary>
    public bool AllowCredentials { get; set; } = true;

    public string[]? AllowedMethods { get; set; }

    public IReadOnlyList<string> EffectiveAllowedMethods => AllowedMethods ?? ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public string[]? AllowedHeaders { get; set; }

    public IReadOnlyList<string> EffectiveAllowedHeaders => AllowedHeaders ??
        ["Authorization", "Content-Type", "If-None-Match", "X-Request-Id", "X-Requested-With", "X-SignalR-User-Agent"];

    public string[]? ExposedHeaders { get; set; }

    public IReadOnlyList<string> EffectiveExposedHeaders => ExposedHeaders ??
        ["X-Request-Id", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Location", "ETag", "Content-Disposition"];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in EffectiveAllowedOrigins)
        {
            if (!IsExactOrigin(origin))
            {
                yield return new ValidationResult(
                    $"AllowedOrigins entry '{origin}' must be an exact http(s) origin (scheme://host[:port], no path, no wildcard).",
                    [nameof(AllowedOrigins)]);
            }
        }

        if (EffectiveAllowedHeaders.Contains("*") || EffectiveAllowedMethods.Contains("*"))
        {
            yield return new ValidationResult("AllowedHeaders and AllowedMethods must be listed explicitly, not '*'.", [nameof(AllowedHeaders)]);
        }
    }

    private static bool IsExactOrigin(string origin) =>
        !origin.Contains('*', StringComparison.Ordinal)
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath == "/" && !origin.EndsWith('/')
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>Response headers (<c>BeMore:Security:Headers</c>).</summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "BeMore:Security:Headers";

    /// <summary>For everything that is not an HTML page: the API renders nothing and is framed by no one.</summary>
    [Required]
    public string ApiContentSecurityPolicy { get; set; } = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// For HTML pages (the Orleans dashboard, the Scalar UI): same-origin scripts, styles and data only; inline
    /// scripts/styles are needed by both pages.
    /// </summary>
    [Required]
    public string HtmlContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For the web console (<see cref="ConsolePathPrefix"/>): its own scripts and styles only, nothing inline; the live
    /// hub's WebSocket and the API are same-origin (<c>connect-src 'self'</c>); downloads and charts use blob:/data: images.
    /// </summary>
    [Required]
    public string ConsoleContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For the console's face-landmark frame (<see cref="FaceFramePathPrefix"/>): MediaPipe's wasm glue builds functions
    /// from strings (embind's <c>new Function</c>), which needs <c>'unsafe-eval'</c>. That stays inside this frame, which
    /// the policy itself sandboxes (an opaque origin without the console's memory, tokens or DOM) and only the console
    /// may embed; it receives camera frames and answers numbers. The console's own policy keeps script-src 'self'.
    /// </summary>
    [Required]
    public string FaceFrameContentSecurityPolicy { get; set; } =
        "sandbox allow-scripts; default-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>The path the web console is served under.</summary>
    public const string ConsolePathPrefix = "/console";

    /// <summary>The console's face-landmark frame (a page the console embeds) is served under this path.</summary>
    public const string FaceFramePathPrefix = "/console/face";

    /// <summary>Strict-Transport-Security outside Development.</summary>
    public bool EnableHsts { get; set; } = true;

    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public bool HstsIncludeSubDomains { get; set; }
}

/// <summary>Request body limits (<c>BeMore:Security:RequestLimits</c>).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "BeMore:Security:RequestLimits";

    /// <summary>Every request body (JSON and anything else) unless the route accepts an upload.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Routes that accept multipart/form-data, audio/* or application/octet-stream (audio uploads).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBodyBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Which peers may set the client address through <c>X-Forwarded-For</c> (<c>BeMore:Security:ForwardedHeaders</c>).</summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "BeMore:Security:ForwardedHeaders";

    /// <summary>Proxy IP addresses trusted to send X-Forwarded-For/-Proto. None by default: the TCP peer is the client.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (e.g. 10.0.0.0/8).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops to unwind.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"KnownProxies entry '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"KnownNetworks entry '{network}' is not a CIDR network.", [nameof(KnownNetworks)]);
        }
    }
}
