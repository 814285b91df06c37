using System.Globalization;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Cancellation;

/// <summary>A status a job type allows; <c>IsDefault</c> when it is the type's default for its life cycle state (on start, complete or cancel).</summary>
public sealed record TypeStatus(JobStatus Status, bool IsDefault);

/// <summary>A reason a job type allows that is not retired; <c>IsDefault</c> when a cancel that gives no reason uses it.</summary>
public sealed record TypeReason(CancellationReason Reason, bool IsDefault);

/// <summary>
/// How a job type's configuration is looked up, written once: a type, status or reason by one
/// identifier key (id, name or alternative_code), the statuses a type allows and the reasons it can
/// still use, each with its default. The Cancel dialog's choices, the API's configuration lists and
/// the cancel's own checks of a status and reason all read these, so what is offered is what is
/// accepted. The cancel reads through its own open connection, so each query also comes in a form
/// that takes a context.
/// </summary>
public sealed class CancelConfiguration(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    public async Task<JobType?> FindTypeAsync(string key, string value, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindAsync(db.JobTypes.AsNoTracking(), key, value, ct);
    }

    public async Task<IReadOnlyList<TypeStatus>> StatusesAsync(JobType type, LifeCycleState? state = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StatusesAsync(db, type, state, ct);
    }

    public async Task<IReadOnlyList<TypeReason>> ReasonsAsync(JobType type, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReasonsAsync(db, type.Id, ct);
    }

    /// <summary>One entry of a configuration set by one identifier key; an id that is not a number finds nothing.</summary>
    public static Task<T?> FindAsync<T>(IQueryable<T> set, string key, string value, CancellationToken ct)
        where T : class, IConfigurationEntity => key switch
        {
            EntityIdentifier.Id => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? set.SingleOrDefaultAsync(x => x.Id == id, ct)
                : Task.FromResult<T?>(null),
            EntityIdentifier.Name => set.SingleOrDefaultAsync(x => x.Name == value, ct),
            _ => set.SingleOrDefaultAsync(x => x.AlternativeCode == value, ct),
        };

    /// <summary>The statuses the type allows (of one life cycle state, when given), by state and then name.</summary>
    public static async Task<IReadOnlyList<TypeStatus>> StatusesAsync(
        JobsPortalDbContext db, JobType type, LifeCycleState? state, CancellationToken ct)
    {
        var statuses = new List<JobStatus>();
        await foreach (var status in TypeStatuses(db, type.Id, state).WithCancellation(ct))
        {
            statuses.Add(status);
        }
        return [.. statuses
            .OrderBy(s => s.LifeCycleState).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new TypeStatus(s, IsDefault(type, s)))];
    }

    /// <summary>The reasons the type allows that can still be used (retired ones are left out), by name.</summary>
    public static async Task<IReadOnlyList<TypeReason>> ReasonsAsync(JobsPortalDbContext db, int typeId, CancellationToken ct)
    {
        var reasons = new List<TypeReason>();
        await foreach (var reason in TypeReasons(db, typeId).WithCancellation(ct))
        {
            reasons.Add(reason);
        }
        return [.. reasons.OrderBy(r => r.Reason.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The reason <see cref="ReasonsAsync(JobsPortalDbContext, int, CancellationToken)"/> marks as default: the type's
    /// default reason if it is not retired (one per type at most: a unique index), or null. A cancel that gives no
    /// reason reads only this, as a statement of its own: joined into the cancel's read of the job it became a
    /// ROW_NUMBER() ranking of every type's default reasons, which SQLite took nearly four times as long to
    /// prepare (280 µs against 75 µs with this statement, docs/performance.md).
    /// </summary>
    public static Task<CancellationReason?> DefaultReasonAsync(JobsPortalDbContext db, int typeId, CancellationToken ct) =>
        DefaultReason(db, typeId, ct);

    // Compiled once: every cancel reads both lists (the API's hot path), and their shapes never change.
    private static readonly Func<JobsPortalDbContext, int, LifeCycleState?, IAsyncEnumerable<JobStatus>> TypeStatuses =
        CompiledPerModel.Query((JobsPortalDbContext db, int typeId, LifeCycleState? state) => db.JobTypeStatuses.AsNoTracking()
            .Where(ts => ts.JobTypeId == typeId && (state == null || ts.JobStatus.LifeCycleState == state))
            .Select(ts => ts.JobStatus));

    private static readonly Func<JobsPortalDbContext, int, IAsyncEnumerable<TypeReason>> TypeReasons =
        CompiledPerModel.Query((JobsPortalDbContext db, int typeId) => db.JobTypeCancellationReasons.AsNoTracking()
            .Where(r => r.JobTypeId == typeId && !r.CancellationReason.IsRetired)
            .Select(r => new TypeReason(r.CancellationReason, r.IsDefault)));

    private static readonly Func<JobsPortalDbContext, int, CancellationToken, Task<CancellationReason?>> DefaultReason =
        CompiledPerModel.Query((JobsPortalDbContext db, int typeId, CancellationToken ct) => db.JobTypeCancellationReasons.AsNoTracking()
            .Where(r => r.JobTypeId == typeId && !r.CancellationReason.IsRetired && r.IsDefault)
            .Select(r => r.CancellationReason).FirstOrDefault());

    private static bool IsDefault(JobType type, JobStatus status) => status.LifeCycleState switch
    {
        LifeCycleState.IN_PROGRESS => type.DefaultStartStatusId == status.Id,
        LifeCycleState.COMPLETED => type.DefaultCompleteStatusId == status.Id,
        LifeCycleState.CANCELLED => type.DefaultCancelStatusId == status.Id,
        _ => false,
    };
}
