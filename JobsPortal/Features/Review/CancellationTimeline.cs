using System.Globalization;
using JobsPortal.Shared;

namespace JobsPortal.Features.Review;

/// <summary>How long one bar of the summary's timeline is.</summary>
public enum ChartPeriod
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>One bar of the timeline: the period that starts on <see cref="Start"/> (a UTC day) and its count.</summary>
public sealed record PeriodCount(DateOnly Start, int Count);

/// <summary>
/// The summary's chart over time. A bar per day reads well over a month or a quarter, but a filter can
/// span two centuries (<see cref="UtcDays"/>), and a bar per day of that was a 17 MB page: so the longer
/// the range, the longer each bar (weeks from Monday, months, years), and a chart never has more than
/// <see cref="MaxPoints"/> bars. Every period of the range gets a bar, so a quiet one shows as zero.
/// </summary>
public static class CancellationTimeline
{
    public const int MaxPoints = 250;

    private const int MaxDays = 92, MaxWeeks = 105, MaxMonths = 240;

    public static ChartPeriod PeriodFor(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return days <= MaxDays ? ChartPeriod.Day
            : days <= MaxWeeks * 7 ? ChartPeriod.Week
            : MonthsBetween(from, to) <= MaxMonths ? ChartPeriod.Month
            : ChartPeriod.Year;
    }

    /// <summary>The bars from <paramref name="from"/> to <paramref name="to"/>, each with the counts of its days.</summary>
    public static IReadOnlyList<PeriodCount> Build(DateOnly from, DateOnly to, ChartPeriod period, IReadOnlyDictionary<DateOnly, int> perDay)
    {
        from = UtcDays.Clamp(from);
        to = UtcDays.Clamp(to);
        var counts = new Dictionary<DateOnly, int>();
        foreach (var (day, count) in perDay)
        {
            var start = StartOf(day, period);
            counts[start] = counts.GetValueOrDefault(start) + count;
        }
        var bars = new List<PeriodCount>();
        for (var start = StartOf(from, period); start <= to && bars.Count < MaxPoints; start = Next(start, period))
        {
            bars.Add(new PeriodCount(start, counts.GetValueOrDefault(start)));
        }
        return bars;
    }

    /// <summary>The chart's title: "Per week (from Monday)". The periods are the viewer's days, as the page's zone hint says.</summary>
    public static string Title(ChartPeriod period) => period switch
    {
        ChartPeriod.Day => "Per day",
        ChartPeriod.Week => "Per week (from Monday)",
        ChartPeriod.Month => "Per month",
        _ => "Per year",
    };

    /// <summary>A bar's label on the axis: "3 Nov", "3 Nov 2026", "Nov 2026", "2026".</summary>
    public static string Label(DateOnly start, ChartPeriod period) => start.ToString(period switch
    {
        ChartPeriod.Day => "d MMM",
        ChartPeriod.Week => "d MMM yyyy",
        ChartPeriod.Month => "MMM yyyy",
        _ => "yyyy",
    }, CultureInfo.InvariantCulture);

    public static DateOnly StartOf(DateOnly day, ChartPeriod period) => period switch
    {
        ChartPeriod.Day => day,
        ChartPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ChartPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static DateOnly Next(DateOnly start, ChartPeriod period) => period switch
    {
        ChartPeriod.Day => start.AddDays(1),
        ChartPeriod.Week => start.AddDays(7),
        ChartPeriod.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
}
