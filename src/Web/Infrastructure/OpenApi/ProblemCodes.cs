using System.Text.Json.Nodes;
using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace BeMore.Web.Infrastructure.OpenApi;

/// <summary>Which problem responses a route can give, from what the route is (token, role, session id, input).</summary>
internal static class ProblemCodes
{
    private static readonly string[] AllCodes =
    [
        ErrorCodes.ValidationError, ErrorCodes.MalformedJson, ErrorCodes.Unauthorized, ErrorCodes.InvalidToken,
        ErrorCodes.InvalidCredentials, ErrorCodes.InvalidRefreshToken, ErrorCodes.Forbidden, ErrorCodes.NotFound,
        ErrorCodes.SessionNotFound, ErrorCodes.InvalidSessionState, ErrorCodes.UserExists, ErrorCodes.PayloadTooLarge,
        ErrorCodes.RateLimited, ErrorCodes.InternalError, ErrorCodes.ServiceUnavailable, ErrorCodes.SttNotConfigured,
        ErrorCodes.SttFailed, "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE",
    ];

    public static Dictionary<int, string[]> Of(string method, string route, bool needsToken, bool needsRole, bool hasInput)
    {
        var problems = new Dictionary<int, string[]>();
        var isApi = route.StartsWith("/api/", StringComparison.Ordinal);
        var writes = method is "POST" or "PUT" or "DELETE";
        if (hasInput || writes)
        {
            problems[StatusCodes.Status400BadRequest] = writes ? [ErrorCodes.ValidationError, ErrorCodes.MalformedJson] : [ErrorCodes.ValidationError];
        }

        if (needsToken)
        {
            problems[StatusCodes.Status401Unauthorized] = [ErrorCodes.Unauthorized, ErrorCodes.InvalidToken];
        }

        if (route is "/api/auth/login" or "/api/user/me" && method is "POST" or "DELETE")
        {
            problems[StatusCodes.Status401Unauthorized] = [ErrorCodes.InvalidCredentials, ErrorCodes.Unauthorized, ErrorCodes.InvalidToken];
        }

        if (route == "/api/auth/refresh")
        {
            problems[StatusCodes.Status401Unauthorized] = [ErrorCodes.InvalidRefreshToken];
        }

        if (needsRole)
        {
            problems[StatusCodes.Status403Forbidden] = [ErrorCodes.Forbidden];
        }

        if (route.StartsWith("/api/session/{id}", StringComparison.Ordinal))
        {
            problems[StatusCodes.Status404NotFound] = [ErrorCodes.SessionNotFound];
            if (method == "POST")
            {
                problems[StatusCodes.Status409Conflict] = [ErrorCodes.InvalidSessionState];
            }
        }

        if (route == "/api/auth/signup")
        {
            problems[StatusCodes.Status409Conflict] = [ErrorCodes.UserExists];
        }

        if (writes)
        {
            problems[StatusCodes.Status413PayloadTooLarge] = [ErrorCodes.PayloadTooLarge];
        }

        // The global rate limiter sees every route but those exempted by configuration (by default the two health probes).
        problems[StatusCodes.Status429TooManyRequests] = [ErrorCodes.RateLimited];
        if (isApi)
        {
            problems[StatusCodes.Status503ServiceUnavailable] = [ErrorCodes.ServiceUnavailable];
        }

        return problems;
    }

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status501NotImplemented => ErrorCodes.SttNotConfigured,
        StatusCodes.Status502BadGateway => ErrorCodes.SttFailed,
        _ => Errors.ProblemDetailsSetup.CodeForStatus(status),
    };

    /// <summary>RFC 9457 problem details with BeMore's extension members.</summary>
    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable (UPPER_SNAKE); validation errors add `errors` (field -> messages).",
        Required = new HashSet<string>(StringComparer.Ordinal) { "status", "code", "requestId" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. AllCodes.Select(code => (JsonNode)JsonValue.Create(code))] },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Echoes the X-Request-Id header." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation errors: camelCase field path -> messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
