using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Bulk;
using JobsPortal.Features.Import;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobsPortal.Tests.Features.Bulk;

/// <summary>
/// Background runs with several app instances on one database: a starting instance closes only the runs
/// whose owner stopped beating, and a stop or cancel asked on one instance is recorded for the one running it.
/// </summary>
public sealed class RunOwnershipTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    [Fact]
    public async Task A_starting_instance_interrupts_only_the_bulk_runs_whose_owner_went_silent()
    {
        await using var db = await template.CloneAsync();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var alive = await AddBulkRunAsync(db, "other-host:1:alive", now.AddSeconds(-5));
        var gone = await AddBulkRunAsync(db, "other-host:2:gone", now - RunHeartbeat.StaleAfter - TimeSpan.FromSeconds(1));
        var ownerless = await AddBulkRunAsync(db, null, null);

        using var worker = new BulkWorker(db.Services.GetRequiredService<IServiceScopeFactory>(), db.Service<BulkRunQueue>(), db.Factory,
            db.Services.GetRequiredService<AppInstance>(), db.Services.GetRequiredService<JobWrites>(), db.Clock, NullLogger<BulkWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => await BulkStateAsync(db, gone) == BulkRunState.Interrupted);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(BulkRunState.Running, await BulkStateAsync(db, alive));
        Assert.Equal(BulkRunState.Interrupted, await BulkStateAsync(db, ownerless));
    }

    [Fact]
    public async Task A_starting_instance_fails_only_the_import_runs_whose_owner_went_silent()
    {
        await using var db = await template.CloneAsync();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var alive = await AddImportRunAsync(db, "other-host:1:alive", now.AddSeconds(-5));
        var gone = await AddImportRunAsync(db, "other-host:2:gone", now - RunHeartbeat.StaleAfter - TimeSpan.FromSeconds(1));

        using var worker = new ImportWorker(db.Services.GetRequiredService<IServiceScopeFactory>(), db.Service<ImportQueue>(), db.Factory,
            db.Services.GetRequiredService<AppInstance>(), db.Services.GetRequiredService<JobWrites>(), db.Clock, NullLogger<ImportWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => await ImportStatusAsync(db, gone) == ImportRunStatus.Failed);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(ImportRunStatus.Importing, await ImportStatusAsync(db, alive));
    }

    [Fact]
    public async Task A_cancel_of_an_import_running_on_another_instance_is_recorded_for_it_and_an_ended_run_refuses()
    {
        await using var db = await template.CloneAsync();
        var elsewhere = await AddImportRunAsync(db, "other-host:1:alive", db.Clock.GetUtcNow().UtcDateTime);
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var service = db.Service<ImportService>();

        Assert.Null(await service.CancelAsync(elsewhere, admin));

        await using (var context = db.CreateContext())
        {
            Assert.True(await context.ImportRuns.Where(r => r.Id == elsewhere).Select(r => r.CancelRequested).SingleAsync());
            await context.ImportRuns.Where(r => r.Id == elsewhere).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ImportRunStatus.Cancelled));
        }
        Assert.Equal("This run is not running.", await service.CancelAsync(elsewhere, admin));
    }

    private static async Task<int> AddBulkRunAsync(TestDatabase db, string? owner, DateTime? heartbeat)
    {
        await using var context = db.CreateContext();
        var job = await context.Jobs.AsNoTracking().OrderBy(j => j.Id).FirstAsync(j => j.LifeCycleState == LifeCycleState.PENDING);
        var userId = await context.Users.Where(u => u.Email == DemoPeople.Agent).Select(u => u.Id).SingleAsync();
        var run = new BulkRun
        {
            CreatedByUserId = userId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10), Origin = "test", State = BulkRunState.Running,
            Total = 1, OwnerInstance = owner, HeartbeatAt = heartbeat,
            Jobs = [new BulkRunJob { Position = 1, JobId = job.Id, Outcome = BulkJobOutcome.Waiting }],
        };
        context.BulkRuns.Add(run);
        await context.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<int> AddImportRunAsync(TestDatabase db, string owner, DateTime heartbeat)
    {
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        await using var context = db.CreateContext();
        var run = new ImportRun
        {
            FileName = "jobs.csv", CreatedByUserId = admin.FindFirstValue(ClaimTypes.NameIdentifier)!, CreatedAt = db.Clock.GetUtcNow().UtcDateTime.AddHours(-1),
            PhaseStartedAt = db.Clock.GetUtcNow().UtcDateTime.AddHours(-1), Status = ImportRunStatus.Importing, OwnerInstance = owner, HeartbeatAt = heartbeat,
        };
        context.ImportRuns.Add(run);
        await context.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<BulkRunState> BulkStateAsync(TestDatabase db, int runId)
    {
        await using var context = db.CreateContext();
        return await context.BulkRuns.Where(r => r.Id == runId).Select(r => r.State).SingleAsync();
    }

    private static async Task<ImportRunStatus> ImportStatusAsync(TestDatabase db, int runId)
    {
        await using var context = db.CreateContext();
        return await context.ImportRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync();
    }

    /// <summary>The worker recovers in the background after it starts: wait for the condition, not for a time.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
