using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Bulk;

/// <summary>
/// Cancelling many jobs at once, as a person asks for it: the plan (which of the selected jobs can be
/// cancelled, which cannot and why, and what each job type in the selection allows), the start of a
/// run (checked whole, written in one transaction, then handed to the background worker), stopping it,
/// and reading runs back. The cancels themselves are the <see cref="BulkRunProcessor"/>'s, one job at a
/// time through <see cref="CancellationService"/>, so a bulk cancel follows every rule of a single one.
/// </summary>
/// <remarks>
/// Everyone on the <see cref="Policies.Staff"/> policy may bulk cancel. A person sees and stops their own
/// runs; supervisors and admins (<see cref="Policies.Reviewer"/>) see and stop everyone's, as they review
/// everyone's cancellations.
/// </remarks>
public sealed class BulkCancelService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    BulkRunQueue queue,
    BulkRunFeed feed,
    JobWrites writes,
    AppInstance instance,
    TimeProvider clock)
{
    /// <summary>The most jobs one run takes.</summary>
    public const int MaxJobs = 1000;

    /// <summary>In characters as a person counts them (<see cref="VisibleText"/>), as the single cancel's note.</summary>
    public const int NoteMaxLength = CancelJobCommand.NoteMaxLength;

    private static readonly LifeCycleState[] OpenStates = [LifeCycleState.DRAFT, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS];

    /// <summary>The open (draft, pending, in-progress) jobs of an account, in number order, at most one more than <see cref="MaxJobs"/>.</summary>
    public async Task<IReadOnlyList<int>> OpenJobsOfAccountAsync(string accountNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking()
            .Where(j => j.AccountNumber == accountNumber && OpenStates.Contains(j.LifeCycleState))
            .OrderBy(j => j.Number).Select(j => j.Id).Take(MaxJobs + 1).ToListAsync(ct);
    }

    public async Task<BulkPlanResult> PlanAsync(IReadOnlyCollection<int> jobIds, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await StaffIdAsync(actor) is null)
        {
            return new(null, NotAllowed);
        }
        if (SelectionError(jobIds) is { } error)
        {
            return new(null, error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new(await PlanAsync(db, jobIds, ct), null);
    }

    public async Task<BulkStartResult> StartAsync(BulkCancelRequest request, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await StaffIdAsync(actor) is not { } userId)
        {
            return new(null, NotAllowed);
        }
        if (SelectionError(request.JobIds) is { } selection)
        {
            return new(null, selection);
        }
        if (!VisibleText.Fits(request.Note, NoteMaxLength))
        {
            return new(null, $"The note has {VisibleText.Length(request.Note):N0} characters; at most {NoteMaxLength} are allowed.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        var plan = await PlanAsync(db, request.JobIds, ct);
        if (plan.Eligible.Count == 0)
        {
            return new(null, "None of the selected jobs can be cancelled: they are all completed or already cancelled.");
        }
        var choices = new List<BulkRunChoice>();
        foreach (var type in plan.Types)
        {
            var choice = request.Choices.FirstOrDefault(c => c.TypeId == type.TypeId);
            if (choice is null)
            {
                return new(null, $"Choose a status and a reason for the jobs of type '{type.TypeName}'.");
            }
            if (type.Statuses.All(s => s.Id != choice.StatusId))
            {
                return new(null, $"That status is not a cancel status of the job type '{type.TypeName}'; choose one of its own.");
            }
            if (type.Reasons.All(r => r.Id != choice.ReasonId))
            {
                return new(null, $"That reason is not allowed (or is retired) for the job type '{type.TypeName}'; choose one of its own.");
            }
            choices.Add(new BulkRunChoice { JobTypeId = type.TypeId, JobStatusId = choice.StatusId, CancellationReasonId = choice.ReasonId });
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var origin = request.Origin.Length > 200 ? request.Origin[..200] : request.Origin;
        var run = new BulkRun
        {
            CreatedByUserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime, Origin = origin, Note = note,
            CancelProvidedItems = request.CancelProvidedItems, State = BulkRunState.Queued, Total = plan.Eligible.Count, Choices = choices,
            // Queued on this instance's worker, which beats for it until it ends.
            OwnerInstance = instance.Id, HeartbeatAt = clock.GetUtcNow().UtcDateTime,
            Jobs = [.. plan.Eligible.Select((j, i) => new BulkRunJob { Position = i + 1, JobId = j.Id, Outcome = BulkJobOutcome.Waiting })],
        };
        db.BulkRuns.Add(run);
        await using (await writes.TurnAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
        queue.Enqueue(run.Id);
        return new(run.Id, null);
    }

    /// <summary>
    /// Stops a running run after the job it is on; what is done stays done. Null when it stops, else why not.
    /// The stop is recorded in the run, so it reaches the run on whichever instance works on it; on this one
    /// it also flips the run's switch at once.
    /// </summary>
    public async Task<string?> StopAsync(int runId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await StaffIdAsync(actor) is not { } userId)
        {
            return NotAllowed;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.BulkRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.CreatedByUserId, r.State }).SingleOrDefaultAsync(ct);
        if (run is null || !await MaySeeAsync(run.CreatedByUserId, userId, actor))
        {
            return "No such bulk run of yours.";
        }
        int recorded;
        await using (await writes.TurnAsync(ct))
        {
            recorded = await db.BulkRuns.Where(r => r.Id == runId && (r.State == BulkRunState.Queued || r.State == BulkRunState.Running))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.StoppedByUserId, userId), ct);
        }
        var here = queue.Stop(runId);
        return recorded > 0 || here ? null : "This run is not running any more.";
    }

    /// <summary>The runs the person may see, newest first: their own, or everyone's for supervisors and admins.</summary>
    public async Task<IReadOnlyList<BulkRunSummary>> ListAsync(ClaimsPrincipal actor, int take = 50, CancellationToken ct = default)
    {
        if (await StaffIdAsync(actor) is not { } userId)
        {
            return [];
        }
        var everyone = (await authorization.AuthorizeAsync(actor, Policies.Reviewer)).Succeeded;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.BulkRuns.AsNoTracking().Where(r => everyone || r.CreatedByUserId == userId);
        return await Summaries(runs.OrderByDescending(r => r.Id).Take(take)).ToListAsync(ct);
    }

    /// <summary>One run with its choices and every job's outcome; null when it does not exist or is not the person's to see.</summary>
    public async Task<BulkRunDetail?> GetAsync(int runId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await StaffIdAsync(actor) is not { } userId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summary = await Summaries(db.BulkRuns.AsNoTracking().Where(r => r.Id == runId)).SingleOrDefaultAsync(ct);
        if (summary is null || !await MaySeeAsync(summary.CreatedByUserId, userId, actor))
        {
            return null;
        }
        var details = await db.BulkRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Note, r.CancelProvidedItems }).SingleAsync(ct);
        var choices = await db.BulkRunChoices.AsNoTracking().Where(c => c.BulkRunId == runId).OrderBy(c => c.JobType.Name)
            .Select(c => new BulkChoiceView(c.JobType.Name, c.JobStatus.Name, c.CancellationReason.Name)).ToListAsync(ct);
        var jobs = await db.BulkRunJobs.AsNoTracking().Where(j => j.BulkRunId == runId).OrderBy(j => j.Position)
            .Select(j => new BulkRunJobRow(j.Position, j.Job.Number, j.Job.Description, j.Job.JobType.Name, j.Outcome, j.ErrorCode, j.Message, j.ProcessedAt))
            .ToListAsync(ct);
        return new BulkRunDetail(summary, details.Note, details.CancelProvidedItems, choices, jobs);
    }

    /// <summary>Calls <paramref name="onChange"/> whenever a run moves on; dispose to stop.</summary>
    public IDisposable Follow(Func<int, Task> onChange) => feed.Subscribe(onChange);

    private static IQueryable<BulkRunSummary> Summaries(IQueryable<BulkRun> runs) => runs.Select(r => new BulkRunSummary(
        r.Id, r.CreatedByUserId, r.CreatedByUser.DisplayName, r.CreatedAt, r.FinishedAt, r.Origin, r.State,
        r.Total, r.Cancelled, r.AlreadyCancelled, r.Failed, r.Message));

    private static async Task<BulkPlan> PlanAsync(JobsPortalDbContext db, IReadOnlyCollection<int> jobIds, CancellationToken ct)
    {
        var ids = jobIds.Distinct().ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id))
            .Select(j => new
            {
                j.Id, j.Number, j.Description, j.JobTypeId, TypeName = j.JobType.Name, j.LifeCycleState,
                HasProvided = j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED),
            })
            .ToListAsync(ct);
        var cancelledIds = jobs.Where(j => j.LifeCycleState == LifeCycleState.CANCELLED).Select(j => j.Id).ToList();
        // The latest record of each cancelled job says who cancelled it.
        var cancelledBy = (await db.JobCancellations.AsNoTracking().Where(c => cancelledIds.Contains(c.JobId))
                .Select(c => new { c.JobId, c.CancelledAt, c.CancelledByUser.DisplayName }).ToListAsync(ct))
            .GroupBy(c => c.JobId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.CancelledAt)!);

        var planned = jobs.OrderBy(j => j.Number, StringComparer.Ordinal).Select(j =>
        {
            var timed = j.LifeCycleState == LifeCycleState.CANCELLED && cancelledBy.TryGetValue(j.Id, out var by)
                ? new TimedSentence(by.CancelledAt, at => $"Already cancelled by {by.DisplayName} on {at}.")
                : null;
            return new BulkPlanJob(j.Id, j.Number, j.Description, j.JobTypeId, j.TypeName, j.LifeCycleState, j.HasProvided,
                j.LifeCycleState switch
                {
                    LifeCycleState.COMPLETED => "Completed: only draft, pending or in-progress jobs can be cancelled.",
                    LifeCycleState.CANCELLED => timed?.InUtc ?? "Already cancelled.",
                    _ => null,
                }) { TimedWhy = timed };
        }).ToList();
        var missing = ids.Count - jobs.Count;
        var eligible = planned.Where(j => j.Why is null).ToList();
        var notEligible = planned.Where(j => j.Why is not null).ToList();

        var typeIds = eligible.Select(j => j.TypeId).Distinct().ToList();
        var types = await db.JobTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
        var options = new List<BulkTypeOptions>();
        foreach (var type in types)
        {
            var statuses = await CancelConfiguration.StatusesAsync(db, type, LifeCycleState.CANCELLED, ct);
            var reasons = await CancelConfiguration.ReasonsAsync(db, type.Id, ct);
            options.Add(new BulkTypeOptions(type.Id, type.Name, eligible.Count(j => j.TypeId == type.Id),
                [.. statuses.Select(s => new CancelStatusOption(s.Status.Id, s.Status.Name, s.Status.AlternativeCode, s.IsDefault))],
                [.. reasons.Select(r => new CancelReasonOption(r.Reason.Id, r.Reason.Name, r.Reason.AlternativeCode, r.Reason.Description, r.IsDefault))]));
        }
        return new BulkPlan(eligible, notEligible, options, missing);
    }

    private static string? SelectionError(IReadOnlyCollection<int> jobIds)
    {
        var count = jobIds.Distinct().Count();
        return count switch
        {
            0 => "Select at least one job to cancel.",
            > MaxJobs => $"{count:N0} jobs are selected; a bulk cancel takes at most {MaxJobs:N0}. Narrow the search, or cancel them in parts.",
            _ => null,
        };
    }

    private async Task<bool> MaySeeAsync(string ownerId, string userId, ClaimsPrincipal actor) =>
        ownerId == userId || (await authorization.AuthorizeAsync(actor, Policies.Reviewer)).Succeeded;

    private async Task<string?> StaffIdAsync(ClaimsPrincipal actor)
    {
        var id = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        return !string.IsNullOrEmpty(id) && (await authorization.AuthorizeAsync(actor, Policies.Staff)).Succeeded ? id : null;
    }

    private const string NotAllowed = "Your account is not allowed to cancel jobs.";
}
