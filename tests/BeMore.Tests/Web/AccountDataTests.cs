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
    public async Task Delete_RacingFortySessionCreations_LeavesNothingOfTheAccountAndRefusesLateWriters()
    {
        var user = await _client.SignUpAsync();
        var before = await CountSessionTracesAsync();
        var newSession = new { title = "Raced", consent = new { analysis = true, storeTranscript = true } };

        var creates = Enumerable.Range(0, 40).Select(_ => _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken, newSession)).ToList();
        var delete = _client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = user.Password });
        var responses = await Task.WhenAll([.. creates, delete]);
        using var late = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken, newSession);

        try
        {
            Assert.Equal(HttpStatusCode.NoContent, responses[^1].StatusCode);
            Assert.All(responses[..^1], response => Assert.Contains(response.StatusCode,
                new[] { HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Conflict }));
            Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
            // Sessions created before the erasure were erased with it; none created after it stored anything.
            Assert.Equal(before, await CountSessionTracesAsync());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Delete_RacingTheEndOfTheAccountsSessions_CompletesAndLeavesNothing()
    {
        var user = await _client.SignUpAsync();
        var before = await CountSessionTracesAsync();
        var sessionIds = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var created = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
                new { title = "Ending", consent = new { analysis = true, storeTranscript = true } });
            using var body = await created.ReadJsonAsync();
            sessionIds.Add(body.RootElement.GetProperty("id").GetString()!);
        }

        var ends = sessionIds.Select(id => _client.SendAsync(HttpMethod.Post, $"/api/session/{id}/end", user.AccessToken)).ToList();
        var delete = _client.SendAsync(HttpMethod.Delete, "/api/user/me", user.AccessToken, new { password = user.Password });
        var responses = await Task.WhenAll([.. ends, delete]);

        try
        {
            Assert.Equal(HttpStatusCode.NoContent, responses[^1].StatusCode);
            Assert.All(responses[..^1], response => Assert.Contains(response.StatusCode,
                new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound }));
            Assert.Equal(before, await CountSessionTracesAsync());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task GrainState_StoredRows_AreSealedAndNotKeyedByTheEmail()
    {
        var user = await _client.SignUpAsync(ApiClientExtensions.NewEmail("sealed"));
        var title = $"Sealed title {Guid.NewGuid():N}";
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title, consent = new { analysis = true, storeTranscript = true } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Display name, title, email (as a value or a grain key) and the password hash's base64 prefix appear nowhere.
        Assert.Empty(await FindRowsMentioningAsync(user.Email, title, "Test User", "AQAAAA"));
        var payloads = await QueryAsync("SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL", reader => (byte[])reader.GetValue(0));
        // The account and the email index at least (a new session's state is not written: its log holds the title).
        Assert.True(payloads.Count >= 2, $"{payloads.Count} grain-state rows");
        Assert.All(payloads, payload => Assert.Equal(SealedHeader, payload[..SealedHeader.Length]));
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

    /// <summary>How a sealed grain-state payload starts (the magic and version of <c>SealedGrainStorage</c>).</summary>
    private static readonly byte[] SealedHeader = [0xB3, (byte)'B', (byte)'G', (byte)'S', 0x01];

    /// <summary>Rows anywhere that belong to some session: grain state, events, retention entries.</summary>
    private async Task<(long States, long EventSessions, long Retained)> CountSessionTracesAsync() => (
        (await QueryAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'session'", reader => reader.GetInt64(0)))[0],
        (await QueryAsync("SELECT COUNT(DISTINCT session_id) FROM bemore_session_events", reader => reader.GetInt64(0)))[0],
        (await QueryAsync("SELECT COUNT(*) FROM bemore_retention", reader => reader.GetInt64(0)))[0]);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await factory.Storage.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Every row of every table whose values contain one of the values (text or bytes).</summary>
    private async Task<List<string>> FindRowsMentioningAsync(params string[] texts)
    {
        var needles = texts.Select(Encoding.UTF8.GetBytes).ToList();
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

[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SqliteAccountDataTests(BeMoreWebFactory factory) : AccountDataContract(factory), IClassFixture<BeMoreWebFactory>;

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresAccountDataTests(PostgresWebFactory factory) : AccountDataContract(factory), IClassFixture<PostgresWebFactory>;
