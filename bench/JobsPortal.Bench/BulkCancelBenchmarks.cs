using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Bulk;
using JobsPortal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Bench;

/// <summary>
/// A bulk run of 1,000 jobs from start to end: the worker's part (each job its own cancel through the
/// cancellation service, with its record, event and item changes, and the run's outcomes written in
/// batches). Each iteration works on a fresh copy of the given database, so every run cancels the same
/// 1,000 open jobs; the copy and the run's planning are outside the measurement.
/// </summary>
[Config(typeof(BulkBenchConfig))]
public class BulkCancelBenchmarks
{
    public const int Jobs = BulkCancelService.MaxJobs;

    private string _copy = "";
    private ServiceProvider _services = null!;
    private int _runId;

    [IterationSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _copy = Path.Combine(Path.GetTempPath(), $"bulk-bench-{Guid.NewGuid():N}.db");
        File.Copy(BenchDatabase.Path!, _copy);
        var services = new ServiceCollection();
        services.AddJobsPortalCore($"Data Source={_copy}");
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await using var db = await provider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        var ids = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING || j.LifeCycleState == LifeCycleState.IN_PROGRESS)
            .OrderBy(j => j.Id).Select(j => j.Id).Take(Jobs).ToListAsync();
        var agent = await provider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("maria.lopez@example.com")
            ?? throw new InvalidOperationException("The database has no demo agent; make it with the generate command.");
        var actor = await provider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(agent);
        var bulk = provider.GetRequiredService<BulkCancelService>();
        var plan = (await bulk.PlanAsync(ids, actor)).Plan ?? throw new InvalidOperationException("No plan.");
        var choices = plan.Types.Select(t => new BulkTypeChoice(t.TypeId, t.DefaultStatusId!.Value, t.DefaultReasonId!.Value)).ToList();
        var started = await bulk.StartAsync(new BulkCancelRequest([.. plan.Eligible.Select(j => j.Id)], choices, false, "Benchmark", "bench"), actor);
        _runId = started.RunId ?? throw new InvalidOperationException(started.Error);
    }

    [Benchmark(Description = "bulk cancel of 1,000 jobs")]
    public async Task RunAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BulkRunProcessor>().RunAsync(_runId, CancellationToken.None);
    }

    [IterationCleanup]
    public void Cleanup()
    {
        using (var scope = _services.CreateScope())
        using (var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContext())
        {
            var run = db.BulkRuns.AsNoTracking().Single(r => r.Id == _runId);
            if (run.State != BulkRunState.Finished || run.Cancelled != Jobs)
            {
                throw new InvalidOperationException($"The run ended {run.State} with {run.Cancelled} of {Jobs} cancelled.");
            }
        }
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_copy + suffix);
        }
    }
}

/// <summary>Few iterations of a long case: each is one whole run of 1,000 cancels (several seconds), on a fresh copy.</summary>
public sealed class BulkBenchConfig : ManualConfig
{
    public BulkBenchConfig()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(1)
            .WithIterationCount(7)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
    }
}
