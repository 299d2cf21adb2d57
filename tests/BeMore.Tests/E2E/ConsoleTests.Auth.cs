using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>
    /// The page renews its access token shortly before it expires, without the person noticing, and keeps both tokens
    /// in memory only. The page's clock is Playwright's, so the renewal comes now instead of in 14 minutes.
    /// </summary>
    [Fact]
    public async Task Console_AccessTokenNearItsExpiry_IsRenewedSilentlyAndNeverStored()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_AccessTokenNearItsExpiry_IsRenewedSilentlyAndNeverStored), Desktop, async browser =>
        {
            var page = browser.Page;
            var bearers = new ConcurrentQueue<(string Url, string Token)>();
            page.Request += (_, request) =>
            {
                if (request.Headers.TryGetValue("authorization", out var authorization) && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
                {
                    bearers.Enqueue((request.Url, authorization["Bearer ".Length..]));
                }
            };
            await page.Clock.InstallAsync();
            await SignUpAsync(browser, language: "en");
            await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
            Assert.NotEmpty(bearers);
            var firstToken = bearers.Last().Token;

            // The default access token lives 15 minutes; the page renews it a minute early.
            var renewal = await page.RunAndWaitForResponseAsync(
                () => page.Clock.FastForwardAsync((long)TimeSpan.FromMinutes(14.5).TotalMilliseconds),
                response => response.Url.EndsWith("/api/auth/refresh", StringComparison.Ordinal));
            Assert.Equal(200, renewal.Status);
            using var renewed = JsonDocument.Parse(await renewal.TextAsync());
            var accessToken = renewed.RootElement.GetProperty("accessToken").GetString()!;
            var refreshToken = renewed.RootElement.GetProperty("refreshToken").GetString()!;

            // Work after the renewal goes out with the new token, the person still signed in.
            await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
            bearers.Clear();
            await StartSessionAsync(browser, "After renewal");
            Assert.NotEmpty(bearers);
            Assert.All(bearers, bearer => Assert.Equal(accessToken, bearer.Token));
            Assert.NotEqual(firstToken, accessToken);

            var stored = await page.EvaluateAsync<string>("() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie");
            Assert.DoesNotContain(accessToken, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(refreshToken, stored, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", stored, StringComparison.Ordinal);

            // Nothing survives a reload: the page asks to sign in again.
            await page.ReloadAsync();
            await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
            await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
        });
    }
}
