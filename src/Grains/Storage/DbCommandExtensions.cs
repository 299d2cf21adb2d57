using System.Data;
using System.Data.Common;

namespace BeMore.Grains.Storage;

internal static class DbCommandExtensions
{
    /// <summary>Adds a named parameter with an explicit type, so null values bind the same way on every driver.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, DbType type, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
