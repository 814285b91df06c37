using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>The Reopen dialog and the job page's Reopen: who sees it, what it says, what it does, and open pages following a reopen.</summary>
public abstract class ReopenJobDialogTests(SeededTemplate template)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>An in-progress job with pending and provided items, cancelled by Maria with its provided items.</summary>
    private static async Task<Job> CancelledJobAsync(TestDatabase db)
    {
        Job job;
        await using (var context = db.CreateContext())
        {
            job = await context.Jobs.AsNoTracking().Include(j => j.Items)
                .Where(j => j.LifeCycleState == LifeCycleState.IN_PROGRESS && j.Items.Any(i => i.State == JobItemState.PENDING)
                            && j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED))
                .OrderBy(j => j.Id).FirstAsync();
        }
        var result = await db.Service<CancellationService>().CancelAsync(new CancelJobCommand(
            EntityIdentifier.ById(job.Id), await db.PrincipalAsync(DemoPeople.Agent), CancellationChannel.PORTAL, CancelProvidedItems: true));
        Assert.True(result.Succeeded, result.Error?.Message);
        return job;
    }

    private static async Task<IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>> OpenAsync(AppTestContext ctx, Job job)
    {
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        _ = host.InvokeAsync(() => ReopenJobLauncher.ShowAsync(dialogs, snackbar, job.Id, job.Number));
        await Task.Yield();
        host.WaitForElement("[data-testid=reopen-dialog]", Wait);
        return host;
    }

    [Fact]
    public async Task The_dialog_says_what_comes_back_needs_a_reason_and_reopens_once()
    {
        await using var db = await template.CloneAsync();
        var job = await CancelledJobAsync(db);
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Supervisor);
        var host = await OpenAsync(ctx, job);

        host.WaitForAssertion(() => Assert.Contains("goes back to In progress", host.Find("[data-testid=reopen-summary]").TextContent, StringComparison.Ordinal), Wait);
        var summary = host.Find("[data-testid=reopen-summary]").TextContent;
        Assert.Contains($"{job.Items.Count(i => i.State != JobItemState.CANCELLED)} item(s) the cancel cancelled come back", summary, StringComparison.Ordinal);
        Assert.Contains("The cancellation by Maria Lopez", summary, StringComparison.Ordinal);
        Assert.True(host.Find("button[data-testid=confirm-reopen]").HasAttribute("disabled"));

        await host.InvokeAsync(() => host.Find("textarea[data-testid=reopen-reason]").Input("Customer called back: keep the installation"));
        var confirm = host.Find("button[data-testid=confirm-reopen]");
        var first = confirm.ClickAsync(new());
        var second = Record.ExceptionAsync(() => confirm.ClickAsync(new()));
        await Task.WhenAll(first, second);

        host.WaitForAssertion(() => Assert.Contains($"Job {job.Number} reopened", host.Markup, StringComparison.Ordinal), Wait);
        Assert.Empty(host.FindAll("[data-testid=reopen-dialog]"));
        await using var context = db.CreateContext();
        var saved = await context.Jobs.AsNoTracking().Include(j => j.Items).SingleAsync(j => j.Id == job.Id);
        Assert.Equal(LifeCycleState.IN_PROGRESS, saved.LifeCycleState);
        Assert.Equal(job.Items.Select(i => i.State), saved.Items.OrderBy(i => i.Id).Select(i => i.State));
        Assert.Equal(1, await context.JobEvents.CountAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.REOPENED));
    }

    [Fact]
    public async Task A_reason_of_501_characters_is_shown_as_too_long_and_cannot_be_sent()
    {
        await using var db = await template.CloneAsync();
        var job = await CancelledJobAsync(db);
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Supervisor);
        var host = await OpenAsync(ctx, job);
        host.WaitForElement("textarea[data-testid=reopen-reason]", Wait);

        await host.InvokeAsync(() => host.Find("textarea[data-testid=reopen-reason]").Input(string.Concat(Enumerable.Repeat("😀", 501))));

        host.WaitForAssertion(() => Assert.Contains("At most 500 characters (501 now).", host.Markup, StringComparison.Ordinal), Wait);
        Assert.True(host.Find("button[data-testid=confirm-reopen]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Past_the_window_the_dialog_says_why_and_offers_nothing_to_confirm()
    {
        await using var db = await template.CloneAsync();
        var job = await CancelledJobAsync(db);
        db.Clock.Advance(TimeSpan.FromDays(31));
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Supervisor);

        var host = await OpenAsync(ctx, job);

        host.WaitForAssertion(() => Assert.Contains("within 30 days", host.Find("[data-testid=reopen-refused]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(host.FindAll("[data-testid=reopen-reason]"));
        Assert.True(host.Find("button[data-testid=confirm-reopen]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Only_reviewers_see_reopen_on_a_cancelled_jobs_page()
    {
        await using var db = await template.CloneAsync();
        var job = await CancelledJobAsync(db);

        await using var agent = await AppTestContext.CreateAsync(db, DemoPeople.Agent, $"jobs/{job.Number}");
        var agentsPage = agent.RenderPage<JobDetailPage>(("Number", job.Number));
        await using var supervisor = await AppTestContext.CreateAsync(db, DemoPeople.Supervisor, $"jobs/{job.Number}");
        var supervisorsPage = supervisor.RenderPage<JobDetailPage>(("Number", job.Number));

        agentsPage.WaitForElement("[data-testid=cancellation-panel]", Wait);
        supervisorsPage.WaitForElement("[data-testid=reopen-job]", Wait);
        Assert.Empty(agentsPage.FindAll("[data-testid=reopen-job]"));
    }

    [Fact]
    public async Task An_open_page_of_the_job_turns_reopened_when_someone_reopens_it()
    {
        await using var db = await template.CloneAsync();
        var job = await CancelledJobAsync(db);
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent, $"jobs/{job.Number}");
        var page = ctx.RenderPage<JobDetailPage>(("Number", job.Number));
        page.WaitForElement("[data-testid=cancellation-panel]", Wait);

        var result = await db.Service<ReopenService>().ReopenAsync(new ReopenJobCommand(
            EntityIdentifier.ById(job.Id), await db.PrincipalAsync(DemoPeople.Supervisor), CancellationChannel.PORTAL, "Cancelled by mistake"));

        Assert.True(result.Succeeded, result.Error?.Message);
        page.WaitForAssertion(() => Assert.Contains("Cancelled by mistake", page.Find("[data-testid=reopen-panel]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("IN_PROGRESS", page.Find("[data-testid=job-header] [data-testid=state-chip]").GetAttribute("data-state"));
        Assert.Empty(page.FindAll("[data-testid=cancellation-panel]"));
        Assert.Contains("Sara Khan", page.Find("[data-testid=field-reopen-by]").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-testid=timeline-event]"), e => e.TextContent.Contains("Reopened", StringComparison.Ordinal));
    }
}

// One body of tests, run on each database the app supports.

public sealed class ReopenJobDialogSqliteTests(SeededTemplate template) : ReopenJobDialogTests(template), IClassFixture<SeededTemplate>;

public sealed class ReopenJobDialogPostgreSqlTests(PostgreSqlSeededTemplate template)
    : ReopenJobDialogTests(template), IClassFixture<PostgreSqlSeededTemplate>;
