using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

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

    private static GridState<JobSearchRow> Grid(int page = 0, int size = 25, string? sortBy = null, bool descending = false) => new()
    {
        Page = page,
        PageSize = size,
        SortDefinitions = sortBy is null ? [] : [new SortDefinition<JobSearchRow>(sortBy, descending, 0, r => r)],
    };

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

        Assert.Equal(GridRefresh.NewPage, refresh);
        Assert.Equal(["jobs?type=4"], _navigation.History);
        Assert.Equal(0, _state.Query.Page);
        Assert.Equal(GridRefresh.Reload, _state.SetFilters(_state.Query with { StatusId = 5 }));
        Assert.Equal(GridRefresh.None, _state.SetFilters(_state.Query with { StatusId = 5 }));
        Assert.Equal(["jobs?type=4", "jobs?type=4&status=5"], _navigation.History);
    }

    [Fact]
    public void A_header_click_becomes_a_typed_sort_in_the_address()
    {
        var query = _state.StartSearch(Grid(sortBy: nameof(JobSearchRow.Number)));

        Assert.Equal(new JobSearchQuery { Sort = JobSortColumn.Number, Descending = false }, query);
        Assert.Equal(["jobs?sort=number"], _navigation.History);
        Assert.Equal(SortDirection.Ascending, _state.DirectionOf(JobSortColumn.Number));
        Assert.Equal(SortDirection.None, _state.DirectionOf(JobSortColumn.Created));
        Assert.True(_state.Searching);
    }

    [Fact]
    public void A_pager_click_goes_into_the_address_and_a_reload_of_the_same_page_does_not()
    {
        _state.StartSearch(Grid(sortBy: nameof(JobSearchRow.CreatedAt), descending: true));
        Assert.Empty(_navigation.History);

        var query = _state.StartSearch(Grid(page: 2, size: 50, sortBy: nameof(JobSearchRow.CreatedAt), descending: true));
        _state.StartSearch(Grid(page: 2, size: 50, sortBy: nameof(JobSearchRow.CreatedAt), descending: true));

        Assert.Equal(new JobSearchQuery { Page = 2, PageSize = 50 }, query);
        Assert.Equal(["jobs?page=3&size=50"], _navigation.History);
    }

    [Fact]
    public void An_address_that_changes_under_the_page_says_what_the_grid_must_do()
    {
        Arrive("jobs?state=DRAFT");
        var key = _state.GridKey;

        Assert.Equal(GridRefresh.None, Arrive("jobs?state=DRAFT"));
        Assert.Equal(GridRefresh.Reload, Arrive("jobs?state=PENDING"));
        Assert.Equal(GridRefresh.NewPage, Arrive("jobs?state=PENDING&page=2"));
        Assert.Equal(key, _state.GridKey);

        // The grid reads sort and page size only when it is made.
        Assert.Equal(GridRefresh.NewGrid, Arrive("jobs?state=PENDING&page=2&sort=number"));
        Assert.NotEqual(key, _state.GridKey);
        Assert.Equal(GridRefresh.NewGrid, Arrive("jobs?state=PENDING&page=2&sort=number&size=100"));
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

        Assert.Equal(GridRefresh.NewPage, _state.ClearFilters());

        Assert.Null(_state.Text);
        Assert.False(_state.Query.HasFilters);
        Assert.Equal(["jobs?sort=number&size=50"], _navigation.History);
    }

    [Fact]
    public void The_results_name_their_search_and_a_capped_count_is_a_floor()
    {
        Arrive("jobs?state=PENDING");
        var query = _state.StartSearch(Grid(sortBy: nameof(JobSearchRow.CreatedAt), descending: true));

        _state.ShowResults(query, new JobSearchPage([], 10_000, TotalIsCapped: true));
        _state.EndSearch();

        Assert.Equal("jobs?state=PENDING", _state.ResultsFor);
        Assert.False(_state.Searching);
        Assert.Equal($"{10_000:N0}+ jobs", _state.CountText);
        Assert.Equal($"{{first_item}}-{{last_item}} of {10_000:N0}+", _state.PagerInfo);
        _state.ShowResults(query, new JobSearchPage([], 1, TotalIsCapped: false));
        Assert.Equal("1 job", _state.CountText);
        Assert.Equal("{first_item}-{last_item} of {all_items}", _state.PagerInfo);
    }
}
