using System.Data.Common;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>
/// Every sort the grid offers reads its page from an index in the order asked for, never by sorting
/// all jobs: SQLite's plan for the page that the service sends, checked here because a sort that
/// loses its index is still correct, only a thousand times slower on a large database.
/// </summary>
public sealed class JobSearchPlanTests
{
    public static TheoryData<JobSortColumn, bool> Sorts()
    {
        var data = new TheoryData<JobSortColumn, bool>();
        foreach (var column in Enum.GetValues<JobSortColumn>())
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Every_offered_sort_reads_its_page_in_index_order(JobSortColumn column, bool descending)
    {
        var commands = new PageCommands();
        await using var db = await TestDatabase.CreateAsync(demoJobs: 200,
            services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(commands)));

        // With the statistics that the generate command leaves (ANALYZE): without them SQLite guesses
        // the sizes of Jobs and the name tables, and on this small database sorts the jobs by type instead.
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
        commands.Readers.Clear();
        await new JobSearchService(db.Factory).SearchAsync(new JobSearchQuery { Sort = column, Descending = descending });

        var (sql, parameters) = Assert.Single(commands.Readers);
        var plan = await PlanAsync(db.ConnectionString, sql, parameters);
        Assert.False(plan.Contains("TEMP B-TREE", StringComparison.Ordinal), $"The page is sorted, not read in index order:\n{plan}");
        Assert.Contains(" USING ", plan);
    }

    [Fact]
    public async Task A_search_sends_no_condition_for_the_filters_it_leaves_empty()
    {
        // The common searches are compiled queries whose filters are parameters that may be null; a
        // leftover "@p IS NULL OR ..." would keep SQLite from using an index for that filter.
        var commands = new PageCommands();
        await using var db = await TestDatabase.CreateAsync(demoJobs: 50,
            services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(commands)));
        var pending = new JobSearchQuery { States = [LifeCycleState.PENDING], Sort = JobSortColumn.ScheduledDate };

        await new JobSearchService(db.Factory).SearchAsync(pending);
        await new JobSearchService(db.Factory).SearchAsync(new JobSearchQuery());

        Assert.Equal(2, commands.Readers.Count);
        Assert.All(commands.Readers, c => Assert.DoesNotContain("IS NULL", c.Sql, StringComparison.Ordinal));
        Assert.Contains("\"LifeCycleState\" = @", commands.Readers[0].Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("WHERE", commands.Readers[1].Sql, StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(string connectionString, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
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

    /// <summary>The ordered queries of jobs (the page; the count has no order) that a search sends, with their parameters.</summary>
    private sealed class PageCommands : DbCommandInterceptor
    {
        public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Readers { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Jobs\"", StringComparison.Ordinal) && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
            {
                Readers.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
            return ValueTask.FromResult(result);
        }
    }
}
