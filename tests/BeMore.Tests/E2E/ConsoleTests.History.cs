using System.Globalization;
using System.Text.RegularExpressions;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>
    /// The history lists every session a page at a time (the server's cursor) and searches by title and start date;
    /// it is used here with the keyboard only.
    /// </summary>
    [Fact]
    public async Task Console_History_PagesBeyondTheFirstPageAndSearchesByTitleAndDate()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_History_PagesBeyondTheFirstPageAndSearchesByTitleAndDate), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            for (var i = 0; i < 22; i++)
            {
                await CreateSessionAsync(http, token, i % 10 == 3 ? $"Garden walk {i}" : $"Session {i}");
            }

            await page.Locator("#main-nav a[href='/console/history']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("h1")).ToBeFocusedAsync();
            await Expect(page.Locator("#history-list li")).ToHaveCountAsync(20);
            await Expect(page.Locator("#history-list li").First).ToContainTextAsync("Session 21");
            await browser.ScreenshotAsync("1-history");

            await page.Locator("#history-more").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#history-list li")).ToHaveCountAsync(22);
            await Expect(page.Locator("#history-list li:nth-child(21) a")).ToBeFocusedAsync();
            await Expect(page.Locator("#history-list li").Last).ToContainTextAsync("Session 0");
            await Expect(page.Locator("#history-more")).ToBeHiddenAsync();

            await page.Locator("#history-query").FillAsync("garden");
            await page.Locator("#history-query").PressAsync("Enter");
            await Expect(page.Locator("#history-list li")).ToHaveTextAsync([new Regex("^Garden walk 13"), new Regex("^Garden walk 3")]);

            // Dates are the person's local days: every session started today, none tomorrow.
            var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.Locator("#history-from").FillAsync(today);
            await page.Locator("#history-to").FillAsync(today);
            await page.Locator("#history-apply").PressAsync("Enter");
            await Expect(page.Locator("#history-list li")).ToHaveCountAsync(2);
            await page.Locator("#history-from").FillAsync(tomorrow);
            await page.Locator("#history-to").FillAsync(tomorrow);
            await page.Locator("#history-apply").PressAsync("Enter");
            await Expect(page.Locator("#history-list li.empty")).ToHaveTextAsync("No sessions match.");

            await page.Locator("#history-clear").PressAsync("Enter");
            await Expect(page.Locator("#history-list li")).ToHaveCountAsync(20);
            await Expect(page.Locator("#history-query")).ToHaveValueAsync("");
            await AssertLabelledAsync(page);
        });
    }

    /// <summary>The report's feedback form (rating 1..5 chosen with the arrow keys, and a comment) is stored with the session.</summary>
    [Fact]
    public async Task Console_ReportFeedback_IsStoredWithTheSession()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_ReportFeedback_IsStoredWithTheSession), Phone, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            var sessionId = await CreateEndedSessionAsync(http, token, "Feedback", "I feel a little calmer today.");

            await page.Locator("#main-nav a[href='/console/history']").ClickAsync();
            await page.Locator($"#history-list li[data-session-id='{sessionId}'] a").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/console/report/{sessionId}$"));
            await Expect(page.Locator("#report-summary dt").First).ToBeVisibleAsync();

            await page.Locator("#feedback-rating-1").FocusAsync();
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            await Expect(page.Locator("#feedback-rating-4")).ToBeCheckedAsync();
            await page.Locator("#feedback-comment").FillAsync("Helpful questions.");
            await page.Locator("#send-feedback").PressAsync("Enter");
            await Expect(page.Locator("#feedback-status")).ToHaveTextAsync("Thank you: your feedback is saved.");
            await Expect(page.Locator("#feedback-previous")).ToHaveTextAsync("You rated this session 4 of 5.");
            await AssertLabelledAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the report scrolls sideways on a phone");
            await browser.ScreenshotAsync("report-feedback-phone");

            using var report = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", token)).ReadJsonAsync();
            var feedback = report.RootElement.GetProperty("feedback");
            Assert.Equal(4, feedback.GetProperty("rating").GetInt32());
            Assert.Equal("Helpful questions.", feedback.GetProperty("comment").GetString());
        });
    }
}
