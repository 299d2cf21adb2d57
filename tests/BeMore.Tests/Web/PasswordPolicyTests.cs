using System.Net;
using System.Net.Http.Json;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>Sign-up refuses guessable passwords and control characters, naming the field; a strong one passes.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class PasswordPolicyTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("1234567890")]
    [InlineData("password12")]
    [InlineData("\0\0\0\0\0\0\0\0\0\0")]
    [InlineData("qwertyuiop")]
    [InlineData("abcdefghijkl")]
    [InlineData("dragon2024!!")]
    [InlineData("tab\tinside the password")]
    [InlineData("ababababababab")]
    public async Task SignUp_WeakPassword_Returns400NamingPassword(string password)
    {
        using var response = await _client.PostAsJsonAsync("/api/auth/signup",
            new { email = ApiClientExtensions.NewEmail(), password, displayName = "Weak" });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body.Code());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("password", out var messages), body.RootElement.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task SignUp_PasswordContainingTheEmailsLocalPart_Returns400NamingPassword()
    {
        var email = ApiClientExtensions.NewEmail("margot");
        var localPart = email[..email.IndexOf('@', StringComparison.Ordinal)];

        using var response = await _client.PostAsJsonAsync("/api/auth/signup",
            new { email, password = $"{localPart.ToUpperInvariant()}!", displayName = "Margot" });
        using var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("password", out _), body.RootElement.ToString());
    }

    [Theory]
    [InlineData("vivid otter harbors 9 lanterns")]
    [InlineData("Tq8#wLz2!pVe")]
    [InlineData("비밀번호는 길고 특별해요")]
    public async Task SignUp_StrongPassword_IsAccepted(string password)
    {
        using var response = await _client.PostAsJsonAsync("/api/auth/signup",
            new { email = ApiClientExtensions.NewEmail(), password, displayName = "Strong" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
