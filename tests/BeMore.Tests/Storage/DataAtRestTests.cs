using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using BeMore.Silo.Hosting;
using BeMore.Tests.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BeMore.Tests.Storage;

/// <summary>
/// What the embedded profile leaves on disk, read as an attacker with a copy of the data folder would: the raw bytes of
/// the database and its WAL, and the folder's permissions. The real executable runs a full scenario first.
/// </summary>
[UnsupportedOSPlatform("windows")]
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class DataAtRestTests
{
    private const string Password = ApiClientExtensions.Password;

    /// <summary>The base64 prefix of every ASP.NET Core Identity v3 password hash.</summary>
    private const string PasswordHashPrefix = "AQAAAA";

    private static readonly string[] DatabaseFiles = [StorageTarget.SqliteFileName, $"{StorageTarget.SqliteFileName}-wal", $"{StorageTarget.SqliteFileName}-shm"];

    [Fact]
    public async Task FullScenario_RawDatabaseFiles_HoldNoPlaintext_NeitherBeforeNorAfterAccountDeletion()
    {
        using var folder = new TestFolder("at-rest");
        var data = Path.Combine(folder.Path, "data");
        var settings = SiloSettings.Embedded(FreePort.Next(), FreePort.Next());
        var tag = Guid.NewGuid().ToString("N")[..12];
        var email = $"quokka-{tag}@bemore.test";
        string[] plaintext =
        [
            email, $"Zanzibar Display {tag}", $"Marmalade session {tag}", $"segid-{tag}-1", $"segid-{tag}-2",
            $"I feel hopeless about the xylophone {tag}", $"Everything always fails with the harpsichord {tag}", PasswordHashPrefix,
        ];

        string userId;
        string token;
        string sessionId;
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            (userId, token, sessionId) = await RunScenarioAsync(silo.Http, email, plaintext);
            AssertAbsent(data, plaintext);
            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        await CheckpointAsync(data);
        AssertAbsent(data, plaintext);

        List<byte[]> sealedRows;
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            sealedRows = await ReadSealedValuesAsync(data);
            Assert.NotEmpty(sealedRows);
            using var delete = await silo.Http.SendAsync(HttpMethod.Delete, "/api/user/me", token, new { password = Password });
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

            // Nothing of the account is left but its tombstones (the account's and its session index's: an id and an erasure
            // time, sealed) and the audit record of the erasure.
            Assert.Equal(["user", "user-sessions"], await QueryAsync(data, "SELECT GrainTypeString FROM OrleansStorage ORDER BY GrainTypeString", reader => reader.GetString(0)));
            Assert.Empty(await QueryAsync(data, $"SELECT seq FROM bemore_session_events WHERE session_id = '{sessionId}'", reader => reader.GetInt64(0)));
            Assert.Empty(await QueryAsync(data, $"SELECT session_id FROM bemore_retention WHERE owner_id = '{userId}'", reader => reader.GetString(0)));
            Assert.Empty(await QueryAsync(data, $"SELECT session_id FROM bemore_session_index WHERE user_id = '{userId}'", reader => reader.GetString(0)));
            Assert.Empty(await QueryAsync(data, $"SELECT user_id FROM bemore_session_totals WHERE user_id = '{userId}'", reader => reader.GetString(0)));
            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        await CheckpointAsync(data);
        AssertAbsent(data, plaintext);
        // secure_delete: the erased rows' bytes (sealed as they were) are overwritten, not left in the file's free pages.
        var database = await File.ReadAllBytesAsync(Path.Combine(data, StorageTarget.SqliteFileName));
        Assert.All(sealedRows, row => Assert.Equal(-1, database.AsSpan().IndexOf(row.AsSpan(row.Length - 24))));
    }

    [Fact]
    public async Task DataFolder_IsOwnerOnly_AndLooserModesLeftBehindAreTightenedAtStart()
    {
        using var folder = new TestFolder("modes");
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)Convert.ToInt32("755", 8));
        var settings = SiloSettings.Embedded(FreePort.Next(), FreePort.Next());
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            await silo.Http.SignUpAsync();
            AssertModes(data);
            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        foreach (var file in Directory.EnumerateFiles(data))
        {
            File.SetUnixFileMode(file, (UnixFileMode)Convert.ToInt32("644", 8));
        }

        File.SetUnixFileMode(data, (UnixFileMode)Convert.ToInt32("755", 8));
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            await silo.Http.SignUpAsync();
            AssertModes(data);
        }
    }

    [Fact]
    public async Task KeyRotation_AccountSealedUnderTheOldKey_StillSignsIn_AndMovesUnderTheNewKey()
    {
        using var folder = new TestFolder("rotation");
        var data = Path.Combine(folder.Path, "data");
        var settings = SiloSettings.Embedded(FreePort.Next(), FreePort.Next());
        var oldKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        settings["BeMore__Encryption__ActiveKeyId"] = "old";
        settings["BeMore__Encryption__Keys__old"] = oldKey;
        var email = ApiClientExtensions.NewEmail("rotation");
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            await silo.Http.SignUpAsync(email);
            Assert.Equal(0, await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30)));
        }

        settings["BeMore__Encryption__ActiveKeyId"] = "new";
        settings["BeMore__Encryption__Keys__new"] = newKey;
        await using (var silo = await SiloProcess.StartAsync(folder.Path, settings))
        {
            using var login = await silo.Http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var rotated = new BeMore.Grains.Storage.PayloadProtector(new BeMore.Grains.Storage.EncryptionOptions
        {
            ActiveKeyId = "new",
            Keys = new Dictionary<string, string> { ["old"] = oldKey, ["new"] = newKey },
        });
        var emailRows = await QueryAsync(data, "SELECT GrainIdExtensionString FROM OrleansStorage WHERE GrainTypeString = 'email'", reader => reader.GetString(0));
        Assert.Equal([rotated.Digest("email", email)], emailRows);
        var keyIds = await QueryAsync(data, "SELECT PayloadBinary FROM OrleansStorage", reader => KeyIdOf((byte[])reader.GetValue(0)));
        Assert.Equal(["new", "new"], keyIds);
    }

    /// <summary>The key id a sealed grain state names: after the 5-byte header, one length byte and the id.</summary>
    private static string KeyIdOf(byte[] payload) => Encoding.UTF8.GetString(payload, 6, payload[5]);

    private static void AssertModes(string data)
    {
        Assert.Equal("700", Octal(File.GetUnixFileMode(data)));
        var files = Directory.EnumerateFiles(data).Select(Path.GetFileName).ToList();
        Assert.Contains(StorageTarget.SqliteFileName, files);
        Assert.Contains($"{StorageTarget.SqliteFileName}-wal", files);
        Assert.Contains("encryption.key", files);
        Assert.All(Directory.EnumerateFiles(data), file => Assert.True(Octal(File.GetUnixFileMode(file)) == "600", $"{Path.GetFileName(file)} is {Octal(File.GetUnixFileMode(file))}"));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);

    private static async Task<(string UserId, string Token, string SessionId)> RunScenarioAsync(HttpClient http, string email, string[] plaintext)
    {
        using var signup = await http.PostAsJsonAsync("/api/auth/signup", new { email, password = Password, displayName = plaintext[1] });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        using var account = await signup.ReadJsonAsync();
        var userId = account.RootElement.GetProperty("user").GetProperty("id").GetString()!;
        var token = account.RootElement.GetProperty("accessToken").GetString()!;

        using var created = await http.SendAsync(HttpMethod.Post, "/api/session", token,
            new { title = plaintext[2], consent = new { analysis = true, storeTranscript = true } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var session = await created.ReadJsonAsync();
        var sessionId = session.RootElement.GetProperty("id").GetString()!;
        for (var i = 0; i < 2; i++)
        {
            using var appended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", token,
                new { clientSegmentId = plaintext[3 + i], text = plaintext[5 + i], startMs = i * 3000, endMs = (i * 3000) + 2500, language = "en" });
            Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        }

        using var ended = await http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/end", token);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        foreach (var path in new[] { $"/api/session/{sessionId}/report", "/api/dashboard/summary", "/api/session" })
        {
            using var read = await http.SendAsync(HttpMethod.Get, path, token);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // The dashboard shows the stored title: it was written, so its absence on disk means it is sealed.
        using var dashboard = await (await http.SendAsync(HttpMethod.Get, "/api/dashboard/summary", token)).ReadJsonAsync();
        Assert.Contains(plaintext[2], dashboard.RootElement.ToString(), StringComparison.Ordinal);
        return (userId, token, sessionId);
    }

    /// <summary>None of the values, in UTF-8 or UTF-16, in any of the database's files.</summary>
    private static void AssertAbsent(string data, string[] values)
    {
        var files = DatabaseFiles.Select(name => Path.Combine(data, name)).Where(File.Exists).ToList();
        Assert.Contains(Path.Combine(data, StorageTarget.SqliteFileName), files);
        foreach (var file in files)
        {
            var bytes = ReadShared(file);
            foreach (var value in values)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds '{value}' in UTF-8");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds '{value}' in UTF-16");
            }
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Every sealed value the database holds: grain-state payloads, event payloads, session-index rows and totals.</summary>
    private static async Task<List<byte[]>> ReadSealedValuesAsync(string data) =>
    [
        .. await QueryAsync(data, "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL", reader => (byte[])reader.GetValue(0)),
        .. await QueryAsync(data, "SELECT payload FROM bemore_session_events", reader => (byte[])reader.GetValue(0)),
        .. await QueryAsync(data, "SELECT entry FROM bemore_session_index", reader => (byte[])reader.GetValue(0)),
        .. await QueryAsync(data, "SELECT totals FROM bemore_session_totals", reader => (byte[])reader.GetValue(0)),
    ];

    /// <summary>Folds the WAL into the database file and empties it, so the file alone shows what is stored.</summary>
    private static async Task CheckpointAsync(string data) =>
        Assert.Equal([0L], await QueryAsync(data, "PRAGMA wal_checkpoint(TRUNCATE)", reader => reader.GetInt64(0)));

    /// <summary>A connection of its own, closed at once, so the test never holds the file the server uses.</summary>
    private static async Task<List<T>> QueryAsync<T>(string data, string sql, Func<SqliteDataReader, T> read)
    {
        var connectionString = new SqliteConnectionStringBuilder(StorageTarget.Embedded(data).ConnectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
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
}
