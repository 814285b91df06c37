using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Bulk;

/// <summary>
/// Runs bulk runs in the background, independent of any page: closing the tab changes nothing. Runs
/// go side by side (each job's cancel queues on the write lock anyway, so a small run is not held up
/// behind a large one). A run the app left mid-way is marked interrupted, its outcomes recovered from
/// the cancellation records it wrote.
/// </summary>
/// <remarks>
/// Several instances may share one database: each runs the runs started on it, beats for them
/// (<see cref="RunHeartbeat"/>), and closes as interrupted only the runs whose owner stopped beating
/// (at its start and at every beat after), never a run another live instance is working on.
/// </remarks>
public sealed class BulkWorker(IServiceScopeFactory scopes, BulkRunQueue queue, IDbContextFactory<JobsPortalDbContext> dbFactory,
    AppInstance instance, JobWrites writes, TimeProvider clock, ILogger<BulkWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database without the table yet (being migrated) has no interrupted runs either.
            logger.LogWarning(e, "Could not look for interrupted bulk runs");
        }

        var beating = BeatAsync(stoppingToken);
        var running = new List<Task>();
        try
        {
            await foreach (var runId in queue.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(runId, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Each run ends after the job it is on and records itself as interrupted.
        await Task.WhenAll(running);
        await beating;
    }

    /// <summary>Every <see cref="RunHeartbeat.Interval"/>: this instance's runs are still on, and other instances' silent ones are closed.</summary>
    private async Task BeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RunHeartbeat.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using (var db = await dbFactory.CreateDbContextAsync(ct))
                    await using (await writes.TurnAsync(ct))
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        await db.BulkRuns.Where(r => r.OwnerInstance == instance.Id && (r.State == BulkRunState.Queued || r.State == BulkRunState.Running))
                            .ExecuteUpdateAsync(r => r.SetProperty(x => x.HeartbeatAt, now), ct);
                    }
                    await RecoverAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not record this instance's bulk runs as alive");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(int runId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var source = queue.Track(runId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BulkRunProcessor>().RunAsync(runId, source.Token, stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Bulk run {RunId} failed", runId);
        }
        finally
        {
            queue.Untrack(runId);
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.System, ct);
        var stale = clock.GetUtcNow().UtcDateTime - RunHeartbeat.StaleAfter;
        // Another instance's run is left only when that instance stopped beating for it; this instance's own are running here.
        var runs = await db.BulkRuns.Where(r => (r.State == BulkRunState.Queued || r.State == BulkRunState.Running)
                && r.OwnerInstance != instance.Id && (r.OwnerInstance == null || r.HeartbeatAt == null || r.HeartbeatAt < stale))
            .ToListAsync(ct);
        if (runs.Count == 0)
        {
            return;
        }
        var ids = runs.Select(r => r.Id).ToList();
        // A job whose cancel this run recorded was cancelled by it, whatever the last batch of outcomes said.
        await db.BulkRunJobs
            .Where(j => ids.Contains(j.BulkRunId) && j.Outcome == BulkJobOutcome.Waiting
                && db.JobCancellations.Any(c => c.JobId == j.JobId && c.BulkRunId == j.BulkRunId))
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.Outcome, BulkJobOutcome.Cancelled), ct);
        var counts = await db.BulkRunJobs.Where(j => ids.Contains(j.BulkRunId))
            .GroupBy(j => new { j.BulkRunId, j.Outcome }).Select(g => new { g.Key.BulkRunId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        foreach (var run in runs)
        {
            int Count(BulkJobOutcome outcome) => counts.Where(c => c.BulkRunId == run.Id && c.Outcome == outcome).Sum(c => c.Count);
            run.Cancelled = Count(BulkJobOutcome.Cancelled);
            run.AlreadyCancelled = Count(BulkJobOutcome.AlreadyCancelled);
            run.Failed = Count(BulkJobOutcome.Failed);
            run.State = BulkRunState.Interrupted;
            run.FinishedAt ??= clock.GetUtcNow().UtcDateTime;
            run.Message = $"The app stopped during this run with {Count(BulkJobOutcome.Waiting):N0} job(s) not run; start a new run for them.";
        }
        await using (await writes.TurnAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
