using System.Diagnostics;
using JobsPortal.Features.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Bench;

/// <summary>
/// --explain: runs each case once and prints the SQL that EF Core sent, SQLite's plan for it and the
/// time taken: the first thing to look at when a case is slow.
/// </summary>
public static class Explain
{
    public static async Task RunAsync()
    {
        var commands = new CommandCollector();
        await using var db = await BenchDatabase.OpenAsync(services =>
            services.AddDbContextFactory<Data.JobsPortalDbContext>((_, o) => o.AddInterceptors(commands)));
        var cases = new (string Name, JobSearchQuery Query)[]
        {
            ("1 no filter, newest first", db.Case1), ("2 one life cycle state", db.Case2), ("3 type + state by scheduled date", db.Case3),
            ("4 a description word", db.Case4), ("5 assigned user + created range", db.Case5), ("6 job number prefix", db.Case6),
            ("7 page 200 of case 1", db.Case7),
            ("4a word prefix inst", new JobSearchQuery { Text = "inst" }), ("4b word prefix harb", new JobSearchQuery { Text = "harb" }),
            ("4c words victoria ro", new JobSearchQuery { Text = "victoria ro" }), ("4d account start", new JobSearchQuery { Text = "ACR39" }),
        };
        // Every sort the grid offers, both ways, over all jobs.
        cases = [.. cases, .. Enum.GetValues<JobSortColumn>().SelectMany(sort => new[] { false, true }.Select(descending =>
            ($"sort by {sort}{(descending ? ", descending" : "")}", new JobSearchQuery { Sort = sort, Descending = descending })))];
        foreach (var (name, query) in cases)
        {
            await db.Search.SearchAsync(query);
            commands.Commands.Clear();
            var watch = Stopwatch.StartNew();
            var page = await db.Search.SearchAsync(query);
            Console.WriteLine($"== {name}: {page.Rows.Count} rows, total {page.Total}{(page.TotalIsCapped ? "+" : "")}, {watch.Elapsed.TotalMilliseconds:F1} ms");
            await PrintPlansAsync(db.ConnectionString, commands.Commands);
        }
        await db.Detail.GetByNumberAsync(db.DetailNumber);
        commands.Commands.Clear();
        var detailWatch = Stopwatch.StartNew();
        await db.Detail.GetByNumberAsync(db.DetailNumber);
        Console.WriteLine($"== detail {db.DetailNumber}: {detailWatch.Elapsed.TotalMilliseconds:F1} ms");
        await PrintPlansAsync(db.ConnectionString, commands.Commands);
    }

    private static async Task PrintPlansAsync(string connectionString, IEnumerable<(string Sql, List<(string Name, object? Value)> Parameters)> commands)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in commands)
        {
            Console.WriteLine(sql);
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (parameterName, value) in parameters)
            {
                command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"   plan: {reader.GetString(3)}");
            }
            Console.WriteLine();
        }
    }

    private sealed class CommandCollector : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Console.WriteLine($"   (statement {Commands.Count}: {eventData.Duration.TotalMilliseconds:F1} ms to the first row)");
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(
            System.Data.Common.DbCommand command, CommandExecutedEventData eventData, object? result,
            CancellationToken cancellationToken = default)
        {
            Console.WriteLine($"   (statement {Commands.Count}: {eventData.Duration.TotalMilliseconds:F1} ms)");
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}
