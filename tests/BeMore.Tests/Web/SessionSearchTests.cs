using System.Globalization;
using System.Net;
using System.Text.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>
/// What the console's history page asks of the server: the caller's session list searched by title and start time,
/// paged with the same cursor; and whether the server turns speech into text (here it does not: no provider).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SessionSearchTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task List_WithTitleSearch_PagesOnlyTheMatchingSessions()
    {
        var user = await _client.SignUpAsync();
        var walks = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            walks.Add(await CreateSessionAsync(user, $"Evening Walk {i}"));
            await CreateSessionAsync(user, $"Work {i}");
        }

        using var first = await _client.GetJsonAsync(user, "/api/session?limit=2&q=walk");
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        using var second = await _client.GetJsonAsync(user, $"/api/session?limit=2&q=walk&cursor={cursor}");
        var cursor2 = second.RootElement.GetProperty("nextCursor").GetString();
        using var third = await _client.GetJsonAsync(user, $"/api/session?limit=2&q=walk&cursor={cursor2}");

        Assert.Equal([walks[4], walks[3]], Ids(first));
        Assert.Equal([walks[2], walks[1]], Ids(second));
        Assert.Equal([walks[0]], Ids(third));
        Assert.Equal(JsonValueKind.Null, third.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task List_WithStartTimeRange_KeepsTheSessionsThatStartedWithinIt()
    {
        var user = await _client.SignUpAsync();
        var earlier = await CreateSessionAsync(user, "earlier");
        var later = await CreateSessionAsync(user, "later");
        var laterStart = await StartedAtAsync(user, later);
        var since = Uri.EscapeDataString(laterStart.ToString("O", CultureInfo.InvariantCulture));

        using var fromLater = await _client.GetJsonAsync(user, $"/api/session?from={since}");
        using var beforeLater = await _client.GetJsonAsync(user, $"/api/session?to={since}");
        using var none = await _client.GetJsonAsync(user, $"/api/session?q=later&to={since}");

        Assert.Equal([later], Ids(fromLater));
        Assert.Equal([earlier], Ids(beforeLater));
        Assert.Empty(Ids(none));
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData("from=yesterday")]
    public async Task List_WithAnImpossibleRange_Is400ValidationError(string query)
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/session?{query}", user.AccessToken);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
    }

    [Fact]
    public async Task List_WithTooLongASearch_Is400ValidationError()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/session?q={new string('a', 201)}", user.AccessToken);
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
    }

    [Fact]
    public async Task SttStatus_WithoutAProvider_SaysNotAvailable()
    {
        var user = await _client.SignUpAsync();

        using var status = await _client.GetJsonAsync(user, "/api/stt/status");

        Assert.False(status.RootElement.GetProperty("available").GetBoolean());
    }

    private static IEnumerable<string?> Ids(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

    private Task<string> CreateSessionAsync(SignedInUser user, string title) =>
        _client.CreateSessionAsync(user, storeTranscript: false, title, analysis: false);

    private async Task<DateTimeOffset> StartedAtAsync(SignedInUser user, string id)
    {
        using var snapshot = await _client.GetJsonAsync(user, $"/api/session/{id}");
        return snapshot.RootElement.GetProperty("startedAt").GetDateTimeOffset();
    }
}
