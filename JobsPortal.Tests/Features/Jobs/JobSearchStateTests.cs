using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>The search page's state without rendering: the address, the grid's page and sort, and the pause after typing.</summary>
public sealed class JobSearchStateTests : IDisposable
{
    private readonly TestNavigation _navigation = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly JobSearchState _state;

    public JobSearchStateTests() => _state = new JobSearchState(_navigation, _clock);

    public void Dispose() => _state.Dispose();

    private GridRefresh Arrive(string url) => _state.Follow(SearchAddresses.Parse(url));

    [Fact]
    public void Arriving_shows_what_the_address_says_and_writes_nothing()
    {
        Arrive("jobs?q=harbour&state=PENDING&page=3");

        Assert.Equal(new JobSearchQuery { Text = "harbour", States = [LifeCycleState.PENDING], Page = 2 }, _state.Query);
        Assert.Equal("harbour", _state.Text);
        Assert.Empty(_navigation.History);
        Assert.Equal("Searching…", _state.CountText);
    }

    [Fact]
    public void A_filter_goes_back_to_the_first_page_and_into_the_address_as_a_new_entry()
    {
        Arrive("jobs?page=3");

        var refresh = _state.SetFilters(_state.Query with { TypeId = 4 });

        Assert.Equal(GridRefresh.Reload, refresh);
        Assert.Equal(["jobs?type=4"], _navigation.History);
        Assert.Equal(0, _state.Query.Page);
        Assert.Equal(GridRefresh.Reload, _state.SetFilters(_state.Query with { StatusId = 5 }));
        Assert.Equal(GridRefresh.None, _state.SetFilters(_state.Query with { StatusId = 5 }));
        Assert.Equal(["jobs?type=4", "jobs?type=4&status=5"], _navigation.History);
    }

    [Fact]
    public void A_header_click_becomes_a_typed_sort_in_the_address_and_a_second_click_turns_it_round()
    {
        Arrive("jobs?state=DRAFT&page=3");

        Assert.Equal(GridRefresh.Reload, _state.SortBy(JobSortColumn.Number));

        Assert.Equal(new JobSearchQuery { States = [LifeCycleState.DRAFT], Sort = JobSortColumn.Number, Descending = false }, _state.Query);
        Assert.Equal("ascending", _state.AriaSortOf(JobSortColumn.Number));
        Assert.Null(_state.AriaSortOf(JobSortColumn.Created));

        Assert.Equal(GridRefresh.Reload, _state.SortBy(JobSortColumn.Number));

        Assert.Equal("descending", _state.AriaSortOf(JobSortColumn.Number));
        Assert.Equal(["jobs?state=DRAFT&sort=number", "jobs?state=DRAFT&sort=number&dir=desc"], _navigation.History);
    }

    [Fact]
    public void A_pager_click_goes_into_the_address_within_the_pages_there_are()
    {
        Arrive("jobs?size=50");
        _state.ShowResults(_state.StartSearch(), new JobSearchPage([], 120, TotalIsCapped: false));

        Assert.Equal(2, _state.LastPage);
        Assert.Equal(GridRefresh.Reload, _state.ToPage(2));
        Assert.Equal(GridRefresh.None, _state.ToPage(2));
        Assert.Equal(GridRefresh.None, _state.ToPage(7)); // past the last page: the last page, already on show
        Assert.Equal("101-120 of 120", _state.PagerInfo);

        Assert.Equal(["jobs?page=3&size=50"], _navigation.History);
    }

    [Fact]
    public void A_page_size_goes_back_to_the_first_page_and_only_offered_sizes_are_taken()
    {
        Arrive("jobs?page=3");

        Assert.Equal(GridRefresh.Reload, _state.SetPageSize(100));
        Assert.Equal(GridRefresh.None, _state.SetPageSize(100));
        Assert.Equal(GridRefresh.None, _state.SetPageSize(7));

        Assert.Equal(new JobSearchQuery { PageSize = 100 }, _state.Query);
        Assert.Equal(["jobs?size=100"], _navigation.History);
    }

    [Fact]
    public void An_address_that_changes_under_the_page_is_searched_and_not_written_again()
    {
        Arrive("jobs?state=DRAFT");

        Assert.Equal(GridRefresh.None, Arrive("jobs?state=DRAFT"));
        Assert.Equal(GridRefresh.Reload, Arrive("jobs?state=PENDING"));
        Assert.Equal(GridRefresh.Reload, Arrive("jobs?state=PENDING&page=2"));
        Assert.Equal(GridRefresh.Reload, Arrive("jobs?state=PENDING&page=2&sort=number"));
        Assert.Equal(GridRefresh.Reload, Arrive("jobs?state=PENDING&page=2&sort=number&size=100"));
        Assert.Empty(_navigation.History);
    }

    [Fact]
    public async Task Typing_searches_once_typing_pauses()
    {
        var first = _state.TypeAsync("harb");
        _clock.Advance(JobSearchState.DebounceDelay - TimeSpan.FromMilliseconds(1));
        var second = _state.TypeAsync("harbour");

        Assert.Equal(GridRefresh.None, await first);
        Assert.Equal("harbour", _state.Text);
        _clock.Advance(JobSearchState.DebounceDelay - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        Assert.Empty(_navigation.History);

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(GridRefresh.Reload, await second);
        Assert.Equal(["jobs?q=harbour"], _navigation.History);
        Assert.Equal("harbour", _state.Query.Text);
    }

    [Fact]
    public async Task Enter_on_a_whole_job_number_opens_the_job_and_drops_the_pending_search()
    {
        var typing = _state.TypeAsync(" j00000042 ");

        Assert.Equal(GridRefresh.None, _state.Submit());
        _clock.Advance(JobSearchState.DebounceDelay);

        Assert.Equal(GridRefresh.None, await typing);
        Assert.Equal(["jobs/J00000042"], _navigation.History);
    }

    [Fact]
    public async Task Enter_on_words_searches_without_waiting()
    {
        var typing = _state.TypeAsync("  harbour road ");

        Assert.Equal(GridRefresh.Reload, _state.Submit());

        Assert.Equal(["jobs?q=harbour%20road"], _navigation.History);
        _clock.Advance(JobSearchState.DebounceDelay);
        Assert.Equal(GridRefresh.None, await typing);
        Assert.Single(_navigation.History);
    }

    [Fact]
    public async Task Going_back_drops_what_was_being_typed()
    {
        Arrive("jobs?q=harbour");
        var typing = _state.TypeAsync("harbour ro");

        Arrive("jobs");
        _clock.Advance(JobSearchState.DebounceDelay);

        Assert.Equal(GridRefresh.None, await typing);
        Assert.Null(_state.Text);
        Assert.Empty(_navigation.History);
    }

    [Fact]
    public void Clearing_the_filters_keeps_the_sort_and_page_size()
    {
        Arrive("jobs?q=harbour&state=DRAFT&type=2&sort=number&size=50&page=4");

        Assert.Equal(GridRefresh.Reload, _state.ClearFilters());

        Assert.Null(_state.Text);
        Assert.False(_state.Query.HasFilters);
        Assert.Equal(["jobs?sort=number&size=50"], _navigation.History);
    }

    [Fact]
    public void The_results_name_their_search_and_a_capped_count_is_a_floor()
    {
        Arrive("jobs?state=PENDING");
        var query = _state.StartSearch();

        _state.ShowResults(query, new JobSearchPage([], 10_000, TotalIsCapped: true));
        _state.EndSearch();

        Assert.Equal("jobs?state=PENDING", _state.ResultsFor);
        Assert.False(_state.Searching);
        Assert.Equal($"{10_000:N0}+ jobs", _state.CountText);
        Assert.Equal($"1-25 of {10_000:N0}+", _state.PagerInfo);
        _state.ShowResults(query, new JobSearchPage([], 1, TotalIsCapped: false));
        Assert.Equal("1 job", _state.CountText);
        Assert.Equal("1-1 of 1", _state.PagerInfo);
    }
}
