using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Lifecycle;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace JobsPortal.Tests.Features.Lifecycle;

/// <summary>The Start, Complete and New job dialogs, opened through the launcher as the pages open them.</summary>
public sealed class LifecycleDialogTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static async Task<Job> JobAsync(TestDatabase db, LifeCycleState state, string type)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().Where(j => j.LifeCycleState == state && j.JobType.AlternativeCode == type).OrderBy(j => j.Id).FirstAsync();
    }

    [Fact]
    public async Task Start_preselects_the_types_default_start_status_and_starts_the_job()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING, "SWAP");
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        Task<JobMoved?>? shown = null;
        await host.InvokeAsync(() => { shown = LifecycleLauncher.ShowTransitionAsync(dialogs, snackbar, job.Id, job.Number, LifeCycleState.IN_PROGRESS); });

        host.WaitForAssertion(() => Assert.Equal("Technician on site", host.Find("[data-testid=transition-status]").GetAttribute("value")));
        await host.Find("[data-testid=transition-confirm]").ClickAsync(new());

        var moved = await shown!.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(LifeCycleState.IN_PROGRESS, moved?.LifeCycleState);
        await using var context = db.CreateContext();
        Assert.Equal(LifeCycleState.IN_PROGRESS, (await context.Jobs.SingleAsync(j => j.Id == job.Id)).LifeCycleState);
    }

    [Fact]
    public async Task Complete_on_a_job_that_someone_else_cancelled_keeps_the_dialog_open_with_the_reason()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.IN_PROGRESS, "INST");
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<JobTransitionDialog>("Complete",
            new DialogParameters<JobTransitionDialog> { { d => d.JobId, job.Id }, { d => d.Target, LifeCycleState.COMPLETED } }));
        host.WaitForAssertion(() => Assert.Equal("Completed", host.Find("[data-testid=transition-status]").GetAttribute("value")));
        var cancel = await db.Service<JobsPortal.Features.Cancellation.CancellationService>().CancelAsync(new(
            JobsPortal.Features.Cancellation.EntityIdentifier.ById(job.Id), await db.PrincipalAsync("tom.becker@example.com"), CancellationChannel.API));
        Assert.True(cancel.Succeeded);

        await host.Find("[data-testid=transition-confirm]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("cancelled by Tom Becker", host.Find("[data-testid=transition-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_job_is_created_from_the_form()
    {
        await using var db = await template.CloneAsync();
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        Task<JobMoved?>? shown = null;
        await host.InvokeAsync(() => { shown = LifecycleLauncher.ShowNewJobAsync(dialogs, snackbar); });
        host.WaitForElement("[data-testid=new-job-type]");
        Assert.True(host.Find("[data-testid=new-job-create]").HasAttribute("disabled"));

        var select = host.FindComponents<MudSelect<int>>().First();
        var general = (await db.Service<JobCreationService>().GetChoicesAsync()).Types.Single(t => t.AlternativeCode == "GEN");
        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(general.Id));
        host.Find("input[data-testid=new-job-account]").Change("ACR123456");
        host.Find("input[data-testid=new-job-description]").Change("Check the outdoor box");
        await host.Find("[data-testid=new-job-add-item]").ClickAsync(new());
        host.Find("input[data-testid=new-job-item-code]").Change("CBL-RG6");
        await host.Find("[data-testid=new-job-create]").ClickAsync(new());

        var created = await shown!.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.NotNull(created);
        await using var context = db.CreateContext();
        var saved = await context.Jobs.Include(j => j.Items).SingleAsync(j => j.Number == created.Number);
        Assert.Equal("Check the outdoor box", saved.Description);
        Assert.Equal("CBL-RG6", Assert.Single(saved.Items).ProductCode);
    }

    [Fact]
    public async Task New_job_with_dates_in_the_wrong_order_names_the_picked_days_and_creates_nothing()
    {
        await using var db = await template.CloneAsync();
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        // East of UTC a picked day starts on the day before in UTC: the sentence must still name the picked days.
        ctx.Services.GetRequiredService<JobsPortal.Shared.ViewerClock>().Use("Asia/Kolkata");
        var host = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        // The dialog's task ends when it closes, which this one must not: it is started, not awaited.
        Task<JobMoved?>? shown = null;
        await host.InvokeAsync(() => { shown = LifecycleLauncher.ShowNewJobAsync(dialogs, snackbar); });
        host.WaitForElement("[data-testid=new-job-type]");
        await using (var before = db.CreateContext())
        {
            var jobs = await before.Jobs.CountAsync();
            var general = (await db.Service<JobCreationService>().GetChoicesAsync()).Types.Single(t => t.AlternativeCode == "GEN");
            await host.InvokeAsync(() => host.FindComponents<MudSelect<int>>().First().Instance.ValueChanged.InvokeAsync(general.Id));
            host.Find("input[data-testid=new-job-account]").Change("ACR123456");
            host.Find("input[data-testid=new-job-description]").Change("Check the outdoor box");
            var pickers = host.FindComponents<MudDatePicker>();
            await host.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 5)));
            await host.InvokeAsync(() => pickers[1].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 4)));

            await host.Find("[data-testid=new-job-create]").ClickAsync(new());

            const string Sentence = "The expiration date 2026-11-04 is before the scheduled date 2026-11-05.";
            host.WaitForAssertion(() => Assert.Equal(Sentence, host.Find("[data-testid=new-job-error]").TextContent.Trim()));
            Assert.Contains(Sentence, host.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal);
            Assert.False(shown!.IsCompleted);
            await using var after = db.CreateContext();
            Assert.Equal(jobs, await after.Jobs.CountAsync());
        }
    }
}
