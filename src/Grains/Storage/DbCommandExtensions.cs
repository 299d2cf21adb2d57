using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace BeMore.Grains.Storage;

internal static class DbCommandExtensions
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> KeptCommands = [];

    /// <summary>
    /// The command for <paramref name="sql"/> on the transaction's connection, made with its parameters
    /// (<paramref name="addParameters"/>) the first time and kept with that connection: the group commit's connection
    /// lives on between batches, so a statement it runs for every write is prepared once per connection, not once per
    /// write. The parameters keep their last values, so a caller sets every one; the command goes with its connection and
    /// is not disposed by the caller. A connection is used by one caller at a time, and so is its command.
    /// </summary>
    public static DbCommand KeptCommand(this DbTransaction transaction, string sql, Action<DbCommand> addParameters)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has ended.");
        var commands = KeptCommands.GetValue(connection, _ => new Dictionary<string, DbCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            addParameters(command);
            commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

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
