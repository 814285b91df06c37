using System.Globalization;
using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Review;

/// <summary>
/// What the supervisor is looking at: the grid, the summary and the export all take this one
/// record, so they can never disagree. Days are UTC days; <see cref="To"/> is inclusive.
/// </summary>
public sealed record CancellationFilter
{
    public const int DefaultDays = 30;

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

    /// <summary>The queue as a supervisor first sees it: the last 30 days, not yet reviewed.</summary>
    public static CancellationFilter Default(DateOnly today) => new() { From = today.AddDays(-(DefaultDays - 1)), To = today };

    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime ToUtcExclusive => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string ExportFileName =>
        string.Create(CultureInfo.InvariantCulture, $"cancellations_{From:yyyy-MM-dd}_{To:yyyy-MM-dd}.csv");
}

/// <summary>
/// The filter in a URL's query string, read by the page and by the export endpoint alike. Values
/// that equal the default are left out, so the plain address stays "the last 30 days"; a value
/// that does not parse falls back to the default instead of failing the page.
/// </summary>
public static class CancellationFilterQuery
{
    public const string From = "from", To = "to", Reason = "reason", Type = "type", By = "by", Unit = "unit",
        Channel = "channel", Review = "review", Left = "left";

    public static readonly IReadOnlyList<string> Keys = [From, To, Reason, Type, By, Unit, Channel, Review, Left];

    public const string AnyReviewState = "all";

    public static CancellationFilter Parse(Func<string, string?> get, DateOnly today)
    {
        var defaults = CancellationFilter.Default(today);
        var from = ParseDate(get(From)) ?? defaults.From;
        var to = ParseDate(get(To)) ?? defaults.To;
        if (from > to)
        {
            (from, to) = (to, from);
        }
        return defaults with
        {
            From = from,
            To = to,
            ReasonId = ParseInt(get(Reason)),
            JobTypeId = ParseInt(get(Type)),
            CancelledByUserId = string.IsNullOrWhiteSpace(get(By)) ? null : get(By)!.Trim(),
            UnitId = ParseInt(get(Unit)),
            Channel = Enum.TryParse<CancellationChannel>(get(Channel), ignoreCase: true, out var channel) && Enum.IsDefined(channel) ? channel : null,
            ReviewState = get(Review) switch
            {
                AnyReviewState => null,
                var s when Enum.TryParse<ReviewState>(s, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(s, out _) => state,
                _ => defaults.ReviewState,
            },
            ProvidedItemsLeft = get(Left) switch { "yes" => true, "no" => false, _ => null },
        };
    }

    /// <summary>The query parameters for <paramref name="filter"/>, defaults left out (null values remove a parameter).</summary>
    public static Dictionary<string, object?> ToQuery(CancellationFilter filter, DateOnly today)
    {
        var defaults = CancellationFilter.Default(today);
        var explicitDates = filter.From != defaults.From || filter.To != defaults.To;
        return new Dictionary<string, object?>
        {
            [From] = explicitDates ? Date(filter.From) : null,
            [To] = explicitDates ? Date(filter.To) : null,
            [Reason] = filter.ReasonId?.ToString(CultureInfo.InvariantCulture),
            [Type] = filter.JobTypeId?.ToString(CultureInfo.InvariantCulture),
            [By] = filter.CancelledByUserId,
            [Unit] = filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [Channel] = filter.Channel?.ToString(),
            [Review] = filter.ReviewState == defaults.ReviewState ? null : filter.ReviewState?.ToString() ?? AnyReviewState,
            [Left] = filter.ProvidedItemsLeft switch { true => "yes", false => "no", null => null },
        };
    }

    /// <summary>"from=...&amp;to=..." for links such as the export's; always carries both dates so a saved file name matches its rows.</summary>
    public static string ToQueryString(CancellationFilter filter, DateOnly today)
    {
        var query = ToQuery(filter, today);
        query[From] = Date(filter.From);
        query[To] = Date(filter.To);
        return string.Join("&", query.Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int? ParseInt(string? s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
