using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

/// <summary>
/// The web console as a person uses it, in headless Chromium against the real server (Kestrel, hub, silo), with a
/// fake microphone playing a recorded voice (three spoken sentences, looped).
/// </summary>
[Trait(TestCategory.Name, TestCategory.E2E)]
public sealed partial class ConsoleTests(ConsoleWebFactory factory) : IClassFixture<ConsoleWebFactory>
{
    internal static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    internal static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Long enough that losing the speech said during it could not hide in the measurement's tolerance.</summary>
    private static readonly TimeSpan NetworkCut = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Console_FullSessionInKorean_ShowsLiveAnalysisReportAndDashboard()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_FullSessionInKorean_ShowsLiveAnalysisReportAndDashboard), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "ko");
            // The language chosen at sign-up became the account's preference, and the UI follows it.
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
            await Expect(page.Locator("#main-nav a[href='/console/session']")).ToHaveTextAsync("새 세션");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            using (var preferences = await (await http.SendAsync(HttpMethod.Get, "/api/user/me/preferences", token)).ReadJsonAsync())
            {
                Assert.Equal("ko", preferences.RootElement.GetProperty("language").GetString());
            }

            var sessionId = await StartSessionAsync(browser, "E2E 세션");
            await HearSpeechAsync(browser);
            await browser.ScreenshotAsync("2-session-speaking");

            await page.Locator("#transcript-language").SelectOptionAsync("ko");
            await page.Locator("#transcript-input").FillAsync("맨날 실수만 해. 너무 불안해.");
            await page.Locator("#send-transcript").ClickAsync();
            await Expect(page.Locator("#distortion-cards li[data-type='overgeneralization']")).ToBeVisibleAsync();
            await Expect(page.Locator("#distortion-cards li[data-type='overgeneralization'] h3")).ToHaveTextAsync("과잉 일반화");
            await Expect(page.Locator("#intervention-cards li[data-kind='question']").First).ToBeVisibleAsync();
            await Expect(page.Locator("#transcript li").Last).ToHaveTextAsync("맨날 실수만 해. 너무 불안해.");
            await WaitForChartPointsAsync(page, "#emotion-chart");
            await AssertLabelledAsync(page);
            await browser.ScreenshotAsync("3-session-distortion");

            await page.Locator("#transcript-input").FillAsync("가끔은 죽고 싶어.");
            await page.Locator("#send-transcript").ClickAsync();
            await Expect(page.Locator("#risk-banner")).ToBeVisibleAsync();
            await Expect(page.Locator("#risk-banner")).ToHaveAttributeAsync("data-level", "high");
            await Expect(page.Locator("#risk-crisis-line")).ToContainTextAsync("109");
            await browser.ScreenshotAsync("3-session-risk-banner");

            await page.Locator("#end-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "ended");
            await page.Locator("#report-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/console/report/{sessionId}$"));
            await Expect(page.Locator("#report-summary dt").First).ToBeVisibleAsync();
            await WaitForChartPointsAsync(page, "#report-emotion-chart");
            await WaitForChartPointsAsync(page, "#voice-chart");
            await WaitForChartPointsAsync(page, "#report-distribution-chart");
            await Expect(page.Locator("#report-distortions li[data-type='overgeneralization']")).ToContainTextAsync("들린 말: “맨날 실수”");
            await AssertLabelledAsync(page);
            await browser.ScreenshotAsync("4-report");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-pdf").ClickAsync());
            var pdfPath = Path.Combine(browser.Artifacts, "report.pdf");
            await download.SaveAsAsync(pdfPath);
            var pdf = await File.ReadAllBytesAsync(pdfPath);
            Assert.True(pdf.Length > 1000, $"the PDF has {pdf.Length} bytes");
            Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

            await page.Locator("#main-nav a[href='/console/dashboard']").ClickAsync();
            await Expect(page.Locator($"#recent-sessions li[data-session-id='{sessionId}']")).ToContainTextAsync("E2E 세션");
            await Expect(page.Locator("#top-distortions li[data-type='overgeneralization']")).ToBeVisibleAsync();
            await Expect(page.Locator($"#risk-flags li[data-session-id='{sessionId}']")).ToHaveAttributeAsync("data-level", "high");
            await WaitForChartPointsAsync(page, "#weekly-chart");
            await browser.ScreenshotAsync("5-dashboard");

            // What the page showed is what the server recorded.
            using var report = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", token)).ReadJsonAsync();
            var utterances = report.RootElement.GetProperty("voice").GetProperty("utteranceCount").GetInt32();
            Assert.True(utterances >= 2, $"the server counted {utterances} utterances");
        });
    }

    [Fact]
    public async Task Console_NetworkCutMidSession_ReconnectsAndLosesNoEventNorSpeech()
    {
        await using var proxy = new NetworkCutProxy(factory.ServerAddress);
        await ConsoleBrowser.RunAsync(proxy.Address, nameof(Console_NetworkCutMidSession_ReconnectsAndLosesNoEventNorSpeech), Phone, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            var sessionId = await StartSessionAsync(browser, "Network drop");
            await Expect(page.Locator("#speaking-indicator")).ToHaveAttributeAsync("data-speaking", "true");
            // A whole sentence has been heard before the cut, so the first upload stream is seconds long.
            await Expect(page.Locator("#utterance-count")).Not.ToHaveTextAsync("0");

            // While the browser is cut off, the session goes on: the server records a transcript sent from elsewhere.
            var cut = proxy.CutAsync(NetworkCut);
            await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", new Regex("reconnecting|disconnected|connecting"));
            // The microphone keeps going and what is said is kept for later, and the page says so.
            await page.WaitForFunctionAsync("() => Number(document.querySelector('#audio-backlog').dataset.bufferedMs) > 0");
            await Expect(page.Locator("#audio-backlog")).ToBeVisibleAsync();
            using (var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", token,
                new { clientSegmentId = "during-the-cut", text = "This always happens to me.", startMs = 0, endMs = 1000, language = "en" }))
            {
                Assert.True(appended.IsSuccessStatusCode, $"transcript answered {(int)appended.StatusCode}");
            }

            await browser.ScreenshotAsync("2-session-reconnecting");
            await cut;
            await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Expect(page.Locator("#transcript li")).ToHaveTextAsync(["This always happens to me."]);
            // The speech kept during the cut goes out after the reconnect (at twice real time), and the notice goes.
            await page.WaitForFunctionAsync("() => document.querySelector('#audio-backlog').dataset.bufferedMs === '0'", null, new() { Timeout = 60_000 });
            await Expect(page.Locator("#audio-backlog")).ToBeHiddenAsync();
            Assert.Equal("0", await page.Locator("#audio-backlog").GetAttributeAsync("data-dropped-ms"));

            // Audio streams again after the reconnect, and the typed path works on the new connection.
            await Expect(page.Locator("#utterance-count")).Not.ToHaveTextAsync(new Regex("^[01]$"), new() { Timeout = 20_000 });
            await page.Locator("#transcript-language").SelectOptionAsync("en");
            await page.Locator("#transcript-input").FillAsync("If I fail this test, it's the end of the world.");
            await page.Locator("#transcript-input").PressAsync("Enter");
            await Expect(page.Locator("#distortion-cards li[data-type='catastrophizing']")).ToBeVisibleAsync();
            await page.Locator("#pause-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "paused");
            await Expect(page.Locator("#transcript-input")).ToBeDisabledAsync();
            await page.Locator("#resume-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "active");
            await page.Locator("#end-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "ended");
            await Expect(page.Locator("#speaking-indicator")).ToHaveAttributeAsync("data-speaking", "false");

            using var events = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", token)).ReadJsonAsync();
            var serverSeqs = events.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            await page.WaitForFunctionAsync("last => Number(document.querySelector('#event-log li:last-child')?.dataset.seq) >= last", serverSeqs[^1]);
            var shownSeqs = (await page.Locator("#event-log li").EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))")).ToList();
            var shownTypes = await page.Locator("#event-log li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.type)");
            Assert.Equal(serverSeqs, shownSeqs);
            Assert.Equal(events.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()!), shownTypes);
            Assert.Contains("transcript_segment", shownTypes);

            // The server heard the speech said during the cut: all the audio the microphone captured arrived, but for
            // the last moments of each upload stream (its final update, refused once the session was paused or ended).
            // Without the kept audio, at least the cut's length would be missing.
            var capturedMs = long.Parse(await page.Locator("#audio-backlog").GetAttributeAsync("data-captured-ms") ?? "0", CultureInfo.InvariantCulture);
            var heardMs = ServerAudioMs(events.RootElement);
            Assert.True(capturedMs > NetworkCut.TotalMilliseconds, $"the microphone captured {capturedMs} ms");
            Assert.InRange(capturedMs - heardMs, -500, NetworkCut.TotalMilliseconds / 2);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
            await browser.ScreenshotAsync("3-session-ended-phone");
        });
    }

    /// <summary>
    /// The audio the server heard, summed over the session's upload streams: each stream's vad_update offsets count
    /// from its own start (so a new stream shows as a drop back to near zero) and reach its length to within one update
    /// interval (500 ms); within a stream, a speech start can be reported a little behind the latest offset.
    /// </summary>
    private static long ServerAudioMs(JsonElement events)
    {
        long total = 0;
        long streamMs = 0;
        foreach (var atMs in events.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "vad_update")
            .Select(e => e.GetProperty("data").GetProperty("atMs").GetInt64()))
        {
            if (atMs < streamMs - 1_000)
            {
                total += streamMs;
                streamMs = 0;
            }

            streamMs = Math.Max(streamMs, atMs);
        }

        return total + streamMs;
    }

    /// <summary>
    /// Signs up on the console's first page in the chosen UI language (null: the one the page chose from the browser's
    /// languages); returns the new account's email.
    /// </summary>
    internal static async Task<string> SignUpAsync(ConsoleBrowser browser, string? language)
    {
        var page = browser.Page;
        await page.GotoAsync("/console/");
        if (language is not null)
        {
            await page.Locator("#language").SelectOptionAsync(language);
        }

        await browser.ScreenshotAsync("1-sign-in");
        var email = ApiClientExtensions.NewEmail("console");
        await page.Locator("#sign-up-name").FillAsync("Console User");
        await page.Locator("#sign-up-email").FillAsync(email);
        await page.Locator("#sign-up-password").FillAsync(ApiClientExtensions.Password);
        await page.Locator("#sign-up-password").PressAsync("Enter");
        await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
        await AssertLabelledAsync(page);
        return email;
    }

    /// <summary>
    /// Starts a session from the new-session page, keeping its words and, unless told otherwise, consenting to analysis;
    /// returns its id once the console is live.
    /// </summary>
    internal static async Task<string> StartSessionAsync(ConsoleBrowser browser, string title, bool analysis = true)
    {
        var page = browser.Page;
        await page.Locator("#main-nav a[href='/console/session']").ClickAsync();
        await page.Locator("#session-title").FillAsync(title);
        await page.Locator("#consent-analysis").SetCheckedAsync(analysis);
        await page.Locator("#consent-transcript").CheckAsync();
        await AssertLabelledAsync(page);
        await page.Locator("#start-session").ClickAsync();
        // The console changes pages with history.pushState: the URL is polled, not awaited as a navigation, whose
        // "load" wait has been seen to hang on a loaded machine although the page had moved on.
        await Expect(page).ToHaveURLAsync(SessionIdPattern());
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "active");
        await Expect(page.Locator("#session-title-heading")).ToHaveTextAsync(title);
        return SessionIdPattern().Match(page.Url).Groups[1].Value;
    }

    /// <summary>The server's voice-activity detector hears the fake microphone: speaking starts, stops, and utterances are counted.</summary>
    private static async Task HearSpeechAsync(ConsoleBrowser browser)
    {
        // Checked on every animation frame: a pause between sentences shows "not speaking" for well under a second.
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#speaking-indicator').dataset.speaking === 'true'");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#speaking-indicator').dataset.speaking === 'false'");
        // Two whole utterances: a second one was counted and has ended too.
        await browser.Page.WaitForFunctionAsync(
            "() => Number(document.querySelector('#utterance-count').textContent) >= 2 && document.querySelector('#speaking-indicator').dataset.speaking === 'false'");
    }

    internal static async Task<string> SignInAsync(HttpClient http, string email)
    {
        using var response = await http.SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password = ApiClientExtensions.Password });
        using var body = await response.ReadJsonAsync();
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Task WaitForChartPointsAsync(IPage page, string canvas) =>
        page.WaitForFunctionAsync("selector => Number(document.querySelector(selector)?.dataset.pointCount) > 0", canvas);

    /// <summary>Every form control on the page has a label a screen reader announces.</summary>
    internal static async Task AssertLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea, button')].filter(c => !c.labels?.length && !c.getAttribute('aria-label') && !c.textContent.trim()).map(c => c.id || c.outerHTML)");
        Assert.Empty(unlabelled);
    }

    [GeneratedRegex("/console/session/([0-9a-f]{32})$")]
    private static partial Regex SessionIdPattern();
}
