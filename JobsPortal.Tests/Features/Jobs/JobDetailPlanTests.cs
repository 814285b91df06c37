using System.Text.RegularExpressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>
/// The job page reads one job by its number and what hangs off it by the job's id: no statement it
/// sends reads a whole table. (A cancellation read as a subquery of the job once became a ROW_NUMBER()
/// over every cancellation: right answers, about 1 s per page on a million jobs.)
/// </summary>
public sealed partial class JobDetailPlanTests
{
    [Fact]
    public async Task Every_statement_of_the_job_page_reads_by_index()
    {
        var recorder = new StatementRecorder(_ => true);
        await using var db = await TestDatabase.CreateAsync(demoJobs: 200,
            services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(recorder)));
        string number;
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ANALYZE;");
            number = await context.Jobs.Where(j => j.LifeCycleState == LifeCycleState.CANCELLED).Select(j => j.Number).FirstAsync();
        }
        recorder.Readers.Clear();

        var detail = await new JobDetailService(db.Factory).GetByNumberAsync(number);

        Assert.NotNull(detail?.Cancellation);
        Assert.True(recorder.Readers.Count >= 3, "the job, its items and events, and its cancellations");
        foreach (var statement in recorder.Readers)
        {
            var plan = await QueryPlans.PlanAsync(db.ConnectionString, statement);
            var scans = plan.Split('\n').Where(line => TableScan().IsMatch(line)).ToList();
            Assert.True(scans.Count == 0, $"A statement of the job page reads a whole table ({string.Join("; ", scans)}):\n{statement.Sql}\n{plan}");
        }
    }

    /// <summary>A plan step that scans a table or index; scanning a subquery's own rows (EF's aliases s, s0, …) is fine.</summary>
    [GeneratedRegex(@"^(SCAN (?!s\d*$)(?!\(subquery)|MATERIALIZE)")]
    private static partial Regex TableScan();
}
