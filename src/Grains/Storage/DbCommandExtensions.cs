using System.Data;
using System.Data.Common;

namespace BeMore.Grains.Storage;

internal static class DbCommandExtensions
{
    /// <summary>
    /// Adds a named parameter (<paramref name="name"/> as the SQL writes it, without its <c>@</c>) with an explicit type,
    /// so null values bind the same way on every driver.
    /// </summary>
    public static DbParameter AddParameter(this DbCommand command, string name, DbType type, object? value = null) =>
        Add(command.Parameters, command.CreateParameter(), name, type, value);

    /// <inheritdoc cref="AddParameter(DbCommand, string, DbType, object?)"/>
    public static DbParameter AddParameter(this DbBatchCommand command, string name, DbType type, object? value = null) =>
        Add(command.Parameters, command.CreateParameter(), name, type, value);

    private static DbParameter Add(DbParameterCollection parameters, DbParameter parameter, string name, DbType type, object? value)
    {
        // Named as the SQL spells it: Microsoft.Data.Sqlite looks a bare name up under each prefix it knows, building a
        // string per prefix at every execution; Npgsql drops the @ itself.
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
        return parameter;
    }
}
