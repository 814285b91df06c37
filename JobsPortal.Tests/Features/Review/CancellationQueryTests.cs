using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Review;

public abstract class CancellationQueryTests(ReviewSeedFixture fixture)
{
    private static readonly DateOnly Today = ReviewTestData.Today;
    private static CancellationFilter Everything => CancellationFilter.Default(Today) with { From = Today.AddDays(-400), ReviewState = null };

    private async Task<IReadOnlyList<CancellationRow>> AllRowsAsync(CancellationFilter filter)
    {
        var page = await fixture.Db.Queries().GetPageAsync(filter, CancellationSort.CancelledAt, descending: true, page: 0, pageSize: 10_000);
        Assert.Equal(page.Total, page.Rows.Count);
        return page.Rows;
    }

    [Fact]
    public async Task Default_filter_is_the_last_30_days_not_yet_reviewed()
    {
        var all = await fixture.Db.AllAsync();
        var filter = CancellationFilter.Default(Today);

        var rows = await AllRowsAsync(filter);

        Assert.Equal(Today.AddDays(-29), filter.From);
        Assert.Equal(ReviewState.NotReviewed, filter.ReviewState);
        var expected = all.Where(c => c.CancelledAt >= TestDatabase.DefaultNow.UtcDateTime.Date.AddDays(-29) && c.State == ReviewState.NotReviewed)
            .Select(c => c.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.Id).Order().ToList());
    }

    public static TheoryData<string> FilterNames => ["reason", "type", "by", "unit", "channel", "review-reviewed", "review-flagged", "left-yes", "left-no", "dates"];

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task Every_filter_returns_exactly_the_matching_cancellations(string name)
    {
        var all = await fixture.Db.AllAsync();
        var sample = all.OrderBy(c => c.Id).Skip(all.Count / 3).First(c => c.UnitId is not null);
        var filter = name switch
        {
            "reason" => Everything with { ReasonId = sample.ReasonId },
            "type" => Everything with { JobTypeId = sample.JobTypeId },
            "by" => Everything with { CancelledByUserId = sample.ByUserId },
            "unit" => Everything with { UnitId = sample.UnitId },
            "channel" => Everything with { Channel = CancellationChannel.API },
            "review-reviewed" => Everything with { ReviewState = ReviewState.Reviewed },
            "review-flagged" => Everything with { ReviewState = ReviewState.Flagged },
            "left-yes" => Everything with { ProvidedItemsLeft = true },
            "left-no" => Everything with { ProvidedItemsLeft = false },
            "dates" => Everything with { From = DateOnly.FromDateTime(sample.CancelledAt).AddDays(-3), To = DateOnly.FromDateTime(sample.CancelledAt) },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var rows = await AllRowsAsync(filter);

        var expected = all.Where(filter.Matches).Select(c => c.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count, "the filter leaves something out");
        Assert.Equal(expected, rows.Select(r => r.Id).Order().ToList());
    }

    [Fact]
    public async Task Filters_combine()
    {
        var all = await fixture.Db.AllAsync();
        var sample = all.OrderBy(c => c.Id).First(c => c.ProvidedItemsLeft > 0);
        var filter = Everything with { ReasonId = sample.ReasonId, CancelledByUserId = sample.ByUserId, ProvidedItemsLeft = true };

        var rows = await AllRowsAsync(filter);

        Assert.Contains(rows, r => r.Id == sample.Id);
        Assert.Equal(all.Where(filter.Matches).Select(c => c.Id).Order(), rows.Select(r => r.Id).Order());
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("reason", null, null)]
    [InlineData(null, ReviewState.Reviewed, true)]
    [InlineData("by", null, false)]
    public async Task Summary_numbers_equal_the_grid_for_the_same_filter(string? narrowBy, ReviewState? state, bool? left)
    {
        var all = await fixture.Db.AllAsync();
        var sample = all.OrderBy(c => c.Id).First();
        var filter = Everything with
        {
            ReviewState = state,
            ProvidedItemsLeft = left,
            ReasonId = narrowBy == "reason" ? sample.ReasonId : null,
            CancelledByUserId = narrowBy == "by" ? sample.ByUserId : null,
        };
        var queries = fixture.Db.Queries();

        var summary = await queries.GetSummaryAsync(filter);
        var rows = await AllRowsAsync(filter);

        Assert.True(summary.Total > 0);
        Assert.Equal(rows.Count, summary.Total);
        Assert.Equal(summary.Total, summary.ByReason.Sum(r => r.Count));
        Assert.Equal(summary.Total, summary.Timeline.Sum(d => d.Count));
        Assert.Equal(rows.Count(r => r.ProvidedItemsLeft > 0), summary.WithProvidedItemsLeft);
        foreach (var reason in summary.ByReason)
        {
            Assert.Equal(rows.Count(r => r.Reason == reason.Name), reason.Count);
        }
        // 401 days: a bar per week.
        Assert.Equal(ChartPeriod.Week, summary.Period);
        foreach (var bar in summary.Timeline.Where(d => d.Count > 0))
        {
            Assert.Equal(rows.Count(r => CancellationTimeline.StartOf(DateOnly.FromDateTime(r.CancelledAt), ChartPeriod.Week) == bar.Start), bar.Count);
        }
        var expectedTop = rows.GroupBy(r => r.CancelledByUserId).Select(g => g.Count()).OrderDescending().Take(CancellationQueryService.TopAgentCount);
        Assert.Equal(expectedTop, summary.TopAgents.Select(a => a.Count));
        foreach (var agent in summary.TopAgents)
        {
            Assert.Equal(rows.Count(r => r.CancelledBy == agent.Name), agent.Count);
        }
        // The page's count for this filter, and the export's row count, come from the same query.
        var page = await queries.GetPageAsync(filter, CancellationSort.Reason, descending: false, page: 0, pageSize: 5);
        Assert.Equal(summary.Total, page.Total);
        var exported = 0;
        await foreach (var _ in queries.StreamExportAsync(filter))
        {
            exported++;
        }
        Assert.Equal(summary.Total, exported);
    }

    [Fact]
    public async Task Summary_has_a_point_for_every_day_of_the_range()
    {
        var filter = CancellationFilter.Default(Today);

        var summary = await fixture.Db.Queries().GetSummaryAsync(filter);

        Assert.Equal(ChartPeriod.Day, summary.Period);
        Assert.Equal(30, summary.Timeline.Count);
        Assert.Equal(filter.From, summary.Timeline[0].Start);
        Assert.Equal(filter.To, summary.Timeline[^1].Start);
    }

    public static TheoryData<CancellationSort> Sorts => [.. Enum.GetValues<CancellationSort>()];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Every_column_sorts_and_pages_without_gaps_or_repeats(CancellationSort sort)
    {
        var queries = fixture.Db.Queries();
        var all = await AllRowsAsync(Everything);

        var first = await queries.GetPageAsync(Everything, sort, descending: false, page: 0, pageSize: 25);
        var second = await queries.GetPageAsync(Everything, sort, descending: false, page: 1, pageSize: 25);
        var descending = await queries.GetPageAsync(Everything, sort, descending: true, page: 0, pageSize: 25);

        Assert.Equal(all.Count, first.Total);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
        Func<CancellationRow, IComparable?> key = sort switch
        {
            CancellationSort.CancelledAt => r => r.CancelledAt,
            CancellationSort.JobNumber => r => r.JobNumber,
            CancellationSort.JobType => r => r.JobType,
            CancellationSort.Status => r => r.Status,
            CancellationSort.Reason => r => r.Reason,
            CancellationSort.CancelledBy => r => r.CancelledBy,
            CancellationSort.Channel => r => r.Channel.ToString(),
            CancellationSort.ItemsCancelled => r => r.ItemsCancelled,
            CancellationSort.ProvidedItemsLeft => r => r.ProvidedItemsLeft,
            CancellationSort.ReviewState => r => r.ReviewState.ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var ascending = first.Rows.Concat(second.Rows).Select(key).ToList();
        Assert.Equal(ascending.Order(Comparer<IComparable?>.Create(CompareOrdinal)).ToList(), ascending);
        var top = descending.Rows.Select(key).ToList();
        Assert.Equal(top.OrderDescending(Comparer<IComparable?>.Create(CompareOrdinal)).ToList(), top);
    }

    private static int CompareOrdinal(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => a.CompareTo(b),
    };

    [Fact]
    public async Task Review_status_of_a_job_lists_its_marks_newest_first_and_is_null_for_a_job_never_cancelled()
    {
        await using var context = fixture.Db.CreateContext();
        var notCancelled = context.Jobs.First(j => j.LifeCycleState != LifeCycleState.CANCELLED).Id;
        var reviewed = context.JobCancellations.First(c => c.ReviewState != ReviewState.NotReviewed);

        Assert.Null(await fixture.Db.Queries().GetReviewStatusAsync(notCancelled));
        var status = await fixture.Db.Queries().GetReviewStatusAsync(reviewed.JobId);

        Assert.NotNull(status);
        Assert.Equal(reviewed.ReviewState, status.State);
        var latest = Assert.Single(status.History);
        Assert.Equal(reviewed.LastReviewComment, latest.Comment);
    }

    [Fact]
    public async Task Demo_seed_has_reviewed_and_flagged_cancellations_never_reviewed_by_their_own_author()
    {
        await using var context = fixture.Db.CreateContext();

        var states = await context.JobCancellations.GroupBy(c => c.ReviewState).ToDictionaryAsync(g => g.Key, g => g.Count());
        var selfReviewed = await context.CancellationReviews.CountAsync(r => r.ReviewedByUserId == r.JobCancellation.CancelledByUserId);
        var reviewed = await context.JobCancellations.Where(c => c.ReviewState != ReviewState.NotReviewed)
            .Select(c => new { c.ReviewState, c.LastReviewedAt, c.LastReviewComment, Marks = c.Reviews.Count, LastMarkAt = c.Reviews.Max(r => r.ReviewedAt), c.CancelledAt })
            .ToListAsync();
        var reviewEvents = await context.JobEvents.CountAsync(e => e.Kind == JobEventKind.REVIEWED);

        Assert.True(states.GetValueOrDefault(ReviewState.NotReviewed) > 0);
        Assert.True(states.GetValueOrDefault(ReviewState.Reviewed) > 0);
        Assert.True(states.GetValueOrDefault(ReviewState.Flagged) > 0);
        Assert.Equal(0, selfReviewed);
        Assert.All(reviewed, r => Assert.True(r.Marks == 1 && r.LastReviewedAt == r.LastMarkAt && r.LastReviewedAt > r.CancelledAt));
        Assert.All(reviewed.Where(r => r.ReviewState == ReviewState.Flagged), r => Assert.False(string.IsNullOrEmpty(r.LastReviewComment)));
        Assert.Equal(reviewed.Count, reviewEvents);
        Assert.Equal(0, await context.JobCancellations.CountAsync(c => c.ReviewState == ReviewState.NotReviewed && c.Reviews.Any()));
    }

    [Fact]
    public async Task Filter_options_offer_the_people_who_cancelled_and_every_reason()
    {
        var all = await fixture.Db.AllAsync();

        var options = await fixture.Db.Queries().GetFilterOptionsAsync();

        Assert.Equal(all.Select(c => c.ByUserId).Distinct().Order(), options.People.Select(p => p.Value).Order());
        Assert.Contains(options.Reasons, r => r.Label.EndsWith("(retired)", StringComparison.Ordinal));
        Assert.NotEmpty(options.JobTypes);
        Assert.NotEmpty(options.Units);
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancellationQuerySqliteTests(ReviewSeedFixture fixture) : CancellationQueryTests(fixture), IClassFixture<ReviewSeedFixture>;

public sealed class CancellationQueryPostgreSqlTests(PostgreSqlReviewSeedFixture fixture)
    : CancellationQueryTests(fixture), IClassFixture<PostgreSqlReviewSeedFixture>;
