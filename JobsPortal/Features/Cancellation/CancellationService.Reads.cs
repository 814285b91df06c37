using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// The cancel's reads, each a query compiled once per model: the actor, the job as first seen with its type's
/// default cancel status (by id for the portal, by number for the API), and the job to write with its items.
/// </summary>
public sealed partial class CancellationService
{
    /// <summary>What the state checks need of a job.</summary>
    private sealed record JobState(int Id, string Number, int JobTypeId, LifeCycleState LifeCycleState)
    {
        public static JobState Of(Job job) => new(job.Id, job.Number, job.JobTypeId, job.LifeCycleState);
    }

    private sealed record Actor(string Id, string? UserName, string DisplayName, int? UnitId);

    /// <summary>
    /// A job as first seen, before the write lock: its state, its type (which never changes) and the type's
    /// default cancel status, read in the same query (<see cref="CancelChoices.TypeDefaults"/>).
    /// </summary>
    private sealed record JobFound(JobState State, JobType Type, CancelChoices.TypeDefaults Defaults);

    private static readonly Func<JobsPortalDbContext, string, CancellationToken, Task<Actor?>> ActorById =
        CompiledPerModel.Query((JobsPortalDbContext db, string id, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new Actor(u.Id, u.UserName, u.DisplayName, u.UnitId)).SingleOrDefault());

    private static readonly Func<JobsPortalDbContext, int, CancellationToken, Task<JobFound?>> JobById =
        CompiledPerModel.Query((JobsPortalDbContext db, int id, CancellationToken ct) =>
            db.Jobs.AsNoTracking().Where(j => j.Id == id)
                .Select(j => new JobFound(new JobState(j.Id, j.Number, j.JobTypeId, j.LifeCycleState), j.JobType,
                    new CancelChoices.TypeDefaults(j.JobType.DefaultCancelStatus,
                        db.JobTypeStatuses.Any(ts => ts.JobTypeId == j.JobTypeId && ts.JobStatusId == j.JobType.DefaultCancelStatusId))))
                .SingleOrDefault());

    private static readonly Func<JobsPortalDbContext, string, CancellationToken, Task<JobFound?>> JobByNumber =
        CompiledPerModel.Query((JobsPortalDbContext db, string number, CancellationToken ct) =>
            db.Jobs.AsNoTracking().Where(j => j.Number == number)
                .Select(j => new JobFound(new JobState(j.Id, j.Number, j.JobTypeId, j.LifeCycleState), j.JobType,
                    new CancelChoices.TypeDefaults(j.JobType.DefaultCancelStatus,
                        db.JobTypeStatuses.Any(ts => ts.JobTypeId == j.JobTypeId && ts.JobStatusId == j.JobType.DefaultCancelStatusId))))
                .SingleOrDefault());

    /// <summary>
    /// The job to write, tracked, and the names its answer shows (assignee, unit, creator): read inside the
    /// write lock, so the result describes the job exactly as this cancel leaves it. Its items come from
    /// <see cref="ItemsOf"/> right after, in the same lock.
    /// </summary>
    private sealed record JobToWrite(Job Job, NamedRef<string>? AssignedUser, NamedRef<int>? AssignedUnit, string? CreatedBy);

    private static readonly Func<JobsPortalDbContext, int, CancellationToken, Task<JobToWrite>> JobToCancel =
        CompiledPerModel.Query((JobsPortalDbContext db, int id, CancellationToken ct) => db.Jobs
            .Where(j => j.Id == id)
            .Select(j => new JobToWrite(j,
                j.AssignedUser == null ? null : new NamedRef<string>(j.AssignedUser.Id, j.AssignedUser.DisplayName),
                j.AssignedUnit == null ? null : new NamedRef<int>(j.AssignedUnit.Id, j.AssignedUnit.Name),
                j.CreatedByUser == null ? null : j.CreatedByUser.UserName))
            .Single());

    /// <summary>
    /// The job's items, tracked: EF Core puts them in the tracked job's <see cref="Job.Items"/>. A query of their
    /// own rather than an Include: SQLite prepares every statement anew, and the Include's one statement (the job
    /// as a subquery, its items joined and sorted) took SQLite more than twice as long to prepare
    /// as these two (233 µs against 98 µs, docs/performance.md).
    /// </summary>
    private static readonly Func<JobsPortalDbContext, int, IAsyncEnumerable<JobItem>> ItemsOf =
        CompiledPerModel.Query((JobsPortalDbContext db, int jobId) => db.JobItems.Where(i => i.JobId == jobId).OrderBy(i => i.Id));

    private static async Task<JobToWrite> JobWithItems(JobsPortalDbContext db, int id, CancellationToken ct)
    {
        var found = await JobToCancel(db, id, ct);
        await foreach (var _ in ItemsOf(db, id).WithCancellation(ct))
        {
            // Tracking is what keeps them: each item joins the job's Items as it is read.
        }
        return found;
    }

    private static Task<JobState?> JobStateAsync(IQueryable<Job> job, CancellationToken ct) =>
        job.Select(j => new JobState(j.Id, j.Number, j.JobTypeId, j.LifeCycleState)).SingleOrDefaultAsync(ct);
}
