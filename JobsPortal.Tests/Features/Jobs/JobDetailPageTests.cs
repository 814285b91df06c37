using System.Security.Claims;
using Bunit;
using JobsPortal.Components.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobDetailPageTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<JobDetail> DetailOfAsync(System.Linq.Expressions.Expression<Func<Job, bool>> predicate)
    {
        await using var db = fixture.Db.CreateContext();
        var number = await db.Jobs.Where(predicate).OrderBy(j => j.Id).Select(j => j.Number).FirstAsync();
        return (await new JobDetailService(fixture.Db.Factory).GetByNumberAsync(number))!;
    }

    // The page's viewer is in Kolkata: every time on the page is theirs (see ViewingFromKolkata).
    private static readonly TimeZoneInfo Kolkata = ViewerClock.Find("Asia/Kolkata")!;

    private static string Shown(DateTime? utc) => utc is { } value ? ViewerClock.Minutes(value, Kolkata) : Display.Missing;

    private static void ViewingFromKolkata(AppTestContext ctx) => ctx.Services.GetRequiredService<ViewerClock>().Use(Kolkata.Id);

    private static string Field(IRenderedComponent<JobDetailPage> page, string name) =>
        page.Find($"[data-testid=field-{name}]").TextContent.Trim();

    [Fact]
    public async Task Shows_every_field_of_the_job()
    {
        var job = await DetailOfAsync(j => j.LifeCycleState == LifeCycleState.COMPLETED && j.AssignedUserId != null && j.Notes != null);
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, $"jobs/{job.Number}");
        ViewingFromKolkata(ctx);

        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));

        page.WaitForAssertion(() => Assert.Equal(job.Number, page.Find("[data-testid=job-number]").TextContent), Wait);
        Assert.Equal(job.Description, page.Find("[data-testid=job-description]").TextContent);
        Assert.Equal("COMPLETED", page.Find("[data-testid=job-header] [data-testid=state-chip]").GetAttribute("data-state"));
        Assert.Equal(job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(page, "id"));
        Assert.Equal(job.Number, Field(page, "number"));
        Assert.Equal("Completed", Field(page, "life-cycle-state"));
        Assert.Equal(Display.Words(job.RatingState), Field(page, "rating-state"));
        Assert.Equal($"{job.Status.Name} ({job.Status.AlternativeCode}) · Completed", Field(page, "status"));
        Assert.Equal($"{job.Type.Name} ({job.Type.AlternativeCode})", Field(page, "type"));
        Assert.Equal(Display.Words(job.Type.FulfillmentScope), Field(page, "fulfillment-scope"));
        Assert.Equal(Display.Words(job.Type.FulfillmentMethod), Field(page, "fulfillment-method"));
        Assert.Contains(job.AssignedUser!.DisplayName, Field(page, "assigned-user"), StringComparison.Ordinal);
        Assert.Contains(job.AssignedUser.Email!, Field(page, "assigned-user"), StringComparison.Ordinal);
        Assert.Equal($"{job.AssignedUnitName} ({job.AssignedBusinessUnitName})", Field(page, "assigned-unit"));
        Assert.Equal(Shown(job.ScheduledDate), Field(page, "scheduled-date"));
        Assert.Equal(Shown(job.ExpirationDate), Field(page, "expiration-date"));
        Assert.Equal(Shown(job.StartDate), Field(page, "start-date"));
        Assert.Equal(Shown(job.ExpectedCompletionDate), Field(page, "expected-completion-date"));
        Assert.Equal(Shown(job.ActualCompletionDate), Field(page, "actual-completion-date"));
        // The viewer in Kolkata (UTC+05:30) reads their own time, and the UTC time on hover.
        Assert.NotEqual(Formats.Minutes(job.ActualCompletionDate!.Value), Field(page, "actual-completion-date"));
        Assert.Equal(Formats.Minutes(job.ActualCompletionDate.Value) + " UTC", page.Find("[data-testid=field-actual-completion-date] time").GetAttribute("title"));
        Assert.Equal(job.AccountNumber, Field(page, "account-number"));
        Assert.Equal(job.AccountName, Field(page, "account-name"));
        Assert.Equal(job.ContactEmail, Field(page, "contact-email"));
        Assert.Equal(job.ContactPhone, Field(page, "contact-phone"));
        Assert.Equal(job.Notes, Field(page, "notes"));
        Assert.Equal(Shown(job.Log.CreatedAt), Field(page, "created-date"));
        Assert.Equal(job.Log.CreatedByName, Field(page, "created-by"));
        Assert.Equal(Shown(job.Log.UpdatedAt), Field(page, "updated-date"));
        Assert.Equal(job.Log.UpdatedByName, Field(page, "updated-by"));
        Assert.Empty(page.FindAll("[data-testid=cancellation-panel]"));
        Assert.NotNull(page.Find("[data-testid=job-actions]"));

        var title = page.FindComponent<PageTitle>().Instance.ChildContent!;
        Assert.Equal($"{job.Number} · {job.Description} · JobsPortal", ctx.Render(title).Markup);
    }

    [Fact]
    public async Task Lists_the_items_and_marks_those_with_the_customer()
    {
        var job = await DetailOfAsync(j => j.Items.Any(i => i.State == JobItemState.DELIVERED || i.State == JobItemState.PROVIDED)
            && j.Items.Any(i => i.State == JobItemState.PENDING) && j.Items.Any(i => i.SerialNumber != null));
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, $"jobs/{job.Number}");

        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));

        page.WaitForAssertion(() => Assert.Equal(job.Items.Count, page.FindAll("[data-testid=item-row]").Count), Wait);
        var rows = page.FindAll("[data-testid=item-row]");
        for (var i = 0; i < job.Items.Count; i++)
        {
            var item = job.Items[i];
            var cells = rows[i].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(Display.Words(item.Kind), cells[0]);
            Assert.Contains(item.ProductName, cells[1], StringComparison.Ordinal);
            Assert.Contains(item.ProductCode, cells[1], StringComparison.Ordinal);
            Assert.Equal(item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[2]);
            Assert.Equal(Display.Text(item.SerialNumber), cells[3]);
            Assert.Contains(Display.Words(item.State), cells[4], StringComparison.Ordinal);
            Assert.Equal(item.IsProvided ? "true" : "false", rows[i].GetAttribute("data-provided"));
            Assert.Equal(item.IsProvided, rows[i].ClassList.Contains("provided-item"));
        }
        Assert.Contains($"{job.ProvidedItemCount} with the customer", page.Find("[data-testid=provided-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_events_newest_first()
    {
        var job = await DetailOfAsync(j => j.Events.Count >= 3);
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, $"jobs/{job.Number}");
        ViewingFromKolkata(ctx);

        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));

        page.WaitForAssertion(() => Assert.Equal(job.Events.Count, page.FindAll("[data-testid=timeline-event]").Count), Wait);
        var shown = page.FindAll("[data-testid=timeline-event]").Select(e => e.TextContent).ToList();
        for (var i = 0; i < job.Events.Count; i++)
        {
            Assert.Contains(job.Events[i].Summary, shown[i], StringComparison.Ordinal);
            Assert.Contains(Shown(job.Events[i].OccurredAt), shown[i], StringComparison.Ordinal);
        }
        Assert.Contains("Created", shown[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_job_shows_what_the_cancel_did()
    {
        var job = await DetailOfAsync(j => j.Cancellations.Any(c => c.ReopenedAt == null && c.Note != null && c.ProvidedItemsLeft > 0));
        var c = job.Cancellation!;
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, $"jobs/{job.Number}");
        ViewingFromKolkata(ctx);

        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=cancellation-panel]")), Wait);
        Assert.Equal($"{c.StatusName} ({c.StatusCode})", Field(page, "cancel-status"));
        Assert.Equal($"{c.ReasonName} ({c.ReasonCode})", Field(page, "cancel-reason"));
        Assert.Equal($"{c.CancelledByName}, {c.CancelledByUnitName}", Field(page, "cancel-by"));
        Assert.Equal(Shown(c.CancelledAt), Field(page, "cancel-at"));
        Assert.Equal(c.Channel == CancellationChannel.API ? "API" : "Portal", Field(page, "cancel-channel"));
        Assert.Equal(c.ItemsCancelled.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(page, "cancel-items"));
        Assert.StartsWith($"{c.ProvidedItemsLeft} (to be removed by hand)", Field(page, "cancel-provided-left"), StringComparison.Ordinal);
        Assert.Equal(c.Note, Field(page, "cancel-note"));
        Assert.Equal("CANCELLED", page.Find("[data-testid=job-header] [data-testid=state-chip]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task An_unknown_number_says_so_and_leads_back_to_the_search()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs/J99999999");

        var page = ctx.RenderPage<JobDetailPage>(("Number", "J99999999"));

        page.WaitForAssertion(() => Assert.Contains("J99999999", page.Find("[data-testid=job-not-found]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(AppRoutes.Jobs, page.Find("[data-testid=back-to-search]").GetAttribute("href"));
        Assert.Equal("Job not found · JobsPortal", ctx.Render(page.FindComponent<PageTitle>().Instance.ChildContent!).Markup);
    }

    [Theory]
    [InlineData(Roles.Agent, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(null, false)]
    public async Task Only_staff_are_offered_the_cancel_button(string? role, bool offered)
    {
        var job = await DetailOfAsync(j => j.LifeCycleState == LifeCycleState.PENDING);
        // The context judges the app's own policies on the person's roles; without a role, a person the cookie says has none.
        await using var ctx = role is null
            ? await AppTestContext.CreateAsync(fixture.Db, TestActors.Principal("someone"), $"jobs/{job.Number}")
            : await AppTestContext.CreateAsync(fixture.Db, DemoPeople.WithRole(role), $"jobs/{job.Number}");

        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));

        page.WaitForAssertion(() => Assert.Equal(job.Number, page.Find("[data-testid=job-number]").TextContent), Wait);
        Assert.Equal(offered, page.FindAll("[data-testid=cancel-job]").Count == 1);
    }

    [Fact]
    public async Task A_change_announced_for_the_shown_job_reloads_the_page()
    {
        var job = await DetailOfAsync(j => j.LifeCycleState == LifeCycleState.PENDING);
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, $"jobs/{job.Number}");
        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));
        page.WaitForAssertion(() => Assert.Equal(job.Description, page.Find("[data-testid=job-description]").TextContent), Wait);

        await using (var db = fixture.Db.CreateContext())
        {
            var entity = await db.Jobs.SingleAsync(j => j.Id == job.Id);
            entity.Notes = "Changed by someone else";
            await db.SaveChangesAsync();
        }
        var notifier = ctx.Services.GetRequiredService<JobChangeNotifier>();
        await notifier.PublishAsync(new JobChanged(job.Id + 1, "J00000000", JobChangeKind.Reviewed, LifeCycleState.PENDING, "Tom", DateTime.UtcNow));
        Assert.NotEqual("Changed by someone else", Field(page, "notes"));

        await notifier.PublishAsync(new JobChanged(job.Id, job.Number, JobChangeKind.Cancelled, LifeCycleState.CANCELLED, "Tom", DateTime.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("Changed by someone else", Field(page, "notes")), Wait);
    }
}
