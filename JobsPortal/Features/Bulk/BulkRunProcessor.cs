using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Bulk;

/// <summary>
/// Runs one bulk run: its jobs in order, one at a time, each through <see cref="CancellationService"/>
/// as its own cancel (its own context and transaction, event and record, the record marked with the
/// run). Between two jobs it looks at the stop switch (and, with each batch of outcomes, at a stop recorded
/// in the database by another instance): what is done stays done, the rest is "not run".
/// A job someone else cancelled meanwhile is "already cancelled by X", not a failure.
/// </summary>
/// <remarks>
/// The run acts as the person who started it, rebuilt from the account as it is now: the cancel checks
/// the Staff policy on that principal, so a person who lost the role (or was deactivated) mid-run stops
/// cancelling. Outcomes are written in batches (<see cref="FlushEvery"/> jobs, or
/// <see cref="FlushInterval"/>), which is what the progress shows; a cancel's own record is written
/// with the cancel, so an app that stops mid-batch loses no cancel, and <see cref="BulkWorker"/>
/// recovers the outcomes from the records.
/// </remarks>
public sealed class BulkRunProcessor(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    CancellationService cancellations,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    JobWrites writes,
    BulkRunFeed feed,
    AppInstance instance,
    TimeProvider clock)
{
    public const int FlushEvery = 25;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="stop">A person's stop: checked between two jobs.</param>
    /// <param name="appStopping">The app shutting down: the run ends as interrupted.</param>
    public async Task RunAsync(int runId, CancellationToken stop, CancellationToken appStopping = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.System, CancellationToken.None);
        var run = await db.BulkRuns.Include(r => r.Choices).SingleOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is null || run.State is not (BulkRunState.Queued or BulkRunState.Running))
        {
            return;
        }
        var user = await users.FindByIdAsync(run.CreatedByUserId);
        var actor = user is null ? null : await principals.CreateAsync(user);
        var choices = run.Choices.ToDictionary(c => c.JobTypeId);
        var jobs = await db.BulkRunJobs.Where(j => j.BulkRunId == runId && j.Outcome == BulkJobOutcome.Waiting)
            .OrderBy(j => j.Position).Include(j => j.Job).ToListAsync(CancellationToken.None);

        run.State = BulkRunState.Running;
        run.StartedAt ??= clock.GetUtcNow().UtcDateTime;
        run.OwnerInstance = instance.Id;
        await SaveAsync(db, run);
        var stopped = await StopRecordedAsync(db, runId);

        var pending = 0;
        var lastFlush = clock.GetTimestamp();
        foreach (var item in jobs)
        {
            if (stopped || stop.IsCancellationRequested || appStopping.IsCancellationRequested)
            {
                break;
            }
            var result = actor is null
                ? JobResult<CancelledJob>.Fail(CancelError.Forbidden(CancelErrorCodes.NotAllowed, "The account that started this run no longer exists."))
                : await CancelOneAsync(item, actor, choices, run);
            Record(run, item, result);
            if (++pending >= FlushEvery || clock.GetElapsedTime(lastFlush) >= FlushInterval)
            {
                await SaveAsync(db, run);
                stopped = await StopRecordedAsync(db, runId);
                pending = 0;
                lastFlush = clock.GetTimestamp();
            }
        }

        var left = jobs.Count(j => j.Outcome == BulkJobOutcome.Waiting);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.State = left == 0 ? BulkRunState.Finished
            : stop.IsCancellationRequested || stopped || await StopRecordedAsync(db, runId) ? BulkRunState.Stopped
            : BulkRunState.Interrupted;
        if (left > 0)
        {
            // Who stopped it was written by the stop itself (BulkCancelService.StopAsync), not through this context.
            var by = await db.BulkRuns.Where(r => r.Id == runId).Select(r => r.StoppedByUser == null ? null : r.StoppedByUser.DisplayName)
                .SingleOrDefaultAsync(CancellationToken.None);
            run.Message = run.State == BulkRunState.Stopped
                ? $"Stopped{(by is null ? "" : $" by {by}")} with {left:N0} job(s) not run; the jobs cancelled before stay cancelled."
                : $"The app stopped with {left:N0} job(s) not run; the jobs cancelled before stay cancelled.";
        }
        await SaveAsync(db, run);
    }

    /// <summary>Whether someone stopped the run, on this instance or another (<see cref="BulkCancelService.StopAsync"/> records it).</summary>
    private static Task<bool> StopRecordedAsync(JobsPortalDbContext db, int runId) =>
        db.BulkRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.StoppedByUserId != null).SingleAsync(CancellationToken.None);

    private async Task<JobResult<CancelledJob>> CancelOneAsync(BulkRunJob item, System.Security.Claims.ClaimsPrincipal actor, Dictionary<int, BulkRunChoice> choices, BulkRun run)
    {
        if (!choices.TryGetValue(item.Job.JobTypeId, out var choice))
        {
            // The job's type was changed after the run was planned; the run has no choice for its new type.
            return JobResult<CancelledJob>.Fail(CancelError.Invalid(CancelErrorCodes.StatusNotAllowed,
                $"Job {item.Job.Number} changed type after it was selected; cancel it on its own."));
        }
        var command = new CancelJobCommand(EntityIdentifier.ById(item.JobId), actor, CancellationChannel.PORTAL,
            EntityIdentifier.ById(choice.JobStatusId), EntityIdentifier.ById(choice.CancellationReasonId), run.CancelProvidedItems, run.Note)
        {
            BulkRunId = run.Id,
        };
        // Never interrupted half-way: a stop takes effect between two jobs.
        return await cancellations.CancelAsync(command, CancellationToken.None);
    }

    private void Record(BulkRun run, BulkRunJob item, JobResult<CancelledJob> result)
    {
        item.ProcessedAt = clock.GetUtcNow().UtcDateTime;
        if (result.Succeeded)
        {
            item.Outcome = BulkJobOutcome.Cancelled;
            run.Cancelled++;
            return;
        }
        item.ErrorCode = result.Error!.Code;
        item.Message = result.Error.Message;
        if (result.Error.Code == CancelErrorCodes.JobAlreadyCancelled)
        {
            item.Outcome = BulkJobOutcome.AlreadyCancelled;
            run.AlreadyCancelled++;
        }
        else
        {
            item.Outcome = BulkJobOutcome.Failed;
            run.Failed++;
        }
    }

    /// <summary>Writes the outcomes so far, with this instance's heartbeat, and tells the run's pages.</summary>
    private async Task SaveAsync(JobsPortalDbContext db, BulkRun run)
    {
        var runId = run.Id;
        run.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
        await using (await writes.TurnAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        feed.Publish(runId);
    }
}
