using System.Text.RegularExpressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CancelJobBrowserTests(BrowserFixture fixture)
{
    private async Task<JobsPortalDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();

    /// <summary>An open Fibre installation job with provided items; each test takes a different one (skip).</summary>
    private async Task<string> InstallationWithProvidedItemsAsync(int skip)
    {
        await using var db = await DbAsync();
        return await db.Jobs
            .Where(j => j.JobType.AlternativeCode == "INST" && j.LifeCycleState == LifeCycleState.IN_PROGRESS)
            .Where(j => j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED))
            .OrderByDescending(j => j.Id).Skip(skip).Select(j => j.Number).FirstAsync();
    }

    private static ILocator Select(IPage page, string label) => page.Locator($".mud-input-control.mud-select:has(label:text-is('{label}'))");

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await Select(page, label).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(Select(page, label).Locator("input.mud-input-slot")).ToHaveValueAsync(option);
    }

    [Fact]
    public async Task Agent_cancels_with_a_chosen_status_and_reason_and_provided_items_and_sees_the_result()
    {
        var number = await InstallationWithProvidedItemsAsync(skip: 0);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: $"/jobs/{number}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Cancel job {number}");
        await Assertions.Expect(Select(page, "Status").Locator("input.mud-input-slot")).ToHaveValueAsync("Cancelled by customer");
        await Assertions.Expect(Select(page, "Reason").Locator("input.mud-input-slot")).ToHaveValueAsync("Regret");
        await ChooseAsync(page, "Status", "Cancelled - not feasible");
        await ChooseAsync(page, "Reason", "Technically infeasible");
        await page.Locator("input[data-testid=cancel-provided]").CheckAsync();
        await page.GetByLabel("Note (optional)").FillAsync("Survey found no duct to the building.");
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToContainTextAsync("Cancelled - not feasible");
        await Assertions.Expect(page.GetByTestId("cancel-summary")).Not.ToContainTextAsync("stay with the customer");

        await page.GetByTestId("confirm-cancel").ClickAsync();

        await Assertions.Expect(page.GetByText($"Job {number} cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var panel = page.GetByTestId("cancellation-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Cancelled - not feasible");
        await Assertions.Expect(panel).ToContainTextAsync("Technically infeasible");
        await Assertions.Expect(panel).ToContainTextAsync("Maria Lopez");
        await Assertions.Expect(panel).ToContainTextAsync("Survey found no duct to the building.");
        await Assertions.Expect(page.GetByTestId("field-cancel-provided-left")).ToContainTextAsync("0 (provided items were cancelled too)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" })).ToHaveCountAsync(0);

        await using var db = await DbAsync();
        var record = await db.JobCancellations.Include(c => c.JobStatus).SingleAsync(c => c.Job.Number == number);
        Assert.Equal("CNLT", record.JobStatus.AlternativeCode);
        Assert.True(record.CancelProvidedItems);
        Assert.Equal(CancellationChannel.PORTAL, record.Channel);
        Assert.Equal(0, await db.JobItems.CountAsync(i => i.Job.Number == number && i.State != JobItemState.CANCELLED));
    }

    [Fact]
    public async Task A_completed_job_offers_no_cancel_button()
    {
        await using var db = await DbAsync();
        var number = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.COMPLETED).OrderBy(j => j.Id).Select(j => j.Number).FirstAsync();
        var page = await fixture.NewPageAsync();

        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: $"/jobs/{number}");

        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("job-actions")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Someone_who_has_the_job_open_sees_it_cancelled_without_reloading()
    {
        var number = await InstallationWithProvidedItemsAsync(skip: 1);
        var tom = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(tom, "tom.becker@example.com", path: $"/jobs/{number}");
        await tom.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        await Assertions.Expect(tom.GetByTestId("cancel-summary")).ToBeVisibleAsync();

        var maria = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(maria, "maria.lopez@example.com", path: $"/jobs/{number}");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        await maria.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(maria.GetByTestId("cancellation-panel")).ToBeVisibleAsync();

        await Assertions.Expect(tom.GetByTestId("cancel-already")).ToContainTextAsync("just cancelled by Maria Lopez");
        await Assertions.Expect(tom.GetByTestId("confirm-cancel")).ToBeDisabledAsync();
        await tom.GetByTestId("keep-job").FocusAsync();
        await tom.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tom.GetByTestId("cancellation-panel")).ToContainTextAsync("Maria Lopez");
    }

    [Fact]
    public async Task The_grid_row_menu_opens_the_dialog_and_escape_keeps_the_job()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: "/jobs?state=PENDING");
        var row = page.Locator("[data-testid=job-grid] tr.job-row").First;
        var number = (await row.Locator("a.job-link").TextContentAsync())!.Trim();

        await row.GetByTestId("row-actions").Locator("button").First.ClickAsync();
        await page.GetByTestId("row-cancel").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Cancel job {number}");
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToBeVisibleAsync();
        // A keyboard user is inside the dialog when they press Escape.
        await page.GetByTestId("keep-job").FocusAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=PENDING$"));
        await using var db = await DbAsync();
        Assert.Equal(LifeCycleState.PENDING, await db.Jobs.Where(j => j.Number == number).Select(j => j.LifeCycleState).SingleAsync());
    }
}
