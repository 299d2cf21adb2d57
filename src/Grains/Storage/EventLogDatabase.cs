using System.Data.Common;
using System.Runtime.CompilerServices;

namespace BeMore.Grains.Storage;

/// <summary>
/// The ADO.NET database the event log lives in: SQLite in the embedded profile, PostgreSQL in production.
/// <paramref name="OnOpen"/> is SQL run on every opened connection (connection settings the connection string cannot carry);
/// where the provider pools its connections and names the physical connection behind an opened one
/// (<paramref name="PhysicalConnectionOf"/>), it runs once per physical connection, whose settings outlive each use.
/// <paramref name="Checkpoint"/> is SQL that moves committed writes from the write-ahead log into the database file,
/// which <see cref="GroupCommitWriter"/> runs beside its commits rather than inside one (SQLite's WAL checkpoint; null
/// where the server checkpoints by itself, as PostgreSQL does).
/// </summary>
public sealed record EventLogDatabase(
    DbProviderFactory Factory,
    string ConnectionString,
    string? OnOpen = null,
    string? Checkpoint = null,
    Func<DbConnection, object?>? PhysicalConnectionOf = null)
{
    /// <summary>The physical connections <see cref="OnOpen"/> has run on; an entry goes with its connection.</summary>
    private readonly ConditionalWeakTable<object, object?> _prepared = [];

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var physical = PhysicalConnectionOf?.Invoke(connection);
            if (OnOpen is not null && (physical is null || !_prepared.TryGetValue(physical, out _)))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = OnOpen;
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (physical is not null)
                {
                    _prepared.AddOrUpdate(physical, null);
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// This database as a <see cref="DbDataSource"/>, for libraries that open their own connections (Orleans' ADO.NET
    /// grain storage): their connections then get <see cref="OnOpen"/> too.
    /// </summary>
    public DbDataSource AsDataSource() => new DataSource(this);

    private DbConnection CreateConnection()
    {
        var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException($"{Factory.GetType().Name} cannot create connections.");
        connection.ConnectionString = ConnectionString;
        return connection;
    }

    private sealed class DataSource(EventLogDatabase database) : DbDataSource
    {
        public override string ConnectionString => database.ConnectionString;

        protected override DbConnection CreateDbConnection() => database.CreateConnection();

        protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
            await database.OpenAsync(cancellationToken);

        // Nothing in BeMore or Orleans opens synchronously; the base class would skip OnOpen, so this stays on the one path.
        protected override DbConnection OpenDbConnection() => OpenDbConnectionAsync().AsTask().GetAwaiter().GetResult();
    }
}
