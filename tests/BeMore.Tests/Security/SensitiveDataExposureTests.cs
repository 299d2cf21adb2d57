using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>
/// The real executable (Production, JSON console logs) with framework logging turned up to Debug, driven through a
/// full scenario; its output must not contain a token, a password, a refresh token or transcript text, and its
/// problem bodies must not describe exceptions.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class SensitiveDataExposureTests : IAsyncLifetime, IDisposable
{
    private const string Sentence = "Marigold zeppelins hum quietly beneath seventeen lanterns";
    private readonly string _password = $"Pw-{Guid.NewGuid():N}-secret";
    private readonly TestFolder _folder = new("exposure");
    private readonly List<string> _secrets = [];
    private readonly List<(string Route, int Status, string Body)> _problems = [];
    private SiloProcess? _silo;

    public async Task InitializeAsync()
    {
        var settings = SiloSettings.Embedded(FreePort.Next());
        settings["Serilog__MinimumLevel__Default"] = "Debug";
        settings["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Debug";
        settings["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Server.Kestrel"] = "Information";
        settings["Serilog__MinimumLevel__Override__Orleans"] = "Warning";
        settings["Serilog__MinimumLevel__Override__Microsoft.Orleans"] = "Warning";
        settings["Serilog__MinimumLevel__Override__System.Net.Http"] = "Warning";
        _silo = await SiloProcess.StartAsync(_folder.Path, settings);
        await RunScenarioAsync(_silo.Http);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    /// <summary>After <see cref="DisposeAsync"/> stopped the process that used the folder.</summary>
    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Logs_AfterFullScenario_ContainNoTokenPasswordOrTranscript()
    {
        var output = _silo!.Output;

        Assert.All(_secrets, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
        Assert.DoesNotContain(_password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentence, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Marigold zeppelins", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.", output);

        // The scenario's requests were logged (with their URLs), so a leak would have shown up.
        Assert.Contains("/api/session", output, StringComparison.Ordinal);
        Assert.Contains("access_token=[REDACTED]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemBodies_InProduction_DescribeNoException()
    {
        Assert.True(_problems.Count >= 8);
        Assert.All(_problems, problem =>
        {
            Assert.InRange(problem.Status, 400, 599);
            using var body = JsonDocument.Parse(problem.Body);
            Assert.Matches("^[A-Z][A-Z0-9_]+$", body.Code());
            Assert.False(body.RootElement.TryGetProperty("exception", out _), problem.Route);
            Assert.False(body.RootElement.TryGetProperty("detail", out var detail) && detail.GetString()?.Contains("Exception", StringComparison.Ordinal) == true, problem.Route);
            Assert.DoesNotContain("Exception", problem.Body, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bat [\w.`<>]+\.[\w<>]+\(", problem.Body);
            Assert.DoesNotContain("System.", problem.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Microsoft.", problem.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", problem.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(_password, problem.Body, StringComparison.Ordinal);
        });
    }

    private async Task RunScenarioAsync(HttpClient http)
    {
        var email = ApiClientExtensions.NewEmail("exposure");
        using var signup = await http.PostAsJsonAsync("/api/auth/signup", new { email, password = _password, displayName = "Exposure" });
        var (access, refresh) = await TokensAsync(signup);
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = _password });
        (access, refresh) = await TokensAsync(login);
        using var refreshed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        (access, refresh) = await TokensAsync(refreshed);

        using var created = await http.SendAsync(HttpMethod.Post, "/api/session", access,
            new { title = "exposure", consent = new { analysis = true, storeTranscript = true } });
        using var createdBody = await created.ReadJsonAsync();
        var sessionId = createdBody.RootElement.GetProperty("id").GetString()!;
        using var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", access,
            new { clientSegmentId = "c1", text = Sentence, startMs = 0, endMs = 2500, language = "en" });
        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        foreach (var path in new[]
                 {
                     $"/api/session/{sessionId}/transcript", $"/api/session/{sessionId}/report", $"/api/session/{sessionId}/report.csv?kind=transcript",
                     $"/api/session/{sessionId}/summary", "/api/user/me/export", "/api/dashboard/summary",
                 })
        {
            using var read = await http.SendAsync(HttpMethod.Get, path, access);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // SignalR sends the token in the query string; the framework's request log includes the URL.
        using (var query = await http.GetAsync($"/api/user/me?access_token={Uri.EscapeDataString(access)}"))
        {
        }

        await CollectProblemsAsync(http, email, access);
        using var logout = await http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = refresh });

        // The marker's completion line is written after every earlier request's lines.
        var marker = $"/log-marker-{Guid.NewGuid():N}";
        using (await http.GetAsync(marker))
        {
        }

        await _silo!.WaitForOutputAsync(line => line.Contains(marker, StringComparison.Ordinal) && line.Contains("404", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    private async Task CollectProblemsAsync(HttpClient http, string email, string access)
    {
        await ProblemAsync(http, "malformed json with password", Post("/api/auth/login", $"{{\"email\":\"{email}\",\"password\":\"{_password}\"", "application/json"));
        await ProblemAsync(http, "wrong password", Post("/api/auth/login", JsonSerializer.Serialize(new { email, password = _password + "x" }), "application/json"));
        await ProblemAsync(http, "existing user", Post("/api/auth/signup", JsonSerializer.Serialize(new { email, password = _password, displayName = "x" }), "application/json"));
        await ProblemAsync(http, "validation", Post("/api/auth/signup", JsonSerializer.Serialize(new { email = "not-an-email", password = "short", displayName = "" }), "application/json"));
        await ProblemAsync(http, "unsupported media type", Post("/api/auth/login", "email=x", "application/x-www-form-urlencoded"));
        await ProblemAsync(http, "too large", Post("/api/auth/login", new string('x', (1024 * 1024) + 1), "application/json"));
        await ProblemAsync(http, "not found", new HttpRequestMessage(HttpMethod.Get, "/no/such/route"));
        await ProblemAsync(http, "method not allowed", new HttpRequestMessage(HttpMethod.Put, "/api/auth/login"));
        await ProblemAsync(http, "tampered token", WithToken(new HttpRequestMessage(HttpMethod.Get, "/api/user/me"), access[..^4] + "AAAA"));
        await ProblemAsync(http, "unknown session", WithToken(new HttpRequestMessage(HttpMethod.Get, "/api/session/ffffffffffffffffffffffffffffffff"), access));
        await ProblemAsync(http, "hostile id", WithToken(new HttpRequestMessage(HttpMethod.Get, "/api/session/%27%3BDROP%20TABLE"), access));
    }

    private async Task ProblemAsync(HttpClient http, string route, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            _problems.Add((route, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
    }

    private async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        using var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.RootElement.ToString());
        var access = body.RootElement.GetProperty("accessToken").GetString()!;
        var refresh = body.RootElement.GetProperty("refreshToken").GetString()!;
        _secrets.Add(access);
        _secrets.Add(access.Split('.')[2]);
        _secrets.Add(refresh);
        _secrets.Add(refresh.Split('.')[2]);
        return (access, refresh);
    }

    private static HttpRequestMessage Post(string path, string body, string contentType) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)) };

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
