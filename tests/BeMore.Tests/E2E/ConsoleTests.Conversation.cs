using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>
    /// The conversation panel: the person types to the counselor, the reply streams into the panel and stays there as
    /// stored, with the optional read-aloud toggle on (headless Chromium speaks to no one, but the page must not fail).
    /// </summary>
    [Fact]
    public async Task Console_TalkWithTheCounselor_TheReplyStreamsIntoTheConversationPanel()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_TalkWithTheCounselor_TheReplyStreamsIntoTheConversationPanel), Desktop, async browser =>
        {
            var page = browser.Page;
            await SignUpAsync(browser, language: "en");
            await StartSessionAsync(browser, "Conversation");
            await page.Locator("#transcript-language").SelectOptionAsync("en");
            await page.Locator("#counselor-speak").CheckAsync();

            await page.Locator("#counselor-input").FillAsync("I always ruin everything, nothing ever works out for me.");
            await page.Locator("#ask-counselor").ClickAsync();

            await Expect(page.Locator("#conversation li.user")).ToHaveTextAsync("I always ruin everything, nothing ever works out for me.");
            var reply = page.Locator("#conversation li.counselor");
            await Expect(reply).ToHaveAttributeAsync("data-complete", "true");
            await Expect(reply).ToHaveAttributeAsync("data-source", "local");
            await Expect(reply).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\?$"));
            await Expect(page.Locator("#counselor-input")).ToHaveValueAsync("");
            await AssertLabelledAsync(page);
            await browser.ScreenshotAsync("conversation");
        });
    }
}
