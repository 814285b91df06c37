using System.Globalization;
using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// The only code that reopens a cancelled job: it undoes the job's current cancellation with what that
/// cancel recorded (<see cref="JobCancellation.PreviousLifeCycleState"/>, the previous status, and each
/// item it cancelled with its state). Items cancelled before it stay cancelled. The record stays,
/// marked reopened; a REOPENED event joins the timeline; the job can then be cancelled again (a new record).
/// </summary>
/// <remarks>
/// <para>The write discipline is the cancel's (<see cref="CancellationService"/>), in the same shape: what
/// is only read first; then the app's write gate, SQLite's BEGIN IMMEDIATE, the job and its current
/// record re-read inside the lock, and every write in one transaction. A reopen racing another reopen
/// or a cancel of the same job queues on the lock, so the second one re-reads what the first did and is
/// told so; the filtered unique index (one current record per job) and the job's concurrency token back
/// this up.</para>
/// <para>Who may reopen is the <see cref="Policies.Reviewer"/> policy (supervisors and admins), checked on
/// the principal the calling page or endpoint authorized. A reopen is refused past the window
/// (<see cref="CancellationOptions.ReopenWindowDays"/>) and for records made before cancels recorded what
/// they changed: what to give back is not known for those, and guessing could hand a customer's
/// equipment back to the wrong state.</para>
/// </remarks>
public sealed class ReopenService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobChangeNotifier notifier,
    JobWrites writes,
    TimeProvider clock,
    IOptions<CancellationOptions> options)
{
    public async Task<JobResult<ReopenedJob>> ReopenAsync(ReopenJobCommand command, CancellationToken ct = default)
    {
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is null)
        {
            return CancelError.Invalid(ReopenErrorCodes.ReasonRequired, "Say why the job is reopened: a reason is required.");
        }
        // Characters as a person counts them (an emoji is one), the same count as the dialog's counter.
        if (!VisibleText.Fits(reason, ReopenJobCommand.ReasonMaxLength))
        {
            return CancelError.Invalid(ReopenErrorCodes.ReasonTooLong,
                $"The reason has {VisibleText.Length(reason):N0} characters; at most {ReopenJobCommand.ReasonMaxLength} are allowed.");
        }
        if (command.Job.Validate("job_identifier", EntityIdentifier.JobKeys, out var jobKey, out var jobValue) is { } jobShape)
        {
            return jobShape;
        }
        var userId = command.Actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId) || !(await authorization.AuthorizeAsync(command.Actor, Policies.Reviewer)).Succeeded)
        {
            return NotAllowed();
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        await db.Database.OpenConnectionAsync(ct);
        var actor = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (actor is null)
        {
            return NotAllowed();
        }
        var jobs = db.Jobs.AsNoTracking();
        var seenId = jobKey == EntityIdentifier.Id
            ? int.TryParse(jobValue, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
                ? await jobs.Where(j => j.Id == jobId).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct)
                : null
            : await jobs.Where(j => j.Number == jobValue.ToUpperInvariant()).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct);
        if (seenId is null)
        {
            return CancelError.NotFound(CancelErrorCodes.JobNotFound, $"No job has the {jobKey} '{jobValue}'.");
        }

        // The write lock: a reopen or cancel of the same job queue here, and the second re-reads what the first did.
        await using var tx = await writes.BeginAsync(db, ct);
        await tx.LockJobsAsync([seenId.Value], ct);
        db.Database.AutoSavepointsEnabled = false;
        var job = await db.Jobs.Include(j => j.Items).SingleAsync(j => j.Id == seenId, ct);
        var cancellation = job.LifeCycleState != LifeCycleState.CANCELLED ? null : await db.JobCancellations.Include(c => c.Items)
            .Include(c => c.CancelledByUser).Include(c => c.PreviousJobStatus)
            .SingleOrDefaultAsync(c => c.JobId == job.Id && c.ReopenedAt == null, ct);
        if (cancellation is null)
        {
            return await NotCancelledAsync(db, job.Id, job.Number, job.LifeCycleState, ct);
        }
        if (command.ExpectedVersion is { } expected && expected != job.Version)
        {
            return CancelError.Conflict(CancelErrorCodes.JobChanged,
                $"Job {job.Number} was changed by someone else since you opened it. Review it again before reopening.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (Refusal(job.Number, cancellation.CancelledAt, cancellation.PreviousLifeCycleState, now) is { } refusal)
        {
            return refusal;
        }

        // Only the items this cancel cancelled, each back to the state it had; any other cancelled item stays cancelled.
        var restored = 0;
        foreach (var link in cancellation.Items)
        {
            if (job.Items.FirstOrDefault(i => i.Id == link.JobItemId) is { State: JobItemState.CANCELLED } item)
            {
                item.State = link.PreviousState;
                restored++;
            }
        }
        var state = cancellation.PreviousLifeCycleState!.Value;
        var status = cancellation.PreviousJobStatus!;
        job.LifeCycleState = state;
        job.JobStatusId = status.Id;
        cancellation.ReopenedAt = now;
        cancellation.ReopenedByUserId = actor.Id;
        cancellation.ReopenReason = reason;
        db.JobEvents.Add(new JobEvent
        {
            JobId = job.Id,
            OccurredAt = now,
            Kind = JobEventKind.REOPENED,
            UserId = actor.Id,
            Summary = Summary(command.Channel, cancellation.CancelledByUser.DisplayName, state, status.Name, restored, reason),
        });

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException u && JobWrites.IsConstraintViolation(u))
        {
            // Something that does not take the gate wrote the job in between; nothing of this reopen was saved.
            await tx.RollbackAsync(CancellationToken.None);
            return CancelError.Conflict(CancelErrorCodes.JobChanged,
                $"Job {job.Number} was changed by someone else at the same moment. Nothing was reopened; try again.");
        }

        await tx.DisposeAsync(); // lets the next writer in before the notifications
        await notifier.PublishAsync(new JobChanged(job.Id, job.Number, JobChangeKind.Reopened, state, actor.DisplayName, now));
        return JobResult<ReopenedJob>.Ok(new ReopenedJob(job.Id, job.Number, cancellation.Id, state, status.Id, status.Name, restored, now, actor.DisplayName));
    }

    /// <summary>What the Reopen dialog shows: the state, status and items the reopen would give back, or why it cannot.</summary>
    public async Task<ReopenOptions?> GetOptionsAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new
            {
                j.Id, j.Number, j.Description, j.LifeCycleState, j.Version,
                Items = j.Items.OrderBy(i => i.Id).Select(i => new { i.Id, i.ProductName, i.SerialNumber, i.Quantity, i.State }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }
        // The current cancellation by the job's id on its own: as a subquery of the job's query EF Core
        // would rank every cancellation with ROW_NUMBER() (about 1 s on a million jobs).
        var current = job.LifeCycleState != LifeCycleState.CANCELLED ? null : await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == job.Id && c.ReopenedAt == null)
            .Select(c => new
            {
                By = c.CancelledByUser.DisplayName, c.CancelledAt, c.PreviousLifeCycleState,
                PreviousStatus = c.PreviousJobStatus == null ? null : c.PreviousJobStatus.Name,
                Changed = c.Items.Select(i => new { i.JobItemId, i.PreviousState }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        var refusal = current is null
            ? await NotCancelledAsync(db, job.Id, job.Number, job.LifeCycleState, ct)
            : Refusal(job.Number, current.CancelledAt, current.PreviousLifeCycleState, clock.GetUtcNow().UtcDateTime);
        var changed = current?.Changed.ToDictionary(c => c.JobItemId, c => c.PreviousState) ?? [];
        var cancelled = job.Items.Where(i => i.State == JobItemState.CANCELLED).ToList();
        return new ReopenOptions(job.Id, job.Number, job.Description, job.Version, current?.By, current?.CancelledAt,
            current?.PreviousLifeCycleState, current?.PreviousStatus,
            [.. cancelled.Where(i => changed.ContainsKey(i.Id)).Select(i => new ReopenItemOption(i.ProductName, i.SerialNumber, i.Quantity, changed[i.Id]))],
            [.. cancelled.Where(i => !changed.ContainsKey(i.Id)).Select(i => new ReopenItemOption(i.ProductName, i.SerialNumber, i.Quantity, null))],
            refusal);
    }

    /// <summary>Why a current cancellation cannot be reopened: past the window, or made before cancels recorded what they changed.</summary>
    private CancelError? Refusal(string number, DateTime cancelledAt, LifeCycleState? previousState, DateTime now)
    {
        var days = Math.Max(0, options.Value.ReopenWindowDays);
        if (now - cancelledAt > TimeSpan.FromDays(days))
        {
            return CancelError.Conflict(ReopenErrorCodes.WindowPassed, new TimedSentence(cancelledAt,
                at => $"Job {number} was cancelled on {at}; a cancellation can be reopened within {days} days of it, and that time has passed."));
        }
        if (previousState is null)
        {
            return CancelError.Conflict(ReopenErrorCodes.NotReopenable,
                $"Job {number} was cancelled before JobsPortal recorded what a cancel changes, so the state, status and items it had are not known " +
                "and it cannot be reopened. Create a new job for the work instead.");
        }
        return null;
    }

    /// <summary>Why a job without a current cancellation cannot be reopened: already reopened (by whom, when) or never cancelled.</summary>
    private static async Task<CancelError> NotCancelledAsync(JobsPortalDbContext db, int jobId, string number, LifeCycleState state, CancellationToken ct)
    {
        if (state == LifeCycleState.CANCELLED)
        {
            return CancelError.Conflict(ReopenErrorCodes.NotReopenable, $"Job {number} is cancelled but has no cancellation record to reopen.");
        }
        var last = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == jobId && c.ReopenedAt != null)
            .OrderByDescending(c => c.ReopenedAt).ThenByDescending(c => c.Id)
            .Select(c => new { By = c.ReopenedByUser == null ? null : c.ReopenedByUser.DisplayName, At = c.ReopenedAt!.Value })
            .FirstOrDefaultAsync(ct);
        var now = state.Label().ToLowerInvariant();
        return last is null
            ? CancelError.Conflict(ReopenErrorCodes.JobNotCancelled, $"Job {number} is {now}; only a cancelled job can be reopened.")
            : CancelError.Conflict(ReopenErrorCodes.JobAlreadyReopened, new TimedSentence(last.At,
                at => $"Job {number} was already reopened by {last.By ?? "someone"} on {at}; it is {now} now."));
    }

    /// <summary>
    /// The REOPENED event's sentence on the job's timeline. It is stored, so it names no time: the timeline shows
    /// each event's time on the viewer's clock, the cancel it undoes among them.
    /// </summary>
    private static string Summary(CancellationChannel channel, string cancelledBy, LifeCycleState state, string statusName,
        int restored, string reason) =>
        $"Cancellation by {cancelledBy} reopened via {(channel == CancellationChannel.API ? "API" : "portal")}: " +
        $"back to {state.Label()} with status {statusName}, {restored} item(s) restored. Reason: {reason}";

    private static CancelError NotAllowed() =>
        CancelError.Forbidden(CancelErrorCodes.NotAllowed, "Only supervisors and administrators can reopen a cancellation.");
}
