using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>
/// Every error answers its real status with an <c>application/problem+json</c> body, whatever the client's
/// <c>Accept</c> says: a browser navigation (<c>text/html</c>) or an image request must not turn a refusal into a 500.
/// Each case goes through a different writer: status-code pages, the JWT challenge, the exception handler, endpoint
/// results, the request guard.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ErrorNegotiationTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const int OneMegabyte = 1024 * 1024;

    private readonly HttpClient _client = factory.CreateApiClient();

    /// <summary>An erroneous request: what to send (given a signed-in user), and the status and code it must answer.</summary>
    private sealed record ErrorCase(Func<SignedInUser, HttpRequestMessage> Request, HttpStatusCode Status, string Code);

    private static readonly Dictionary<string, ErrorCase> Cases = new()
    {
        ["401-no-token"] = new(_ => new(HttpMethod.Get, "/api/user/me"), HttpStatusCode.Unauthorized, "UNAUTHORIZED"),
        ["401-invalid-token"] = new(_ => WithToken(new(HttpMethod.Get, "/api/user/me"), "not.a.token"), HttpStatusCode.Unauthorized, "INVALID_TOKEN"),
        ["403-operator-route"] = new(user => WithToken(new(HttpMethod.Get, "/api/admin/audit"), user.AccessToken), HttpStatusCode.Forbidden, "FORBIDDEN"),
        ["403-websocket-origin"] = new(_ => ForeignWebSocketUpgrade(), HttpStatusCode.Forbidden, "FORBIDDEN"),
        ["404-route"] = new(_ => new(HttpMethod.Get, "/no/such/route"), HttpStatusCode.NotFound, "NOT_FOUND"),
        ["404-session"] = new(user => WithToken(new(HttpMethod.Get, $"/api/session/{Guid.NewGuid():N}"), user.AccessToken), HttpStatusCode.NotFound, "SESSION_NOT_FOUND"),
        ["405-method"] = new(_ => new(HttpMethod.Put, "/api/auth/login") { Content = JsonContent.Create(new { email = "a@b.test", password = "x" }) }, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),
        ["409-user-exists"] = new(user => Post("/api/auth/signup", "application/json", JsonSerializer.SerializeToUtf8Bytes(new { email = user.Email, password = user.Password, displayName = "Again" })), HttpStatusCode.Conflict, "USER_EXISTS"),
        ["413-content-length"] = new(_ => Post("/api/auth/login", "application/json", Encoding.UTF8.GetBytes($$"""{"email":"a@b.test","password":"{{new string('p', OneMegabyte)}}"}""")), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"),
        ["413-chunked"] = new(_ => Post("/api/auth/login", "application/json", Encoding.UTF8.GetBytes($$"""{"email":"a@b.test","password":"{{new string('p', OneMegabyte)}}"}"""), chunked: true), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"),
        ["415-content-type"] = new(_ => Post("/api/auth/login", "text/plain", Encoding.UTF8.GetBytes("""{"email":"a@b.test","password":"x"}""")), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ["400-malformed-json"] = new(_ => Post("/api/auth/login", "application/json", Encoding.UTF8.GetBytes("""{"email":""")), HttpStatusCode.BadRequest, "MALFORMED_JSON"),
        ["400-validation"] = new(_ => Post("/api/auth/signup", "application/json", Encoding.UTF8.GetBytes("""{"email":"not-an-address","password":"short","displayName":"x"}""")), HttpStatusCode.BadRequest, "VALIDATION_ERROR"),
        ["400-query-validation"] = new(user => WithToken(new(HttpMethod.Get, "/api/session?limit=-5"), user.AccessToken), HttpStatusCode.BadRequest, "VALIDATION_ERROR"),
        ["400-endpoint-problem"] = new(user => WithToken(new(HttpMethod.Get, $"/api/session/{Guid.NewGuid():N}/report.csv?kind=secrets"), user.AccessToken), HttpStatusCode.BadRequest, "VALIDATION_ERROR"),
    };

    public static TheoryData<string, string> CasesByAccept()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name, "text/html,application/xhtml+xml");
            data.Add(name, "image/png");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesByAccept))]
    public async Task Error_WithAnAcceptThatExcludesJson_AnswersItsStatusAsProblemJson(string name, string accept)
    {
        var user = await _client.SignUpAsync();
        var errorCase = Cases[name];
        using var request = errorCase.Request(user);
        request.Headers.Accept.ParseAdd(accept);

        using var response = await _client.SendAsync(request);

        await ProblemResponses.AssertProblemAsync(response, errorCase.Status, errorCase.Code);
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Post(string path, string contentType, byte[] body, bool chunked = false)
    {
        HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>A WebSocket handshake to the hub from a foreign browser origin, as plain HTTP so the refusal's body can be read.</summary>
    private static HttpRequestMessage ForeignWebSocketUpgrade()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/hubs/session");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        return request;
    }
}

/// <summary>What every error response must be: its status, problem+json, a code and the request's id.</summary>
internal static class ProblemResponses
{
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(code, problem.Code());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.RootElement.GetProperty("requestId").GetString());
    }
}
