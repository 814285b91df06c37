using JobsPortal.Features.Review;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;

namespace JobsPortal.Tests.Features.Review;

/// <summary>The filter's dates are the viewer's days: in Kolkata a day runs from 18:30 UTC the day before.</summary>
public abstract class CancellationViewerDaysTests(ReviewSeedFixture fixture)
{
    private static readonly TimeZoneInfo Kolkata = ViewerClock.Find("Asia/Kolkata")!;

    private static CancellationFilter LastWeeks(TimeZoneInfo zone) =>
        CancellationFilter.Default(ReviewTestData.Today).LastDays(60, ReviewTestData.Today) with { Zone = zone, ReviewState = null };

    [Fact]
    public async Task The_grid_and_the_summary_count_the_viewers_days()
    {
        var all = await fixture.Db.AllAsync();
        foreach (var zone in new[] { Kolkata, TimeZoneInfo.Utc, ViewerClock.Find("America/Los_Angeles")! })
        {
            var filter = LastWeeks(zone);
            var expected = all.Where(filter.Matches).ToList();

            var page = await fixture.Db.Queries().GetPageAsync(filter, CancellationSort.CancelledAt, true, 0, 100);
            var summary = await fixture.Db.Queries().GetSummaryAsync(filter);

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Count, summary.Total);
            Assert.Equal(expected.Count, summary.Timeline.Sum(bar => bar.Count));
            // Each day's bar counts the cancellations of that day on the viewer's clock.
            foreach (var bar in summary.Timeline)
            {
                Assert.Equal(expected.Count(c => ViewerDays.DayOf(c.CancelledAt, zone) == bar.Start), bar.Count);
            }
        }
    }

    [Fact]
    public async Task The_first_and_last_minutes_of_a_viewers_day_are_in_it()
    {
        var filter = LastWeeks(Kolkata);
        Assert.Equal(new DateTime(filter.From.AddDays(-1), new TimeOnly(18, 30), DateTimeKind.Utc), filter.FromUtc);
        Assert.Equal(new DateTime(filter.To, new TimeOnly(18, 30), DateTimeKind.Utc), filter.ToUtcExclusive);

        var page = await fixture.Db.Queries().GetPageAsync(filter, CancellationSort.CancelledAt, true, 0, 100);
        Assert.All(page.Rows, r => Assert.InRange(r.CancelledAt, filter.FromUtc, filter.ToUtcExclusive.AddTicks(-1)));
    }

    [Fact]
    public void The_export_link_carries_the_viewers_zone_and_the_export_reads_it()
    {
        var navigation = new FixedNavigation();
        var filter = LastWeeks(Kolkata);

        var uri = new Uri(new Uri("http://localhost/"), CancellationFilterQuery.ExportUri(navigation, filter, ReviewTestData.Today));
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);

        Assert.Equal("Asia/Kolkata", query[CancellationFilterQuery.TimeZone]);
        var read = CancellationFilterQuery.Parse(k => query[k], ReviewTestData.Today);
        Assert.Equal(filter, read);
        // In UTC the link stays as it was.
        Assert.DoesNotContain("tz=", CancellationFilterQuery.ExportUri(navigation, LastWeeks(TimeZoneInfo.Utc), ReviewTestData.Today), StringComparison.Ordinal);
        // An unknown zone in a hand-made link is UTC, not an error.
        Assert.Same(TimeZoneInfo.Utc, CancellationFilterQuery.Parse(k => k == "tz" ? "Nowhere/Else" : null, ReviewTestData.Today).Zone);
    }

    private sealed class FixedNavigation : NavigationManager
    {
        public FixedNavigation() => Initialize("http://localhost/", "http://localhost/cancellations");
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancellationViewerDaysSqliteTests(ReviewSeedFixture fixture) : CancellationViewerDaysTests(fixture), IClassFixture<ReviewSeedFixture>;

public sealed class CancellationViewerDaysPostgreSqlTests(PostgreSqlReviewSeedFixture fixture)
    : CancellationViewerDaysTests(fixture), IClassFixture<PostgreSqlReviewSeedFixture>;
