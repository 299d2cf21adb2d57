using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>The user's data rights, verified against what the database really holds, in both storage profiles.</summary>
public abstract class AccountDataContract(BeMoreWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Export_ContainsProfilePreferencesSessionsAndEvents()
    {
        var user = await _client.SignUpAsync();
        var sessionId = await StartPausedSessionAsync(user.Id, "Exported talk");

        using var export = await _client.SendAsync(HttpMethod.Get, "/api/user/me/export", user.AccessToken);
        using var body = await export.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var root = body.RootElement;
        Assert.Equal(user.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("ko", root.GetProperty("preferences").GetProperty("language").GetString());
        var session = Assert.Single(root.GetProperty("sessions").EnumerateArray());
        Assert.Equal(sessionId, session.GetProperty("snapshot").GetProperty("id").GetString());
        Assert.Equal("Exported talk", session.GetProperty("snapshot").GetProperty("title").GetString());
        Assert.Equal(["status_changed", "status_changed"], session.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("paused", session.GetProperty("events")[1].GetProperty("data").GetProperty("to").GetString());
        Assert.Contains(root.GetProperty("audit").EnumerateArray(), r => r.GetProperty("action").GetString() == "account.signup");
    }

    [Fact]
    public async Task Delete_ErasesEveryRowAboutTheUserAndTheirCredentialsStopWorking()
    {
        var user = await _client.SignUpAsync();
        var bystander = await _client.SignUpAsync();
        await StartPausedSessionAsync(user.Id, "To be erased");
        var bystanderSession = await StartPausedSessionAsync(bystander.Id, "Stays");
        Assert.NotEmpty(await FindRowsMentioningAsync(user.Id, user.Email));

        using var delete = await _client.DeleteAccountAsync(user);
        using var login = await _client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var me = await _client.SendAsync(HttpMethod.Get, "/api/user/me", user.AccessToken);
        using var refresh = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var remaining = await FindRowsMentioningAsync(user.Id, user.Email);
        // The only trace left is the record that the account was erased: the user id, no address.
        var trace = Assert.Single(remaining);
        Assert.StartsWith("bemore_audit:", trace, StringComparison.Ordinal);
        Assert.Contains("account.delete", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", trace, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Paused, (await factory.Grains.GetGrain<ICounselingSessionGrain>(bystanderSession).GetSnapshotAsync(bystander.Id)).Status);
    }

    [Fact]
    public async Task SignUp_AfterDeletion_CanReuseTheEmail()
    {
        var user = await _client.SignUpAsync();
        using (await _client.DeleteAccountAsync(user))
        {
        }

        var again = await _client.SignUpAsync(user.Email);

        Assert.NotEqual(user.Id, again.Id);
    }

    private async Task<string> StartPausedSessionAsync(string userId, string title)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(userId, title, new SessionConsent(true, true)));
        await session.PauseAsync(userId);
        return sessionId;
    }

    /// <summary>Every row of every table whose values contain the user's id or email (text or bytes).</summary>
    private async Task<List<string>> FindRowsMentioningAsync(string userId, string email)
    {
        var needles = new[] { userId, email }.Select(Encoding.UTF8.GetBytes).ToList();
        var storage = factory.Storage;
        await using var connection = await storage.Database.OpenAsync(CancellationToken.None);
        var hits = new List<string>();
        foreach (var table in await ListTablesAsync(connection, storage.Profile))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToList();
                if (values.Any(value => needles.Any(needle => Bytes(value).AsSpan().IndexOf(needle) >= 0)))
                {
                    hits.Add($"{table}:{string.Join('|', values.Select(v => v is byte[] ? "<bytes>" : v?.ToString()))}");
                }
            }
        }

        return hits;
    }

    private static byte[] Bytes(object value) => value switch
    {
        byte[] bytes => bytes,
        DBNull => [],
        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static async Task<List<string>> ListTablesAsync(DbConnection connection, StorageProfile profile)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = profile == StorageProfile.Embedded
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

public sealed class SqliteAccountDataTests(BeMoreWebFactory factory) : AccountDataContract(factory), IClassFixture<BeMoreWebFactory>;

public sealed class PostgresAccountDataTests(PostgresWebFactory factory) : AccountDataContract(factory), IClassFixture<PostgresWebFactory>;
