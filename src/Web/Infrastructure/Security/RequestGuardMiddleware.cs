using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// Refuses requests before any endpoint reads them: bodies over the route's limit (413 <c>PAYLOAD_TOO_LARGE</c>, at
/// once when <c>Content-Length</c> says so, else when Kestrel counts past the limit while the body is read), and
/// WebSocket upgrades from a browser origin that is neither allowed nor the server's own (403 <c>FORBIDDEN</c>;
/// browsers do not apply CORS to WebSockets).
/// </summary>
internal sealed class RequestGuardMiddleware(
    RequestDelegate next, IOptions<RequestLimitsOptions> limits, IOptions<CorsAllowListOptions> cors, IProblemDetailsService problems)
{
    private readonly HashSet<string> _allowedOrigins = new(cors.Value.EffectiveAllowedOrigins, StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsWebSocketUpgrade(context) && !IsAllowedOrigin(context))
        {
            await WriteProblemAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This origin may not open a WebSocket here.");
            return;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null)
        {
            var limit = AcceptsUpload(endpoint) ? limits.Value.MaxUploadBodyBytes : limits.Value.MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is too large.");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
        }

        await next(context);
    }

    /// <summary>Decided by what the route declares it accepts, never by what the client says it sends.</summary>
    private static bool AcceptsUpload(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(accepts => accepts.ContentTypes.Any(IsUploadType)) == true;

    private static bool IsUploadType(string contentType) =>
        contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
        || contentType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    private static bool IsWebSocketUpgrade(HttpContext context) =>
        context.Request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>No Origin (a non-browser client), the server's own origin, or one on the allow-list.</summary>
    private bool IsAllowedOrigin(HttpContext context)
    {
        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        return origin.Length == 0
            || _allowedOrigins.Contains(origin)
            || string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private Task WriteProblemAsync(HttpContext context, int status, string code, string title)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Extensions = { ["code"] = code } },
        }).AsTask();
    }
}
