using BeMore.Silo.Hosting;
using Npgsql;

namespace BeMore.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster started from the installed server binaries, once per test run, on a free
/// loopback port; each test asks it for a fresh database with the BeMore schema applied. Stopped when the
/// test process exits. Never skipped: without the binaries the tests fail and say what to install.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _runAsPostgresUser;

    /// <summary>The superuser's password: the cluster asks for one (SCRAM), as a production server does.</summary>
    private readonly string _password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private PostgresServer(string binDirectory, string root, int port, bool runAsPostgresUser)
    {
        _binDirectory = binDirectory;
        _dataDirectory = Path.Combine(root, "data");
        _runAsPostgresUser = runAsPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public static Task<PostgresServer> InstanceAsync()
    {
        TestCategory.EnsureAllowed(TestCategory.Postgres, nameof(PostgresServer));
        return Shared.Value;
    }

    /// <summary>Creates an empty database with the production schema applied by the production installer.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bemore_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionString(name);
        await SchemaInstaller.ApplyAsync(new StorageTarget(StorageProfile.Postgres, connectionString), CancellationToken.None);
        return connectionString;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = _password,
            Database = database,
            Pooling = true,
        }.ToString();

    private static async Task<PostgresServer> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        var runAsPostgresUser = Environment.UserName == "root";
        var root = Directory.CreateTempSubdirectory("bemore-pg-").FullName;
        var server = new PostgresServer(binDirectory, root, FreePort.Next(), runAsPostgresUser);
        if (runAsPostgresUser)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres account.
            await ExternalCommand.RunAsync("chown", ["-R", "postgres:postgres", root], CommandTimeout);
        }

        var passwordFile = Path.Combine(root, "superuser.password");
        await File.WriteAllTextAsync(passwordFile, server._password);
        if (runAsPostgresUser)
        {
            await ExternalCommand.RunAsync("chown", ["postgres:postgres", passwordFile], CommandTimeout);
        }

        await server.RunAsync("initdb",
            ["-D", server._dataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C", "--no-sync"]);
        File.Delete(passwordFile);
        await server.RunAsync("pg_ctl",
        [
            "start", "-w", "-D", server._dataDirectory, "-l", Path.Combine(root, "server.log"),
            // fsync off: a test database need not survive a power cut, and it halves schema set-up time.
            "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunAsync("pg_ctl", ["stop", "-D", _dataDirectory, "-m", "immediate"]).Wait(TimeSpan.FromSeconds(30));
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or AggregateException)
        {
            Console.Error.WriteLine($"Could not stop the test PostgreSQL at {_dataDirectory}: {exception.Message}");
        }
    }

    private Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? ExternalCommand.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], CommandTimeout)
            : ExternalCommand.RunAsync(executable, arguments, CommandTimeout);
    }

    private static string FindBinDirectory()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin"))
                : []);
        return candidates.FirstOrDefault(directory =>
                   File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
               ?? throw new InvalidOperationException(
                   "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
                   "Install them (Debian: apt-get install postgresql) to run the PostgreSQL tests.");
    }
}
