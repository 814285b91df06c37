using System.Globalization;
using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// The only code that cancels a job (domain §4), for the portal's dialog and the HTTP API alike.
/// One cancel is one transaction: the job, its items, the cancellation record and the event are
/// written together or not at all. The transaction is SQLite's BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
/// default), and the job's state and items are read again inside it: simultaneous cancels of one job
/// queue on the write lock, so the second reads a cancelled job and is told so. What a cancel only
/// reads (the actor, the job's identity and type, the type's statuses and reasons) is read before
/// the lock, which is then held only for the re-read and the writes; a configuration change landing
/// in that millisecond is no different from one landing just after the cancel. Cancels wait for the
/// lock in the app (<see cref="SqliteWriteGate"/>) rather than in SQLite's busy-retry loop. On
/// PostgreSQL the same transaction takes a row lock on the job instead (<see cref="JobWrites"/>). The
/// unique index on the job's current (not reopened) record and the job's concurrency token back this
/// up should anything else write in between. The record keeps what the cancel changed (the job's
/// state and status, each item's state) for <see cref="ReopenService"/>.
/// </summary>
/// <remarks>
/// Who may cancel is the <see cref="Policies.Staff"/> policy, checked against the principal that the
/// calling page or endpoint authorized (the portal's cookie or the API's token), so the service
/// trusts exactly what they do. The acting user is that principal's NameIdentifier.
/// </remarks>
public sealed partial class CancellationService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobChangeNotifier notifier,
    JobWrites writes,
    TimeProvider clock)
{
    public async Task<JobResult<CancelledJob>> CancelAsync(CancelJobCommand command, CancellationToken ct = default)
    {
        // Characters as a person counts them (an emoji is one), the same count as the dialog's counter.
        if (!VisibleText.Fits(command.Note, CancelJobCommand.NoteMaxLength))
        {
            return CancelError.Invalid(CancelErrorCodes.NoteTooLong, TooLong("note", command.Note!, CancelJobCommand.NoteMaxLength));
        }
        if (command.Job.Validate("job_identifier", EntityIdentifier.JobKeys, out var jobKey, out var jobValue) is { } jobShape)
        {
            return jobShape;
        }
        string statusKey = "", statusValue = "", reasonKey = "", reasonValue = "";
        if (command.Status?.Validate("status_identifier", EntityIdentifier.ConfigurationKeys, out statusKey, out statusValue) is { } statusShape)
        {
            return statusShape;
        }
        if (command.Reason?.Validate("cancellation_reason_identifier", EntityIdentifier.ConfigurationKeys, out reasonKey, out reasonValue) is { } reasonShape)
        {
            return reasonShape;
        }

        var userId = command.Actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId) || !(await authorization.AuthorizeAsync(command.Actor, Policies.Staff)).Succeeded)
        {
            return NotAllowed();
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        // One connection for the whole cancel, rather than one opened and closed per query.
        await db.Database.OpenConnectionAsync(ct);

        // First, without the write lock, what the cancel only reads: who is acting, which job it is (id,
        // number and type never change), the status and reason its type allows, and a completed or
        // cancelled job's refusal (both states are final). The write lock is then held only for what
        // another cancel can change, the job's state and items, re-read below, and the writes.
        // Compiled queries: a cancel is the API's hot path, and these shapes never change.
        var actor = await ActorById(db, userId, ct);
        if (actor is null)
        {
            return NotAllowed();
        }

        var found = jobKey == EntityIdentifier.Id
            ? int.TryParse(jobValue, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
                ? await JobById(db, jobId, ct)
                : null
            : await JobByNumber(db, jobValue.ToUpperInvariant(), ct);
        if (found is not { State: var seen, Type: var type, Defaults: var defaults })
        {
            return CancelError.NotFound(CancelErrorCodes.JobNotFound, $"No job has the {jobKey} '{jobValue}'.");
        }
        if (await StateErrorAsync(db, seen, ct) is { } stateError)
        {
            return stateError;
        }

        var status = await CancelChoices.StatusAsync(db, type, defaults, command.Status is null ? null : (statusKey, statusValue), ct);
        if (status.Error is not null)
        {
            return status.Error;
        }
        var reason = await CancelChoices.ReasonAsync(db, type, command.Reason is null ? null : (reasonKey, reasonValue), ct);
        if (reason.Error is not null)
        {
            return reason.Error;
        }

        // The write lock: simultaneous cancels of one job queue here, and the second one re-reads a cancelled job.
        await using var tx = await writes.BeginAsync(db, ct);
        await tx.LockJobsAsync([seen.Id], ct);
        // The whole transaction is rolled back on any failure; a savepoint around SaveChanges would
        // only add two statements while the lock is held.
        db.Database.AutoSavepointsEnabled = false;
        var (job, assignedUser, assignedUnit, createdBy) = await JobWithItems(db, seen.Id, ct);
        if (await StateErrorAsync(db, JobState.Of(job), ct) is { } raced)
        {
            return raced;
        }
        if (command.ExpectedVersion is { } expected && expected != job.Version)
        {
            return CancelError.Conflict(CancelErrorCodes.JobChanged,
                $"Job {job.Number} was changed by someone else since you opened it. Review it again before cancelling.");
        }

        var plan = CancellationPlan.For(job.Items, i => i.State, command.CancelProvidedItems);
        // What the cancel changes, as it was, so that a reopen can give back exactly that.
        List<JobCancellationItem> changed = [.. plan.ToCancel.Select(i => new JobCancellationItem { JobItemId = i.Id, PreviousState = i.State })];
        var (previousState, previousStatusId) = (job.LifeCycleState, job.JobStatusId);
        foreach (var item in plan.ToCancel)
        {
            item.State = JobItemState.CANCELLED;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        job.JobStatusId = status.Value!.Id;
        job.LifeCycleState = LifeCycleState.CANCELLED;
        db.JobCancellations.Add(new JobCancellation
        {
            PreviousLifeCycleState = previousState,
            PreviousJobStatusId = previousStatusId,
            Items = changed,
            JobId = job.Id,
            JobStatusId = status.Value.Id,
            CancellationReasonId = reason.Value!.Id,
            CancelProvidedItems = command.CancelProvidedItems,
            ItemsCancelled = plan.ItemsCancelled,
            ProvidedItemsLeft = plan.ProvidedItemsLeft,
            Note = note,
            CancelledByUserId = actor.Id,
            CancelledByUnitId = actor.UnitId,
            CancelledAt = now,
            Channel = command.Channel,
            BulkRunId = command.BulkRunId,
        });
        db.JobEvents.Add(new JobEvent
        {
            JobId = job.Id,
            OccurredAt = now,
            Kind = JobEventKind.CANCELLED,
            UserId = actor.Id,
            Summary = plan.Summary(command.Channel, status.Value.Name, reason.Value.Name, note),
        });

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException u && JobWrites.IsConstraintViolation(u))
        {
            // Someone else wrote the job in between (constraint 19: the one-current-record-per-job index).
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var current = await JobStateAsync(fresh.Jobs.AsNoTracking().Where(j => j.Id == job.Id), CancellationToken.None);
            return await StateErrorAsync(fresh, current!, CancellationToken.None)
                ?? CancelError.Conflict(CancelErrorCodes.JobChanged,
                    $"Job {job.Number} was changed by someone else at the same moment. Nothing was cancelled; try again.");
        }

        await tx.DisposeAsync(); // lets the next writer in before the notifications
        // The job as saved: the audit interceptor stamped UpdatedAt and UpdatedByUserId on the tracked job,
        // and the user it stamps is this context's actor, the one read above.
        var after = new JobAfterCancel(job.Description, job.LifeCycleState, job.RatingState, job.ExpirationDate, job.ScheduledDate,
            assignedUser, assignedUnit, type, status.Value, job.CreatedAt, job.UpdatedAt, createdBy,
            job.UpdatedByUserId == actor.Id ? actor.UserName : null);
        var result = new CancelledJob(job.Id, job.Number, status.Value.Id, status.Value.Name, reason.Value.Id, reason.Value.Name,
            command.CancelProvidedItems, plan.ItemsCancelled, plan.ProvidedItemsLeft, now, actor.DisplayName, command.Channel)
        {
            After = after,
        };
        await notifier.PublishAsync(new JobChanged(job.Id, job.Number, JobChangeKind.Cancelled, LifeCycleState.CANCELLED, actor.DisplayName, now));
        return JobResult<CancelledJob>.Ok(result);
    }

    /// <summary>What the dialog may offer for a job: its type's cancel statuses and usable reasons, and its items.</summary>
    public async Task<CancelOptions?> GetOptionsAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking()
            .Where(j => j.Id == jobId)
            .Select(j => new
            {
                j.Id, j.Number, j.Description, j.JobType, j.LifeCycleState, StatusName = j.JobStatus.Name, j.Version,
                Items = j.Items.OrderBy(i => i.Id).Select(i => new CancelItemOption(i.ProductName, i.SerialNumber, i.Quantity, i.State)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }
        // By the job's id on its own: as a subquery of the job's query EF Core would rank every
        // cancellation with ROW_NUMBER() (about 1 s on a million jobs).
        var cancelled = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == job.Id && c.ReopenedAt == null)
            .Select(c => new CancelledBySomeone(c.CancelledByUser.DisplayName, c.CancelledAt))
            .FirstOrDefaultAsync(ct);
        var statuses = await CancelConfiguration.StatusesAsync(db, job.JobType, LifeCycleState.CANCELLED, ct);
        var reasons = await CancelConfiguration.ReasonsAsync(db, job.JobType.Id, ct);
        return new CancelOptions(job.Id, job.Number, job.Description, job.JobType.Name, job.LifeCycleState, job.StatusName, job.Version,
            [.. statuses.Select(s => new CancelStatusOption(s.Status.Id, s.Status.Name, s.Status.AlternativeCode, s.IsDefault))],
            [.. reasons.Select(r => new CancelReasonOption(r.Reason.Id, r.Reason.Name, r.Reason.AlternativeCode, r.Reason.Description, r.IsDefault))],
            job.Items, cancelled);
    }

    private static async Task<CancelError?> StateErrorAsync(JobsPortalDbContext db, JobState job, CancellationToken ct)
    {
        if (job.LifeCycleState == LifeCycleState.CANCELLED)
        {
            var by = await db.JobCancellations.AsNoTracking()
                .Where(c => c.JobId == job.Id && c.ReopenedAt == null)
                .Select(c => new { c.CancelledByUser.DisplayName, c.CancelledAt })
                .SingleOrDefaultAsync(ct);
            return by is null
                ? CancelError.Conflict(CancelErrorCodes.JobAlreadyCancelled, $"Job {job.Number} is already cancelled.")
                : CancelError.Conflict(CancelErrorCodes.JobAlreadyCancelled,
                    new TimedSentence(by.CancelledAt, at => $"Job {job.Number} was already cancelled by {by.DisplayName} on {at}."));
        }
        if (job.LifeCycleState == LifeCycleState.COMPLETED)
        {
            return CancelError.Conflict(CancelErrorCodes.JobCompleted,
                $"Job {job.Number} is completed; only draft, pending or in-progress jobs can be cancelled.");
        }
        return null;
    }

    /// <summary>Why a text is over its limit, in characters as the person sees them.</summary>
    private static string TooLong(string what, string text, int max) => VisibleText.Length(text) is var length && length > max
        ? $"The {what} has {length:N0} characters; at most {max} are allowed."
        : $"The {what} is too long to keep: its {length:N0} characters are made of {text.Length:N0} code units; at most {max} ordinary characters are allowed.";

    private static CancelError NotAllowed() =>
        CancelError.Forbidden(CancelErrorCodes.NotAllowed, "Your account is not allowed to cancel jobs.");
}
