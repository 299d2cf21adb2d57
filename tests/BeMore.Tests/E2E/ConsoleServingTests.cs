using System.Net;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.E2E;

/// <summary>How the Silo serves the web console: pages and built libraries under /console, a strict CSP, the API untouched.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ConsoleServingTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    [InlineData("/console/session/0123456789abcdef0123456789abcdef")]
    [InlineData("/console/dashboard")]
    public async Task ConsoleRoute_AnyPage_ServesTheShellUnderAStrictPolicy(string path)
    {
        using var http = factory.CreateApiClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/console/js/main.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/lib/signalr.min.js")]
    [InlineData("/console/lib/chart.umd.min.js")]
    [InlineData("/console/js/pcm16-worklet.js")]
    public async Task ConsoleScript_BuiltOrWritten_IsServedAsJavaScript(string path)
    {
        using var http = factory.CreateApiClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Root_WithTheConsoleServed_StillAnswersTheStatusJson()
    {
        using var http = factory.CreateApiClient();

        using var response = await http.GetAsync("/");
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BeMore", body.RootElement.GetProperty("name").GetString());
    }
}
