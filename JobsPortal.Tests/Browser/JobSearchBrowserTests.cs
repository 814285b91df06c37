using System.Text.RegularExpressions;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class JobSearchBrowserTests(BrowserFixture fixture)
{
    private static ILocator TypeFilter(IPage page) => page.Locator(".mud-input-control.mud-select:has(label:text-is('Type'))");

    private static ILocator Rows(IPage page) => page.Locator("[data-testid=job-grid] tr.job-row");

    private static ILocator NumberLinks(IPage page) => page.Locator("[data-testid=job-grid] tr.job-row a.job-link");

    private static async Task<List<string>> ShownNumbersAsync(IPage page) =>
        [.. (await NumberLinks(page).AllTextContentsAsync()).Select(t => t.Trim())];

    /// <summary>Waits until the grid shows the results of the search in the address bar, and no other search runs.</summary>
    private static async Task WaitForResultsAsync(IPage page)
    {
        var search = new Uri(page.Url).PathAndQuery.TrimStart('/');
        await Assertions.Expect(page.GetByTestId("job-grid")).ToHaveAttributeAsync("data-results-for", search);
        await Assertions.Expect(page.GetByTestId("search-progress")).ToHaveCountAsync(0);
        await Assertions.Expect(Rows(page).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Filter_by_state_and_type_open_a_job_and_come_back_to_the_same_filters_and_page()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: "/jobs");
        await Assertions.Expect(page).ToHaveURLAsync(JobsUrl());
        await WaitForResultsAsync(page);

        await page.GetByTestId("state-option-COMPLETED").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=COMPLETED$"));
        await page.GetByTestId("more-filters").ClickAsync();
        await TypeFilter(page).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Fibre installation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=COMPLETED&type=\d+$"));
        await WaitForResultsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=job-grid] tr.job-row [data-testid=state-chip][data-state=COMPLETED]")).ToHaveCountAsync(25);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=COMPLETED&type=\d+&page=2$"));
        await WaitForResultsAsync(page);
        var searchUrl = page.Url;
        var shown = await ShownNumbersAsync(page);
        Assert.All(await page.Locator("[data-testid=job-grid] tr.job-row td:nth-child(4)").AllTextContentsAsync(), // after the bulk tick box, the number and the description
            type => Assert.Equal("Fibre installation", type.Trim()));

        await Rows(page).Nth(4).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/jobs/{shown[4]}$"));
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync(shown[4]);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex($"^{shown[4]} · Fibre installation - .+ · JobsPortal$"));

        await page.GoBackAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        Assert.Equal(searchUrl, page.Url);
        await WaitForResultsAsync(page);
        await Assertions.Expect(page.GetByTestId("job-grid")).ToHaveAttributeAsync("data-page", "2");
        await Assertions.Expect(NumberLinks(page)).ToHaveTextAsync([.. shown]);
        await Assertions.Expect(page.GetByTestId("state-option-COMPLETED")).ToHaveClassAsync(new Regex("mud-chip-selected"));
        // The type sits behind "More filters", shown as an active filter that can be removed.
        var typeChip = page.GetByTestId("active-filter").Filter(new() { HasText = "Type: Fibre installation" });
        await Assertions.Expect(typeChip).ToBeVisibleAsync();
        await typeChip.Locator(".mud-chip-close-button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=COMPLETED$"));
    }

    [Fact]
    public async Task Back_and_forward_move_between_searches()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tom.becker@example.com", path: "/jobs");
        await WaitForResultsAsync(page);
        var everything = await ShownNumbersAsync(page);

        await page.GetByTestId("state-option-DRAFT").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=DRAFT$"));
        await WaitForResultsAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=job-grid] tr.job-row [data-testid=state-chip][data-state=DRAFT]")).ToHaveCountAsync(25);
        var drafts = await ShownNumbersAsync(page);

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(JobsUrl());
        await Assertions.Expect(page.GetByTestId("state-option-DRAFT")).Not.ToHaveClassAsync(new Regex("mud-chip-selected"));
        await Assertions.Expect(NumberLinks(page)).ToHaveTextAsync([.. everything]);

        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?state=DRAFT$"));
        await Assertions.Expect(NumberLinks(page)).ToHaveTextAsync([.. drafts]);
    }

    [Fact]
    public async Task A_whole_job_number_and_Enter_open_the_job_and_a_focused_row_opens_on_Enter()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: "/jobs");
        await WaitForResultsAsync(page);

        await page.Locator("input[data-testid=search-text]").FillAsync("j00000042");
        await page.Locator("input[data-testid=search-text]").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/jobs/J00000042$"));
        await Assertions.Expect(page.GetByTestId("job-number")).ToHaveTextAsync("J00000042");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(JobsUrl());
        await BrowserFixture.WaitForInteractiveAsync(page);
        await WaitForResultsAsync(page);
        var second = (await ShownNumbersAsync(page))[1];
        await Rows(page).Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/jobs/{second}$"));
    }

    [Fact]
    public async Task Words_search_after_a_pause_and_an_empty_result_offers_to_clear_the_filters()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com", path: "/jobs");
        await WaitForResultsAsync(page);

        await page.Locator("input[data-testid=search-text]").PressSequentiallyAsync("harbour");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/jobs\?q=harbour$"));
        await WaitForResultsAsync(page);
        Assert.All(await page.Locator("[data-testid=job-grid] tr.job-row td:nth-child(3)").AllTextContentsAsync(), // after the bulk tick box and the number
            description => Assert.Contains("harbour", description, StringComparison.OrdinalIgnoreCase));

        await page.Locator("input[data-testid=search-text]").FillAsync("nosuchwordanywhere");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await page.GetByTestId("empty-clear-filters").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(JobsUrl());
        await WaitForResultsAsync(page);
        await Assertions.Expect(page.Locator("input[data-testid=search-text]")).ToHaveValueAsync("");
    }

    [GeneratedRegex(@"/jobs$")]
    private static partial Regex JobsUrl();

    [Fact]
    public async Task Date_filters_are_written_yyyy_MM_dd_like_the_rest_of_the_app()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoPeople.Agent, path: "/jobs?created-from=2026-01-02");
        await Assertions.Expect(page.GetByTestId("active-filter")).ToContainTextAsync("Created from: 2026-01-02");

        await page.GetByTestId("more-filters").ClickAsync();

        await Assertions.Expect(page.Locator("input[data-testid=created-from], [data-testid=created-from] input").First).ToHaveValueAsync("2026-01-02");
    }
}
