using JobsPortal.Features.Review;
using JobsPortal.Shared;

namespace JobsPortal.Tests.Features.Review;

public sealed class CancellationTimelineTests
{
    public static TheoryData<string, string, ChartPeriod> Ranges => new()
    {
        { "2026-11-01", "2026-11-30", ChartPeriod.Day },
        { "2026-01-01", "2026-03-31", ChartPeriod.Day },
        { "2026-01-01", "2026-12-31", ChartPeriod.Week },
        { "2024-01-01", "2026-12-31", ChartPeriod.Month },
        { "2000-01-01", "2019-12-31", ChartPeriod.Month },
        { "1900-01-01", "2100-12-31", ChartPeriod.Year },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void A_longer_range_gets_longer_bars_and_never_more_than_the_maximum(string from, string to, ChartPeriod expected)
    {
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        var period = CancellationTimeline.PeriodFor(start, end);
        var bars = CancellationTimeline.Build(start, end, period, new Dictionary<DateOnly, int>());

        Assert.Equal(expected, period);
        Assert.InRange(bars.Count, 1, CancellationTimeline.MaxPoints);
        Assert.Equal(CancellationTimeline.StartOf(start, period), bars[0].Start);
        Assert.True(bars[^1].Start <= end);
    }

    [Fact]
    public void Counts_of_days_add_up_in_their_week_starting_on_monday()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 12, 31);
        // 2026-11-02 is a Monday; the 8th is the Sunday of the same week.
        var days = new Dictionary<DateOnly, int> { [new(2026, 11, 2)] = 3, [new(2026, 11, 8)] = 4, [new(2026, 11, 9)] = 1 };

        var bars = CancellationTimeline.Build(from, to, ChartPeriod.Week, days);

        Assert.Equal(7, bars.Single(b => b.Start == new DateOnly(2026, 11, 2)).Count);
        Assert.Equal(1, bars.Single(b => b.Start == new DateOnly(2026, 11, 9)).Count);
        Assert.Equal(8, bars.Sum(b => b.Count));
        Assert.Equal("Per week (from Monday)", CancellationTimeline.Title(ChartPeriod.Week));
    }

    [Fact]
    public void The_edges_of_the_calendar_make_no_more_bars_than_the_maximum()
    {
        var bars = CancellationTimeline.Build(DateOnly.MinValue, DateOnly.MaxValue, CancellationTimeline.PeriodFor(DateOnly.MinValue, DateOnly.MaxValue), new Dictionary<DateOnly, int>());

        Assert.InRange(bars.Count, 1, CancellationTimeline.MaxPoints);
        Assert.True(bars[0].Start >= UtcDays.Earliest.AddDays(-7));
    }
}
