using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace JobsPortal.Tests.Features.Cancellation;

public abstract class CancelJobDialogTests(SeededTemplate template)
{
    private sealed record Setup(AppTestContext Ctx, TestDatabase Db, IRenderedComponent<IComponent> Host, Job Job) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Ctx.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    private async Task<Setup> OpenAsync(Func<IQueryable<Job>, IQueryable<Job>> pick, bool throughLauncher = false)
    {
        var db = await template.CloneAsync();
        Job job;
        await using (var context = db.CreateContext())
        {
            job = await pick(context.Jobs.AsNoTracking().Include(j => j.Items).Include(j => j.JobType)).OrderBy(j => j.Id).FirstAsync();
        }
        var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        if (throughLauncher)
        {
            _ = host.InvokeAsync(() => CancelJobLauncher.ShowAsync(dialogs, snackbar, job.Id, job.Number));
        }
        else
        {
            await host.InvokeAsync(() => dialogs.ShowAsync<CancelJobDialog>("Cancel job",
                new DialogParameters<CancelJobDialog> { { d => d.JobId, job.Id } }));
        }
        host.WaitForElement("[data-testid=cancel-summary]");
        return new Setup(ctx, db, host, job);
    }

    private static async Task<List<string>> OpenSelectAsync(IRenderedComponent<IComponent> host, int index)
    {
        var select = host.FindComponents<MudSelect<int>>()[index];
        await host.InvokeAsync(() => select.Instance.OpenMenu());
        host.WaitForElement(".mud-popover-open .mud-list-item");
        var items = host.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        await host.InvokeAsync(() => select.Instance.CloseMenu());
        return items;
    }

    [Fact]
    public async Task Title_names_the_job_and_the_type_with_its_description()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));

        // The title is drawn with the job it loaded, which can land a render after the summary (PostgreSQL).
        s.Host.WaitForAssertion(() =>
        {
            Assert.Contains($"Cancel job {s.Job.Number}", s.Host.Find("#cancel-dialog-title").TextContent, StringComparison.Ordinal);
            Assert.Equal($"{s.Job.Description} · {s.Job.JobType.Name}", s.Host.Find("[data-testid=cancel-dialog-subtitle]").TextContent);
        });
    }

    [Fact]
    public async Task Dropdowns_offer_only_the_types_options_with_the_defaults_preselected()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.JobType.AlternativeCode == "SWAP"));

        var statuses = await OpenSelectAsync(s.Host, 0);
        var reasons = await OpenSelectAsync(s.Host, 1);

        Assert.Equal(["Cancelled (default)", "Cancelled - duplicate", "Cancelled - not feasible"], statuses);
        Assert.Equal(["Customer unreachable (default)", "Duplicate job", "Regret", "Technically infeasible", "Wrong Input/Missing Information"], reasons);
        var shown = s.Host.FindAll(".mud-select input.mud-input-slot").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["Cancelled", "Customer unreachable"], shown);
        Assert.Contains("Three contact attempts failed", s.Host.Markup, StringComparison.Ordinal); // the reason's description as helper text
    }

    [Fact]
    public async Task Provided_items_checkbox_is_unchecked_with_its_count_and_summary_follows_it()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.IN_PROGRESS
            && j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED)));
        var provided = s.Job.Items.Count(i => i.State.IsProvided());

        var checkbox = s.Host.Find("input[data-testid=cancel-provided]");
        Assert.False(checkbox.HasAttribute("checked"));
        Assert.False(checkbox.HasAttribute("disabled"));
        Assert.Contains($"Also cancel provided items ({provided})", s.Host.Markup, StringComparison.Ordinal);
        Assert.Contains("stay with the customer and must be removed by hand", s.Host.Find("[data-testid=cancel-provided-help]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"{provided} provided item(s) stay with the customer", s.Host.Find("[data-testid=cancel-summary]").TextContent, StringComparison.Ordinal);

        await s.Host.InvokeAsync(() => s.Host.Find("input[data-testid=cancel-provided]").Change(true));

        var summary = s.Host.Find("[data-testid=cancel-summary]").TextContent;
        Assert.DoesNotContain("stay with the customer", summary, StringComparison.Ordinal);
        Assert.Contains($"{s.Job.Items.Count(i => i.State != JobItemState.CANCELLED)} item(s) are cancelled", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_provided_items_the_checkbox_is_disabled_and_says_why()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));

        Assert.True(s.Host.Find("input[data-testid=cancel-provided]").HasAttribute("disabled"));
        Assert.Contains("no provided items", s.Host.Find("[data-testid=cancel-provided-help]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_cancels_once_closes_and_shows_a_snackbar_even_when_clicked_twice()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING), throughLauncher: true);
        var confirm = s.Host.Find("button[data-testid=confirm-cancel]");

        var first = confirm.ClickAsync(new());
        // The second click of a double click reaches a button that is busy (or already re-rendered disabled).
        var second = Record.ExceptionAsync(() => confirm.ClickAsync(new()));
        await Task.WhenAll(first, second);

        s.Host.WaitForAssertion(() => Assert.Empty(s.Host.FindAll("[data-testid=cancel-summary]")));
        s.Host.WaitForAssertion(() => Assert.Contains($"Job {s.Job.Number} cancelled", s.Host.Markup, StringComparison.Ordinal));
        await using var context = s.Db.CreateContext();
        Assert.Equal(1, await context.JobCancellations.CountAsync(c => c.JobId == s.Job.Id));
        Assert.Equal(1, await context.JobEvents.CountAsync(e => e.JobId == s.Job.Id && e.Kind == JobEventKind.CANCELLED));
    }

    [Fact]
    public async Task A_failure_is_shown_in_the_dialog_and_changes_nothing()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));
        await using (var context = s.Db.CreateContext())
        {
            var job = await context.Jobs.SingleAsync(j => j.Id == s.Job.Id);
            job.Notes = "Changed by someone else";
            await context.SaveChangesAsync();
        }

        await s.Host.Find("button[data-testid=confirm-cancel]").ClickAsync(new());

        s.Host.WaitForAssertion(() => Assert.Contains("changed by someone else", s.Host.Find("[data-testid=cancel-error]").TextContent, StringComparison.Ordinal));
        await using var check = s.Db.CreateContext();
        Assert.Equal(LifeCycleState.PENDING, (await check.Jobs.SingleAsync(j => j.Id == s.Job.Id)).LifeCycleState);
        Assert.Equal(0, await check.JobCancellations.CountAsync(c => c.JobId == s.Job.Id));
    }

    [Fact]
    public async Task Someone_else_cancelling_meanwhile_is_shown_with_their_name_and_blocks_the_button()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));
        await using (var scope = s.Db.Services.CreateAsyncScope())
        {
            var tom = await s.Db.PrincipalAsync("tom.becker@example.com");
            var result = await scope.ServiceProvider.GetRequiredService<CancellationService>().CancelAsync(
                new CancelJobCommand(EntityIdentifier.ById(s.Job.Id), tom, CancellationChannel.PORTAL));
            Assert.True(result.Succeeded);
        }

        s.Host.WaitForAssertion(() => Assert.Contains("just cancelled by Tom Becker", s.Host.Find("[data-testid=cancel-already]").TextContent, StringComparison.Ordinal));
        Assert.True(s.Host.Find("button[data-testid=confirm-cancel]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Keep_job_closes_without_cancelling()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.DRAFT));

        await s.Host.Find("button[data-testid=keep-job]").ClickAsync(new());

        s.Host.WaitForAssertion(() => Assert.Empty(s.Host.FindAll("[data-testid=cancel-summary]")));
        await using var context = s.Db.CreateContext();
        Assert.Equal(LifeCycleState.DRAFT, (await context.Jobs.SingleAsync(j => j.Id == s.Job.Id)).LifeCycleState);
    }

    [Fact]
    public async Task The_note_counter_counts_an_emoji_as_one_character_and_keeps_the_note_of_500()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));
        var note = string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength));

        await s.Host.InvokeAsync(() => s.Host.Find("textarea[data-testid=cancel-note]").Input(note));

        s.Host.WaitForAssertion(() => Assert.Contains($"{CancelJobCommand.NoteMaxLength} / {CancelJobCommand.NoteMaxLength}", s.Host.Markup, StringComparison.Ordinal));
        await s.Host.InvokeAsync(() => s.Host.Find("button[data-testid=confirm-cancel]").Click());
        s.Host.WaitForAssertion(() => Assert.Empty(s.Host.FindAll("[data-testid=cancel-summary]")));
        await using var context = s.Db.CreateContext();
        Assert.Equal(note, await context.JobCancellations.Where(c => c.JobId == s.Job.Id).Select(c => c.Note).SingleAsync());
    }

    [Fact]
    public async Task A_note_of_501_emoji_is_shown_as_too_long_and_refused()
    {
        await using var s = await OpenAsync(q => q.Where(j => j.LifeCycleState == LifeCycleState.PENDING));

        await s.Host.InvokeAsync(() => s.Host.Find("textarea[data-testid=cancel-note]").Input(string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength + 1))));
        s.Host.WaitForAssertion(() => Assert.Contains($"At most {CancelJobCommand.NoteMaxLength} characters (501 now).", s.Host.Markup, StringComparison.Ordinal));
        await s.Host.InvokeAsync(() => s.Host.Find("button[data-testid=confirm-cancel]").Click());

        s.Host.WaitForAssertion(() => Assert.Contains("The note has 501 characters; at most 500 are allowed.", s.Host.Markup, StringComparison.Ordinal));
        await using var context = s.Db.CreateContext();
        Assert.Equal(0, await context.JobCancellations.CountAsync(c => c.JobId == s.Job.Id));
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancelJobDialogSqliteTests(SeededTemplate template) : CancelJobDialogTests(template), IClassFixture<SeededTemplate>;

public sealed class CancelJobDialogPostgreSqlTests(PostgreSqlSeededTemplate template)
    : CancelJobDialogTests(template), IClassFixture<PostgreSqlSeededTemplate>;
