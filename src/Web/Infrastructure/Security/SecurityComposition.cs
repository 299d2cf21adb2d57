using System.Globalization;
using System.Net;
using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// The security policy's HTTP measures (<c>BeMore:Security:*</c>): trusted forwarded headers, per-IP rate limits,
/// the CORS allow-list, security headers, body-size limits, WebSocket origin checks and error statistics.
/// </summary>
public static class SecurityComposition
{
    public static WebApplicationBuilder AddBeMoreSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsAllowListOptions>().BindConfiguration(CorsAllowListOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddKeyedSingleton(ClientRateLimits.ClockKey, TimeProvider.System);
        services.AddSingleton<NodeQuotaShare>();
        services.AddSingleton<ClientRateLimits>();
        services.AddSingleton<ErrorStatistics>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>(ConfigureForwardedHeaders);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsAllowListOptions>>((cors, allowList) =>
            cors.AddDefaultPolicy(policy => ConfigureCorsPolicy(policy, allowList.Value)));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRateLimits>((options, limits) =>
        {
            options.GlobalLimiter = limits.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => WriteRateLimitedAsync(rejected.HttpContext, limits);
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.Value.MaxJsonBodyBytes, limits.Value.MaxUploadBodyBytes));
        services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitsOptions>>((form, limits) =>
            form.MultipartBodyLengthLimit = limits.Value.MaxUploadBodyBytes);

        // Every problem body's code is noted for the error statistics, after the shared customization has set it.
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                ErrorStatistics.NoteProblemCode(context.HttpContext, context.ProblemDetails.Extensions.TryGetValue("code", out var code) ? code as string : null);
            };
        });
        return builder;
    }

    /// <summary>
    /// Call after the exception handler and status-code pages (so refusals here are problem details too) and before
    /// authentication (so preflights and 429s are not turned into 401s).
    /// </summary>
    public static WebApplication UseBeMoreSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        app.UseCors();
        app.UseMiddleware<RequestGuardMiddleware>();
        return app;
    }

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IOptions<ForwardedHeadersSettings> settings)
    {
        // The framework trusts loopback proxies by default; only configured proxies may speak for a client.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = settings.Value.ForwardLimit;
        foreach (var proxy in settings.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        // With both lists empty the middleware trusts every peer, so any client could pick its own address (and quota,
        // and audited IP). No configured proxy means no forwarded header is read at all, also when the host's own
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED switch adds the middleware with these options.
        options.ForwardedHeaders = options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    private static void ConfigureCorsPolicy(CorsPolicyBuilder policy, CorsAllowListOptions allowList)
    {
        policy.WithOrigins([.. allowList.EffectiveAllowedOrigins])
            .WithMethods([.. allowList.EffectiveAllowedMethods])
            .WithHeaders([.. allowList.EffectiveAllowedHeaders])
            .WithExposedHeaders([.. allowList.EffectiveExposedHeaders])
            .SetPreflightMaxAge(allowList.PreflightMaxAge);
        if (allowList.AllowCredentials)
        {
            policy.AllowCredentials();
        }
        else
        {
            policy.DisallowCredentials();
        }
    }

    /// <summary>
    /// The 429 answer: <c>Retry-After</c> until the shared window resets, CORS headers for an allowed origin (the
    /// limiter runs before CORS so preflights count too, yet a browser must be able to read the refusal), and a
    /// problem body with <c>RATE_LIMITED</c>.
    /// </summary>
    private static async ValueTask WriteRateLimitedAsync(HttpContext context, ClientRateLimits limits)
    {
        context.Response.Headers.RetryAfter = limits.SecondsUntilReset().ToString(CultureInfo.InvariantCulture);
        var services = context.RequestServices;
        if (await services.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(context, policyName: null) is { } policy)
        {
            var cors = services.GetRequiredService<ICorsService>();
            cors.ApplyResult(cors.EvaluatePolicy(context, policy), context.Response);
        }

        await services.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests; try again later.",
                Extensions = { ["code"] = ErrorCodes.RateLimited },
            },
        });
    }
}
