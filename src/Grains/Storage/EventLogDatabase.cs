using System.Data.Common;

namespace BeMore.Grains.Storage;

/// <summary>
/// The ADO.NET database the event log lives in: SQLite in the embedded profile, PostgreSQL in production.
/// <paramref name="OnOpen"/> is SQL run on every opened connection (connection settings the connection string cannot carry).
/// </summary>
public sealed record EventLogDatabase(DbProviderFactory Factory, string ConnectionString, string? OnOpen = null)
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException($"{Factory.GetType().Name} cannot create connections.");
        connection.ConnectionString = ConnectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (OnOpen is not null)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = OnOpen;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
