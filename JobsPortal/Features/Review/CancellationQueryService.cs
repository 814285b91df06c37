using JobsPortal.Data;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Review;

/// <summary>
/// Reads cancellation records for the supervisors' review: one query builder (<see cref="Filtered"/>)
/// feeds the grid, the summary and the export, so their numbers agree for the same filter.
/// </summary>
public sealed class CancellationQueryService(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    public const int TopAgentCount = 5;

    /// <summary>The cancellations that match <paramref name="filter"/>; every reader starts here.</summary>
    private static IQueryable<JobCancellation> Filtered(JobsPortalDbContext db, CancellationFilter filter)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtcExclusive;
        var q = db.JobCancellations.AsNoTracking().Where(c => c.CancelledAt >= from && c.CancelledAt < to);
        if (filter.ReviewState is { } state)
        {
            q = q.Where(c => c.ReviewState == state);
        }
        if (filter.ReasonId is { } reason)
        {
            q = q.Where(c => c.CancellationReasonId == reason);
        }
        if (filter.JobTypeId is { } type)
        {
            q = q.Where(c => c.Job.JobTypeId == type);
        }
        if (filter.CancelledByUserId is { } by)
        {
            q = q.Where(c => c.CancelledByUserId == by);
        }
        if (filter.UnitId is { } unit)
        {
            q = q.Where(c => c.CancelledByUnitId == unit);
        }
        if (filter.Channel is { } channel)
        {
            q = q.Where(c => c.Channel == channel);
        }
        if (filter.BulkRunId is { } run)
        {
            q = q.Where(c => c.BulkRunId == run);
        }
        q = filter.ProvidedItemsLeft switch
        {
            true => q.Where(c => c.ProvidedItemsLeft > 0),
            false => q.Where(c => c.ProvidedItemsLeft == 0),
            null => q,
        };
        q = filter.Reopened switch
        {
            true => q.Where(c => c.ReopenedAt != null),
            false => q.Where(c => c.ReopenedAt == null),
            null => q,
        };
        return q;
    }

    public async Task<CancellationPage> GetPageAsync(
        CancellationFilter filter, CancellationSort sort, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Filtered(db, filter);
        var total = await q.CountAsync(ct);
        var rows = await ToRows(Sorted(q, sort, descending).Skip((int)Math.Min((long)page * pageSize, int.MaxValue)).Take(pageSize)).ToListAsync(ct);
        return new CancellationPage(rows, total);
    }

    public async Task<CancellationSummary> GetSummaryAsync(CancellationFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Filtered(db, filter);

        var total = await q.CountAsync(ct);
        var withItemsLeft = await q.CountAsync(c => c.ProvidedItemsLeft > 0, ct);
        var byReason = await q.GroupBy(c => c.CancellationReason.Name)
            .Select(g => new NamedCount(g.Key, g.Count()))
            .ToListAsync(ct);
        // Grouped by the person, not the name: two people may share a name.
        var agents = await q.GroupBy(c => new { c.CancelledByUserId, c.CancelledByUser.DisplayName, Unit = c.CancelledByUser.Unit!.Name })
            .Select(g => new { g.Key.DisplayName, g.Key.Unit, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.DisplayName)
            .Take(TopAgentCount)
            .ToListAsync(ct);
        var days = await CountPerViewerDayAsync(q, filter.Zone, ct);

        var period = CancellationTimeline.PeriodFor(filter.From, filter.To);
        var timeline = CancellationTimeline.Build(filter.From, filter.To, period, days);

        return new CancellationSummary(
            total,
            [.. byReason.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)],
            period,
            timeline,
            [.. agents.Select(a => new AgentCount(a.DisplayName, a.Unit, a.Count))],
            withItemsLeft);
    }

    /// <summary>
    /// How many cancellations fell on each of the viewer's days. In UTC the database groups by day; in
    /// another zone it groups by UTC quarter-hour (every zone's offset is a whole number of quarter-hours,
    /// India's and Nepal's included) and the quarters are put on the viewer's day here, clock changes and all.
    /// </summary>
    private static async Task<Dictionary<DateOnly, int>> CountPerViewerDayAsync(IQueryable<JobCancellation> q, TimeZoneInfo zone, CancellationToken ct)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            var utcDays = await q.GroupBy(c => c.CancelledAt.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
            return utcDays.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Count);
        }
        var quarters = await q.GroupBy(c => new { c.CancelledAt.Date, c.CancelledAt.Hour, Quarter = c.CancelledAt.Minute / 15 })
            .Select(g => new { g.Key.Date, g.Key.Hour, g.Key.Quarter, Count = g.Count() })
            .ToListAsync(ct);
        return quarters
            .GroupBy(x => ViewerDays.DayOf(x.Date.AddHours(x.Hour).AddMinutes(x.Quarter * 15), zone))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
    }

    /// <summary>
    /// Every matching row, newest first, read from the database as it is written out: nothing
    /// holds the whole result. The caller enumerates it while its context lives.
    /// </summary>
    public async IAsyncEnumerable<CancellationExportRow> StreamExportAsync(
        CancellationFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Sorted(Filtered(db, filter), CancellationSort.CancelledAt, descending: true)
            .Select(c => new CancellationExportRow(
                c.CancelledAt,
                c.Job.Number,
                c.Job.Description,
                c.Job.JobType.Name,
                c.JobStatus.Name,
                c.CancellationReason.Name,
                c.CancelledByUser.DisplayName,
                c.CancelledByUnit != null ? c.CancelledByUnit.Name : null,
                c.Channel,
                c.ItemsCancelled,
                c.ProvidedItemsLeft,
                c.Note,
                c.ReviewState,
                c.LastReviewComment,
                c.Reviews.OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Select(r => r.ReviewedByUser.DisplayName).FirstOrDefault(),
                c.LastReviewedAt,
                c.ReopenedAt,
                c.ReopenedByUser != null ? c.ReopenedByUser.DisplayName : null,
                c.ReopenReason))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<CancellationFilterOptions> GetFilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reasons = await db.CancellationReasons.AsNoTracking().OrderBy(r => r.IsRetired).ThenBy(r => r.Name)
            .Select(r => new FilterOption<int>(r.Id, r.IsRetired ? r.Name + " (retired)" : r.Name)).ToListAsync(ct);
        var types = await db.JobTypes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new FilterOption<int>(t.Id, t.Name)).ToListAsync(ct);
        // People who have cancelled something: the only names worth offering in this filter.
        var people = await db.Users.AsNoTracking()
            .Where(u => db.JobCancellations.Any(c => c.CancelledByUserId == u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new FilterOption<string>(u.Id, u.DisplayName)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new FilterOption<int>(u.Id, u.Name)).ToListAsync(ct);
        return new CancellationFilterOptions(reasons, types, people, units);
    }

    /// <summary>Every cancellation of one bulk run, whatever the filter: the group a supervisor reviews at once.</summary>
    public async Task<BulkRunGroup?> GetBulkRunGroupAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.JobCancellations.AsNoTracking().Where(c => c.BulkRunId == runId).OrderBy(c => c.Job.Number)
            .Select(c => new { c.Id, c.Job.Number, c.ReviewState }).ToListAsync(ct);
        return rows.Count == 0 ? null
            : new BulkRunGroup(runId, [.. rows.Select(r => r.Id)], [.. rows.Select(r => r.Number)], rows.Count(r => r.ReviewState == ReviewState.NotReviewed));
    }

    /// <summary>
    /// The review state and history of one of a job's cancellations (<paramref name="cancellationId"/>), or
    /// of its current one when none is named; null when there is none.
    /// </summary>
    public async Task<CancellationReviewStatus?> GetReviewStatusAsync(int jobId, int? cancellationId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cancellation = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == jobId && (cancellationId == null ? c.ReopenedAt == null : c.Id == cancellationId))
            .Select(c => new { c.Id, c.ReviewState })
            .SingleOrDefaultAsync(ct);
        if (cancellation is null)
        {
            return null;
        }
        var history = await db.CancellationReviews.AsNoTracking()
            .Where(r => r.JobCancellationId == cancellation.Id)
            .OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id)
            .Select(r => new ReviewMark(r.State, r.Comment, r.ReviewedByUser.DisplayName, r.ReviewedAt))
            .ToListAsync(ct);
        return new CancellationReviewStatus(cancellation.ReviewState, history);
    }

    private static IQueryable<CancellationRow> ToRows(IQueryable<JobCancellation> q) => q.Select(c => new CancellationRow(
        c.Id,
        c.JobId,
        c.Job.Number,
        c.CancelledAt,
        c.Job.JobType.Name,
        c.JobStatus.Name,
        c.CancellationReason.Name,
        c.CancelledByUserId,
        c.CancelledByUser.DisplayName,
        c.CancelledByUnit != null ? c.CancelledByUnit.Name : null,
        c.Channel,
        c.ItemsCancelled,
        c.ProvidedItemsLeft,
        c.Note,
        c.ReviewState,
        c.LastReviewComment,
        c.ReopenedAt,
        c.ReopenedByUser != null ? c.ReopenedByUser.DisplayName : null,
        c.ReopenReason,
        c.BulkRunId));

    // The id breaks ties so that paging is stable when many rows share a sort value.
    private static IOrderedQueryable<JobCancellation> Sorted(IQueryable<JobCancellation> q, CancellationSort sort, bool descending) => sort switch
    {
        CancellationSort.JobNumber => Order(q, c => c.Job.Number, descending),
        CancellationSort.JobType => Order(q, c => c.Job.JobType.Name, descending),
        CancellationSort.Status => Order(q, c => c.JobStatus.Name, descending),
        CancellationSort.Reason => Order(q, c => c.CancellationReason.Name, descending),
        CancellationSort.CancelledBy => Order(q, c => c.CancelledByUser.DisplayName, descending),
        CancellationSort.Channel => Order(q, c => c.Channel, descending),
        CancellationSort.ItemsCancelled => Order(q, c => c.ItemsCancelled, descending),
        CancellationSort.ProvidedItemsLeft => Order(q, c => c.ProvidedItemsLeft, descending),
        CancellationSort.ReviewState => Order(q, c => c.ReviewState, descending),
        _ => Order(q, c => c.CancelledAt, descending),
    };

    private static IOrderedQueryable<JobCancellation> Order<TKey>(
        IQueryable<JobCancellation> q, Expression<Func<JobCancellation, TKey>> key, bool descending) =>
        descending ? q.OrderByDescending(key).ThenByDescending(c => c.Id) : q.OrderBy(key).ThenBy(c => c.Id);
}
