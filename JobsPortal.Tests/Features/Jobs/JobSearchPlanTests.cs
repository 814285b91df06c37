using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
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
        // The ordered queries of jobs: the page (the count has no order).
        var commands = new StatementRecorder(sql => sql.Contains("\"Jobs\"", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal));
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

        var plan = await QueryPlans.PlanAsync(db.ConnectionString, Assert.Single(commands.Readers));
        Assert.False(plan.Contains("TEMP B-TREE", StringComparison.Ordinal), $"The page is sorted, not read in index order:\n{plan}");
        Assert.Contains(" USING ", plan);
    }

    [Fact]
    public async Task A_search_sends_no_condition_for_the_filters_it_leaves_empty()
    {
        // The common searches are compiled queries whose filters are parameters that may be null; a
        // leftover "@p IS NULL OR ..." would keep SQLite from using an index for that filter.
        var commands = new StatementRecorder(sql => sql.Contains("\"Jobs\"", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal));
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
}
