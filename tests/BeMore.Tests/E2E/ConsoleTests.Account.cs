using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

public sealed partial class ConsoleTests
{
    /// <summary>
    /// The account page: the analysis opt-ins are stored, the export downloads a JSON file holding the user's sessions
    /// with their words, and deletion asks for the password again, refuses a wrong one, then signs the person out and
    /// leaves nothing to sign in to.
    /// </summary>
    [Fact]
    public async Task Console_AccountPage_ExportsTheDataAndDeletionAfterThePasswordErasesIt()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_AccountPage_ExportsTheDataAndDeletionAfterThePasswordErasesIt), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            var sessionId = await CreateEndedSessionAsync(http, token, "Exported session", "My exported words.");

            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await Expect(page.Locator("h1")).ToBeFocusedAsync();
            await Expect(page.Locator("#main-nav a[href='/console/account']")).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.Locator("#profile-name")).ToHaveValueAsync("Console User");
            await Expect(page.Locator("#profile-facts")).ToContainTextAsync(email);

            await page.Locator("#opt-face-emotion").UncheckAsync();
            await page.Locator("#save-preferences").ClickAsync();
            await Expect(page.Locator("#preferences-status")).ToHaveTextAsync("Saved.");
            using (var preferences = await (await http.SendAsync(HttpMethod.Get, "/api/user/me/preferences", token)).ReadJsonAsync())
            {
                Assert.False(preferences.RootElement.GetProperty("analysis").GetProperty("faceEmotion").GetBoolean());
                Assert.True(preferences.RootElement.GetProperty("analysis").GetProperty("textEmotion").GetBoolean());
            }

            await AssertLabelledAsync(page);
            await browser.ScreenshotAsync("1-account");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-export").ClickAsync());
            var exportPath = Path.Combine(browser.Artifacts, "export.json");
            await download.SaveAsAsync(exportPath);
            using (var export = JsonDocument.Parse(await File.ReadAllTextAsync(exportPath)))
            {
                Assert.Equal(email, export.RootElement.GetProperty("profile").GetProperty("email").GetString());
                var session = Assert.Single(export.RootElement.GetProperty("sessions").EnumerateArray());
                Assert.Equal(sessionId, session.GetProperty("snapshot").GetProperty("id").GetString());
                Assert.Contains(session.GetProperty("events").EnumerateArray(), e =>
                    e.GetProperty("data").TryGetProperty("text", out var text) && text.GetString() == "My exported words.");
            }

            // What deletion erases is said before it is asked for; a wrong password erases nothing.
            await Expect(page.Locator("#delete-what")).ToContainTextAsync("every session with its transcript");
            await page.Locator("#delete-password").FillAsync("not-the-password-1");
            await page.Locator("#delete-account").ClickAsync();
            await Expect(page.Locator("#delete-error")).ToHaveTextAsync("The email or password is not right.");
            await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();

            await page.Locator("#delete-password").FillAsync(ApiClientExtensions.Password);
            await page.Locator("#delete-password").PressAsync("Enter");
            await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
            await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
            await Expect(page.Locator("#sign-in-notice")).ToHaveTextAsync("Your account and all its data have been erased.");
            await browser.ScreenshotAsync("2-deleted");

            using var login = await http.SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password = ApiClientExtensions.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
            var again = await http.SignUpAsync(email);
            using var sessions = await (await http.SendAsync(HttpMethod.Get, "/api/session", again.AccessToken)).ReadJsonAsync();
            Assert.Empty(sessions.RootElement.GetProperty("items").EnumerateArray());
        });
    }

    /// <summary>A password change keeps this page signed in (with the new password) while old sign-ins end; "sign out everywhere" ends them all.</summary>
    [Fact]
    public async Task Console_AccountPage_ChangesThePasswordAndSignsOutEverywhere()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_AccountPage_ChangesThePasswordAndSignsOutEverywhere), Phone, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: "en");
            const string newPassword = "a-fresh-Passphrase-42";
            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await page.Locator("#current-password").FillAsync(ApiClientExtensions.Password);
            await page.Locator("#new-password").FillAsync(newPassword);
            await page.Locator("#change-password").ClickAsync();
            await Expect(page.Locator("#password-status")).ToHaveTextAsync("Your password is changed; other devices are signed out.");
            await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();

            using var http = factory.CreateApiClient();
            using (var old = await http.SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password = ApiClientExtensions.Password }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            }

            using var elsewhere = await (await http.SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password = newPassword })).ReadJsonAsync();
            var otherDevice = elsewhere.RootElement.GetProperty("refreshToken").GetString();

            // The page still works after the change: its own sign-in was renewed.
            await page.Locator("#main-nav a[href='/console/history']").ClickAsync();
            await Expect(page.Locator("#history-count")).ToHaveTextAsync("0 sessions shown");
            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await page.Locator("#sign-out-everywhere").ClickAsync();
            await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
            await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();

            using var refresh = await http.SendAsync(HttpMethod.Post, "/api/auth/refresh", null, new { refreshToken = otherDevice });
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        });
    }

    /// <summary>
    /// The account page's profile and preferences cannot be changed before the stored values arrive: a choice made
    /// earlier would be overwritten by the late fill (a CI run saved English after Korean had been picked).
    /// </summary>
    [Fact]
    public async Task Console_AccountPage_KeepsItsFormsDisabledUntilTheStoredValuesArrive()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_AccountPage_KeepsItsFormsDisabledUntilTheStoredValuesArrive), Desktop, async browser =>
        {
            var page = browser.Page;
            await SignUpAsync(browser, language: "en");
            var profileRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var releaseProfile = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await page.RouteAsync("**/api/user/me", async route =>
            {
                profileRequested.TrySetResult();
                await releaseProfile.Task;
                await route.ContinueAsync();
            });

            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await profileRequested.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Expect(page.Locator("#preferences-language")).ToBeDisabledAsync();
            await Expect(page.Locator("#save-preferences")).ToBeDisabledAsync();
            await Expect(page.Locator("#profile-name")).ToBeDisabledAsync();

            releaseProfile.SetResult();
            await Expect(page.Locator("#preferences-language")).ToBeEnabledAsync();
            await Expect(page.Locator("#preferences-language")).ToHaveValueAsync("en");
            await Expect(page.Locator("#profile-name")).ToHaveValueAsync("Console User");
            await Expect(page.Locator("#save-profile")).ToBeEnabledAsync();
        });
    }

    /// <summary>
    /// A new user's language follows the browser's languages until they choose; the choice on the account page is
    /// stored, and the report then comes in that language.
    /// </summary>
    [Fact]
    public async Task Console_EnglishBrowser_GetsEnglishUntilThePersonChoosesKorean()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_EnglishBrowser_GetsEnglishUntilThePersonChoosesKorean) + "-ko", Desktop, async korean =>
        {
            await korean.Page.GotoAsync("/console/");
            await Expect(korean.Page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
            await Expect(korean.Page.Locator("#sign-in-form h2")).ToHaveTextAsync("로그인");
        }, locale: "ko-KR");

        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_EnglishBrowser_GetsEnglishUntilThePersonChoosesKorean), Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await SignUpAsync(browser, language: null);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("#main-nav a[href='/console/session']")).ToHaveTextAsync("New session");
            using var http = factory.CreateApiClient();
            var token = await SignInAsync(http, email);
            Assert.Equal("en", await PreferredLanguageAsync(http, token));

            await page.Locator("#main-nav a[href='/console/account']").ClickAsync();
            await page.Locator("#preferences-language").SelectOptionAsync("ko");
            await page.Locator("#save-preferences").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
            await Expect(page.Locator("#main-nav a[href='/console/session']")).ToHaveTextAsync("새 세션");
            await Expect(page.Locator("#language")).ToHaveValueAsync("ko");
            Assert.Equal("ko", await PreferredLanguageAsync(http, token));

            var sessionId = await CreateEndedSessionAsync(http, token, "Language", "I always ruin everything.");
            using var report = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report", token)).ReadJsonAsync();
            Assert.Equal("ko", report.RootElement.GetProperty("language").GetString());
            await browser.ScreenshotAsync("account-korean");
        });
    }

    private static async Task<string?> PreferredLanguageAsync(HttpClient http, string token)
    {
        using var preferences = await (await http.SendAsync(HttpMethod.Get, "/api/user/me/preferences", token)).ReadJsonAsync();
        return preferences.RootElement.GetProperty("language").GetString();
    }

    /// <summary>A session with one typed line (words kept), ended, made through the REST API; returns its id.</summary>
    private static async Task<string> CreateEndedSessionAsync(HttpClient http, string token, string title, string words)
    {
        var sessionId = await CreateSessionAsync(http, token, title);
        using (var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", token,
            new { clientSegmentId = "words", text = words, startMs = 0, endMs = 1500, language = "en" }))
        {
            Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        }

        using var ended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", token);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        return sessionId;
    }

    private static async Task<string> CreateSessionAsync(HttpClient http, string token, string title)
    {
        using var created = await http.SendAsync(HttpMethod.Post, "/api/session", token,
            new { title, consent = new { analysis = true, storeTranscript = true } });
        using var body = await created.ReadJsonAsync();
        return body.RootElement.GetProperty("id").GetString()!;
    }
}
