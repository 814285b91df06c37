using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Review;

/// <summary>The grid's columns; sorting is chosen from this list, never built from a string.</summary>
public enum CancellationSort
{
    CancelledAt,
    JobNumber,
    JobType,
    Status,
    Reason,
    CancelledBy,
    Unit,
    Channel,
    ItemsCancelled,
    ProvidedItemsLeft,
    ReviewState,
}

public sealed record CancellationRow(
    int Id,
    int JobId,
    string JobNumber,
    DateTime CancelledAt,
    string JobType,
    string Status,
    string Reason,
    string CancelledByUserId,
    string CancelledBy,
    string? Unit,
    CancellationChannel Channel,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    string? Note,
    ReviewState ReviewState,
    string? ReviewComment,
    string? ReviewedBy,
    DateTime? ReviewedAt);

/// <summary>A row of the CSV export: the grid's columns plus the job's description.</summary>
public sealed record CancellationExportRow(
    DateTime CancelledAt,
    string JobNumber,
    string JobDescription,
    string JobType,
    string Status,
    string Reason,
    string CancelledBy,
    string? Unit,
    CancellationChannel Channel,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    string? Note,
    ReviewState ReviewState,
    string? ReviewComment,
    string? ReviewedBy,
    DateTime? ReviewedAt);

public sealed record CancellationPage(IReadOnlyList<CancellationRow> Rows, int Total);

public sealed record NamedCount(string Name, int Count);

public sealed record AgentCount(string UserId, string Name, string? Unit, int Count);

public sealed record DayCount(DateOnly Day, int Count);

public sealed record CancellationSummary(
    int Total,
    IReadOnlyList<NamedCount> ByReason,
    IReadOnlyList<DayCount> PerDay,
    IReadOnlyList<AgentCount> TopAgents,
    int WithProvidedItemsLeft)
{
    /// <summary>The share (0..1) of cancellations that left provided items with the customer.</summary>
    public double ProvidedItemsLeftShare => Total == 0 ? 0 : (double)WithProvidedItemsLeft / Total;
}

public sealed record FilterOption<T>(T Value, string Label);

public sealed record CancellationFilterOptions(
    IReadOnlyList<FilterOption<int>> Reasons,
    IReadOnlyList<FilterOption<int>> JobTypes,
    IReadOnlyList<FilterOption<string>> People,
    IReadOnlyList<FilterOption<int>> Units);

public sealed record ReviewMark(ReviewState State, string? Comment, string ReviewedBy, DateTime ReviewedAt);

/// <summary>A job's cancellation as its review stands, with every mark, newest first.</summary>
public sealed record CancellationReviewStatus(
    int CancellationId,
    string JobNumber,
    string CancelledByUserId,
    ReviewState State,
    IReadOnlyList<ReviewMark> History);

/// <summary>
/// Reads cancellation records for the supervisors' review: one query builder (<see cref="Filtered"/>)
/// feeds the grid, the summary and the export, so their numbers agree for the same filter.
/// </summary>
public sealed class CancellationQueryService(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    public const int TopAgentCount = 5;

    /// <summary>The cancellations that match <paramref name="filter"/>; every reader starts here.</summary>
    public static IQueryable<JobCancellation> Filtered(JobsPortalDbContext db, CancellationFilter filter)
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
        q = filter.ProvidedItemsLeft switch
        {
            true => q.Where(c => c.ProvidedItemsLeft > 0),
            false => q.Where(c => c.ProvidedItemsLeft == 0),
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
        var rows = await ToRows(Sorted(q, sort, descending).Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
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
        var agents = await q.GroupBy(c => new { c.CancelledByUserId, c.CancelledByUser.DisplayName, Unit = c.CancelledByUser.Unit!.Name })
            .Select(g => new { g.Key.CancelledByUserId, g.Key.DisplayName, g.Key.Unit, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.DisplayName)
            .Take(TopAgentCount)
            .ToListAsync(ct);
        var days = await q.GroupBy(c => c.CancelledAt.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        // Every day of the range gets a point, so a quiet day shows as zero rather than disappearing.
        var counts = days.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Count);
        var perDay = new List<DayCount>();
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            perDay.Add(new DayCount(day, counts.GetValueOrDefault(day)));
        }

        return new CancellationSummary(
            total,
            [.. byReason.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)],
            perDay,
            [.. agents.Select(a => new AgentCount(a.CancelledByUserId, a.DisplayName, a.Unit, a.Count))],
            withItemsLeft);
    }

    /// <summary>
    /// Every matching row, newest first, read from the database as it is written out: nothing
    /// holds the whole result. The caller enumerates it while its context lives.
    /// </summary>
    public async IAsyncEnumerable<CancellationExportRow> StreamExportAsync(
        CancellationFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
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
                c.LastReviewedAt))
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

    /// <summary>The review state and history of a job's cancellation; null when the job was never cancelled.</summary>
    public async Task<CancellationReviewStatus?> GetReviewStatusAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cancellation = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == jobId)
            .Select(c => new { c.Id, c.Job.Number, c.CancelledByUserId, c.ReviewState })
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
        return new CancellationReviewStatus(cancellation.Id, cancellation.Number, cancellation.CancelledByUserId, cancellation.ReviewState, history);
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
        c.Reviews.OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Select(r => r.ReviewedByUser.DisplayName).FirstOrDefault(),
        c.LastReviewedAt));

    // The id breaks ties so that paging is stable when many rows share a sort value.
    private static IOrderedQueryable<JobCancellation> Sorted(IQueryable<JobCancellation> q, CancellationSort sort, bool descending) => sort switch
    {
        CancellationSort.JobNumber => Order(q, c => c.Job.Number, descending),
        CancellationSort.JobType => Order(q, c => c.Job.JobType.Name, descending),
        CancellationSort.Status => Order(q, c => c.JobStatus.Name, descending),
        CancellationSort.Reason => Order(q, c => c.CancellationReason.Name, descending),
        CancellationSort.CancelledBy => Order(q, c => c.CancelledByUser.DisplayName, descending),
        CancellationSort.Unit => Order(q, c => c.CancelledByUnit != null ? c.CancelledByUnit.Name : null, descending),
        CancellationSort.Channel => Order(q, c => c.Channel, descending),
        CancellationSort.ItemsCancelled => Order(q, c => c.ItemsCancelled, descending),
        CancellationSort.ProvidedItemsLeft => Order(q, c => c.ProvidedItemsLeft, descending),
        CancellationSort.ReviewState => Order(q, c => c.ReviewState, descending),
        _ => Order(q, c => c.CancelledAt, descending),
    };

    private static IOrderedQueryable<JobCancellation> Order<TKey>(
        IQueryable<JobCancellation> q, System.Linq.Expressions.Expression<Func<JobCancellation, TKey>> key, bool descending) =>
        descending ? q.OrderByDescending(key).ThenByDescending(c => c.Id) : q.OrderBy(key).ThenBy(c => c.Id);
}
