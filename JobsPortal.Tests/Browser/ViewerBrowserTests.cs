using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>What each viewer brings: their browser's time zone, and the grid columns they chose, which follow them to another browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerBrowserTests(BrowserFixture fixture)
{
    private async Task<IPage> BrowserPageAsync(string? timezoneId = null)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, TimezoneId = timezoneId });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_browser_in_Kolkata_sees_its_own_times_with_UTC_on_hover_from_the_first_paint()
    {
        var kolkata = ViewerClock.Find("Asia/Kolkata")!;
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        var job = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.ScheduledDate != null)
            .OrderBy(j => j.Id).Select(j => new { j.Number, j.ScheduledDate, j.CreatedAt }).FirstAsync();
        var page = await BrowserPageAsync("Asia/Kolkata");
        await BrowserFixture.SignInAsync(page, DemoPeople.Agent, path: $"/jobs/{job.Number}");

        var scheduled = page.Locator("[data-testid=field-scheduled-date] time");
        await Assertions.Expect(scheduled).ToHaveTextAsync(ViewerClock.Minutes(job.ScheduledDate!.Value, kolkata));
        await Assertions.Expect(scheduled).ToHaveAttributeAsync("title", ViewerClock.UtcText(job.ScheduledDate.Value));
        Assert.NotEqual(Formats.Minutes(job.ScheduledDate.Value), await scheduled.TextContentAsync());
        // Chromium names Kolkata by its older alias, Asia/Calcutta: the same zone.
        await Assertions.Expect(page.GetByTestId("zone-hint").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Asia/(Kolkata|Calcutta) \(UTC\+05:30\)"));

        // The server's own first paint (what shows before the circuit connects) is already in Kolkata's time.
        var html = await (await page.Context.APIRequest.GetAsync($"/jobs/{job.Number}")).TextAsync();
        Assert.Contains($">{ViewerClock.Minutes(job.CreatedAt, kolkata)}</time>", html, StringComparison.Ordinal);

        // The date filters name Kolkata's days.
        await page.GotoAsync("/jobs");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=job-grid] tr.job-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("zone-hint").First).ToContainTextAsync("(UTC+05:30)");
        var firstCreated = page.Locator("[data-testid=job-grid] tr.job-row").First.Locator("time").Nth(2);
        var title = await firstCreated.GetAttributeAsync("title");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$", title);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UTC_is_one_keyboard_choice_away_in_the_account_menu_and_stays_chosen()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        var job = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.ScheduledDate != null)
            .OrderBy(j => j.Id).Select(j => new { j.Number, j.ScheduledDate, j.CreatedAt }).FirstAsync();
        var kolkata = ViewerClock.Find("Asia/Kolkata")!;
        var page = await BrowserPageAsync("Asia/Kolkata");
        await BrowserFixture.SignInAsync(page, DemoPeople.OtherAgent, path: $"/jobs/{job.Number}");
        var scheduled = page.Locator("[data-testid=field-scheduled-date] time");
        await Assertions.Expect(scheduled).ToHaveTextAsync(ViewerClock.Minutes(job.ScheduledDate!.Value, kolkata));

        // The keyboard only: the account menu's button, Enter, the menu item, Enter.
        await page.GetByTestId("user-menu").GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var utc = page.GetByRole(AriaRole.Menuitemcheckbox, new() { Name = "Show times in UTC" });
        await Assertions.Expect(utc).ToHaveAttributeAsync("aria-checked", "false");
        await utc.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The shared machine is slow at times: wait as long as a sign-in may take.
        await Assertions.Expect(scheduled).ToHaveTextAsync(Formats.Minutes(job.ScheduledDate.Value), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("zone-hint").First).ToHaveTextAsync("Times in UTC");

        // Kept for the person: the next page's first paint, from the server, is already in UTC.
        var html = await (await page.Context.APIRequest.GetAsync($"/jobs/{job.Number}")).TextAsync();
        Assert.Contains($">{Formats.Minutes(job.CreatedAt)}</time>", html, StringComparison.Ordinal);

        // And back to their own zone, as this person was found: the menu stays open after the choice.
        await Assertions.Expect(utc).ToHaveAttributeAsync("aria-checked", "true");
        await utc.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(scheduled).ToHaveTextAsync(ViewerClock.Minutes(job.ScheduledDate.Value, kolkata));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hidden_columns_follow_the_person_to_another_browser()
    {
        var first = await BrowserPageAsync();
        await BrowserFixture.SignInAsync(first, DemoPeople.OtherSupervisor, path: "/jobs");
        var jobsHeaders = first.Locator("[data-testid=job-grid] thead th");
        await Assertions.Expect(jobsHeaders.Filter(new() { HasText = "Type" })).ToHaveCountAsync(1);
        await first.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await first.GetByTestId("column-type").ClickAsync();
        await Assertions.Expect(jobsHeaders.Filter(new() { HasText = "Type" })).ToHaveCountAsync(0);
        await first.Keyboard.PressAsync("Escape");

        await first.GotoAsync("/cancellations");
        await BrowserFixture.WaitForInteractiveAsync(first);
        var reviewHeaders = first.Locator("[data-testid=cancellations-grid] thead th");
        await Assertions.Expect(reviewHeaders.Filter(new() { HasText = "Channel" })).ToHaveCountAsync(1);
        await first.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await first.GetByTestId("column-channel").ClickAsync();
        await Assertions.Expect(reviewHeaders.Filter(new() { HasText = "Channel" })).ToHaveCountAsync(0);
        await first.Context.CloseAsync();

        // Another browser: no cookie, no storage of the first.
        var second = await BrowserPageAsync();
        await BrowserFixture.SignInAsync(second, DemoPeople.OtherSupervisor, path: "/jobs");
        var headers = second.Locator("[data-testid=job-grid] thead th");
        await Assertions.Expect(second.Locator("[data-testid=job-grid] tr.job-row").First).ToBeVisibleAsync();
        await Assertions.Expect(headers.Filter(new() { HasText = "Type" })).ToHaveCountAsync(0);
        await Assertions.Expect(headers.Filter(new() { HasText = "Number" })).ToHaveCountAsync(1);
        await Assertions.Expect(headers.Filter(new() { HasText = "Actions" })).ToHaveCountAsync(1);
        // Shown again, for the next test that signs in as this person.
        await second.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await Assertions.Expect(second.GetByTestId("column-type")).ToHaveAttributeAsync("data-shown", "false");
        await second.GetByTestId("column-type").ClickAsync();
        await Assertions.Expect(headers.Filter(new() { HasText = "Type" })).ToHaveCountAsync(1);
        await second.Keyboard.PressAsync("Escape");

        await second.GotoAsync("/cancellations");
        await BrowserFixture.WaitForInteractiveAsync(second);
        var cancellationHeaders = second.Locator("[data-testid=cancellations-grid] thead th");
        await Assertions.Expect(second.Locator("[data-testid=cancellations-grid] tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await Assertions.Expect(cancellationHeaders.Filter(new() { HasText = "Channel" })).ToHaveCountAsync(0);
        await Assertions.Expect(cancellationHeaders.Filter(new() { HasText = "Review" })).ToHaveCountAsync(1);
        await second.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await second.GetByTestId("column-channel").ClickAsync();
        await Assertions.Expect(cancellationHeaders.Filter(new() { HasText = "Channel" })).ToHaveCountAsync(1);
        await second.Context.CloseAsync();
    }
}
