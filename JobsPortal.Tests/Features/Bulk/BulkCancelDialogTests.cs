using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Bulk;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace JobsPortal.Tests.Features.Bulk;

public sealed class BulkCancelDialogTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private sealed record Setup(AppTestContext Ctx, TestDatabase Db, IRenderedComponent<IComponent> Host, List<Job> Open, Job Completed, Task<int?> Result)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Ctx.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    /// <summary>The dialog over two installations, one repair visit and one completed job, opened as the search page opens it.</summary>
    private async Task<Setup> OpenAsync()
    {
        var db = await template.CloneAsync();
        List<Job> open;
        Job completed;
        await using (var context = db.CreateContext())
        {
            var jobs = context.Jobs.AsNoTracking().Include(j => j.JobType).OrderBy(j => j.Id);
            open = [.. await jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.JobType.AlternativeCode == "INST").Take(2).ToListAsync(),
                    .. await jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.JobType.AlternativeCode == "REPR").Take(1).ToListAsync()];
            completed = await jobs.FirstAsync(j => j.LifeCycleState == LifeCycleState.COMPLETED);
        }
        var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var ids = open.Select(j => j.Id).Append(completed.Id).ToList();
        var result = host.InvokeAsync(() => BulkCancelLauncher.ShowAsync(dialogs, ids, "4 job(s) selected on the job search"));
        host.WaitForElement("[data-testid=bulk-eligible]");
        return new Setup(ctx, db, host, open, completed, result);
    }

    [Fact]
    public async Task The_dialog_says_what_will_be_cancelled_what_cannot_and_why_and_preselects_each_types_defaults()
    {
        await using var s = await OpenAsync();

        Assert.Equal("3 job(s) will be cancelled, one at a time, each with its own record and timeline entry.",
            s.Host.Find("[data-testid=bulk-eligible]").TextContent.Trim());
        var notEligible = s.Host.Find("[data-testid=bulk-not-eligible]").TextContent;
        Assert.Contains(s.Completed.Number, notEligible, StringComparison.Ordinal);
        Assert.Contains("Completed: only draft, pending or in-progress jobs can be cancelled.", notEligible, StringComparison.Ordinal);
        var types = s.Host.FindAll("[data-testid=bulk-type]");
        Assert.Equal(["Fibre installation (2 job(s))", "Repair visit (1 job(s))"], types.Select(t => t.QuerySelector(".mud-typography-subtitle2")!.TextContent.Trim()));
        var shown = s.Host.FindAll(".mud-select input.mud-input-slot").Select(i => i.GetAttribute("value")).ToList();
        // Installations: "Cancelled by customer" and "Regret"; repair visits: "Cancelled" and "Customer unreachable" (DemoCatalog).
        Assert.Equal(["Cancelled by customer", "Regret", "Cancelled", "Customer unreachable"], shown);
        Assert.Equal("Cancel 3 job(s)", s.Host.Find("[data-testid=bulk-confirm]").TextContent.Trim());
    }

    [Fact]
    public async Task A_note_over_500_characters_keeps_the_run_from_starting()
    {
        await using var s = await OpenAsync();

        s.Host.Find("textarea[data-testid=bulk-note]").Input(new string('x', 501));

        s.Host.WaitForAssertion(() => Assert.True(s.Host.Find("[data-testid=bulk-confirm]").HasAttribute("disabled")));
        Assert.Contains("At most 500 characters (501 now).", s.Host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_starts_the_run_shows_its_progress_and_at_the_end_every_jobs_outcome_and_the_download()
    {
        await using var s = await OpenAsync();

        s.Host.Find("[data-testid=bulk-confirm]").Click();
        var run = s.Host.WaitForElement("[data-testid=bulk-run]");
        var runId = int.Parse(run.GetAttribute("data-run-id")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(s.Host.Find("[data-testid=bulk-run-state]").TextContent, new[] { "Queued", "Running" });
        // The worker's part: the test runs the run itself.
        await using (var scope = s.Ctx.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);
        }

        s.Host.WaitForAssertion(() => Assert.Equal("Finished", s.Host.Find("[data-testid=bulk-run-state]").TextContent.Trim()));
        Assert.Equal("3 of 3 done: 3 cancelled, 0 already cancelled, 0 failed", s.Host.Find("[data-testid=bulk-run-counts]").TextContent.Trim());
        Assert.Equal(["Cancelled", "Cancelled", "Cancelled"], s.Host.FindAll("[data-testid=bulk-outcome]").Select(o => o.TextContent.Trim()));
        Assert.Equal($"/bulk-runs/{runId}/result.csv", s.Host.Find("[data-testid=bulk-csv]").GetAttribute("href"));
        s.Host.Find("[data-testid=bulk-close]").Click();
        Assert.Equal(runId, await s.Result);
    }
}
