using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Overview;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Overview;

/// <summary>What the overview shows each role, checked against the database read plainly.</summary>
public sealed class OverviewTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeZoneInfo Kolkata = ViewerClock.Find("Asia/Kolkata")!;
    private static readonly LifeCycleState[] Open = [LifeCycleState.DRAFT, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS];

    private TestDatabase Db => template.Db;

    private async Task<OverviewModel> OverviewOfAsync(string email, TimeZoneInfo zone) =>
        await Db.Service<OverviewService>().GetAsync(await Db.PrincipalAsync(email), zone);

    [Fact]
    public async Task An_agent_sees_their_open_jobs_due_soon_and_their_recent_cancellations_but_no_queue()
    {
        var overview = await OverviewOfAsync(DemoPeople.Agent, Kolkata);

        await using var db = Db.CreateContext();
        var me = await db.Users.SingleAsync(u => u.Email == DemoPeople.Agent);
        var today = ViewerDays.DayOf(Db.Clock.GetUtcNow().UtcDateTime, Kolkata);
        var from = ViewerDays.Start(today, Kolkata);
        var until = ViewerDays.EndExclusive(today.AddDays(OverviewService.DueSoonDays - 1), Kolkata);
        var jobs = await db.Jobs.AsNoTracking().Select(j => new { j.Number, j.LifeCycleState, j.AssignedUserId, j.AssignedUnitId, j.ScheduledDate, j.ExpirationDate }).ToListAsync();
        bool InWindow(DateTime? t) => t >= from && t < until;
        var due = jobs.Where(j => Open.Contains(j.LifeCycleState) && (j.AssignedUserId == me.Id || (me.UnitId != null && j.AssignedUnitId == me.UnitId))
            && (InWindow(j.ScheduledDate) || InWindow(j.ExpirationDate))).ToList();
        var recentFrom = ViewerDays.Start(today.AddDays(-(OverviewService.RecentDays - 1)), Kolkata);
        var mine = await db.JobCancellations.Where(c => c.CancelledByUserId == me.Id).Select(c => new { c.Job.Number, c.CancelledAt }).ToListAsync();

        Assert.Null(overview.Supervisor);
        var agent = Assert.IsType<AgentOverview>(overview.Agent);
        Assert.NotEmpty(due);
        Assert.Equal(due.Count, agent.DueSoonTotal);
        Assert.Equal(Math.Min(due.Count, OverviewService.ListLength), agent.DueSoon.Count);
        Assert.All(agent.DueSoon, j => Assert.Contains(due, d => d.Number == j.Number));
        Assert.Equal(
            [.. mine.Where(c => c.CancelledAt >= recentFrom).OrderByDescending(c => c.CancelledAt).Take(OverviewService.ListLength).Select(c => c.Number)],
            agent.RecentCancellations.Select(c => c.JobNumber).ToList());
    }

    [Fact]
    public async Task A_supervisor_also_sees_the_queue_and_the_last_days_by_reason()
    {
        var overview = await OverviewOfAsync(DemoPeople.Supervisor, TimeZoneInfo.Utc);

        var supervisor = Assert.IsType<SupervisorOverview>(overview.Supervisor);
        Assert.NotNull(overview.Agent);
        var all = await Db.AllAsync();
        var queue = CancellationFilter.Default(overview.Today);
        Assert.Equal(all.Count(queue.Matches), supervisor.QueueSize);
        Assert.True(supervisor.QueueSize > 0);
        var recent = all.Where(supervisor.Recent.Matches).ToList();
        Assert.Equal(recent.Count, supervisor.RecentTotal);
        Assert.Equal(recent.GroupBy(c => c.Reason).ToDictionary(g => g.Key, g => g.Count()), supervisor.ByReason.ToDictionary(r => r.Name, r => r.Count));
        Assert.Null(supervisor.Recent.ReviewState);
        Assert.Equal(overview.Today.AddDays(-(OverviewService.RecentDays - 1)), supervisor.Recent.From);
    }

    [Fact]
    public async Task The_page_shows_each_role_its_own_sections()
    {
        await using (var agent = await AppTestContext.CreateAsync(Db, DemoPeople.Agent))
        {
            var page = agent.RenderPage<OverviewPage>();
            page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=overview]")), Wait);
            Assert.NotEmpty(page.FindAll("[data-testid=due-soon-job]"));
            Assert.NotNull(page.Find("[data-testid=overview-my-cancellations]"));
            Assert.Empty(page.FindAll("[data-testid=overview-queue]"));
            Assert.Empty(page.FindAll("[data-testid=overview-by-reason]"));
        }
        await using (var supervisor = await AppTestContext.CreateAsync(Db, DemoPeople.Supervisor))
        {
            var page = supervisor.RenderPage<OverviewPage>();
            page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=overview-queue]")), Wait);
            var overview = await OverviewOfAsync(DemoPeople.Supervisor, TimeZoneInfo.Utc);
            Assert.Equal(overview.Supervisor!.QueueSize.ToString("N0"), page.Find("[data-testid=queue-size]").TextContent.Trim());
            Assert.Equal("/cancellations", page.Find("[data-testid=queue-link]").GetAttribute("href"));
            Assert.Equal(overview.Supervisor.ByReason.Count, page.FindAll("[data-testid=by-reason-row]").Count);
            Assert.Contains("review=all", page.Find("[data-testid=by-reason-link]").GetAttribute("href"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("j00000418", "http://localhost/jobs/J00000418")]
    [InlineData("  harbour road ", "http://localhost/jobs?q=harbour%20road")]
    [InlineData("", "http://localhost/jobs")]
    public async Task The_search_box_goes_straight_to_a_job_or_to_the_search(string typed, string expected)
    {
        await using var ctx = await AppTestContext.CreateAsync(Db, DemoPeople.Agent);
        var page = ctx.RenderPage<OverviewPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=overview]")), Wait);

        page.Find("input[data-testid=overview-search]").Input(typed);
        page.Find("input[data-testid=overview-search]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(expected, ctx.Navigation.Uri), Wait);
    }
}
