using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using static JobsPortal.Tests.Features.Review.PageHarness;

namespace JobsPortal.Tests.Features.Review;

/// <summary>
/// The cancellations page without rendering it (see <see cref="PageHarness"/>). Tests that review
/// work on a copy of the seeded database.
/// </summary>
public abstract class CancellationsPageStateTests(ReviewSeedFixture fixture)
{
    private const string WholeSeed = "2026-01-01";

    private static PageHarness Create(TestDatabase db, string address = "cancellations", JobChangeNotifier? notifier = null) =>
        PageHarness.Create(db, address, notifier);

    [Fact]
    public async Task The_address_sets_the_filter_and_only_a_new_filter_reloads_and_clears_the_selection()
    {
        using var page = Create(fixture.Db);
        var state = page.State;
        var flagged = Query(("from", WholeSeed), ("review", "Flagged"));

        state.ReadAddress(flagged);
        Assert.Equal(new DateOnly(2026, 1, 1), state.Filter.From);
        Assert.Equal(ReviewState.Flagged, state.Filter.ReviewState);
        Assert.Null(state.Summary);

        Assert.True(await state.ShowAddressAsync(flagged));
        var flaggedTotal = state.Summary!.Total;
        Assert.Equal((await fixture.Db.Queries().GetSummaryAsync(state.Filter)).Total, flaggedTotal);
        state.Selected = [.. (await RowsAsync(state)).Take(2)];

        Assert.False(await state.ShowAddressAsync(flagged));
        Assert.Equal(2, state.Selected.Count);

        Assert.True(await state.ShowAddressAsync(Query(("from", WholeSeed), ("review", "all"))));
        Assert.Empty(state.Selected);
        Assert.Null(state.Filter.ReviewState);
        Assert.True(state.Summary.Total > flaggedTotal);
    }

    [Fact]
    public void Applying_a_filter_navigates_to_its_address_keeping_the_shared_link_names_and_dropping_defaults()
    {
        using var page = Create(fixture.Db, "cancellations?channel=API&review=Flagged&from=2026-10-01&to=2026-10-31");
        var state = page.State;

        state.Apply(CancellationFilter.Default(state.Today) with { ReasonId = 3, ReviewState = null, ProvidedItemsLeft = false });
        state.Apply(CancellationFilter.Default(state.Today).LastDays(7, state.Today) with { Channel = CancellationChannel.PORTAL, CancelledByUserId = "a b" });
        state.Apply(CancellationFilter.Default(state.Today));

        Assert.Collection(page.Address.Visited,
            uri => Assert.Equal("http://localhost/cancellations?review=all&reason=3&left=no", uri),
            uri => Assert.Equal("http://localhost/cancellations?from=2026-10-27&to=2026-11-02&by=a%20b&channel=PORTAL", uri),
            uri => Assert.Equal("http://localhost/cancellations", uri));
    }

    [Fact]
    public void The_export_link_always_carries_both_dates_and_the_rest_of_the_filter()
    {
        using var page = Create(fixture.Db);
        var state = page.State;

        state.ReadAddress(Query(("review", "all"), ("unit", "4")));

        Assert.Equal("/cancellations/export?from=2026-10-04&to=2026-11-02&unit=4&review=all", state.ExportUri);
        Assert.Equal("cancellations_2026-10-04_2026-11-02.csv", state.Filter.ExportFileName);
    }

    public static TheoryData<CancellationSort> Sorts => [.. Enum.GetValues<CancellationSort>()];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Sorting_the_grid_by_a_column_sorts_by_its_typed_sort(CancellationSort sort)
    {
        using var page = Create(fixture.Db);
        var state = page.State;
        state.ReadAddress(Query(("from", WholeSeed), ("review", "all")));
        var queries = fixture.Db.Queries();

        // A column names the row property it shows; for each typed sort, the property of the same name.
        var ascending = await state.LoadRowsAsync(Grid(sort.ToString(), pageSize: 25), CancellationToken.None);
        var descending = await state.LoadRowsAsync(Grid(sort.ToString(), descending: true, pageSize: 25), CancellationToken.None);

        Assert.Equal((await queries.GetPageAsync(state.Filter, sort, false, 0, 25)).Rows.Select(r => r.Id), ascending.Items.Select(r => r.Id));
        Assert.Equal((await queries.GetPageAsync(state.Filter, sort, true, 0, 25)).Rows.Select(r => r.Id), descending.Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(nameof(CancellationRow.Note))]
    public async Task Without_a_sortable_column_the_grid_shows_the_newest_first(string? column)
    {
        using var page = Create(fixture.Db);
        var state = page.State;
        state.ReadAddress(Query(("from", WholeSeed), ("review", "all")));

        var rows = await state.LoadRowsAsync(Grid(column, pageSize: 25), CancellationToken.None);

        var newest = await fixture.Db.Queries().GetPageAsync(state.Filter, CancellationSort.CancelledAt, true, 0, 25);
        Assert.Equal(newest.Rows.Select(r => r.Id), rows.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task The_grid_gets_the_page_and_sort_it_asks_for_and_the_total_of_the_filter()
    {
        using var page = Create(fixture.Db);
        var state = page.State;
        state.ReadAddress(Query(("from", WholeSeed), ("review", "all")));

        var first = await state.LoadRowsAsync(Grid(nameof(CancellationRow.JobNumber), page: 0, pageSize: 10), CancellationToken.None);
        var second = await state.LoadRowsAsync(Grid(nameof(CancellationRow.JobNumber), page: 1, pageSize: 10), CancellationToken.None);

        var numbers = first.Items.Concat(second.Items).Select(r => r.JobNumber).ToList();
        Assert.Equal(20, numbers.Count);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        var expected = (await fixture.Db.Queries().GetSummaryAsync(state.Filter)).Total;
        Assert.Equal(expected, first.TotalItems);
        Assert.Equal(expected, state.Total);
    }

    [Fact]
    public async Task Changes_made_elsewhere_within_the_window_share_one_reload_after_it()
    {
        using var page = Create(fixture.Db);
        await page.State.StartAsync(await fixture.Db.PrincipalAsync(ReviewTestData.Supervisor));
        await page.State.ShowAddressAsync(Query());

        for (var i = 0; i < 5; i++)
        {
            await page.Notifier.PublishAsync(new JobChanged(i, $"J{i:D8}", JobChangeKind.Reviewed, LifeCycleState.CANCELLED, "Chen Wei", DateTime.UtcNow));
        }
        page.Clock.Advance(CancellationsPageState.ChangeReloadDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, page.View.Dispatched);

        page.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await page.View.Refreshed.WaitAsync(TimeSpan.FromSeconds(30));
        page.Clock.Advance(CancellationsPageState.ChangeReloadDelay * 4);

        Assert.Equal(1, page.View.Dispatched);
        Assert.Equal(1, page.View.Refreshes);
    }

    [Fact]
    public async Task A_closed_page_no_longer_follows_changes()
    {
        var page = Create(fixture.Db);
        await page.State.StartAsync(await fixture.Db.PrincipalAsync(ReviewTestData.Supervisor));
        await page.Notifier.PublishAsync(new JobChanged(1, "J00000001", JobChangeKind.Cancelled, LifeCycleState.CANCELLED, "Tom", DateTime.UtcNow));

        page.Dispose();
        page.Clock.Advance(CancellationsPageState.ChangeReloadDelay * 2);
        await page.Notifier.PublishAsync(new JobChanged(2, "J00000002", JobChangeKind.Cancelled, LifeCycleState.CANCELLED, "Tom", DateTime.UtcNow));
        page.Clock.Advance(CancellationsPageState.ChangeReloadDelay * 2);

        Assert.Equal(0, page.View.Dispatched);
    }

    [Fact]
    public async Task A_review_flags_the_rows_says_so_clears_the_selection_and_reloads_once()
    {
        await using var db = await fixture.Db.CloneAsync();
        using var page = Create(db, notifier: db.Services.GetRequiredService<JobChangeNotifier>());
        var state = page.State;
        await state.StartAsync(await db.PrincipalAsync(ReviewTestData.Supervisor));
        await state.ShowAddressAsync(Query(("from", WholeSeed)));
        var queueBefore = state.Summary!.Total;
        var rows = (await RowsAsync(state)).Where(r => !state.IsOwn(r)).Take(2).ToList();
        state.Selected = [.. rows];
        page.View.Answer = "Two calls are not enough";

        await state.ReviewAsync(ReviewState.Flagged, rows);

        var asked = Assert.Single(page.View.Asked);
        Assert.Equal(ReviewState.Flagged, asked.State);
        Assert.Equal(rows.Select(r => r.JobNumber), asked.JobNumbers);
        Assert.Equal(["2 cancellations flagged."], page.View.Confirmed);
        Assert.Null(state.Error);
        Assert.Empty(state.Selected);
        Assert.Equal(1, page.View.Refreshes);
        // The flagged rows left the not-reviewed queue, and the summary already says so.
        Assert.Equal(queueBefore - 2, state.Summary.Total);
        var saved = (await db.AllAsync()).Where(c => rows.Any(r => r.Id == c.Id)).ToList();
        Assert.All(saved, c => Assert.Equal(ReviewState.Flagged, c.State));
        // The service announced both marks while the page was reviewing: no second reload follows.
        page.Clock.Advance(CancellationsPageState.ChangeReloadDelay * 2);
        Assert.Equal(0, page.View.Dispatched);
    }

    [Fact]
    public async Task A_single_review_names_its_job()
    {
        await using var db = await fixture.Db.CloneAsync();
        using var page = Create(db);
        var state = page.State;
        await state.StartAsync(await db.PrincipalAsync(ReviewTestData.Admin));
        await state.ShowAddressAsync(Query(("from", WholeSeed)));
        var row = (await RowsAsync(state)).First(r => !state.IsOwn(r));

        await state.ReviewAsync(ReviewState.Reviewed, [row]);

        Assert.Equal([$"The cancellation of {row.JobNumber} marked reviewed."], page.View.Confirmed);
    }

    [Fact]
    public async Task A_cancelled_dialog_marks_nothing()
    {
        await using var db = await fixture.Db.CloneAsync();
        using var page = Create(db);
        var state = page.State;
        await state.StartAsync(await db.PrincipalAsync(ReviewTestData.Supervisor));
        await state.ShowAddressAsync(Query(("from", WholeSeed)));
        var row = (await RowsAsync(state)).First(r => !state.IsOwn(r));
        page.View.Answer = null;

        await state.ReviewAsync(ReviewState.Reviewed, [row]);

        Assert.Single(page.View.Asked);
        Assert.Empty(page.View.Confirmed);
        Assert.Equal(0, page.View.Refreshes);
        Assert.Equal(ReviewState.NotReviewed, (await db.AllAsync()).Single(c => c.Id == row.Id).State);
    }

    [Fact]
    public async Task A_refused_review_keeps_the_selection_and_shows_why()
    {
        await using var db = await fixture.Db.CloneAsync();
        using var page = Create(db);
        var state = page.State;
        await state.StartAsync(await db.PrincipalAsync(ReviewTestData.Supervisor));
        var saraId = await db.UserIdAsync(ReviewTestData.Supervisor);
        await state.ShowAddressAsync(Query(("from", WholeSeed), ("review", "all")));
        var rows = await RowsAsync(state);
        var own = rows.First(state.IsOwn);
        Assert.Equal(saraId, own.CancelledByUserId);
        var selection = rows.Where(r => !state.IsOwn(r)).Take(2).Append(own).ToList();
        state.Selected = [.. selection];
        page.View.Answer = "Check the whole desk";

        await state.ReviewAsync(ReviewState.Flagged, selection);

        Assert.StartsWith("Nothing was marked", state.Error, StringComparison.Ordinal);
        Assert.Contains(own.JobNumber, state.Error, StringComparison.Ordinal);
        Assert.Equal(3, state.Selected.Count);
        Assert.Empty(page.View.Confirmed);
        Assert.Equal(0, page.View.Refreshes);

        page.View.Answer = null;
        await state.ReviewAsync(ReviewState.Flagged, selection);
        Assert.Null(state.Error);
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancellationsPageStateSqliteTests(ReviewSeedFixture fixture) : CancellationsPageStateTests(fixture), IClassFixture<ReviewSeedFixture>;

public sealed class CancellationsPageStatePostgreSqlTests(PostgreSqlReviewSeedFixture fixture)
    : CancellationsPageStateTests(fixture), IClassFixture<PostgreSqlReviewSeedFixture>;
