using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>
/// The pages at a phone's width (390), a small laptop's (1024×768) and a desktop's (1440×900): what
/// must be on the first screen is there. Each step also takes a screenshot, into the temporary folder,
/// or into JOBSPORTAL_SCREENSHOTS when it is set (docs/screenshots/ was made with it).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenSizeBrowserTests(BrowserFixture fixture)
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("JOBSPORTAL_SCREENSHOTS")
        ?? Path.Combine(Path.GetTempPath(), "jobsportal-screenshots");

    private static async Task ShootAsync(IPage page, string name, int width)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png") });
    }

    /// <summary>The element is wholly inside the window: no scrolling, sideways or down, to reach it.</summary>
    private static async Task AssertOnFirstScreenAsync(IPage page, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not shown.");
        var window = page.ViewportSize!;
        Assert.True(box.X >= 0 && box.X + box.Width <= window.Width && box.Y >= 0 && box.Y + box.Height <= window.Height,
            $"{what} is at ({box.X:0},{box.Y:0})-({box.X + box.Width:0},{box.Y + box.Height:0}), outside the {window.Width}×{window.Height} window.");
    }

    private async Task<string> PendingJobAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        return await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && !j.Cancellations.Any())
            .OrderBy(j => j.Id).Skip(3).Select(j => j.Number).FirstAsync();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1024, 768)]
    [InlineData(1440, 900)]
    public async Task Jobs_a_job_the_cancel_dialog_and_cancellations_fit_the_screen(int width, int height)
    {
        var number = await PendingJobAsync();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoPeople.Supervisor, path: "/");
        await Assertions.Expect(page.GetByTestId("overview")).ToBeVisibleAsync();
        await AssertOnFirstScreenAsync(page, page.GetByTestId("overview-search"), "The overview's search box");
        await ShootAsync(page, "overview", width);

        await page.GotoAsync("/jobs");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var row = page.Locator("[data-testid=job-grid] tr.job-row").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        await ShootAsync(page, "jobs", width);
        await AssertOnFirstScreenAsync(page, row.Locator("a.job-link"), "The first row's job number");
        if (width >= 600)
        {
            await AssertOnFirstScreenAsync(page, row.Locator("[data-testid=row-actions] button"), "The first row's actions");
        }
        else
        {
            // A phone's list: number, description and state.
            await AssertOnFirstScreenAsync(page, row.Locator("td").Nth(2), "The first row's description"); // after the (hidden) bulk tick box and the number
            await AssertOnFirstScreenAsync(page, row.Locator("[data-testid=state-chip]"), "The first row's state");
        }

        await page.GotoAsync($"/jobs/{number}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(number);
        await AssertOnFirstScreenAsync(page, page.GetByTestId("cancel-job"), "Cancel job");
        await ShootAsync(page, "job", width);

        await page.GetByTestId("cancel-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToBeVisibleAsync();
        await page.GetByTestId("confirm-cancel").ScrollIntoViewIfNeededAsync();
        await AssertOnFirstScreenAsync(page, page.GetByTestId("confirm-cancel"), "The dialog's confirm button");
        await ShootAsync(page, "cancel-dialog", width);
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/cancellations");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var reviewable = page.Locator("[data-testid=cancellations-grid] tbody tr.mud-table-row")
            .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }) }).First;
        await Assertions.Expect(reviewable).ToBeVisibleAsync();
        if (width < 600)
        {
            // A phone's list: the job with its reason, when, the review state and Reviewed/Flag, none of them sideways.
            await Assertions.Expect(page.GetByTestId("filter-reason")).ToBeHiddenAsync();
            await reviewable.ScrollIntoViewIfNeededAsync();
            await AssertOnFirstScreenAsync(page, reviewable.GetByTestId("job-link"), "The first row's job number");
            await AssertOnFirstScreenAsync(page, reviewable.GetByTestId("phone-reason"), "The first row's reason");
            await AssertOnFirstScreenAsync(page, reviewable.Locator("time"), "The first row's time");
            await AssertOnFirstScreenAsync(page, reviewable.GetByTestId("review-state"), "The first row's review state");
            await AssertOnFirstScreenAsync(page, reviewable.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed", Exact = true }), "Mark reviewed");
            await AssertOnFirstScreenAsync(page, reviewable.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }), "Flag");
            await Assertions.Expect(page.Locator("[data-testid=cancellations-grid] th", new() { HasText = "Channel" })).ToBeHiddenAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }
        else if (width >= 1024)
        {
            await AssertOnFirstScreenAsync(page, reviewable.GetByTestId("review-state"), "The first row's review state");
            await AssertOnFirstScreenAsync(page, reviewable.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed", Exact = true }), "Mark reviewed");
            await AssertOnFirstScreenAsync(page, reviewable.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }), "Flag");
        }
        await ShootAsync(page, "cancellations", width);
        await context.CloseAsync();
    }
}
