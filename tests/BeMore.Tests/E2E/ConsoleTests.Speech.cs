using System.Text.Json;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>
    /// Stands in for the browser vendor's recognition service behind the Web Speech API (headless Chromium has no
    /// service to reach): once started it hears one phrase and reports it as a final result.
    /// </summary>
    private const string FakeSpeechRecognition = """
        window.SpeechRecognition = class {
          start() {
            window.recognitionLanguage = this.lang;
            setTimeout(() => {
              this.onspeechstart?.();
              const result = [{ transcript: ' I always fail at everything. ', confidence: 0.9 }];
              result.isFinal = true;
              this.onresult?.({ resultIndex: 0, results: [result] });
            }, 200);
          }
          stop() {}
          abort() { window.recognitionStopped = true; }
        };
        """;

    /// <summary>
    /// A server without speech-to-text says so on the session page and offers the browser's own recognition, saying
    /// who processes the audio; once the person opts in, its final phrases arrive as transcript segments.
    /// </summary>
    [Fact]
    public async Task Console_NoServerSpeechToText_SaysSoAndTheOptedInBrowserRecognitionSendsTranscripts()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_NoServerSpeechToText_SaysSoAndTheOptedInBrowserRecognitionSendsTranscripts), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            var sessionId = await StartSessionAsync(browser, "Browser speech");
            await Expect(page.Locator("#speech-to-text")).ToBeVisibleAsync();
            await Expect(page.Locator("#stt-notice")).ToContainTextAsync("does not turn speech into text");
            await Expect(page.Locator("#browser-speech-statement")).ToContainTextAsync("receives and processes the audio");
            await Expect(page.Locator("#browser-speech")).Not.ToBeCheckedAsync();
            await browser.ScreenshotAsync("1-speech-offer");

            await page.Locator("#transcript-language").SelectOptionAsync("en");
            await page.Locator("#browser-speech").CheckAsync();
            await Expect(page.Locator("#transcript li").Last).ToHaveTextAsync("I always fail at everything.");
            await Expect(page.Locator("#browser-speech-state")).ToHaveAttributeAsync("data-state", "on");
            Assert.Equal("en-US", await page.EvaluateAsync<string>("() => window.recognitionLanguage"));
            await browser.ScreenshotAsync("2-speech-transcribed");

            await page.Locator("#browser-speech").UncheckAsync();
            await page.WaitForFunctionAsync("() => window.recognitionStopped === true");

            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            using var transcript = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/transcript", token)).ReadJsonAsync();
            var segment = Assert.Single(transcript.RootElement.EnumerateArray()).GetProperty("data");
            Assert.Equal("I always fail at everything.", segment.GetProperty("text").GetString());
            Assert.Equal("client", segment.GetProperty("source").GetString());
            Assert.True(segment.GetProperty("endMs").GetInt64() >= segment.GetProperty("startMs").GetInt64());
        }, initScript: FakeSpeechRecognition);
    }
}
