using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    /// <summary>
    /// axe-core finds no serious or critical violation on any page of the console, at desktop and phone sizes, and on a
    /// phone no page scrolls sideways. Motion is reduced as the person asked.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Console_EveryPage_HasNoSeriousAccessibilityViolation(string size)
    {
        var testName = $"{nameof(Console_EveryPage_HasNoSeriousAccessibilityViolation)}-{size}";
        await ConsoleBrowser.RunAsync(factory.ServerAddress, testName, size == "phone" ? Phone : Desktop, async browser =>
        {
            var page = browser.Page;
            await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            await page.GotoAsync("/console/");
            await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
            await AssertPageAsync(browser, "sign-in");
            // The first Tab reaches the skip link, which takes keyboard users past the header to the page's content.
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator("#sign-in-email")).ToBeFocusedAsync();

            await SignUpAsync(browser, language: "en");
            await Expect(page.Locator("#dashboard-updated")).Not.ToBeEmptyAsync();
            await AssertPageAsync(browser, "dashboard");

            await page.Locator("#main-nav a[href='/console/session']").ClickAsync();
            await AssertPageAsync(browser, "new-session");
            await page.Locator("#main-nav a[href='/console/dashboard']").ClickAsync();
            var sessionId = await StartSessionAsync(browser, "Accessible");
            await page.Locator("#transcript-language").SelectOptionAsync("en");
            await page.Locator("#transcript-input").FillAsync("I always ruin everything.");
            await page.Locator("#transcript-input").PressAsync("Enter");
            await Expect(page.Locator("#distortion-cards li").First).ToBeVisibleAsync();
            await AssertPageAsync(browser, "session");

            await page.Locator("#end-session").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "ended");
            await page.Locator("#report-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/console/report/{sessionId}$"));
            await Expect(page.Locator("#report-summary dt").First).ToBeVisibleAsync();
            await AssertPageAsync(browser, "report");

            await page.Locator("#main-nav a[href='/console/history']").ClickAsync();
            await Expect(page.Locator("#history-list li")).ToHaveCountAsync(1);
            await AssertPageAsync(browser, "history");

            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await Expect(page.Locator("#profile-name")).ToHaveValueAsync("Console User");
            await Expect(page.Locator("#save-preferences")).ToBeEnabledAsync();
            await AssertPageAsync(browser, "account");
        });
    }

    private static async Task AssertPageAsync(ConsoleBrowser browser, string name)
    {
        await browser.AssertAccessibleAsync(name);
        await AssertLabelledAsync(browser.Page);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the {name} page scrolls sideways");
        await browser.ScreenshotAsync($"a11y-{name}");
    }
}
