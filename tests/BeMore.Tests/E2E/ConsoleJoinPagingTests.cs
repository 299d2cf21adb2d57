using System.Globalization;
using System.Net;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Microsoft.Playwright.Assertions;

namespace BeMore.Tests.E2E;

/// <summary>The server with a small JoinSession page, so a page joining an existing session needs several pages.</summary>
public sealed class ShortJoinPageWebFactory : BeMoreWebFactory
{
    public const int JoinMissedLimit = 3;

    protected override void ConfigureStorage(IWebHostBuilder builder) =>
        builder.UseSetting("BeMore:Hub:JoinMissedLimit", JoinMissedLimit.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The console joining a session with more missed events than one JoinSession answer holds.</summary>
[Trait(TestCategory.Name, TestCategory.E2E)]
public sealed class ConsoleJoinPagingTests(ShortJoinPageWebFactory factory) : IClassFixture<ShortJoinPageWebFactory>
{
    /// <summary>
    /// A paused session (so no live event arrives to reveal a gap) with several times JoinSession's page of events:
    /// opened from the history, the page keeps joining from its last event while the server says hasMore, and shows
    /// every event in order.
    /// </summary>
    [Fact]
    public async Task Console_OpeningASessionWithManyEvents_JoinsUntilNothingMoreIsMissed()
    {
        await ConsoleBrowser.RunAsync(factory.ServerAddress, nameof(Console_OpeningASessionWithManyEvents_JoinsUntilNothingMoreIsMissed), ConsoleTests.Desktop, async browser =>
        {
            var page = browser.Page;
            var email = await ConsoleTests.SignUpAsync(browser, language: "en");
            using var http = factory.CreateApiClient();
            var token = await ConsoleTests.SignInAsync(http, email);
            string sessionId;
            using (var created = await http.SendAsync(HttpMethod.Post, "/api/session", token,
                new { title = "Many events", consent = new { analysis = false, storeTranscript = true } }))
            using (var body = await created.ReadJsonAsync())
            {
                sessionId = body.RootElement.GetProperty("id").GetString()!;
            }

            for (var i = 1; i <= 4 * ShortJoinPageWebFactory.JoinMissedLimit; i++)
            {
                using var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", token,
                    new { clientSegmentId = $"line-{i}", text = $"Line {i}.", startMs = i * 1000, endMs = (i * 1000) + 500, language = "en" });
                Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
            }

            using (var paused = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/pause", token))
            {
                Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            }

            using var events = await (await http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?limit=1000", token)).ReadJsonAsync();
            var serverSeqs = events.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            Assert.True(serverSeqs.Count > 3 * ShortJoinPageWebFactory.JoinMissedLimit, $"the session has {serverSeqs.Count} events");

            await page.Locator("#main-nav a[href='/console/history']").ClickAsync();
            await page.Locator($"#history-list a[href='/console/session/{sessionId}']").ClickAsync();
            await Expect(page.Locator("#session-status")).ToHaveAttributeAsync("data-status", "paused");
            await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Expect(page.Locator("#event-log li")).ToHaveCountAsync(serverSeqs.Count);
            var shownSeqs = await page.Locator("#event-log li").EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))");
            Assert.Equal(serverSeqs, shownSeqs);
            await Expect(page.Locator("#transcript li")).ToHaveCountAsync(4 * ShortJoinPageWebFactory.JoinMissedLimit);
        });
    }
}
