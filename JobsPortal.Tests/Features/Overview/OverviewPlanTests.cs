using JobsPortal.Data;
using JobsPortal.Features.Overview;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Overview;

/// <summary>
/// The agent's "open jobs due soon" reads only jobs scheduled or expiring in the window, with and
/// without statistics: every read of Jobs is a range of a date. Without statistics SQLite takes the four
/// (assignee, date) indexes; before them, on a database that never ran ANALYZE, it read every job of the
/// person's unit (a fifth of a million at 1M jobs), and the answer was still right, only slow. With the
/// statistics of this small database it reads the window of all assignees by the date indexes, also
/// bounded. SQLite's plan for the queries the service sends, as JobSearchPlanTests does for the search.
/// </summary>
public sealed class OverviewPlanTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Due_soon_reads_only_jobs_in_the_window(bool analyzed)
    {
        // The queries of jobs by assignee that the overview sends.
        var commands = new StatementRecorder(sql => sql.Contains("FROM \"Jobs\"", StringComparison.Ordinal) && sql.Contains("\"AssignedUnitId\"", StringComparison.Ordinal));
        await using var db = await TestDatabase.CreateAsync(demoJobs: 200,
            services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(commands)));
        if (analyzed)
        {
            await using var context = db.CreateContext();
            await context.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
        commands.Readers.Clear();

        await db.Service<OverviewService>().GetAsync(await db.PrincipalAsync(DemoPeople.Agent), TimeZoneInfo.Utc);

        // The count and the first rows.
        Assert.Equal(2, commands.Readers.Count);
        foreach (var statement in commands.Readers)
        {
            var plan = await QueryPlans.PlanAsync(db.ConnectionString, statement);
            Assert.False(plan.Contains("SCAN", StringComparison.Ordinal), plan);
            var reads = plan.Split('\n').Where(line => line.Contains("SEARCH j ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            Assert.All(reads, read => Assert.Matches(@"(ScheduledDate|ExpirationDate)>\? AND \1<\?\)$", read));
            if (!analyzed)
            {
                Assert.Contains("IX_Jobs_AssignedUnitId_ScheduledDate (AssignedUnitId=? AND ScheduledDate>? AND ScheduledDate<?)", plan, StringComparison.Ordinal);
                Assert.Contains("IX_Jobs_AssignedUserId_ExpirationDate (AssignedUserId=? AND ExpirationDate>? AND ExpirationDate<?)", plan, StringComparison.Ordinal);
            }
        }
    }
}
