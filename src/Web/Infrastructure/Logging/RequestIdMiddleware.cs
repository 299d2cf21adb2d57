using System.Buffers;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace BeMore.Web.Infrastructure.Logging;

/// <summary>
/// Gives every request an id: a well-formed incoming <c>X-Request-Id</c> is kept (so a client or proxy can
/// correlate), anything else is replaced. The id is echoed on the response and attached to every log line.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 64;

    private static readonly SearchValues<char> AllowedCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var requestId = IsWellFormed(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        // Set as the response starts, not now: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("RequestId", requestId))
        {
            await next(context);
        }
    }

    public static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= MaxLength && !value.AsSpan().ContainsAnyExcept(AllowedCharacters);
}
