using System.Text.Json;
using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>
/// The one place exceptions become HTTP answers: domain refusals (which cross from grains intact), malformed
/// requests, and an unreachable node (503 with <c>Retry-After</c>, logged once per cause with a count). Anything else falls through to the framework's handler, which answers a bare 500 problem without
/// exception details.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, SiloUnavailabilityLog unavailability) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (SiloUnavailability.CauseOf(exception) is { } cause)
        {
            unavailability.Record(cause, exception, $"{httpContext.Request.Method} {httpContext.GetEndpoint()?.DisplayName ?? "request"}");
            httpContext.Response.Headers.RetryAfter = SiloUnavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await WriteAsync(httpContext, exception, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, SiloUnavailability.Title);
        }

        var (status, code, title) = exception switch
        {
            DomainException domain => (StatusFor(domain.Code), domain.Code, domain.Message),
            BadHttpRequestException { InnerException: JsonException } =>
                (StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The request body is not valid JSON for this route."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => (bad.StatusCode, ProblemDetailsSetup.CodeForStatus(bad.StatusCode), "The request is not valid."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        return await WriteAsync(httpContext, exception, status, code, title);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, Exception exception, int status, string code, string title)
    {
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Extensions = { ["code"] = code },
            },
        });
    }

    private static int StatusFor(string code) => code switch
    {
        ErrorCodes.SessionNotFound or ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidSessionState or ErrorCodes.UserExists => StatusCodes.Status409Conflict,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };
}
