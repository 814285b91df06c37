using System.Globalization;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;

namespace JobsPortal.Features.Review;

/// <summary>
/// What the supervisor is looking at: the grid, the summary and the export all take this one
/// record, so they can never disagree. Days are the viewer's days (<see cref="Zone"/>, UTC when
/// unknown), turned into UTC times here; <see cref="To"/> is inclusive.
/// </summary>
public sealed record CancellationFilter
{
    private const int DefaultDays = 30;

    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public int? ReasonId { get; init; }
    public int? JobTypeId { get; init; }
    public string? CancelledByUserId { get; init; }
    public int? UnitId { get; init; }
    public CancellationChannel? Channel { get; init; }

    /// <summary>Null: every state. The queue starts at <see cref="ReviewState.NotReviewed"/>.</summary>
    public ReviewState? ReviewState { get; init; } = Data.Entities.ReviewState.NotReviewed;

    /// <summary>True: only cancellations that left provided items with the customer; false: only those that did not.</summary>
    public bool? ProvidedItemsLeft { get; init; }

    /// <summary>The zone whose days <see cref="From"/> and <see cref="To"/> are: the viewer's.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
    /// <summary>True: only reopened cancellations; false: only those that stand. Null: both.</summary>
    public bool? Reopened { get; init; }
    /// <summary>Only the cancellations of one bulk run (one group in the queue).</summary>
    public int? BulkRunId { get; init; }

    /// <summary>The queue as a supervisor first sees it: the last 30 days, not yet reviewed.</summary>
    public static CancellationFilter Default(DateOnly today) => new CancellationFilter { From = today, To = today }.LastDays(DefaultDays, today);

    /// <summary>This filter over the <paramref name="days"/> days that end today.</summary>
    public CancellationFilter LastDays(int days, DateOnly today) => this with { From = today.AddDays(-(days - 1)), To = today };

    public DateTime FromUtc => ViewerDays.Start(From, Zone);
    public DateTime ToUtcExclusive => ViewerDays.EndExclusive(To, Zone);

    public string ExportFileName => $"cancellations_{Formats.DateText(From)}_{Formats.DateText(To)}.csv";
}

/// <summary>
/// The filter in a URL's query string, read by the page (through <c>[SupplyParameterFromQuery]</c>)
/// and by the export endpoint alike, and written through
/// <see cref="NavigationManagerExtensions.GetUriWithQueryParameters(NavigationManager, string, IReadOnlyDictionary{string, object?})"/>.
/// Values that equal the default are left out, so the plain address stays "the last 30 days"; a
/// value that does not parse falls back to the default instead of failing the page. The names and
/// values are those of links people have already shared: change neither.
/// </summary>
public static class CancellationFilterQuery
{
    public const string From = "from", To = "to", Reason = "reason", Type = "type", By = "by", Unit = "unit",
        Channel = "channel", Review = "review", Left = "left", Reopened = "reopened", Bulk = "bulk";

    /// <summary>The export's own parameter: whose days the dates are (an IANA name); the page knows its viewer.</summary>
    public const string TimeZone = "tz";

    private const int MaxUserIdLength = 64;

    // The review value that means every state (no value means the default queue).
    private const string AnyReviewState = "all";

    /// <param name="zone">The viewer's zone; null: the <see cref="TimeZone"/> parameter's, or UTC.</param>
    public static CancellationFilter Parse(Func<string, string?> get, DateOnly today, TimeZoneInfo? zone = null)
    {
        var defaults = CancellationFilter.Default(today) with { Zone = zone ?? ViewerClock.Find(get(TimeZone)) ?? TimeZoneInfo.Utc };
        var from = Formats.ParseDate(get(From)) ?? defaults.From;
        var to = Formats.ParseDate(get(To)) ?? defaults.To;
        if (from > to)
        {
            (from, to) = (to, from);
        }
        return defaults with
        {
            From = from,
            To = to,
            ReasonId = ParseId(get(Reason)),
            JobTypeId = ParseId(get(Type)),
            CancelledByUserId = ParseUserId(get(By)),
            UnitId = ParseId(get(Unit)),
            Channel = ParseName<CancellationChannel>(get(Channel)),
            ReviewState = ParseReview(get(Review), defaults.ReviewState),
            ProvidedItemsLeft = YesNo(get(Left)),
            Reopened = YesNo(get(Reopened)),
            BulkRunId = ParseId(get(Bulk)),
        };
    }

    /// <summary>The query parameters for <paramref name="filter"/>, defaults left out (null values remove a parameter).</summary>
    public static Dictionary<string, object?> ToQuery(CancellationFilter filter, DateOnly today)
    {
        var defaults = CancellationFilter.Default(today);
        var explicitDates = filter.From != defaults.From || filter.To != defaults.To;
        return new Dictionary<string, object?>
        {
            [From] = explicitDates ? Formats.DateText(filter.From) : null,
            [To] = explicitDates ? Formats.DateText(filter.To) : null,
            [Reason] = filter.ReasonId?.ToString(CultureInfo.InvariantCulture),
            [Type] = filter.JobTypeId?.ToString(CultureInfo.InvariantCulture),
            [By] = filter.CancelledByUserId,
            [Unit] = filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [Channel] = filter.Channel?.ToString(),
            [Review] = filter.ReviewState == defaults.ReviewState ? null : ReviewValue(filter.ReviewState),
            [Left] = filter.ProvidedItemsLeft is { } left ? Formats.YesNo(left) : null,
            // The page's own address never names a zone: each viewer reads a shared link in theirs.
            [TimeZone] = null,
            [Reopened] = filter.Reopened is { } reopened ? Formats.YesNo(reopened) : null,
            [Bulk] = filter.BulkRunId?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The export's address for <paramref name="filter"/>: it always carries both dates, so a saved file's
    /// name matches its rows, and the viewer's zone, so the file holds the rows of the days on screen.
    /// </summary>
    public static string ExportUri(NavigationManager navigation, CancellationFilter filter, DateOnly today)
    {
        var query = ToQuery(filter, today);
        query[From] = Formats.DateText(filter.From);
        query[To] = Formats.DateText(filter.To);
        query[TimeZone] = filter.Zone == TimeZoneInfo.Utc ? null : filter.Zone.Id;
        return navigation.GetUriWithQueryParameters(AppRoutes.CancellationsExport, query);
    }

    /// <summary>How a review state is written in the address and offered by the page's select: its name, or "all" for none.</summary>
    public static string ReviewValue(ReviewState? state) => state?.ToString() ?? AnyReviewState;

    /// <summary>The review state that <paramref name="value"/> names; <paramref name="fallback"/> when it names none.</summary>
    public static ReviewState? ParseReview(string? value, ReviewState? fallback) => value == AnyReviewState ? null : ParseName<ReviewState>(value) ?? fallback;

    // Names only: Enum.TryParse would also take "7" or "1,2", which no link of ours carries.
    private static TEnum? ParseName<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase));

    // A user id is a GUID: a longer value names no one, and is not carried into the query.
    private static string? ParseUserId(string? s) =>
        string.IsNullOrWhiteSpace(s) || s.Trim().Length > MaxUserIdLength ? null : s.Trim();

    private static bool? YesNo(string? s) => s switch { "yes" => true, "no" => false, _ => null };

    private static int? ParseId(string? s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
