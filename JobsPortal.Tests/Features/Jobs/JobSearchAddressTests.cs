using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>The search's address, as the page writes it (through GetUriWithQueryParameters) and reads it back.</summary>
public sealed class JobSearchAddressTests
{
    private readonly TestNavigation _navigation = new();

    [Fact]
    public void The_default_search_is_the_bare_address()
    {
        Assert.Equal("/jobs", SearchAddresses.Write(_navigation, new JobSearchQuery()));
        Assert.Equal(new JobSearchQuery(), SearchAddresses.Read("http://localhost/jobs"));
    }

    [Fact]
    public void Every_part_of_a_search_survives_the_round_trip()
    {
        var query = new JobSearchQuery
        {
            Text = "harbour & road", States = [LifeCycleState.CANCELLED, LifeCycleState.DRAFT], CancellableOnly = true, TypeId = 3,
            Scope = FulfillmentScope.NEW_SUBSCRIPTION, StatusId = 7, AssignedUserId = "a1b2-c3", UnitId = 2,
            CreatedFrom = new DateOnly(2026, 1, 2), CreatedTo = new DateOnly(2026, 2, 3),
            ScheduledFrom = new DateOnly(2026, 3, 4), ScheduledTo = new DateOnly(2026, 4, 5),
            Sort = JobSortColumn.ScheduledDate, Descending = true, Page = 4, PageSize = 100,
        };

        var url = SearchAddresses.Write(_navigation, query);

        Assert.Equal(
            "/jobs?q=harbour%20%26%20road&state=DRAFT&state=CANCELLED&cancellable=true&type=3&scope=NEW_SUBSCRIPTION&status=7&user=a1b2-c3&unit=2"
            + "&created-from=2026-01-02&created-to=2026-02-03&scheduled-from=2026-03-04&scheduled-to=2026-04-05&sort=scheduled&dir=desc&page=5&size=100",
            url);
        Assert.Equal(query, SearchAddresses.Read("http://localhost" + url));
    }

    [Theory]
    [InlineData(JobSortColumn.Created, true, "/jobs")]
    [InlineData(JobSortColumn.Created, false, "/jobs?dir=asc")]
    [InlineData(JobSortColumn.Number, false, "/jobs?sort=number")]
    [InlineData(JobSortColumn.Number, true, "/jobs?sort=number&dir=desc")]
    public void The_direction_is_written_only_when_it_is_not_the_columns_usual_one(JobSortColumn sort, bool descending, string expected)
    {
        var query = new JobSearchQuery { Sort = sort, Descending = descending };

        Assert.Equal(expected, SearchAddresses.Write(_navigation, query));
        Assert.Equal(query, SearchAddresses.Read(expected));
    }

    [Fact]
    public void Every_sort_has_its_own_name_in_the_address()
    {
        foreach (var column in Enum.GetValues<JobSortColumn>())
        {
            Assert.Equal(column, JobSortColumns.FromName(JobSortColumns.NameOf(column)));
        }
        Assert.Equal(Enum.GetValues<JobSortColumn>().Length, Enum.GetValues<JobSortColumn>().Select(JobSortColumns.NameOf).Distinct().Count());
    }

    [Fact]
    public void The_overview_links_by_state_and_several_states_repeat_the_key()
    {
        Assert.Equal([LifeCycleState.PENDING], SearchAddresses.Read("/jobs?state=PENDING").States);
        Assert.Equal([LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS], SearchAddresses.Read("/jobs?state=in_progress&state=PENDING").States);
    }

    [Fact]
    public void What_cannot_be_read_is_ignored()
    {
        var query = SearchAddresses.Read("/jobs?state=NOPE&state=9&type=abc&scope=42&page=-3&size=7&sort=colour&dir=up&created-from=2026-13-40&cancellable=maybe");

        Assert.Equal(new JobSearchQuery(), query);
    }

    [Theory]
    [InlineData("jobs", true)]
    [InlineData("jobs?state=DRAFT", true)]
    [InlineData("Jobs/", true)]
    [InlineData("jobs/J00000001", false)]
    [InlineData("", false)]
    public void Only_the_search_address_counts_as_the_search(string path, bool expected) =>
        Assert.Equal(expected, JobSearchAddress.IsSearchPage(path));
}
