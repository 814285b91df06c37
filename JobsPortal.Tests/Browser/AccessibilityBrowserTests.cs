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

/// <summary>
/// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page and dialog, in the light and the
/// dark theme. Each test walks one person's pages and reports every serious or critical finding at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    private readonly List<string> _findings = [];

    private async Task CheckAsync(IPage page, string where, string theme)
    {
        // The page's <title> is written by Blazor's HeadOutlet, which can land a moment after the page's heading
        // (a CI run under load checked "not found" in that moment): wait for it as a person's browser tab would show it.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        var result = await page.RunAxe(Wcag);
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html + " " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))));
            _findings.Add($"[{theme}] {where}: {violation.Id} ({violation.Impact}, {violation.Nodes.Length} nodes) {targets}");
        }
    }

    private async Task<IPage> PageInThemeAsync(string theme)
    {
        var page = await fixture.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = theme, Url = fixture.BaseUrl }]);
        return page;
    }

    // Menus fade in: colours measured mid-fade are blends, so wait until the menu is fully shown.
    private static Task WaitForPopoverAsync(IPage page) => page.WaitForFunctionAsync(
        "() => { const p = document.querySelector('.mud-popover-open'); return p !== null && getComputedStyle(p).opacity === '1'; }");

    private async Task<string> OpenJobNumberAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        return await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).Select(j => j.Number).FirstAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task An_agents_pages_and_the_cancel_dialog_have_no_serious_violations(string theme)
    {
        var number = await OpenJobNumberAsync();
        var page = await PageInThemeAsync(theme);

        await page.GotoAsync("/Account/Login");
        await CheckAsync(page, "sign-in", theme);
        await BrowserFixture.SignInAsync(page, DemoPeople.Agent);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("overview-due-soon")).ToBeVisibleAsync();
        await CheckAsync(page, "overview", theme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account of Maria Lopez" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await WaitForPopoverAsync(page);
        await CheckAsync(page, "user menu", theme);
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/jobs");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=job-grid] tr.job-row").First).ToBeVisibleAsync();
        await CheckAsync(page, "/jobs", theme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-type")).ToBeVisibleAsync();
        await WaitForPopoverAsync(page);
        await CheckAsync(page, "column chooser", theme);
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("new-job").ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-job-scheduled")).ToBeVisibleAsync();
        await CheckAsync(page, "new job dialog", theme);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("new-job-dialog")).ToHaveCountAsync(0);

        await page.GotoAsync("/bulk-runs");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My bulk runs" })).ToBeVisibleAsync();
        await CheckAsync(page, "/bulk-runs", theme);

        await page.GotoAsync($"/jobs/{number}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(number);
        await CheckAsync(page, "job page", theme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-summary")).ToBeVisibleAsync();
        await CheckAsync(page, "cancel dialog", theme);

        await page.GotoAsync("/cancellations");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await CheckAsync(page, "not allowed", theme);

        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await CheckAsync(page, "not found", theme);

        await page.GotoAsync("/api-docs");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CheckAsync(page, "/api-docs", theme);

        Assert.True(_findings.Count == 0, string.Join("\n", _findings));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_cancellations_page_and_the_review_dialog_have_no_serious_violations(string theme)
    {
        var page = await PageInThemeAsync(theme);
        await BrowserFixture.SignInAsync(page, DemoPeople.Supervisor, path: "/");
        await Assertions.Expect(page.GetByTestId("overview-by-reason")).ToBeVisibleAsync();
        await CheckAsync(page, "overview (supervisor)", theme);

        await page.GotoAsync("/cancellations");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=cancellations-grid] tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await page.GetByTestId("summary-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-top-agents")).ToBeVisibleAsync();
        await CheckAsync(page, "/cancellations", theme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose columns" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("column-channel")).ToBeVisibleAsync();
        await WaitForPopoverAsync(page);
        await CheckAsync(page, "column chooser (cancellations)", theme);
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-comment")).ToBeVisibleAsync();
        await CheckAsync(page, "review dialog", theme);

        Assert.True(_findings.Count == 0, string.Join("\n", _findings));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_admin_audit_with_its_viewers_days_has_no_serious_violations(string theme)
    {
        var page = await PageInThemeAsync(theme);
        await BrowserFixture.SignInAsync(page, DemoPeople.Admin, path: "/admin/audit");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin audit" })).ToBeVisibleAsync();
        await CheckAsync(page, "/admin/audit", theme);

        Assert.True(_findings.Count == 0, string.Join("\n", _findings));
    }
}
