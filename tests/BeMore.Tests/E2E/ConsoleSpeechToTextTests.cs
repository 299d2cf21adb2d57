using BeMore.Tests.Infrastructure;
using BeMore.Tests.SpeechToText;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

/// <summary>
/// The console against a server whose speech-to-text is configured (a loopback fake of the OpenAI protocol) but
/// failing: the person sees a notice that does not block the session, and no offer of the browser's recognition.
/// </summary>
[Trait(TestCategory.Name, TestCategory.E2E)]
public sealed class ConsoleSpeechToTextTests(SpeechToTextWebFactory factory) : IClassFixture<SpeechToTextWebFactory>
{
    [Fact]
    public async Task Console_SpeechToTextFails_ShowsANoticeThatDoesNotBlockTheSession()
    {
        factory.Transcriber.Behaviour = FakeBehaviour.Fail;
        try
        {
            await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_SpeechToTextFails_ShowsANoticeThatDoesNotBlockTheSession), ConsoleTests.Desktop, async browser =>
            {
                var page = browser.Page;
                await ConsoleTests.SignUpAsync(browser, language: "en");
                await ConsoleTests.StartSessionAsync(browser, "Failing transcription");

                var notice = page.Locator("#processing-notices .notice[data-kind='stt_failed']");
                await Expect(notice).ToBeVisibleAsync(new() { Timeout = 60_000 });
                await Expect(notice).ToContainTextAsync("could not be turned into text");
                await Expect(page.Locator("#processing-notices")).ToHaveAttributeAsync("role", "status");
                await Expect(page.Locator("#speech-to-text")).ToBeHiddenAsync();
                await browser.ScreenshotAsync("1-stt-failed-notice");

                // The session goes on around the notice: typing works, and the notice can be dismissed from the keyboard.
                await page.Locator("#transcript-language").SelectOptionAsync("en");
                await page.Locator("#transcript-input").FillAsync("Typed instead.");
                await page.Locator("#transcript-input").PressAsync("Enter");
                await Expect(page.Locator("#transcript li[data-source='client']")).ToHaveTextAsync("Typed instead.");
                await notice.Locator("button").FocusAsync();
                await page.Keyboard.PressAsync("Enter");
                await Expect(notice).ToBeHiddenAsync();
                await Expect(page.Locator("#transcript-input")).ToBeFocusedAsync();
            });
        }
        finally
        {
            factory.Transcriber.Behaviour = FakeBehaviour.Numbered;
        }
    }
}
