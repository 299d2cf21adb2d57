using System.Text.RegularExpressions;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

/// <summary>The Orleans dashboard as an operator opens it, in headless Chromium: a sign-in page, then the dashboard.</summary>
[Trait(TestCategory.Name, TestCategory.E2E)]
public sealed partial class DashboardBrowserTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const string CookieName = "__Host-bemore-dashboard";

    [Fact]
    public async Task Operator_OpensTheDashboardAfterSigningIn_WhileAUserIsRefused()
    {
        using var http = factory.CreateApiClient();
        var operatorUser = await http.SignUpAsync();
        var user = await http.SignUpAsync();
        factory.SetOperators(operatorUser.Id);
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Operator_OpensTheDashboardAfterSigningIn_WhileAUserIsRefused), ConsoleTests.Desktop, async browser =>
        {
            var page = browser.Page;

            // Without a sign-in the dashboard sends the browser to its sign-in page; a user signing in gets no cookie.
            await page.GotoAsync("/dashboard/");
            await Expect(page).ToHaveURLAsync(SignInPage());
            await SignInAsync(page, user.Email, user.Password);
            await Expect(page.Locator("#message")).ToHaveTextAsync("The dashboard is for operator accounts only.");
            Assert.DoesNotContain(await browser.Context.CookiesAsync(), cookie => cookie.Name == CookieName);
            await page.GotoAsync("/dashboard/");
            await Expect(page).ToHaveURLAsync(SignInPage());

            // The operator lands on the dashboard, whose own data requests carry the cookie.
            var counters = page.WaitForResponseAsync(response => response.Url.Contains("/dashboard/DashboardCounters", StringComparison.Ordinal));
            await SignInAsync(page, operatorUser.Email, operatorUser.Password);
            await Expect(page).ToHaveURLAsync(DashboardPage());
            Assert.Equal(200, (await counters).Status);
            var cookie = Assert.Single(await browser.Context.CookiesAsync(), cookie => cookie.Name == CookieName);
            Assert.True(cookie.HttpOnly);
            Assert.True(cookie.Secure);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
            Assert.DoesNotContain(CookieName, await page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
            await Expect(page.GetByText("Silos").First).ToBeVisibleAsync();
            await browser.ScreenshotAsync("dashboard");
        });
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
    }

    [GeneratedRegex("/dashboard/signin$")]
    private static partial Regex SignInPage();

    [GeneratedRegex("/dashboard/$")]
    private static partial Regex DashboardPage();
}
