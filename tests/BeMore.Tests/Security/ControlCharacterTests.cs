using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Security;

/// <summary>
/// Control and bidirectional-override characters never reach a stored name or title: display names (sign-up and
/// profile update) and session titles refuse them with 400 VALIDATION_ERROR and nothing changes; names in any script
/// still pass. (Transcript text, over REST and the hub, is covered by <see cref="HubInputValidationTests"/>.)
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ControlCharacterTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    public static TheoryData<string> HostileNames() =>
    [
        "Eve\u202Elian",
        "Eve\u202Alian",
        "Eve\u2067lian\u2069",
        "Eve\0",
        "Eve\u0007",
        "Eve\nAdmin",
        "Eve\tAdmin",
        "Eve\u009Blian",
    ];

    private readonly HttpClient _http = factory.CreateApiClient();

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task SignUp_DisplayNameWithControlCharacters_IsRefusedAndNoAccountIsCreated(string displayName)
    {
        var email = ApiClientExtensions.NewEmail("control");

        using var signUp = await _http.PostAsJsonAsync("/api/auth/signup", new { email, password = ApiClientExtensions.Password, displayName });
        using var problem = await signUp.ReadJsonAsync();
        using var login = await _http.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClientExtensions.Password });

        Assert.Equal(HttpStatusCode.BadRequest, signUp.StatusCode);
        Assert.Equal("VALIDATION_ERROR", problem.Code());
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task UpdateProfile_DisplayNameWithControlCharacters_IsRefusedAndTheNameStays(string displayName)
    {
        var user = await _http.SignUpAsync();

        using var update = await _http.SendAsync(HttpMethod.Put, "/api/user/me", user.AccessToken, new { displayName });
        using var problem = await update.ReadJsonAsync();
        using var me = await _http.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var profile = await me.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal("VALIDATION_ERROR", problem.Code());
        Assert.Equal("Test User", profile.RootElement.GetProperty("displayName").GetString());
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task CreateSession_TitleWithControlCharacters_IsRefusedAndNoSessionIsCreated(string title)
    {
        var user = await _http.SignUpAsync();

        using var create = await _http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title, consent = new { analysis = false, storeTranscript = true } });
        using var problem = await create.ReadJsonAsync();
        using var list = await _http.SendAsync(HttpMethod.Get, "/api/session", user.AccessToken);
        using var page = await list.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal("VALIDATION_ERROR", problem.Code());
        Assert.Equal(0, page.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("김민수")]
    [InlineData("محمد علي")]
    [InlineData("Zoë O'Brien-Łukasz")]
    public async Task NamesAndTitles_InAnyScript_AreAccepted(string name)
    {
        var user = await _http.SignUpAsync();

        using var update = await _http.SendAsync(HttpMethod.Put, "/api/user/me", user.AccessToken, new { displayName = name });
        using var profile = await update.ReadJsonAsync();
        using var create = await _http.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = name, consent = new { analysis = false, storeTranscript = true } });
        using var session = await create.ReadJsonAsync();

        Assert.Equal(name, profile.RootElement.GetProperty("displayName").GetString());
        Assert.Equal(name, session.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }
}
