using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>
/// Hostile bodies against sign-up, login, session create and transcript: each is refused with a 4xx problem carrying a
/// code, the server keeps serving, and nothing is stored. Server-owned fields in a body are ignored.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HostileInputTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const string Password = ApiClientExtensions.Password;
    private const string SqlMeta = "x' OR '1'='1'; DROP TABLE \"OrleansStorage\";-- \\ %_ `";
    private const int OneMegabyte = 1024 * 1024;

    private readonly HttpClient _client = factory.CreateApiClient();

    /// <summary>A hostile request: its content type, its body (given the caller's email), and whether to send it chunked.</summary>
    public sealed record Hostile(string ContentType, Func<string, byte[]> Body, bool Chunked = false);

    private static readonly Dictionary<string, Hostile> SignupCases = new()
    {
        ["sql-in-email"] = Json(email => $$"""{"email":"{{email}}{{Escape(SqlMeta)}}","password":"{{Password}}","displayName":"x"}"""),
        ["very-long-display-name"] = Json(email => $$"""{"email":"{{email}}","password":"{{Password}}","displayName":"{{new string('a', 100_000)}}"}"""),
        ["very-long-password"] = Json(email => $$"""{"email":"{{email}}","password":"{{new string('p', 100_000)}}","displayName":"x"}"""),
        ["invalid-utf8"] = new("application/json", email => Bytes($$"""{"email":"{{email}}","password":"{{Password}}","displayName":""", [0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22], "}")),
        ["nested-depth-500"] = Json(email => $$"""{"email":"{{email}}","password":"{{Password}}","displayName":"x","extra":{{new string('[', 500)}}{{new string(']', 500)}}}"""),
        ["number-for-string"] = Json(email => $$"""{"email":"{{email}}","password":1e400,"displayName":"x"}"""),
        ["nan-literal"] = Json(email => $$"""{"email":"{{email}}","password":NaN,"displayName":"x"}"""),
        ["infinity-literal"] = Json(email => $$"""{"email":"{{email}}","password":"{{Password}}","displayName":Infinity}"""),
        ["array-body"] = Json(email => $$"""[{"email":"{{email}}","password":"{{Password}}","displayName":"x"}]"""),
        ["null-fields"] = Json(email => $$"""{"email":"{{email}}","password":null,"displayName":null}"""),
        ["nul-character"] = Json(email => $$"""{"email":"{{email}}\u0000","password":"{{Password}}","displayName":"x"}"""),
        ["text-plain"] = new("text/plain", email => Encoding.UTF8.GetBytes($$"""{"email":"{{email}}","password":"{{Password}}","displayName":"x"}""")),
        ["form-urlencoded"] = new("application/x-www-form-urlencoded", email => Encoding.UTF8.GetBytes($"email={Uri.EscapeDataString(email)}&password={Uri.EscapeDataString(Password)}&displayName=x")),
        ["xml"] = new("application/xml", email => Encoding.UTF8.GetBytes($"<signup><email>{email}</email><password>{Password}</password></signup>")),
        ["oversized"] = Json(email => $$"""{"email":"{{email}}","password":"{{Password}}","displayName":"{{new string('a', OneMegabyte + 10)}}"}"""),
        ["oversized-chunked"] = Json(email => $$"""{"email":"{{email}}","password":"{{Password}}","displayName":"{{new string('a', OneMegabyte + 10)}}"}""") with { Chunked = true },
        ["empty-body"] = Json(_ => ""),
    };

    private static readonly Dictionary<string, Hostile> LoginCases = new()
    {
        ["sql-in-credentials"] = Json(_ => $$"""{"email":"{{Escape(SqlMeta)}}@example.com","password":"{{Escape(SqlMeta)}}"}"""),
        ["very-long-password"] = Json(email => $$"""{"email":"{{email}}","password":"{{new string('p', 100_000)}}"}"""),
        ["invalid-utf8"] = new("application/json", email => Bytes($$"""{"email":"{{email}}","password":""", [0x22, 0xED, 0xA0, 0x80, 0x22], "}")),
        ["nested-depth-500"] = Json(email => $$"""{"email":"{{email}}","password":{{new string('[', 500)}}{{new string(']', 500)}}}"""),
        ["nan-literal"] = Json(email => $$"""{"email":"{{email}}","password":NaN}"""),
        ["text-plain"] = new("text/plain", email => Encoding.UTF8.GetBytes($$"""{"email":"{{email}}","password":"{{Password}}"}""")),
        ["oversized"] = Json(email => $$"""{"email":"{{email}}","password":"{{new string('p', OneMegabyte + 10)}}"}"""),
    };

    private static readonly Dictionary<string, Hostile> SessionCases = new()
    {
        ["very-long-title"] = Json(_ => $$$"""{"title":"{{{new string('t', 100_000)}}}","consent":{"analysis":true,"storeTranscript":true}}"""),
        ["string-for-bool"] = Json(_ => """{"title":"x","consent":{"analysis":"true","storeTranscript":"yes"}}"""),
        ["invalid-utf8"] = new("application/json", _ => Bytes("""{"title":""", [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], ""","consent":{"analysis":true,"storeTranscript":true}}""")),
        ["nested-depth-500"] = Json(_ => $$"""{"title":"x","consent":{"analysis":true,"storeTranscript":true},"extra":{{string.Concat(Enumerable.Repeat("{\"a\":", 500))}}1{{new string('}', 500)}}}"""),
        ["nan-literal"] = Json(_ => """{"title":NaN,"consent":{"analysis":true,"storeTranscript":true}}"""),
        ["xml"] = new("application/xml", _ => Encoding.UTF8.GetBytes("<session><title>x</title></session>")),
        ["oversized-chunked"] = Json(_ => $$$"""{"title":"{{{new string('t', OneMegabyte + 10)}}}","consent":{"analysis":true,"storeTranscript":true}}""") with { Chunked = true },
    };

    private static readonly Dictionary<string, Hostile> TranscriptCases = new()
    {
        ["text-too-long"] = Json(_ => $$"""{"clientSegmentId":"c1","text":"{{new string('w', 6000)}}","startMs":0,"endMs":10,"language":"en"}"""),
        ["huge-number"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":1e400,"endMs":10,"language":"en"}"""),
        ["huge-integer"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":0,"endMs":99999999999999999999999999999,"language":"en"}"""),
        ["out-of-range-offset"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":0,"endMs":9007199254740991,"language":"en"}"""),
        ["negative-offset"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":-5,"endMs":10,"language":"en"}"""),
        ["nan-literal"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":NaN,"endMs":10,"language":"en"}"""),
        ["infinity-literal"] = Json(_ => """{"clientSegmentId":"c1","text":"hello","startMs":0,"endMs":-Infinity,"language":"en"}"""),
        ["invalid-utf8"] = new("application/json", _ => Bytes("""{"clientSegmentId":"c1","text":""", [0x22, 0x80, 0x81, 0x22], ""","startMs":0,"endMs":10,"language":"en"}""")),
        ["nested-depth-500"] = Json(_ => $$"""{"clientSegmentId":"c1","text":{{new string('[', 500)}}{{new string(']', 500)}},"startMs":0,"endMs":10,"language":"en"}"""),
        ["sql-in-language"] = Json(_ => $$"""{"clientSegmentId":"c1","text":"hello","startMs":0,"endMs":10,"language":"{{Escape(SqlMeta)}}"}"""),
        ["text-plain"] = new("text/plain", _ => Encoding.UTF8.GetBytes("""{"clientSegmentId":"c1","text":"hello","startMs":0,"endMs":10,"language":"en"}""")),
        ["oversized"] = Json(_ => $$"""{"clientSegmentId":"c1","text":"{{new string('w', OneMegabyte + 10)}}","startMs":0,"endMs":10,"language":"en"}"""),
    };

    public static TheoryData<string> SignupCaseNames => new(SignupCases.Keys);

    public static TheoryData<string> LoginCaseNames => new(LoginCases.Keys);

    public static TheoryData<string> SessionCaseNames => new(SessionCases.Keys);

    public static TheoryData<string> TranscriptCaseNames => new(TranscriptCases.Keys);

    [Theory]
    [MemberData(nameof(SignupCaseNames))]
    public async Task Signup_HostileBody_Returns4xxWithCodeAndCreatesNoAccount(string name)
    {
        var email = ApiClientExtensions.NewEmail("hostile");

        using var response = await SendAsync("/api/auth/signup", null, SignupCases[name], email);

        await AssertRefusedAsync(response);
        await AssertStillServingAsync();
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        // The address was never claimed: a well-formed sign-up with it succeeds now.
        await _client.SignUpAsync(email);
    }

    [Theory]
    [MemberData(nameof(LoginCaseNames))]
    public async Task Login_HostileBody_Returns4xxWithCodeAndIssuesNoToken(string name)
    {
        var user = await _client.SignUpAsync();

        using var response = await SendAsync("/api/auth/login", null, LoginCases[name], user.Email);
        var text = await response.Content.ReadAsStringAsync();

        await AssertRefusedAsync(response);
        Assert.DoesNotContain("accessToken", text, StringComparison.OrdinalIgnoreCase);
        await AssertStillServingAsync();
    }

    [Theory]
    [MemberData(nameof(SessionCaseNames))]
    public async Task SessionCreate_HostileBody_Returns4xxWithCodeAndStoresNoSession(string name)
    {
        var user = await _client.SignUpAsync();

        using var response = await SendAsync("/api/session", user.AccessToken, SessionCases[name], user.Email);

        await AssertRefusedAsync(response);
        await AssertStillServingAsync();
        using var list = await _client.SendAsync(HttpMethod.Get, "/api/session", user.AccessToken);
        using var page = await list.ReadJsonAsync();
        Assert.Equal(0, page.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TranscriptCaseNames))]
    public async Task Transcript_HostileBody_Returns4xxWithCodeAndStoresNoSegment(string name)
    {
        var user = await _client.SignUpAsync();
        var sessionId = await CreateSessionAsync(user, "hostile transcript");

        using var response = await SendAsync($"/api/session/{sessionId}/transcript", user.AccessToken, TranscriptCases[name], user.Email);

        await AssertRefusedAsync(response);
        await AssertStillServingAsync();
        using var transcript = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/transcript", user.AccessToken);
        using var segments = await transcript.ReadJsonAsync();
        Assert.Equal(0, segments.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Signup_WithServerOwnedFields_IgnoresThem()
    {
        var email = ApiClientExtensions.NewEmail("owned");
        var attackerId = new string('a', 32);

        using var response = await PostJsonAsync("/api/auth/signup", null, $$"""
            {"email":"{{email}}","password":"{{Password}}","displayName":"Mallory","role":"operator","id":"{{attackerId}}",
             "user":{"id":"{{attackerId}}","role":"operator"},"createdAt":"2000-01-01T00:00:00Z","passwordHash":"x","roles":["operator"]}
            """);
        using var body = await response.ReadJsonAsync();
        var token = body.RootElement.GetProperty("accessToken").GetString()!;
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", token);
        using var profile = await me.ReadJsonAsync();
        using var admin = await _client.SendAsync(HttpMethod.Get, "/dashboard/", token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("user", body.RootElement.GetProperty("user").GetProperty("role").GetString());
        Assert.NotEqual(attackerId, body.RootElement.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("user", profile.RootElement.GetProperty("role").GetString());
        Assert.NotEqual(2000, profile.RootElement.GetProperty("createdAt").GetDateTimeOffset().Year);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task SessionCreate_WithServerOwnedFields_IgnoresThem()
    {
        var owner = await _client.SignUpAsync();
        var victim = await _client.SignUpAsync();
        var chosenId = new string('b', 32);

        using var response = await PostJsonAsync("/api/session", owner.AccessToken, $$$"""
            {"id":"{{{chosenId}}}","status":"ended","ownerId":"{{{victim.Id}}}","userId":"{{{victim.Id}}}","lastSeq":99,
             "startedAt":"2000-01-01T00:00:00Z","title":"owned","consent":{"analysis":true,"storeTranscript":true}}
            """);
        using var body = await response.ReadJsonAsync();
        var id = body.RootElement.GetProperty("id").GetString()!;
        using var asVictim = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}", victim.AccessToken);
        using var chosen = await _client.SendAsync(HttpMethod.Get, $"/api/session/{chosenId}", owner.AccessToken);
        using var victimList = await _client.SendAsync(HttpMethod.Get, "/api/session", victim.AccessToken);
        using var victimPage = await victimList.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(chosenId, id);
        Assert.Equal("active", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("lastSeq").GetInt64());
        Assert.NotEqual(2000, body.RootElement.GetProperty("startedAt").GetDateTimeOffset().Year);
        Assert.Equal(HttpStatusCode.NotFound, asVictim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, chosen.StatusCode);
        Assert.Equal(0, victimPage.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Transcript_WithServerOwnedFields_IgnoresThem()
    {
        var user = await _client.SignUpAsync();
        var sessionId = await CreateSessionAsync(user, "owned transcript");

        using var response = await PostJsonAsync($"/api/session/{sessionId}/transcript", user.AccessToken, """
            {"clientSegmentId":"c1","text":"hello there","startMs":0,"endMs":900,"language":"en",
             "seq":999,"sessionId":"cccccccccccccccccccccccccccccccc","type":"risk_alert","at":"2000-01-01T00:00:00Z"}
            """);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(sessionId, body.RootElement.GetProperty("sessionId").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("transcript_segment", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task SqlMetacharacters_InStoredText_AreStoredVerbatim()
    {
        var user = await _client.SignUpAsync();
        var sessionId = await CreateSessionAsync(user, SqlMeta);

        using var appended = await _client.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            new { clientSegmentId = SqlMeta, text = SqlMeta, startMs = 0, endMs = 500, language = "en" });
        using var session = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", user.AccessToken);
        using var snapshot = await session.ReadJsonAsync();
        using var transcript = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/transcript", user.AccessToken);
        using var segments = await transcript.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        Assert.Equal(SqlMeta, snapshot.RootElement.GetProperty("title").GetString());
        Assert.Equal(SqlMeta, segments.RootElement[0].GetProperty("data").GetProperty("text").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? token, Hostile hostile, string email)
    {
        var bytes = hostile.Body(email);
        HttpContent content = hostile.Chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string? token, string json) =>
        SendAsync(path, token, Json(_ => json), "");

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Expected a 4xx, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Matches("^[A-Z][A-Z0-9_]+$", problem.Code());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.RootElement.GetProperty("requestId").GetString());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.`<>]+\.[\w<>]+\(", text);
    }

    private async Task AssertStillServingAsync()
    {
        using var health = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<string> CreateSessionAsync(SignedInUser user, string title)
    {
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title, consent = new { analysis = true, storeTranscript = true } });
        using var body = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static Hostile Json(Func<string, string> body) => new("application/json", email => Encoding.UTF8.GetBytes(body(email)));

    private static string Escape(string text) => JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    private static byte[] Bytes(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];
}
