using System.Text.RegularExpressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>
/// The job page and the Cancel and Reopen dialogs read one job and what hangs off it by the job's id:
/// no statement they send reads a whole table. (A cancellation read as a subquery of the job once
/// became a ROW_NUMBER() over every cancellation: right answers, about 1 s each on a million jobs.)
/// </summary>
public sealed partial class JobDetailPlanTests
{
    public static TheoryData<string> Reads() => ["job page", "cancel dialog", "reopen dialog"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_statement_reads_by_index(string read)
    {
        var recorder = new StatementRecorder(_ => true);
        await using var db = await TestDatabase.CreateAsync(demoJobs: 200,
            services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(recorder)));
        (int Id, string Number) job;
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ANALYZE;");
            job = await context.Jobs.Where(j => j.LifeCycleState == LifeCycleState.CANCELLED)
                .OrderBy(j => j.Id).Select(j => ValueTuple.Create(j.Id, j.Number)).FirstAsync();
        }
        recorder.Readers.Clear();

        object? found = read switch
        {
            "job page" => (await new JobDetailService(db.Factory).GetByNumberAsync(job.Number))?.Cancellation,
            "cancel dialog" => (await db.Service<CancellationService>().GetOptionsAsync(job.Id))?.AlreadyCancelled,
            _ => (await db.Service<ReopenService>().GetOptionsAsync(job.Id))?.CancelledBy,
        };

        Assert.NotNull(found);
        Assert.True(recorder.Readers.Count >= 2, "the job, then its cancellation");
        foreach (var statement in recorder.Readers)
        {
            var plan = await QueryPlans.PlanAsync(db.ConnectionString, statement);
            var tables = TableAlias().Matches(statement.Sql).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);
            var scans = plan.Split('\n')
                .Select(line => Scan().Match(line))
                .Where(m => m.Success && tables.TryGetValue(m.Groups[1].Value, out var table) && PerJobTables.Contains(table))
                .Select(m => m.Value)
                .ToList();
            Assert.True(scans.Count == 0, $"A statement reads a whole table of jobs ({string.Join("; ", scans)}):\n{statement.Sql}\n{plan}");
            Assert.DoesNotContain("MATERIALIZE", plan);
        }
    }

    /// <summary>The tables that grow with the jobs; reference tables (types, statuses, reasons) are small.</summary>
    private static readonly HashSet<string> PerJobTables = ["Jobs", "JobItems", "JobEvents", "JobCancellations", "JobCancellationItems"];

    /// <summary>A table and its alias in EF Core's SQL: <c>FROM "Jobs" AS "j"</c>.</summary>
    [GeneratedRegex(@"""(\w+)"" AS ""(\w+)""")]
    private static partial Regex TableAlias();

    /// <summary>A plan step that reads a whole table or index: <c>SCAN j</c>, <c>SCAN j USING INDEX …</c>.</summary>
    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex Scan();
}
