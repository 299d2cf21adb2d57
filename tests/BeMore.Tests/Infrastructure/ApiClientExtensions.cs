using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BeMore.Tests.Infrastructure;

public sealed record SignedInUser(string Id, string Email, string Password, string AccessToken, string RefreshToken);

/// <summary>The API as a client sees it: JSON in, JSON (or problem details) out.</summary>
public static class ApiClientExtensions
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@bemore.test";

    public static async Task<SignedInUser> SignUpAsync(this HttpClient client, string? email = null)
    {
        email ??= NewEmail();
        using var response = await client.PostAsJsonAsync("/api/auth/signup", new { email, password = Password, displayName = "Test User" });
        using var body = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-up failed with {(int)response.StatusCode}: {body.RootElement}");
        }

        return new SignedInUser(
            body.RootElement.GetProperty("user").GetProperty("id").GetString()!,
            email,
            Password,
            body.RootElement.GetProperty("accessToken").GetString()!,
            body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<SignedInUser> LogInAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        using var body = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in failed with {(int)response.StatusCode}: {body.RootElement}");
        }

        return new SignedInUser(
            body.RootElement.GetProperty("user").GetProperty("id").GetString()!, email, password,
            body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>
    /// A token with the operator role: signs up a new user, lists its id as the factory's only operator and refreshes,
    /// since the role is decided from the configuration at each sign-in and refresh.
    /// </summary>
    public static async Task<string> OperatorTokenAsync(this HttpClient client, BeMoreWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var user = await client.SignUpAsync();
        factory.SetOperators(user.Id);
        using var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        using var body = await refresh.ReadJsonAsync();
        if (!refresh.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Refresh failed with {(int)refresh.StatusCode}: {body.RootElement}");
        }

        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Erases the user's account, giving the password again as the route asks.</summary>
    public static Task<HttpResponseMessage> DeleteAccountAsync(this HttpClient client, SignedInUser user) =>
        client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = user.Password });

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonDocument> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text);
    }

    public static string Code(this JsonDocument problem) => problem.RootElement.GetProperty("code").GetString()!;

    /// <summary>GETs <paramref name="path"/> as <paramref name="user"/>; asserts that it succeeded and answers the body.</summary>
    public static async Task<JsonDocument> GetJsonAsync(this HttpClient client, SignedInUser user, string path)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, user.AccessToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    /// <summary>GETs <paramref name="path"/> as <paramref name="user"/> with <c>If-None-Match: <paramref name="etag"/></c>.</summary>
    public static Task<HttpResponseMessage> SendConditionalAsync(this HttpClient client, SignedInUser user, string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }

    /// <summary>Starts a session through <c>POST /api/session</c> and answers its id.</summary>
    public static async Task<string> CreateSessionAsync(
        this HttpClient client, SignedInUser user, bool storeTranscript = true, string title = "Test", bool analysis = true)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title, consent = new { analysis, storeTranscript } });
        using var body = await response.ReadJsonAsync();
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<long> LastSeqAsync(this HttpClient client, SignedInUser user, string sessionId)
    {
        using var snapshot = await client.GetJsonAsync(user, $"/api/session/{sessionId}");
        return snapshot.RootElement.GetProperty("lastSeq").GetInt64();
    }
}
