using BeMore.Grains.Abstractions.Errors;
using BeMore.Web.Infrastructure.Validation;
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
            if (problem is HttpValidationProblemDetails validation)
            {
                var worded = ValidationMessages.ForClients(validation.Errors);
                validation.Errors.Clear();
                foreach (var (field, messages) in worded)
                {
                    validation.Errors[field] = messages;
                }
            }
        });
        AnswerJsonWhateverTheAcceptHeader(services);
        services.AddSingleton<SiloUnavailabilityLog>();
        services.AddSingleton<Serilog.Core.ILogEventFilter, NodeLossLogFilter>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Malformed bodies throw in every environment, so the handler answers them the same way everywhere.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The framework's writer declines a request whose <c>Accept</c> names neither JSON nor <c>*/*</c> (a browser
    /// navigation, an image request): <c>WriteAsync</c> then throws and a refusal becomes an empty 500, and
    /// <c>TryWriteAsync</c> leaves a bare status or plain text. Every writer of problems (status-code pages, the exception
    /// handler, the JWT challenge, the rate limiter, the request guard, endpoint results) goes through this one service,
    /// so its only writer is the framework's, made to accept every request: the same body (defaults, <c>traceId</c>,
    /// <c>code</c>, <c>requestId</c>) as <c>application/problem+json</c>, the API's one error format.
    /// </summary>
    private static void AnswerJsonWhateverTheAcceptHeader(IServiceCollection services)
    {
        var framework = services.Single(descriptor => descriptor.ServiceType == typeof(IProblemDetailsWriter));
        var frameworkType = framework.ImplementationType
            ?? throw new InvalidOperationException("The framework's problem-details writer is expected to be registered by type.");
        services.Remove(framework);
        services.AddSingleton<IProblemDetailsWriter>(provider =>
            new AnyAcceptProblemDetailsWriter((IProblemDetailsWriter)ActivatorUtilities.CreateInstance(provider, frameworkType)));
    }

    /// <summary>Writes every problem with the framework's writer, whatever the request accepts.</summary>
    private sealed class AnyAcceptProblemDetailsWriter(IProblemDetailsWriter framework) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context) => framework.WriteAsync(context);
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
