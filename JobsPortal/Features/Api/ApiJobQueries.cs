using System.Globalization;
using System.Linq.Expressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Api;

/// <summary>
/// The API's reads: jobs as CRM.COM's job object, and a job type's statuses and reasons as its
/// configuration lists (read through Cancellation's <see cref="CancelConfiguration"/>, the lists the
/// Cancel dialog offers and the cancel accepts). Read-only, a context per call.
/// </summary>
public sealed class ApiJobQueries(IDbContextFactory<JobsPortalDbContext> dbFactory, CancelConfiguration configuration)
{
    public sealed record ListFilter(int? TypeId, string? AccountNumber, LifeCycleState? State, int Take, int Skip);

    // One SQL query with joins; the final projection's formatting (ids, enums, dates) runs on the client.
    private static readonly Expression<Func<Job, ApiJob>> ToApiJob = j => new ApiJob(
        Id(j.Id),
        j.Number,
        j.Description,
        j.LifeCycleState.ToString(),
        j.RatingState.ToString(),
        Formats.IsoUtc(j.ExpirationDate),
        Formats.IsoUtc(j.ScheduledDate),
        new ApiAssignedTo(
            j.AssignedUser == null ? null : new ApiNamed(j.AssignedUser.Id, j.AssignedUser.DisplayName),
            j.AssignedUnit == null ? null : new ApiNamed(Id(j.AssignedUnit.Id), j.AssignedUnit.Name)),
        new ApiJobType(Id(j.JobType.Id), j.JobType.Name, j.JobType.AlternativeCode, j.JobType.Description,
            j.JobType.FulfillmentScope.ToString(), j.JobType.FulfillmentMethod.ToString()),
        new ApiJobStatus(Id(j.JobStatus.Id), j.JobStatus.Name, j.JobStatus.AlternativeCode, j.JobStatus.Description,
            j.JobStatus.LifeCycleState.ToString()),
        new ApiLogInformation(
            Formats.IsoUtc(j.CreatedAt),
            Formats.IsoUtc(j.UpdatedAt),
            j.CreatedByUser == null ? null : j.CreatedByUser.UserName,
            j.UpdatedByUser == null ? null : j.UpdatedByUser.UserName));

    /// <summary>
    /// The answer to a cancel, from what the cancel read inside its write lock and wrote, field for field
    /// what <see cref="ToApiJob"/> reads back from the database (CancelApiTests compares the two): a cancel
    /// is the API's hot path, and a further context and query per cancel cost more than the cancel's reads.
    /// </summary>
    public static ApiJob From(CancelledJob cancelled)
    {
        var j = cancelled.After;
        return new ApiJob(
            Id(cancelled.Id),
            cancelled.Number,
            j.Description,
            j.LifeCycleState.ToString(),
            j.RatingState.ToString(),
            Formats.IsoUtc(j.ExpirationDate),
            Formats.IsoUtc(j.ScheduledDate),
            new ApiAssignedTo(
                j.AssignedUser is { } user ? new ApiNamed(user.Id, user.Name) : null,
                j.AssignedUnit is { } unit ? new ApiNamed(Id(unit.Id), unit.Name) : null),
            new ApiJobType(Id(j.Type.Id), j.Type.Name, j.Type.AlternativeCode, j.Type.Description,
                j.Type.FulfillmentScope.ToString(), j.Type.FulfillmentMethod.ToString()),
            ToApi(j.Status),
            new ApiLogInformation(Formats.IsoUtc(j.CreatedAt), Formats.IsoUtc(j.UpdatedAt), j.CreatedByUserName, j.UpdatedByUserName));
    }

    // The answer to a start, complete or reopen: compiled once, so each call skips the LINQ pipeline's parameter extraction and cache lookup.
    private static readonly Func<JobsPortalDbContext, int, CancellationToken, Task<ApiJob?>> JobById =
        CompiledPerModel.Query((JobsPortalDbContext db, int id, CancellationToken ct) =>
            db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(ToApiJob).SingleOrDefault());

    public async Task<ApiJob?> GetJobAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await JobById(db, id, ct);
    }

    /// <summary>A job by one identifier key (id or number); the number is matched in upper case, as the cancel does.</summary>
    public async Task<ApiJob?> GetJobAsync(string key, string value, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = db.Jobs.AsNoTracking();
        if (key == EntityIdentifier.Id)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            jobs = jobs.Where(j => j.Id == id);
        }
        else
        {
            var number = value.ToUpperInvariant();
            jobs = jobs.Where(j => j.Number == number);
        }
        return await Project(jobs).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ApiJob>> ListJobsAsync(ListFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = db.Jobs.AsNoTracking();
        if (filter.TypeId is { } typeId)
        {
            jobs = jobs.Where(j => j.JobTypeId == typeId);
        }
        if (filter.AccountNumber is { } account)
        {
            jobs = jobs.Where(j => j.AccountNumber == account);
        }
        if (filter.State is { } state)
        {
            jobs = jobs.Where(j => j.LifeCycleState == state);
        }
        jobs = jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Skip(filter.Skip).Take(filter.Take);
        return await Project(jobs).ToListAsync(ct);
    }

    /// <summary>The statuses a type allows; the default of a state is the type's default on start, complete or cancel.</summary>
    public async Task<IReadOnlyList<ApiStatusRow>> ListStatusesAsync(JobType type, LifeCycleState? state, CancellationToken ct) =>
        [.. (await configuration.StatusesAsync(type, state, ct)).Select(s => new ApiStatusRow(Id(s.Status.Id), s.IsDefault, ToApi(s.Status)))];

    /// <summary>The reasons a type allows that can still be used (retired ones are left out), with the type's default.</summary>
    public async Task<IReadOnlyList<ApiReasonRow>> ListReasonsAsync(JobType type, CancellationToken ct) =>
        [.. (await configuration.ReasonsAsync(type, ct)).Select(r => new ApiReasonRow(Id(r.Reason.Id), r.IsDefault,
            new ApiCancellationReason(Id(r.Reason.Id), r.Reason.Name, r.Reason.AlternativeCode, r.Reason.Description)))];

    private static ApiJobStatus ToApi(JobStatus s) => new(Id(s.Id), s.Name, s.AlternativeCode, s.Description, s.LifeCycleState.ToString());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static IQueryable<ApiJob> Project(IQueryable<Job> jobs) => jobs.Select(ToApiJob);
}
