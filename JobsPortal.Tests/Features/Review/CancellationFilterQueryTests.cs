using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;

namespace JobsPortal.Tests.Features.Review;

public sealed class CancellationFilterQueryTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static CancellationFilter Parse(params (string Key, string Value)[] query) =>
        CancellationFilterQuery.Parse(key => query.FirstOrDefault(q => q.Key == key).Value, Today);

    [Fact]
    public void Empty_query_is_the_default_queue()
    {
        var filter = Parse();

        Assert.Equal(CancellationFilter.Default(Today), filter);
        Assert.Equal(new DateOnly(2026, 10, 31), filter.From);
        Assert.Equal(Today, filter.To);
        Assert.Equal(ReviewState.NotReviewed, filter.ReviewState);
        Assert.All(CancellationFilterQuery.ToQuery(filter, Today).Values, Assert.Null);
    }

    [Fact]
    public void Every_value_survives_a_round_trip_through_the_url()
    {
        var filter = new CancellationFilter
        {
            From = new DateOnly(2026, 9, 1),
            To = new DateOnly(2026, 9, 30),
            ReasonId = 3,
            JobTypeId = 2,
            CancelledByUserId = "b2c5a1e0-user",
            UnitId = 4,
            Channel = CancellationChannel.API,
            ReviewState = ReviewState.Flagged,
            ProvidedItemsLeft = true,
        };
        var query = CancellationFilterQuery.ToQuery(filter, Today);

        var back = CancellationFilterQuery.Parse(key => (string?)query[key], Today);

        Assert.Equal(filter, back);
        Assert.Equal(filter with { ReviewState = null, ProvidedItemsLeft = false },
            CancellationFilterQuery.Parse(key => (string?)CancellationFilterQuery.ToQuery(filter with { ReviewState = null, ProvidedItemsLeft = false }, Today)[key], Today));
    }

    [Fact]
    public void Values_that_do_not_parse_fall_back_to_the_defaults()
    {
        var filter = Parse(("from", "yesterday"), ("reason", "-1"), ("type", "x"), ("channel", "FAX"), ("review", "7"), ("left", "maybe"), ("unit", ""));

        Assert.Equal(CancellationFilter.Default(Today), filter);
    }

    [Fact]
    public void Reversed_dates_are_swapped_and_the_file_name_carries_the_range()
    {
        var filter = Parse(("from", "2026-11-29"), ("to", "2026-10-30"), ("review", "all"));

        Assert.Equal(new DateOnly(2026, 10, 30), filter.From);
        Assert.Null(filter.ReviewState);
        Assert.Equal("cancellations_2026-10-30_2026-11-29.csv", filter.ExportFileName);
        Assert.Equal("/cancellations/export?from=2026-10-30&to=2026-11-29&review=all", CancellationFilterQuery.ExportUri(new AddressBar("cancellations"), filter, Today));
    }
}
