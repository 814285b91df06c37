using System.Diagnostics;
using System.Globalization;
using JobsPortal.Data;
using JobsPortal.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobsPortal.Infrastructure;

/// <summary>
/// <c>generate --jobs N --database PATH</c>: fills a SQLite database with N realistic jobs for
/// benchmarks; with <c>--postgres CONNECTION</c>, or without <c>--database</c> when the app is
/// configured for PostgreSQL, that database. It builds the same host as the app (schema, reference
/// data, accounts), then writes the jobs through <see cref="JobGenerator"/>'s batched inserts, or on
/// PostgreSQL its binary COPY (<see cref="PostgreSqlGenerator"/>).
/// </summary>
public static class GenerateCommand
{
    public const string Name = "generate";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = 1_000_000;
        string? database = null, postgres = null;
        var historyDays = 730;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    jobs = n; i++; break;
                case "--database" when i + 1 < args.Length:
                    database = args[++i]; break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i]; break;
                case "--history-days" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0:
                    historyDays = d; i++; break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'.");
                    Console.Error.WriteLine("Usage: generate --jobs N (--database PATH | --postgres CONNECTION) [--history-days D]");
                    return 2;
            }
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        if (postgres is not null)
        {
            builder.Configuration[$"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}"] = postgres;
            builder.Configuration[DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql);
        }
        var configured = DatabaseSettings.ParseProvider(builder.Configuration[DatabaseSettings.ProviderKey]);
        if (database is null && configured != DatabaseProvider.PostgreSql)
        {
            Console.Error.WriteLine("Usage: generate --jobs N --database PATH [--history-days D]  (--database is required, " +
                "unless the app is configured for PostgreSQL, whose database is then used)");
            return 2;
        }

        if (database is not null)
        {
            builder.Configuration[$"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}"] = $"Data Source={Path.GetFullPath(database)}";
            builder.Configuration[DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Sqlite);
        }
        builder.Configuration[$"{JobsPortalOptions.Section}:DemoMode"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddJobsPortal();
        await using var app = builder.Build();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();

        var total = Stopwatch.StartNew();
        GeneratorReference reference;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            reference = await scope.ServiceProvider.GetRequiredService<ReferenceSeeder>().SeedAsync();
        }
        Console.WriteLine($"Schema and reference data ready in {total.Elapsed.TotalSeconds:F1} s; writing {jobs:N0} jobs to {settings.Describe()}");
        var generator = new JobGenerator(reference, TimeProvider.System.GetUtcNow().UtcDateTime) { History = TimeSpan.FromDays(historyDays) };
        if (settings.IsPostgreSql)
        {
            return await PostgreSqlGenerator.WriteAsync(settings.ConnectionString, generator, jobs, total);
        }
        var fullPath = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;

        var insert = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={fullPath}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // A generated file can be made again: trade durability for speed while it is written.
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";
            await pragma.ExecuteNonQueryAsync();
        }
        var lastReport = 0L;
        JobGenerator.Result result;
        // Building an index once over sorted rows is far cheaper than keeping it up to date row by row;
        // the same goes for the full-text index, whose triggers would otherwise index every row as it comes.
        var (indexes, triggers) = await DropIndexesAndTriggersAsync(connection);
        try
        {
            result = await generator.InsertAsync(connection, jobs, new Progress<int>(done =>
            {
                if (insert.ElapsedMilliseconds - lastReport >= 5000 || done == jobs)
                {
                    lastReport = insert.ElapsedMilliseconds;
                    Console.WriteLine($"  {done:N0} jobs ({insert.Elapsed.TotalSeconds:F0} s)");
                }
            }));
        }
        finally
        {
            var rebuild = Stopwatch.StartNew();
            foreach (var sql in indexes)
            {
                await Execute(connection, sql);
            }
            Console.WriteLine($"  rebuilt {indexes.Count} indexes in {rebuild.Elapsed.TotalSeconds:F1} s");
            rebuild.Restart();
            await Execute(connection, JobTextIndex.RebuildSql);
            foreach (var sql in triggers)
            {
                await Execute(connection, sql);
            }
            Console.WriteLine($"  rebuilt the full-text index in {rebuild.Elapsed.TotalSeconds:F1} s");
        }
        await Execute(connection, "ANALYZE;");
        Console.WriteLine(
            $"Wrote {result.Jobs:N0} jobs, {result.Items:N0} items, {result.Events:N0} events, {result.Cancellations:N0} cancellations " +
            $"in {insert.Elapsed.TotalSeconds:F1} s ({result.Jobs / insert.Elapsed.TotalSeconds:N0} jobs/s); total {total.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Drops the job tables' indexes and the triggers on Jobs; returns the SQL that makes each again.</summary>
    private static async Task<(List<string> Indexes, List<string> Triggers)> DropIndexesAndTriggersAsync(SqliteConnection connection)
    {
        var objects = new List<(string Type, string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('Jobs', 'JobItems', 'JobEvents', 'JobCancellations', 'JobCancellationItems', 'CancellationReviews')
                """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (type, name, _) in objects)
        {
            await Execute(connection, type == "index" ? $"DROP INDEX \"{name}\";" : $"DROP TRIGGER \"{name}\";");
        }
        return ([.. objects.Where(o => o.Type == "index").Select(o => o.Sql)], [.. objects.Where(o => o.Type == "trigger").Select(o => o.Sql)]);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
