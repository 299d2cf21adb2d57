using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>Every 4xx/5xx body is RFC 9457 problem details with a stable <c>code</c> and the <c>requestId</c>.</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddBeMoreProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            problem.Extensions.TryAdd("code", CodeForStatus(problem.Status ?? context.HttpContext.Response.StatusCode));
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Malformed bodies throw in every environment, so the handler answers them the same way everywhere.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The code a bare status answers with when nothing more specific was said.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.ValidationError,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.ServiceUnavailable,
        >= 500 => ErrorCodes.InternalError,
        _ => $"HTTP_{status}",
    };
}
