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

    /// <summary>
    /// MediaPipe's files, built from the npm package, are served for the sandboxed face frame: it is an opaque origin, so
    /// they say any origin may read them (public library files, no credentials).
    /// </summary>
    [Theory]
    [InlineData("/console/lib/face_mesh/face_mesh.js", "text/javascript")]
    [InlineData("/console/lib/face_mesh/face_mesh_solution_packed_assets_loader.js", "text/javascript")]
    [InlineData("/console/lib/face_mesh/face_mesh_solution_simd_wasm_bin.wasm", "application/wasm")]
    [InlineData("/console/lib/face_mesh/face_mesh_solution_wasm_bin.wasm", "application/wasm")]
    [InlineData("/console/lib/face_mesh/face_mesh_solution_packed_assets.data", "application/octet-stream")]
    [InlineData("/console/lib/face_mesh/face_mesh.binarypb", "application/octet-stream")]
    public async Task FaceMeshFile_BuiltFromNpm_IsServedToTheFaceFrame(string path, string mediaType)
    {
        using var http = factory.CreateApiClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    /// <summary>
    /// The face frame alone may evaluate strings as code (MediaPipe's wasm glue needs it), and its own policy sandboxes
    /// it: an opaque origin, embeddable by the console only. The console itself stays without eval.
    /// </summary>
    [Fact]
    public async Task FaceFrame_IsSandboxedByItsOwnPolicyAndOnlyTheConsoleEmbedsIt()
    {
        using var http = factory.CreateApiClient();

        using var frame = await http.GetAsync("/console/face/frame.html");
        using var shell = await http.GetAsync("/console/session/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        var policy = string.Join(' ', frame.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox allow-scripts;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", policy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", string.Join(',', frame.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("/console/lib/face_mesh/face_mesh.js", await frame.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var consolePolicy = string.Join(' ', shell.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", consolePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", consolePolicy, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(',', shell.Headers.GetValues("X-Frame-Options")));
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
