using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>
/// The one place domain refusals (which cross from grains intact) become HTTP answers. Anything else falls
/// through to the framework's handler, which answers a bare 500 problem without exception details.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }

        var status = StatusFor(domain.Code);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = domain.Message,
                Extensions = { ["code"] = domain.Code },
            },
        });
    }

    private static int StatusFor(string code) => code switch
    {
        ErrorCodes.SessionNotFound or ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidSessionState => StatusCodes.Status409Conflict,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.ValidationError => StatusCodes.Status400BadRequest,
        ErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };
}
