using System.Text;
using System.Text.RegularExpressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BulkCancelBrowserTests(BrowserFixture fixture)
{
    private async Task<JobsPortalDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();

    private static ILocator Rows(IPage page) => page.Locator("[data-testid=job-grid] tr.job-row");

    /// <summary>The grid shows the rows of the search in the address (a lesson of flaky runs: wait for the data before clicking).</summary>
    private static async Task WaitForResultsAsync(IPage page)
    {
        var search = new Uri(page.Url).PathAndQuery.TrimStart('/');
        await Assertions.Expect(page.GetByTestId("job-grid")).ToHaveAttributeAsync("data-results-for", search);
        await Assertions.Expect(page.GetByTestId("search-progress")).ToHaveCountAsync(0);
        await Assertions.Expect(Rows(page).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_agent_selects_30_jobs_over_two_pages_cancels_them_and_downloads_the_result()
    {
        // Open disconnections (draft, pending, in progress), newest first: jobs the other browser tests leave alone.
        int typeId;
        await using (var db = await DbAsync())
        {
            typeId = await db.JobTypes.Where(t => t.AlternativeCode == "DISC").Select(t => t.Id).SingleAsync();
        }
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoPeople.Agent, path: $"/jobs?cancellable=true&type={typeId}&sort=number&dir=desc");
        await WaitForResultsAsync(page);

        await page.Locator("input[data-testid=select-page]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("bulk-selected")).ToHaveTextAsync("25 selected");
        var numbers = (await Rows(page).Locator("a.job-link").AllTextContentsAsync()).ToList();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"page=2"));
        await WaitForResultsAsync(page);
        for (var i = 0; i < 5; i++)
        {
            await Rows(page).Nth(i).Locator("input[data-testid=select-row]").CheckAsync();
            numbers.Add(await Rows(page).Nth(i).Locator("a.job-link").TextContentAsync() ?? "");
        }
        await Assertions.Expect(page.GetByTestId("bulk-selected")).ToHaveTextAsync("30 selected");

        await page.GetByTestId("bulk-cancel-selected").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-eligible")).ToContainTextAsync("30 job(s) will be cancelled");
        await Assertions.Expect(page.Locator("[data-testid=bulk-type]")).ToHaveCountAsync(1);
        await page.GetByTestId("bulk-note").FillAsync("Customer moved abroad");
        await page.GetByTestId("bulk-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("bulk-run-state")).ToHaveTextAsync("Finished", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("bulk-run-counts")).ToHaveTextAsync("30 of 30 done: 30 cancelled, 0 already cancelled, 0 failed");
        await Assertions.Expect(page.Locator("[data-testid=bulk-outcome]", new() { HasText = "Cancelled" })).ToHaveCountAsync(30);
        var runId = int.Parse(await page.GetByTestId("bulk-run").GetAttributeAsync("data-run-id") ?? "", System.Globalization.CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("bulk-csv").ClickAsync());
        Assert.Equal($"bulk-run-{runId}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Bulk run,Job number,Job description,Job type,Outcome,Error code,Message,Processed at (UTC)", lines[0]);
        Assert.Equal(30, lines.Length - 1);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[1]).Order(StringComparer.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Matches(@",Cancelled,,,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$", l));

        await using var check = await DbAsync();
        var records = await check.JobCancellations.Where(c => c.BulkRunId == runId).Select(c => new { c.Job.Number, c.Note, c.Job.LifeCycleState }).ToListAsync();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), records.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(("Customer moved abroad", LifeCycleState.CANCELLED), (r.Note, r.LifeCycleState)));
    }
}
