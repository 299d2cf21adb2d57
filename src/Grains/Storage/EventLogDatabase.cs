using System.Data.Common;

namespace BeMore.Grains.Storage;

/// <summary>The ADO.NET database the event log lives in: SQLite in the embedded profile, PostgreSQL in production.</summary>
public sealed record EventLogDatabase(DbProviderFactory Factory, string ConnectionString)
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException($"{Factory.GetType().Name} cannot create connections.");
        connection.ConnectionString = ConnectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
