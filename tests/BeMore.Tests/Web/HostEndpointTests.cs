using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BeMore.Tests.Web;

[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HostEndpointTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Root_Anonymous_ReturnsNameAndVersion()
    {
        using var body = await _client.GetFromJsonAsync<JsonDocument>("/");

        Assert.Equal("ok", body!.RootElement.GetProperty("status").GetString());
        Assert.Equal("BeMore", body.RootElement.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", body.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Ready_WhenSiloAndStorageAnswer_Returns200WithEachCheck()
    {
        using var response = await _client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRoute_ReturnsProblemDetailsWithCodeAndRequestId()
    {
        using var response = await _client.GetAsync("/no/such/route");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NOT_FOUND", body.RootElement.GetProperty("code").GetString());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("client-id.42:abc", true)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    public async Task RequestId_Incoming_IsEchoedOnlyWhenWellFormed(string incoming, bool echoed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation("X-Request-Id", incoming);

        using var response = await _client.SendAsync(request);

        var returned = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Equal(echoed, returned == incoming);
        Assert.Matches("^[A-Za-z0-9._:-]{1,64}$", returned);
    }

    [Fact]
    public async Task RequestId_TooLong_IsReplaced()
    {
        var incoming = new string('a', 65);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Request-Id", incoming);

        using var response = await _client.SendAsync(request);

        Assert.NotEqual(incoming, response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task OpenApi_DescribesPublicRoutesButNotTheDashboard()
    {
        using var document = await _client.GetFromJsonAsync<JsonDocument>("/openapi/v1.json");

        var paths = document!.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/", paths);
        Assert.Contains("/health", paths);
        Assert.Contains("/health/ready", paths);
        Assert.DoesNotContain(paths, path => path.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_WithoutToken_Returns401Problem()
    {
        using var response = await _client.GetAsync("/dashboard/");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Dashboard_WithUserToken_Returns403()
    {
        var user = await _client.SignUpAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, "/dashboard/", user.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithOperatorToken_ServesThePage()
    {
        var token = await _client.OperatorTokenAsync(factory);

        using var response = await _client.SendAsync(HttpMethod.Get, "/dashboard/", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dashboard_WithOperatorTokenSignedByAnotherKey_Returns401()
    {
        var options = factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var forgedOptions = Options.Create(new AuthOptions
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            SigningKey = Base64UrlEncoder.Encode(new byte[48]),
        });
        var user = await _client.SignUpAsync();
        var forged = new AccessTokenIssuer(forgedOptions, TimeProvider.System).Issue(user.Id, Roles.Operator, "forged-stamp");

        using var response = await _client.SendAsync(HttpMethod.Get, "/dashboard/", forged.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
