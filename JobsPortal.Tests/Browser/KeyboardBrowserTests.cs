using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>
/// The keyboard only, as someone who cannot use a mouse works: Tab, Shift+Tab, Enter, Space, Escape
/// and typing. No clicks, no focusing by script.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardBrowserTests(BrowserFixture fixture)
{
    private const int MaxTabs = 60;

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; returns how many presses it took.</summary>
    private static async Task<int> TabToAsync(IPage page, string selector, string key = "Tab")
    {
        for (var presses = 0; presses <= MaxTabs; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return presses;
            }
            await page.Keyboard.PressAsync(key);
        }
        throw new Xunit.Sdk.XunitException($"{selector} was not reached in {MaxTabs} presses of {key}.");
    }

    private async Task<string> PendingJobAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        return await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING && !j.Cancellations.Any())
            .OrderByDescending(j => j.Id).Skip(7).Select(j => j.Number).FirstAsync();
    }

    [Fact]
    public async Task An_agent_signs_in_finds_a_job_and_cancels_it_with_the_keyboard_only()
    {
        var number = await PendingJobAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await TabToAsync(page, "input[name='Input.Email']");
        await page.Keyboard.TypeAsync(DemoPeople.Agent);
        await TabToAsync(page, "input[name='Input.Password']");
        await page.Keyboard.TypeAsync(Data.Seeding.DemoCatalog.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Type the number, skip to the results: the first row is two presses from the search box.
        await TabToAsync(page, "input[data-testid=search-text]");
        await page.Keyboard.TypeAsync(number);
        await Assertions.Expect(page.GetByTestId("job-grid")).ToHaveAttributeAsync("data-results-for", new System.Text.RegularExpressions.Regex(number));
        var presses = await TabToAsync(page, "[data-testid=skip-to-results]");
        Assert.True(presses <= 2, $"The skip link took {presses} presses of Tab from the search box.");
        await page.Keyboard.PressAsync("Enter");
        // Skip to results focuses the first row.
        await page.WaitForFunctionAsync("() => document.activeElement?.matches('tr.job-row') ?? false");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(number);
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Open the dialog, leave it with Escape: the focus goes into it, and back to the button.
        await TabToAsync(page, "button[data-testid=cancel-job]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("cancel-job")).ToBeFocusedAsync();

        // Again with Space, and confirm.
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToBeVisibleAsync();
        await TabToAsync(page, "button[data-testid=confirm-cancel]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("cancellation-panel")).ToContainTextAsync("Maria Lopez");
        await Assertions.Expect(page.Locator("[data-testid=job-header] [data-testid=state-chip]")).ToHaveAttributeAsync("data-state", "CANCELLED");
    }
}
