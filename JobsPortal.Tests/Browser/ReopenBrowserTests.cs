using System.Text.RegularExpressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReopenBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Supervisor_reopens_a_cancelled_job_and_finds_it_reopened_in_the_queue()
    {
        // A recent cancellation that is already reviewed (so out of the default queue the review tests work in), with items.
        string number;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync())
        {
            var since = DateTime.UtcNow.AddDays(-25);
            number = await db.JobCancellations
                .Where(c => c.ReopenedAt == null && c.CancelledAt > since && c.ReviewState == ReviewState.Reviewed && c.Items.Any())
                .OrderByDescending(c => c.Id).Select(c => c.Job.Number).FirstAsync();
        }
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoPeople.Supervisor, path: $"/jobs/{number}");
        await Assertions.Expect(page.GetByTestId("cancellation-panel")).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByTestId("reopen-job").ClickAsync();
        var dialog = page.GetByTestId("reopen-dialog");
        await Assertions.Expect(dialog.GetByTestId("reopen-summary")).ToContainTextAsync("goes back to");
        const string reason = "The customer called back the same day: the cancel was a misunderstanding.";
        await dialog.GetByTestId("reopen-reason").FillAsync(reason);
        await dialog.GetByTestId("reopen-reason").BlurAsync();
        await page.GetByTestId("confirm-reopen").ClickAsync();

        await Assertions.Expect(page.GetByText($"Job {number} reopened")).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("reopen-panel")).ToContainTextAsync(reason);
        await Assertions.Expect(page.GetByTestId("cancellation-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Reopened");

        await page.GotoAsync("/cancellations?review=all&reopened=yes");
        var row = page.Locator("[data-testid=cancellations-grid] tbody tr.mud-table-row").Filter(new() { HasText = number });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("reopened-chip")).ToHaveTextAsync(new Regex("Reopened"));
    }
}
