using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// SQLite's plan for the statements a service sends: tests that a query keeps its index, because a
/// query that loses it is still correct, only a thousand times slower on a large database.
/// </summary>
public static class QueryPlans
{
    /// <summary>EXPLAIN QUERY PLAN of <paramref name="statement"/>, one line per step.</summary>
    public static async Task<string> PlanAsync(string connectionString, RecordedStatement statement)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join("\n", lines);
    }
}

/// <summary>A query as it was sent: its SQL and its parameters' values.</summary>
public sealed record RecordedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Records the queries (readers) whose SQL passes <paramref name="keep"/>, with their parameters.</summary>
public sealed class StatementRecorder(Func<string, bool> keep) : DbCommandInterceptor
{
    public List<RecordedStatement> Readers { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (keep(command.CommandText))
        {
            lock (Readers)
            {
                Readers.Add(new RecordedStatement(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }
        return ValueTask.FromResult(result);
    }
}
