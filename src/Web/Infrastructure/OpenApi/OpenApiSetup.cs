using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace BeMore.Web.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document tells the whole contract: the bearer scheme and which operations need it, an operationId for
/// each, every problem response a route can give (its status, its <c>code</c> values, the problem-details schema),
/// and a description of each tag. Summaries and descriptions are written beside each route (its feature's Map*Api).
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness of the node; no token.",
        ["Auth"] = "Sign-up, sign-in, token refresh and sign-out.",
        ["Users"] = "The signed-in user's own account: profile, preferences, password, export, audit, erasure.",
        ["Admin"] = "Operator-only views across users (role operator).",
        ["Sessions"] = "Counseling sessions: lifecycle, event log, transcript, feedback, summary and the counselor.",
        ["Reports"] = "A session's report as JSON, PDF or CSV, built from its events.",
        ["Dashboard"] = "The caller's aggregates across sessions, cheap to poll (ETag).",
        ["Emotion"] = "Emotion of a piece of text, on demand.",
        ["Speech-to-text"] = "Transcription of an uploaded WAV file through the configured provider.",
        ["Errors"] = "Aggregate error counts, no content.",
    };

    public static IServiceCollection AddBeMoreOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                Complete(document);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var api = context.Description;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var method = api.HttpMethod ?? "GET";
        var route = "/" + (api.RelativePath ?? string.Empty).Split('?')[0];
        operation.OperationId ??= OperationIds.From(method, route);

        var authorized = metadata.OfType<IAuthorizeData>().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var needsToken = authorized.Count > 0 && !anonymous;
        operation.Security = needsToken
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
            : [];

        var problems = ProblemCodes.Of(method, route, needsToken, authorized.Any(a => a.Policy is not null), HasInput(api));
        foreach (var declared in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400))
        {
            problems.TryAdd(declared.StatusCode, [ProblemCodes.ForStatus(declared.StatusCode)]);
        }

        operation.Responses ??= [];
        foreach (var (status, codes) in problems.OrderBy(p => p.Key))
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ProblemResponse(status, codes, context.Document);
        }
    }

    private static bool HasInput(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api) =>
        api.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Query" or "Form" or "FormFile");

    private static OpenApiResponse ProblemResponse(int status, IReadOnlyList<string> codes, OpenApiDocument? document) => new()
    {
        Description = $"{ReasonPhrases.GetReasonPhrase(status)}: problem details with code {string.Join(", ", codes)}.",
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/problem+json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    AllOf = [new OpenApiSchemaReference(ProblemSchema, document)],
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(code => (JsonNode)JsonValue.Create(code))] },
                    },
                },
                Example = new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110",
                    ["title"] = ReasonPhrases.GetReasonPhrase(status),
                    ["status"] = status,
                    ["code"] = codes[0],
                    ["requestId"] = "0HN8KQ3V1QH2A:00000001",
                },
            },
        },
    };

    private static void Complete(OpenApiDocument document)
    {
        document.Info.Title = "BeMore API";
        document.Info.Description = "The REST side of BeMore's public contract (the live hub /hubs/session is described at /asyncapi/v1.json). " +
            "Every 4xx/5xx body is RFC 9457 problem details with a stable code and the requestId.";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://bemore.invalid/license") };
        document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from /api/auth/signup, /login or /refresh, as `Authorization: Bearer <accessToken>`.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemSchema] = ProblemCodes.Schema();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
    }
}
