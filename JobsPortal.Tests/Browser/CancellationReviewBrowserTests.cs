using System.Text.RegularExpressions;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class CancellationReviewBrowserTests(BrowserFixture fixture)
{
    private static ILocator GridRows(IPage page) => page.Locator("[data-testid=cancellations-grid] tbody tr.mud-table-row");

    private static async Task ChooseAsync(IPage page, string filterTestId, string option)
    {
        await page.Locator($"[data-testid={filterTestId}] .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    [Fact]
    public async Task Supervisor_filters_by_a_reason_flags_a_cancellation_and_finds_the_flag()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "sara.khan@example.com");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancellations", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cancellations", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Filter by a reason: the address carries it, and every row shows it.
        await ChooseAsync(page, "filter-reason", "Customer unreachable");
        await Assertions.Expect(page).ToHaveURLAsync(ReasonInUrl());
        await Assertions.Expect(GridRows(page).Filter(new() { HasNotText = "Customer unreachable" })).ToHaveCountAsync(0);
        await Assertions.Expect(GridRows(page).First).ToContainTextAsync("Customer unreachable");

        // Flag the first row that is not Sara's own cancellation (her own have no review buttons).
        var row = GridRows(page).Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }) }).First;
        var number = (await row.GetByTestId("job-link").InnerTextAsync()).Trim();
        const string comment = "Three calls in one morning is not three attempts: call back before cancelling.";
        await row.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }).ClickAsync();
        await page.GetByTestId("review-comment").FillAsync(comment);
        await page.GetByTestId("review-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText($"The cancellation of {number} flagged.")).ToBeVisibleAsync();

        // The queue shows what is not yet reviewed, so the row leaves it; the Flagged view has it, highlighted.
        await Assertions.Expect(GridRows(page).Filter(new() { HasText = number })).ToHaveCountAsync(0);
        await ChooseAsync(page, "filter-review", "Flagged");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("review=Flagged"));
        var flagged = GridRows(page).Filter(new() { HasText = number });
        await Assertions.Expect(flagged).ToHaveClassAsync(new Regex("cancellation-flagged"));
        await Assertions.Expect(flagged).ToContainTextAsync(comment);

        // Its review history, the panel the job's detail page shows.
        await flagged.GetByRole(AriaRole.Button, new() { Name = "Expand group" }).ClickAsync();
        var panel = page.GetByTestId("cancellation-review-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Flagged by Sara Khan");
        await Assertions.Expect(panel).ToContainTextAsync(comment);

        // And on the job's own page, through the job link.
        await page.GetByTestId("job-link").Filter(new() { HasText = number }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/jobs/{number}$"));
        await Assertions.Expect(page.GetByTestId("cancellation-review-panel")).ToContainTextAsync(comment);
    }

    [Fact]
    public async Task Filters_live_in_the_address_so_back_returns_to_the_previous_filter()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@example.com", path: "/cancellations?review=all");
        await Assertions.Expect(page.GetByTestId("grid-total")).Not.ToHaveTextAsync(new Regex("^0 "));
        var everything = await page.GetByTestId("grid-total").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("summary-total")).ToHaveTextAsync(everything.Split(' ')[0]);

        await ChooseAsync(page, "filter-channel", "API");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("channel=API"));
        await Assertions.Expect(page.GetByTestId("grid-total")).Not.ToHaveTextAsync(everything);
        var api = await page.GetByTestId("grid-total").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("summary-total")).ToHaveTextAsync(api.Split(' ')[0]);

        await page.GoBackAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("channel="));
        await Assertions.Expect(page.GetByTestId("grid-total")).ToHaveTextAsync(everything);

        // Export CSV downloads every row of this filter, not just the page on screen.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Matches("^cancellations_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(Features.Review.CsvReadBack.StartsWithUtf8ByteOrderMark(bytes));
        var (_, rows) = await Features.Review.CsvReadBack.ReadAsync(bytes);
        Assert.Equal(everything.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Agent_who_navigates_to_cancellations_inside_the_app_is_shown_not_allowed()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tom.becker@example.com");

        // A client-side navigation, as a link inside the app would do: the router's NotAllowed, not an error.
        await page.EvaluateAsync("Blazor.navigateTo('/cancellations')");

        await Assertions.Expect(page.GetByText("You are not allowed to see this page")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cancellations-grid")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("reason=\\d+")]
    private static partial Regex ReasonInUrl();
}
