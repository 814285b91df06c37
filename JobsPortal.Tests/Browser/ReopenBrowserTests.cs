using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using JobsPortal.Components.Shared;
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
    /// <summary>A recent cancellation not yet reopened that is already reviewed (so out of the default queue the review tests work in), with items.</summary>
    private async Task<string> ReviewedCancellationAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        var since = DateTime.UtcNow.AddDays(-25);
        return await db.JobCancellations
            .Where(c => c.ReopenedAt == null && c.CancelledAt > since && c.ReviewState == ReviewState.Reviewed && c.Items.Any())
            .OrderByDescending(c => c.Id).Select(c => c.Job.Number).FirstAsync();
    }

    [Fact]
    public async Task Supervisor_reopens_a_cancelled_job_and_finds_it_reopened_in_the_queue()
    {
        var number = await ReviewedCancellationAsync();
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

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_reopen_dialog_a_reopened_job_and_the_queue_have_no_serious_violations(string theme)
    {
        var findings = new List<string>();
        var wcag = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } };
        async Task CheckAsync(IPage page, string where, ILocator? only = null)
        {
            var result = only is null ? await page.RunAxe(wcag) : await only.RunAxe(wcag);
            findings.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"[{theme}] {where}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }
        var number = await ReviewedCancellationAsync();
        var page = await fixture.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = theme, Url = fixture.BaseUrl }]);
        await BrowserFixture.SignInAsync(page, DemoPeople.Supervisor, path: $"/jobs/{number}");
        await Assertions.Expect(page.GetByTestId("cancellation-panel")).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByTestId("reopen-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reopen-summary")).ToBeVisibleAsync();
        // The dialog itself, once it has faded in (colours measured mid-fade are blends); the page behind its overlay is dimmed on purpose.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await CheckAsync(page, "reopen dialog", page.Locator(".mud-dialog"));
        await page.GetByTestId("reopen-reason").FillAsync("Checked with the customer: keep it open.");
        await page.GetByTestId("reopen-reason").BlurAsync();
        await page.GetByTestId("confirm-reopen").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reopen-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reopen-dialog")).ToHaveCountAsync(0);
        // The reopened job as anyone opens it (without the snackbar, which fades in over the page).
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("reopen-panel")).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await CheckAsync(page, "reopened job");

        await page.GotoAsync("/cancellations?review=all&reopened=yes");
        await Assertions.Expect(page.GetByTestId("reopened-chip").First).ToBeVisibleAsync();
        await CheckAsync(page, "queue with reopened rows");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
