using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using BeMore.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Auth;

/// <summary>Sign-ups per client address (<c>BeMore:Auth:SignUp</c>).</summary>
public sealed class SignUpLimitOptions
{
    public const string SectionName = "BeMore:Auth:SignUp";

    /// <summary>
    /// Sign-up attempts (successful or not) per client address and window. <c>409 USER_EXISTS</c> tells whether an email
    /// has an account, so this is also how fast one address can test emails.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Sign-up's own per-address quota, on top of the global per-IP limits: fixed windows aligned to the rate-limit clock,
/// partitioned by the same client address the global limiter uses and split over the live nodes like it. An endpoint
/// filter (not the rate-limiting middleware) so the refusal passes through CORS like any other answer of the route.
/// </summary>
public sealed class SignUpRateLimit : IDisposable
{
    private readonly SignUpLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignUpRateLimit(IOptions<SignUpLimitOptions> options, NodeQuotaShare share, [FromKeyedServices(ClientRateLimits.ClockKey)] TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.Get(address, _ => new AlignedWindowRateLimiter(() => share.Of(_options.PermitLimit), _options.Window, clock)));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var lease = _limiter.AttemptAcquire(ClientRateLimits.ClientKey(context.HttpContext));
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.Window;
            return SignInGuard.TooManyAttempts(context.HttpContext, retryAfter, "Too many sign-ups from this address; try again later.");
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
