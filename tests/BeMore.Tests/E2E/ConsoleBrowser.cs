using System.Text.Json;
using System.Text.RegularExpressions;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BeMore.Tests.E2E;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium, never a downloaded browser) driven by Playwright, with a fake
/// microphone that plays a recording and a fake camera (Chromium's test pattern, or a y4m video). WebGL runs on
/// SwiftShader, Chromium's software renderer, since there is no GPU. Screenshots and downloads go to the test's
/// artifact folder.
/// </summary>
public sealed partial class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The fake microphone's default recording: three spoken sentences, looped.</summary>
    public static string DefaultMicrophone => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Audio", "three-sentences.wav");

    /// <summary>axe-core's browser build, copied beside the tests from the console's npm packages.</summary>
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "axe.min.js")));

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _console = [];

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string artifacts)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        Artifacts = artifacts;
        page.Console += (_, message) => Note($"console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Note($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Where this test's screenshots and downloads are written (under the test output folder).</summary>
    public string Artifacts { get; }

    /// <summary>What the page logged (console messages, uncaught errors): shown when a step fails.</summary>
    public string ConsoleLog
    {
        get
        {
            lock (_console)
            {
                return string.Join('\n', _console);
            }
        }
    }

    /// <summary>
    /// Launches a browser for one test, runs its steps and closes it. A failed step (a Playwright timeout or a failed
    /// assertion) keeps a screenshot of the page and puts what the page logged into the failure's message.
    /// </summary>
    public static async Task RunAsync(
        Uri baseAddress, string testName, ViewportSize viewport, Func<ConsoleBrowser, Task> steps,
        string locale = "en-US", string? initScript = null, string? camera = null)
    {
        await using var browser = await LaunchAsync(baseAddress, DefaultMicrophone, testName, viewport, locale, initScript, camera);
        try
        {
            await steps(browser);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException or JsonException)
        {
            await browser.ScreenshotAsync("failure");
            throw new InvalidOperationException($"{e.Message}\nBrowser console:\n{browser.ConsoleLog}", e);
        }
    }

    /// <param name="camera">A y4m video for the fake camera; without one, Chromium shows its own moving test pattern.</param>
    public static async Task<ConsoleBrowser> LaunchAsync(
        Uri baseAddress, string microphoneWav, string testName, ViewportSize viewport, string locale = "en-US", string? initScript = null,
        string? camera = null)
    {
        TestCategory.EnsureAllowed(TestCategory.E2E, nameof(ConsoleBrowser));
        var artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e", testName);
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        Directory.CreateDirectory(artifacts);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-audio-capture={microphoneWav}",
                .. camera is null ? Array.Empty<string>() : [$"--use-file-for-fake-video-capture={camera}"],
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = viewport,
            AcceptDownloads = true,
            Permissions = ["microphone", "camera"],
        });
        context.SetDefaultTimeout(20_000);
        // A page load also waits for its scripts and styles; on a 2-core machine busy with the rest of the suite the
        // first load of a fresh browser has taken longer than 20 s.
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        return new ConsoleBrowser(playwright, browser, context, page, artifacts);
    }

    /// <summary>
    /// Runs axe-core (pinned in the console's npm packages) on the page as it is now and fails on any serious or critical
    /// violation, naming the rule and the elements. The script is evaluated through the browser's debugging protocol,
    /// which the page's content security policy does not govern, so the page itself stays as served.
    /// </summary>
    public async Task AssertAccessibleAsync(string pageName)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await Page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await Page.EvaluateAsync<string[]>(
            """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"axe-core found on {pageName}:\n{string.Join('\n', violations)}");
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"{name}.png"), FullPage = true });

    /// <summary>Chromium logs failed WebSocket URLs whole: the hub's access token is blanked before the line is kept.</summary>
    private void Note(string line)
    {
        lock (_console)
        {
            _console.Add(AccessTokenParameter().Replace(line, "access_token=[REDACTED]"));
        }
    }

    [GeneratedRegex("access_token=[^&'\\s]+")]
    private static partial Regex AccessTokenParameter();

    public async ValueTask DisposeAsync()
    {
        File.WriteAllText(Path.Combine(Artifacts, "console.log"), ConsoleLog);
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
