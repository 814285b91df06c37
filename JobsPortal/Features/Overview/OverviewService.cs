using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Overview;

/// <summary>
/// What the overview shows a person on arrival, read for them only. Staff (agents and up) get their
/// open jobs due soon, assigned to them or to their unit, and their own recent cancellations; reviewers
/// (supervisors and admins) also get the review queue's size and the last days' cancellations by
/// reason. The queue and the counts come from the review's own query service and filter, so the
/// overview's numbers are those the cancellations page shows for the same days. Days are the viewer's.
/// </summary>
public sealed class OverviewService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    CancellationQueryService cancellations,
    IAuthorizationService authorization,
    TimeProvider clock)
{
    /// <summary>"Due soon": scheduled or expiring from the start of today to the end of the sixth day after.</summary>
    public const int DueSoonDays = 7;

    /// <summary>How far back "recent" cancellations go, today included.</summary>
    public const int RecentDays = 7;

    public const int ListLength = 8;

    private static readonly LifeCycleState[] OpenStates = [LifeCycleState.DRAFT, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS];

    public async Task<OverviewModel> GetAsync(ClaimsPrincipal user, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var today = ViewerDays.DayOf(clock.GetUtcNow().UtcDateTime, zone);
        var staff = userId is not null && (await authorization.AuthorizeAsync(user, Policies.Staff)).Succeeded;
        var reviewer = userId is not null && (await authorization.AuthorizeAsync(user, Policies.Reviewer)).Succeeded;
        return new OverviewModel(
            today,
            staff ? await AgentAsync(userId!, today, zone, ct) : null,
            reviewer ? await SupervisorAsync(today, zone, ct) : null);
    }

    private async Task<AgentOverview> AgentAsync(string userId, DateOnly today, TimeZoneInfo zone, CancellationToken ct)
    {
        var from = ViewerDays.Start(today, zone);
        var until = ViewerDays.EndExclusive(today.AddDays(DueSoonDays - 1), zone);
        var recentFrom = ViewerDays.Start(today.AddDays(-(RecentDays - 1)), zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = await db.Users.Where(u => u.Id == userId).Select(u => u.UnitId).FirstOrDefaultAsync(ct);

        var dueSoon = db.Jobs.AsNoTracking()
            .Where(j => OpenStates.Contains(j.LifeCycleState))
            .Where(j => j.AssignedUserId == userId || (unitId != null && j.AssignedUnitId == unitId))
            .Where(j => (j.ScheduledDate >= from && j.ScheduledDate < until) || (j.ExpirationDate >= from && j.ExpirationDate < until));
        var total = await dueSoon.CountAsync(ct);
        var jobs = await dueSoon
            .OrderBy(j => j.ScheduledDate >= from && j.ScheduledDate < until ? j.ScheduledDate : j.ExpirationDate)
            .ThenBy(j => j.Number)
            .Take(ListLength)
            .Select(j => new OverviewJob(j.Number, j.Description, j.LifeCycleState, j.ScheduledDate, j.ExpirationDate, j.AssignedUserId == userId))
            .ToListAsync(ct);

        var mine = await db.JobCancellations.AsNoTracking()
            .Where(c => c.CancelledByUserId == userId && c.CancelledAt >= recentFrom)
            .OrderByDescending(c => c.CancelledAt)
            .Take(ListLength)
            .Select(c => new OverviewCancellation(c.Job.Number, c.CancellationReason.Name, c.CancelledAt, c.ReviewState))
            .ToListAsync(ct);
        return new AgentOverview(jobs, total, mine);
    }

    private async Task<SupervisorOverview> SupervisorAsync(DateOnly today, TimeZoneInfo zone, CancellationToken ct)
    {
        var queue = CancellationFilter.Default(today) with { Zone = zone };
        var queueSize = (await cancellations.GetPageAsync(queue, CancellationSort.CancelledAt, descending: true, page: 0, pageSize: 1, ct)).Total;
        var recent = CancellationFilter.Default(today).LastDays(RecentDays, today) with { Zone = zone, ReviewState = null };
        var summary = await cancellations.GetSummaryAsync(recent, ct);
        return new SupervisorOverview(queueSize, queue, summary.Total, summary.ByReason, recent);
    }
}

public sealed record OverviewModel(DateOnly Today, AgentOverview? Agent, SupervisorOverview? Supervisor);

/// <param name="DueSoon">The first <see cref="OverviewService.ListLength"/>, soonest first.</param>
/// <param name="DueSoonTotal">All of them.</param>
public sealed record AgentOverview(IReadOnlyList<OverviewJob> DueSoon, int DueSoonTotal, IReadOnlyList<OverviewCancellation> RecentCancellations);

public sealed record OverviewJob(string Number, string Description, LifeCycleState State, DateTime? ScheduledDate, DateTime? ExpirationDate, bool AssignedToMe);

public sealed record OverviewCancellation(string JobNumber, string Reason, DateTime CancelledAt, ReviewState ReviewState);

/// <param name="Queue">The queue's filter (the cancellations page's default), for its link.</param>
/// <param name="Recent">The last <see cref="OverviewService.RecentDays"/> days, every review state, for its link.</param>
public sealed record SupervisorOverview(int QueueSize, CancellationFilter Queue, int RecentTotal, IReadOnlyList<NamedCount> ByReason, CancellationFilter Recent);
