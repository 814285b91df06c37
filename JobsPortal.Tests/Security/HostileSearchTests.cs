using JobsPortal.Features.Jobs;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Bunit;

namespace JobsPortal.Tests.Security;

/// <summary>
/// The job search from a hostile address: the address is read into a bounded query (dates within
/// <see cref="UtcDays"/>, text cut to its maximum, pages and sizes from the fixed list), and the
/// search runs on it without failing; the interactive page shows rows instead of a dead circuit.
/// </summary>
public sealed class HostileSearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly string Huge = new('q', 100_000);

    public static TheoryData<string> Addresses => new()
    {
        "created-to=9999-12-31",
        "scheduled-to=9999-12-31",
        "created-from=0001-01-01&created-to=9999-12-31&scheduled-from=0001-01-01&scheduled-to=9999-12-31",
        "created-from=9999-12-31",
        "page=2147483647&size=100",
        "page=400&size=25",
        "size=1000000",
        "q=" + Huge,
        "q=" + string.Concat(Enumerable.Repeat("word ", 20_000)),
        "q=%27%20OR%201%3D1%20--",
        "q=NEAR(a%20b)%20AND%20%22x%22%20-y%20%5Ez*%20OR%20%3A",
        "q=%22",
        "q=*",
        "q=J%00",
        "q=%E2%80%AE%E2%80%8Bharbour%F0%9F%98%80",
        "q=ACR" + new string('9', 5000),
        "q=J" + new string('0', 5000),
        "user=" + Huge,
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task A_hostile_address_is_read_into_a_bounded_search_that_runs(string query)
    {
        var address = SearchAddresses.Read("http://localhost/jobs?" + query);

        var page = await fixture.Service.SearchAsync(address);

        Assert.InRange(address.Text?.Length ?? 0, 0, JobSearchQuery.TextMaxLength);
        Assert.Contains(address.PageSize, JobSearchQuery.PageSizes);
        Assert.InRange(address.Page, 0, JobSearchQuery.LastPage(address.PageSize));
        Assert.All(new[] { address.CreatedFrom, address.CreatedTo, address.ScheduledFrom, address.ScheduledTo }.OfType<DateOnly>(),
            d => Assert.InRange(d, UtcDays.Earliest, UtcDays.Latest));
        Assert.True(address.AssignedUserId is null || address.AssignedUserId.Length <= 64);
        Assert.InRange(page.Rows.Count, 0, address.PageSize);
    }

    [Fact]
    public async Task A_date_at_the_end_of_the_calendar_finds_every_job_and_does_not_fail()
    {
        var query = new JobSearchQuery { CreatedTo = DateOnly.MaxValue, ScheduledFrom = DateOnly.MinValue };

        var page = await fixture.Service.SearchAsync(query);

        Assert.Equal(Math.Min(fixture.Jobs.Count(j => j.ScheduledDate is not null), JobSearchService.DefaultCountCap), page.Total);
    }

    [Theory]
    [InlineData("jobs?created-to=9999-12-31&scheduled-to=9999-12-31")]
    [InlineData("jobs?created-from=0001-01-01&page=2147483647&size=100")]
    public async Task The_page_shows_rows_for_an_address_with_extreme_dates_and_pages(string url)
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, url);

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.EndsWith(" jobs", page.Find("[data-testid=result-count]").TextContent.Trim(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(15));
    }
}
