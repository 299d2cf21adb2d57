using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// The per-client-IP quotas: an "all requests" tier and a "writes" tier, each a partitioned limiter keyed by the
/// connection's remote address (after trusted forwarded headers). The console's own files (scripts, styles, the face
/// model) count toward a quota of their own: one page load fetches dozens, and loading the console must not spend the
/// budget its API calls need. The global limiter chains them; this class also
/// describes a request's standing for the <c>RateLimit-*</c> headers. Each node enforces its share of the quotas
/// (<see cref="NodeQuotaShare"/>), and the headers state that share: what this node will grant.
/// </summary>
public sealed class ClientRateLimits : IDisposable
{
    /// <summary>The clock the windows follow (a keyed service so tests can move it without touching the rest).</summary>
    public const string ClockKey = "BeMore.Security.RateLimitClock";

    private const string ConsoleFilePartition = "console-files|";

    private readonly RateLimitOptions _options;
    private readonly TimeProvider _clock;
    private readonly NodeQuotaShare _share;
    private readonly HashSet<string> _exempt;
    private readonly PartitionedRateLimiter<HttpContext> _all;
    private readonly PartitionedRateLimiter<HttpContext> _writes;

    public ClientRateLimits(IOptions<RateLimitOptions> options, NodeQuotaShare share, [FromKeyedServices(ClockKey)] TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _share = share;
        _exempt = new HashSet<string>(_options.EffectiveExemptPaths, StringComparer.OrdinalIgnoreCase);
        _all = PartitionedRateLimiter.Create<HttpContext, string>(context => IsConsoleFile(context)
            ? Partition(context, ConsoleFilePartition, _options.ConsoleFilePermitLimit, writesOnly: false)
            : Partition(context, string.Empty, _options.PermitLimit, writesOnly: false));
        _writes = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, string.Empty, _options.WritePermitLimit, writesOnly: true));
        // Writes first: a write refused by its own quota then takes nothing from the overall one (the middleware asks
        // twice before refusing, and a fixed window never gives a permit back). When the overall quota is the one
        // exhausted, both reset together anyway, because every window ends at the same instant.
        Limiter = PartitionedRateLimiter.CreateChained(_writes, _all);
    }

    /// <summary>What <c>RateLimiterOptions.GlobalLimiter</c> runs.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public bool IsExempt(HttpContext context) => _exempt.Contains(context.Request.Path.Value?.TrimEnd('/') is { Length: > 0 } path ? path : "/");

    /// <summary>A console file (a path with an extension under the console) fetched, not a console page route.</summary>
    public static bool IsConsoleFile(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments(SecurityHeadersOptions.ConsolePathPrefix, StringComparison.OrdinalIgnoreCase)
            && Path.HasExtension(request.Path.Value);
    }

    public static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The partition key: the client address as the server sees it after trusted proxies were unwound.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The quota that binds this request (the writes tier for a write when it has fewer permits left) and seconds
    /// until the shared window resets.
    /// </summary>
    public RateLimitStanding? Describe(HttpContext context)
    {
        if (IsExempt(context))
        {
            return null;
        }

        var reset = SecondsUntilReset();
        var all = new RateLimitStanding(
            _share.Of(IsConsoleFile(context) ? _options.ConsoleFilePermitLimit : _options.PermitLimit), Remaining(_all, context), reset, _options.Window);
        if (!IsWrite(context.Request.Method))
        {
            return all;
        }

        var writes = new RateLimitStanding(_share.Of(_options.WritePermitLimit), Remaining(_writes, context), reset, _options.Window);
        return writes.Remaining <= all.Remaining ? writes : all;
    }

    public long SecondsUntilReset()
    {
        var now = _clock.GetUtcNow();
        return Math.Max(1, (long)Math.Ceiling((AlignedWindowRateLimiter.WindowEnd(now, _options.Window) - now).TotalSeconds));
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _all.Dispose();
        _writes.Dispose();
    }

    private RateLimitPartition<string> Partition(HttpContext context, string quota, int limit, bool writesOnly)
    {
        if (IsExempt(context) || (writesOnly && !IsWrite(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.Get(quota + ClientKey(context), _ => new AlignedWindowRateLimiter(() => _share.Of(limit), _options.Window, _clock));
    }

    private static long Remaining(PartitionedRateLimiter<HttpContext> limiter, HttpContext context) =>
        Math.Max(0, limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
}

/// <summary>A client's standing against one quota, as the <c>RateLimit-*</c> headers state it.</summary>
public sealed record RateLimitStanding(int Limit, long Remaining, long ResetSeconds, TimeSpan Window)
{
    public void WriteHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers["RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = ResetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"{Limit};w={(long)Window.TotalSeconds}");
    }
}
