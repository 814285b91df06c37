using System.Globalization;
using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// The only code that starts or completes a job (domain §1: start applies to PENDING jobs, complete to
/// IN_PROGRESS ones), for the portal's dialogs and the HTTP API alike. It keeps the cancel's write
/// discipline (<see cref="CancellationService"/>): what is only read is read first; then the app's write
/// gate, SQLite's BEGIN IMMEDIATE, the job re-read inside the lock, and the writes in one transaction.
/// A complete racing a cancel (or a second complete) queues on the lock, so the second one re-reads a
/// job that is no longer IN_PROGRESS and is told who got there first.
/// </summary>
public sealed class JobLifecycleService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobChangeNotifier notifier,
    JobWrites writes,
    TimeProvider clock)
{
    /// <summary>PENDING → IN_PROGRESS, with the given status or the type's default start status; sets the start date.</summary>
    public Task<JobResult<JobMoved>> StartAsync(JobTransitionCommand command, CancellationToken ct = default) =>
        MoveAsync(command, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS, ct);

    /// <summary>IN_PROGRESS → COMPLETED, with the given status or the type's default complete status; pending items become provided.</summary>
    public Task<JobResult<JobMoved>> CompleteAsync(JobTransitionCommand command, CancellationToken ct = default) =>
        MoveAsync(command, LifeCycleState.IN_PROGRESS, LifeCycleState.COMPLETED, ct);

    private async Task<JobResult<JobMoved>> MoveAsync(JobTransitionCommand command, LifeCycleState from, LifeCycleState to, CancellationToken ct)
    {
        if (command.Job.Validate("job_identifier", EntityIdentifier.JobKeys, out var jobKey, out var jobValue) is { } jobShape)
        {
            return jobShape;
        }
        string statusKey = "", statusValue = "";
        if (command.Status?.Validate("status_identifier", EntityIdentifier.ConfigurationKeys, out statusKey, out statusValue) is { } statusShape)
        {
            return statusShape;
        }
        var userId = command.Actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId) || !(await authorization.AuthorizeAsync(command.Actor, Policies.Staff)).Succeeded)
        {
            return NotAllowed(to);
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        await db.Database.OpenConnectionAsync(ct);
        var actor = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (actor is null)
        {
            return NotAllowed(to);
        }

        var jobs = db.Jobs.AsNoTracking();
        var seen = jobKey == EntityIdentifier.Id
            ? int.TryParse(jobValue, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
                ? await jobs.Where(j => j.Id == jobId).Select(j => new { j.Id, j.JobTypeId }).SingleOrDefaultAsync(ct)
                : null
            : await jobs.Where(j => j.Number == jobValue.ToUpperInvariant()).Select(j => new { j.Id, j.JobTypeId }).SingleOrDefaultAsync(ct);
        if (seen is null)
        {
            return CancelError.NotFound(CancelErrorCodes.JobNotFound, $"No job has the {jobKey} '{jobValue}'.");
        }
        var type = await db.JobTypes.AsNoTracking().SingleAsync(t => t.Id == seen.JobTypeId, ct);
        var status = await LifecycleChoices.StatusAsync(db, type, to, command.Status is null ? null : (statusKey, statusValue), ct);
        if (status.Error is not null)
        {
            return status.Error;
        }

        // The write lock: a start, complete or cancel of the same job queue here and re-read the job inside it.
        await using var tx = await writes.BeginAsync(db, ct);
        await tx.LockJobsAsync([seen.Id], ct);
        db.Database.AutoSavepointsEnabled = false;
        var job = await db.Jobs.Include(j => j.Items).SingleAsync(j => j.Id == seen.Id, ct);
        if (job.LifeCycleState != from)
        {
            return await StateErrorAsync(db, job, from, ct);
        }
        if (command.ExpectedVersion is { } expected && expected != job.Version)
        {
            return CancelError.Conflict(CancelErrorCodes.JobChanged,
                $"Job {job.Number} was changed by someone else since you opened it. Review it again first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var provided = 0;
        if (to == LifeCycleState.COMPLETED)
        {
            foreach (var item in job.Items.Where(i => i.State == JobItemState.PENDING))
            {
                item.State = JobItemState.PROVIDED;
                provided++;
            }
            job.ActualCompletionDate = now;
        }
        else
        {
            job.StartDate = now;
        }
        job.JobStatusId = status.Status!.Id;
        job.LifeCycleState = to;
        var via = command.Channel == CancellationChannel.API ? "API" : "portal";
        db.JobEvents.Add(new JobEvent
        {
            JobId = job.Id,
            OccurredAt = now,
            Kind = JobEventKind.STATUS_CHANGED,
            UserId = actor.Id,
            Summary = to == LifeCycleState.COMPLETED
                ? $"Job completed via {via}: status {status.Status.Name}, {provided} pending item(s) provided"
                : $"Job started via {via}: status {status.Status.Name}",
        });

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException u && JobWrites.IsConstraintViolation(u))
        {
            // Something that does not take the gate wrote the job in between; nothing of this move was saved.
            await tx.RollbackAsync(CancellationToken.None);
            return CancelError.Conflict(CancelErrorCodes.JobChanged,
                $"Job {job.Number} was changed by someone else at the same moment. Nothing was changed; try again.");
        }

        await tx.DisposeAsync(); // lets the next writer in before the notifications
        var kind = to == LifeCycleState.COMPLETED ? JobChangeKind.Completed : JobChangeKind.Started;
        await notifier.PublishAsync(new JobChanged(job.Id, job.Number, kind, to, actor.DisplayName, now));
        return JobResult<JobMoved>.Ok(new JobMoved(job.Id, job.Number, to, status.Status.Id, status.Status.Name, provided, now, actor.DisplayName));
    }

    /// <summary>What the Start or Complete dialog offers: the statuses the job's type allows for the state it would move to.</summary>
    public async Task<TransitionOptions?> GetOptionsAsync(int jobId, LifeCycleState target, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new { j.Id, j.Number, j.JobType, j.LifeCycleState, j.Version, Pending = j.Items.Count(i => i.State == JobItemState.PENDING) })
            .SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }
        var statuses = await CancelConfiguration.StatusesAsync(db, job.JobType, target, ct);
        return new TransitionOptions(job.Id, job.Number, job.JobType.Name, job.LifeCycleState, job.Version, job.Pending,
            [.. statuses.Select(s => new CancelStatusOption(s.Status.Id, s.Status.Name, s.Status.AlternativeCode, s.IsDefault))]);
    }

    /// <summary>Why a job in its present state cannot move: cancelled and completed ones say by whom and when.</summary>
    private static async Task<CancelError> StateErrorAsync(JobsPortalDbContext db, Job job, LifeCycleState from, CancellationToken ct)
    {
        var verb = from == LifeCycleState.PENDING ? "started" : "completed";
        if (job.LifeCycleState == LifeCycleState.CANCELLED)
        {
            var by = await db.JobCancellations.AsNoTracking().Where(c => c.JobId == job.Id && c.ReopenedAt == null)
                .Select(c => new { c.CancelledByUser.DisplayName, c.CancelledAt }).SingleOrDefaultAsync(ct);
            return by is null
                ? CancelError.Conflict(CancelErrorCodes.JobAlreadyCancelled, $"Job {job.Number} is cancelled and can no longer be {verb}.")
                : CancelError.Conflict(CancelErrorCodes.JobAlreadyCancelled, new TimedSentence(by.CancelledAt,
                    at => $"Job {job.Number} was cancelled by {by.DisplayName} on {at} and can no longer be {verb}."));
        }
        if (job.LifeCycleState == LifeCycleState.COMPLETED && from == LifeCycleState.IN_PROGRESS)
        {
            var by = await db.Users.AsNoTracking().Where(u => u.Id == job.UpdatedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            var at = job.ActualCompletionDate ?? job.UpdatedAt;
            return CancelError.Conflict(LifecycleErrorCodes.JobAlreadyCompleted, new TimedSentence(at, time => by is null
                ? $"Job {job.Number} was already completed on {time}."
                : $"Job {job.Number} was already completed by {by} on {time}."));
        }
        return from == LifeCycleState.PENDING
            ? CancelError.Conflict(LifecycleErrorCodes.JobNotPending,
                $"Job {job.Number} is {job.LifeCycleState.Label().ToLowerInvariant()}; only pending jobs can be started.")
            : CancelError.Conflict(LifecycleErrorCodes.JobNotInProgress,
                $"Job {job.Number} is {job.LifeCycleState.Label().ToLowerInvariant()}; only jobs in progress can be completed.");
    }

    private static CancelError NotAllowed(LifeCycleState to) => CancelError.Forbidden(CancelErrorCodes.NotAllowed,
        $"Your account is not allowed to {(to == LifeCycleState.COMPLETED ? "complete" : "start")} jobs.");
}
