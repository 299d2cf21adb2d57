using System.Data.Common;
using BeMore.Grains.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BeMore.Silo.Hosting;

/// <summary>The resolved database of a storage profile: what both Orleans' ADO.NET providers and our event log open.</summary>
public sealed record StorageTarget(StorageProfile Profile, string ConnectionString)
{
    public const string SqliteFileName = "bemore.db";

    /// <summary>Orleans' invariant for SQLite is "System.Data.SQLite"; it resolves to Microsoft.Data.Sqlite's factory.</summary>
    public string OrleansInvariant => Profile == StorageProfile.Embedded ? "System.Data.SQLite" : "Npgsql";

    public DbProviderFactory Factory => Profile == StorageProfile.Embedded ? SqliteFactory.Instance : NpgsqlFactory.Instance;

    /// <summary>
    /// SQLite's own busy handler waits for a lock in steps of a few milliseconds; without it Microsoft.Data.Sqlite retries
    /// a locked write every 150 ms, which under many concurrent sessions turns every contended append into a 150 ms stall.
    /// secure_delete (a per-connection setting) overwrites erased rows with zeros, so an erased account or session does
    /// not linger in the file's free pages. wal_autocheckpoint = 0: otherwise the commit that crosses 1,000 WAL pages
    /// copies every page changed since the last checkpoint into the database file before it returns, and with the
    /// dedup index's random keys that is one page per keyed append, so the unlucky commit's wait grew with the
    /// session's length; <see cref="SqliteCheckpoint"/> runs on the group-commit writer's own schedule instead. They are
    /// run once per SQLite handle, which the pool keeps with its settings from one use to the next.
    /// </summary>
    private const string SqliteConnectionSettings = "PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 0;";

    /// <summary>PASSIVE: copies what no reader still needs, without waiting for (or blocking) readers and writers.</summary>
    private const string SqliteCheckpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    public EventLogDatabase Database => Profile == StorageProfile.Embedded
        ? new(Factory, ConnectionString, SqliteConnectionSettings, SqliteCheckpoint, connection => ((SqliteConnection)connection).Handle)
        : new(Factory, ConnectionString);

    public static StorageTarget Resolve(StorageOptions options) => options.Profile switch
    {
        StorageProfile.Embedded => Embedded(Path.GetFullPath(options.DataDirectory)),
        StorageProfile.Postgres => new StorageTarget(StorageProfile.Postgres, WithPreparedStatements(options.ConnectionString!)),
        _ => throw new InvalidOperationException($"Unknown storage profile {options.Profile}."),
    };

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run <c>Auto Prepare Min Usages</c> times on a connection
    /// (every append, lookup and grain-state write repeats a handful of statements), so PostgreSQL skips parsing and
    /// planning them on each call; unless the connection string sets its own <c>Max Auto Prepare</c>.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    public static StorageTarget Embedded(string dataDirectory) => new(
        StorageProfile.Embedded,
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteFileName),
            Pooling = true,
            // Concurrent grain writes wait for the file lock (busy retries) instead of failing with "database is locked".
            DefaultTimeout = 30,
        }.ToString());
}
