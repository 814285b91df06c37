using System.Diagnostics;
using JobsPortal.Data.Seeding;
using Npgsql;

namespace JobsPortal.Infrastructure;

/// <summary>
/// The <c>generate</c> command's PostgreSQL half: the jobs go in with binary COPY while the job tables
/// have no secondary indexes and no foreign keys (each is made again afterwards in one pass over the
/// loaded rows, far cheaper than keeping it up to date row by row), then the identity sequences move
/// past the ids the generator gave, and ANALYZE gives the planner its statistics.
/// </summary>
internal static class PostgreSqlGenerator
{
    private static readonly string[] Tables = ["Jobs", "JobItems", "JobEvents", "JobCancellations", "JobCancellationItems", "CancellationReviews"];

    public static async Task<int> WriteAsync(string connectionString, JobGenerator generator, int jobs, Stopwatch total)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A generated database can be made again: no need to wait for each commit to reach the disk.
        await ExecuteAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB';");

        var insert = Stopwatch.StartNew();
        var (foreignKeys, indexes) = await DropAsync(connection);
        JobGenerator.Result result;
        var lastReport = 0L;
        try
        {
            result = await generator.CopyAsync(connection, jobs, new Progress<int>(done =>
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
                await ExecuteAsync(connection, sql);
            }
            Console.WriteLine($"  rebuilt {indexes.Count} indexes in {rebuild.Elapsed.TotalSeconds:F1} s");
            rebuild.Restart();
            foreach (var sql in foreignKeys)
            {
                await ExecuteAsync(connection, sql);
            }
            Console.WriteLine($"  restored {foreignKeys.Count} foreign keys in {rebuild.Elapsed.TotalSeconds:F1} s");
        }
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection,
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1));");
        }
        await ExecuteAsync(connection, "ANALYZE;");
        Console.WriteLine(
            $"Wrote {result.Jobs:N0} jobs, {result.Items:N0} items, {result.Events:N0} events, {result.Cancellations:N0} cancellations " +
            $"in {insert.Elapsed.TotalSeconds:F1} s ({result.Jobs / insert.Elapsed.TotalSeconds:N0} jobs/s); total {total.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Drops the foreign keys of the job tables and their indexes other than primary keys and constraints; returns the SQL that makes each again.</summary>
    private static async Task<(List<string> ForeignKeys, List<string> Indexes)> DropAsync(NpgsqlConnection connection)
    {
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT format('%I', t)::regclass FROM unnest(@tables) t)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", Tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY (SELECT format('%I', t)::regclass FROM unnest(@tables) t)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", Tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\";");
        }
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name};");
        }
        return ([.. foreignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT \"{f.Name}\" {f.Definition};")],
            [.. indexes.Select(i => i.Definition + ";")]);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
