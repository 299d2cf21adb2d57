using System.Data.Common;
using System.Reflection;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Applies the schema scripts shipped in this assembly (from <c>deploy/postgres</c> or <c>deploy/sqlite</c>).
/// The scripts are idempotent; on PostgreSQL a transaction-scoped advisory lock keeps nodes that start
/// together from racing each other's DDL.
/// </summary>
public static class SchemaInstaller
{
    private const long PostgresSchemaLockKey = 0x4265_4D6F_7265; // "BeMore"

    public static async Task ApplyAsync(StorageTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await target.Database.OpenAsync(cancellationToken);
        if (target.Profile == StorageProfile.Embedded)
        {
            // One process owns the file; the SQLite scripts also switch the file to WAL, which a transaction forbids.
            foreach (var script in Scripts(target.Profile))
            {
                await ExecuteAsync(connection, null, script, cancellationToken);
            }

            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchemaLockKey});", cancellationToken);
        foreach (var script in Scripts(target.Profile))
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The profile's scripts in file-name order.</summary>
    public static IReadOnlyList<string> Scripts(StorageProfile profile)
    {
        var assembly = typeof(SchemaInstaller).Assembly;
        var folder = profile == StorageProfile.Embedded ? "sqlite" : "postgres";
        var prefix = $"BeMore.Schema.{folder}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name))
            .ToList();
        return scripts.Count > 0
            ? scripts
            : throw new InvalidOperationException($"No schema scripts for deploy/{folder} are embedded in {assembly.GetName().Name}.");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
