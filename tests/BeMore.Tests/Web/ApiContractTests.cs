using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Features.Live;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.Web;

/// <summary>
/// The documents tell the whole contract: every route the server maps is in /openapi/v1.json and in API.md's tables,
/// and every event type the code can emit, every hub method and every hub error code is in /asyncapi/v1.json.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ApiContractTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    /// <summary>
    /// The routes of API.md's tables (shared/API.md, outside this repository), as "METHOD path"; kept in step with it:
    /// a route added to the server and not here fails <see cref="EveryMappedRoute_IsInTheOpenApiDocumentAndInApiMd"/>.
    /// </summary>
    private static readonly HashSet<string> ApiMdRoutes =
    [
        "GET /", "GET /health", "GET /health/ready", "GET /api/errors/stats",
        "POST /api/auth/signup", "POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/logout", "POST /api/auth/logout-all",
        "GET /api/user/me", "PUT /api/user/me", "DELETE /api/user/me", "POST /api/user/me/password",
        "GET /api/user/me/preferences", "PUT /api/user/me/preferences", "GET /api/user/me/export", "GET /api/user/me/audit",
        "POST /api/session", "GET /api/session", "GET /api/session/{id}", "POST /api/session/{id}/pause", "POST /api/session/{id}/resume",
        "POST /api/session/{id}/end", "DELETE /api/session/{id}", "GET /api/session/{id}/events", "GET /api/session/{id}/transcript",
        "POST /api/session/{id}/transcript", "GET /api/session/{id}/summary", "GET /api/session/{id}/report",
        "GET /api/session/{id}/report.pdf", "GET /api/session/{id}/report.csv", "POST /api/session/{id}/feedback",
        "POST /api/session/{id}/counselor", "POST /api/stt/transcribe", "POST /api/emotion", "GET /api/dashboard/summary",
    ];

    /// <summary>Routes API.md does not list yet (each reported in the notes for API.md).</summary>
    private static readonly HashSet<string> MissingFromApiMd =
    [
        // API.md says only that operators reach "/api/admin/*"; its one route is not in a table.
        "GET /api/admin/audit",
        // Whether the server transcribes speech (the console offers the browser's recognition when it does not).
        "GET /api/stt/status",
    ];

    /// <summary>Mapped routes that are not REST operations of the contract, so neither document lists them.</summary>
    private static readonly string[] NotOperations =
    [
        LiveApi.HubPath, // the SignalR hub and its negotiate route: described by /asyncapi/v1.json
        "/openapi/", "/asyncapi/", "/scalar/", // the documents themselves (Development or BeMore:Api:ExposeDocs only)
        "/console", // the web console's static pages
        "/dashboard", // the Orleans dashboard (operators; BeMore:Dashboard:Enabled)
        "/metrics", // Prometheus scraping (BeMore:Telemetry)
    ];

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task EveryMappedRoute_IsInTheOpenApiDocumentAndInApiMd()
    {
        var mapped = MappedOperations();
        using var document = (await _client.GetFromJsonAsync<JsonDocument>("/openapi/v1.json"))!;
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(mapped);
        Assert.Equal([], mapped.Except(described).Order());
        Assert.Equal([], mapped.Except(ApiMdRoutes).Except(MissingFromApiMd).Order());
        // The lists above stay true: each names a route the server maps.
        Assert.Equal([], ApiMdRoutes.Union(MissingFromApiMd).Except(mapped).Order());
    }

    [Fact]
    public async Task EveryOperation_HasItsIdSummaryDescriptionSecurityAndAProblemResponse()
    {
        using var document = (await _client.GetFromJsonAsync<JsonDocument>("/openapi/v1.json"))!;
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Route: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            foreach (var field in new[] { "operationId", "summary", "description", "security" })
            {
                Assert.True(o.Value.TryGetProperty(field, out _), $"{o.Route} has no {field}");
            }

            Assert.Contains(o.Value.GetProperty("responses").EnumerateObject(), response => response.Name.StartsWith('4'));
        });
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        var pdf = document.RootElement.GetProperty("paths").GetProperty("/api/session/{id}/report.pdf").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(pdf.TryGetProperty("application/pdf", out _), pdf.ToString());
    }

    [Fact]
    public async Task EveryEventTypeHubMethodAndErrorCode_IsInTheAsyncApiDocument()
    {
        using var document = (await _client.GetFromJsonAsync<JsonDocument>("/asyncapi/v1.json"))!;
        var root = document.RootElement;
        var messages = root.GetProperty("components").GetProperty("messages");
        var operations = root.GetProperty("operations").EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal("3.0.0", root.GetProperty("asyncapi").GetString());
        Assert.Equivalent(EmittableEventTypes(), TypesIn(messages.GetProperty("SessionEvent")), strict: true);
        Assert.Equivalent(EmittableLiveTypes(), TypesIn(messages.GetProperty("SessionLive")), strict: true);
        Assert.All(HubMethodNames(), method => Assert.Contains(method, operations));
        var errors = messages.GetProperty("HubError").GetProperty("payload").GetProperty("description").GetString()!;
        Assert.All(
            ["VALIDATION_ERROR", "SESSION_NOT_FOUND", "INVALID_SESSION_STATE", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "TOO_MANY_CONNECTIONS"],
            code => Assert.Contains(code, errors, StringComparison.Ordinal));
        var join = messages.GetProperty("JoinSessionResult").GetProperty("payload").GetProperty("properties");
        Assert.True(join.TryGetProperty("hasMore", out _), join.ToString());
    }

    private HashSet<string> MappedOperations()
    {
        _ = factory.ServerAddress;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !NotOperations.Any(prefix => PathOf(endpoint).StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {PathOf(endpoint)}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The route as the documents write it: a group's empty route ("/api/session/") has no trailing slash.</summary>
    private static string PathOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');

    /// <summary>Every concrete event data type in the code, by its type name: registered for JSON or not.</summary>
    private static HashSet<string> EmittableEventTypes() =>
        typeof(SessionEventData).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(SessionEventData)))
            .Select(TypeNameOf)
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> EmittableLiveTypes() =>
        typeof(SessionLiveData).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(SessionLiveData)))
            .Select(TypeNameOf)
            .ToHashSet(StringComparer.Ordinal);

    private static string TypeNameOf(Type type) =>
        (string)(type.GetField("TypeName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
            ?? typeof(SessionEventData).GetCustomAttributes<JsonDerivedTypeAttribute>().FirstOrDefault(a => a.DerivedType == type)?.TypeDiscriminator
            ?? type.Name);

    private static HashSet<string> TypesIn(JsonElement message) =>
        message.GetProperty("payload").GetProperty("oneOf").EnumerateArray()
            .Select(alternative => alternative.GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> HubMethodNames() =>
        typeof(SessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => !method.IsSpecialName && !method.Name.StartsWith("On", StringComparison.Ordinal))
            .Select(method => method.Name);
}
