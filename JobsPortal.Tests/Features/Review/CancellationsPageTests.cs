using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;

namespace JobsPortal.Tests.Features.Review;

public abstract class CancellationsPageTests(ReviewSeedFixture fixture)
{
    private const string WholeSeed = "2026-01-01";

    /// <summary>The page at an address with a query, beside the providers that the app's layout holds.</summary>
    private static IRenderedComponent<IComponent> RenderPage(AppTestContext ctx, string query)
    {
        ctx.Navigation.NavigateTo($"/cancellations?{query}");
        return ctx.RenderWithProviders<CancellationsPage>();
    }

    [Fact]
    public async Task Own_cancellations_offer_no_review_buttons_and_say_why()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, ReviewTestData.Supervisor);
        var saraId = await fixture.Db.UserIdAsync(ReviewTestData.Supervisor);

        var cut = RenderPage(ctx, $"from={WholeSeed}&review=all&by={saraId}");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=own-cancellation]")));
        var rows = cut.FindAll("[data-testid=cancellations-grid] tbody tr.mud-table-row");
        Assert.All(rows, row => Assert.Contains("Sara Khan (you)", row.TextContent, StringComparison.Ordinal));
        Assert.Equal(rows.Count, cut.FindAll("[data-testid=own-cancellation]").Count);
        Assert.Empty(cut.FindAll("button[aria-label=Flag]"));
        Assert.All(cut.FindAll("[data-testid=own-cancellation]"), e => Assert.Equal("Your own cancellation: another supervisor reviews it.", e.TextContent.Trim()));
    }

    [Fact]
    public async Task Flagged_rows_stand_out_and_the_totals_agree()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, ReviewTestData.Admin);
        var expected = (await fixture.Db.Queries().GetSummaryAsync(
            CancellationFilterQuery.Parse(k => k switch { "from" => WholeSeed, "review" => "Flagged", _ => null }, ReviewTestData.Today))).Total;

        var cut = RenderPage(ctx, $"from={WholeSeed}&review=Flagged");

        // The summary loads beside the grid, not with it: on PostgreSQL, on a loaded machine, it can land
        // well after bUnit's one-second default wait.
        var loaded = TimeSpan.FromSeconds(15);
        cut.WaitForAssertion(() => Assert.Equal($"{expected:N0} cancellations", cut.Find("[data-testid=grid-total]").TextContent.Trim()), loaded);
        cut.WaitForAssertion(() => Assert.Equal(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-testid=summary-total]").TextContent.Trim()), loaded);
        var rows = cut.FindAll("[data-testid=cancellations-grid] tbody tr.mud-table-row");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("cancellation-flagged", row.ClassName, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Contains("Flagged", row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bulk_flag_of_a_selection_with_own_cancellations_marks_nothing_and_names_them()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, ReviewTestData.Supervisor);
        var unitId = (await fixture.Db.AllAsync()).First(c => c.ByName == "Sara Khan").UnitId;
        var before = await fixture.Db.AllAsync();
        var cut = RenderPage(ctx, $"from={WholeSeed}&review=all&unit={unitId}");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=own-cancellation]")));
        var ownNumbers = cut.FindAll("[data-testid=cancellations-grid] tbody tr.mud-table-row")
            .Where(r => r.QuerySelector("[data-testid=own-cancellation]") is not null)
            .Select(r => r.QuerySelector("[data-testid=job-link]")!.TextContent.Trim()).ToList();

        await cut.InvokeAsync(() => cut.Find("[data-testid=cancellations-grid] thead input[type=checkbox]").Change(true));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=bulk-flagged]").Click());
        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=review-comment]"));
        await cut.InvokeAsync(() => cut.Find("textarea[data-testid=review-comment]").Input("Check the whole desk"));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=review-confirm]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Nothing was marked", cut.Find("[data-testid=review-error]").TextContent, StringComparison.Ordinal));
        var message = cut.Find("[data-testid=review-error]").TextContent;
        Assert.All(ownNumbers, n => Assert.Contains(n, message, StringComparison.Ordinal));
        Assert.Equal(before.OrderBy(c => c.Id).Select(c => (c.Id, c.State)), (await fixture.Db.AllAsync()).OrderBy(c => c.Id).Select(c => (c.Id, c.State)));
    }
}

// One body of tests, run on each database the app supports. (On PostgreSQL, under a loaded test run, the page's
// queries took longer than bUnit's one-second default wait: AppTestContext gives every wait ten.)

public sealed class CancellationsPageSqliteTests(ReviewSeedFixture fixture) : CancellationsPageTests(fixture), IClassFixture<ReviewSeedFixture>;

public sealed class CancellationsPagePostgreSqlTests(PostgreSqlReviewSeedFixture fixture)
    : CancellationsPageTests(fixture), IClassFixture<PostgreSqlReviewSeedFixture>;
