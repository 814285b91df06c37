using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace JobsPortal.Features.Jobs;

/// <summary>What the grid has to do after the search changed.</summary>
public enum GridRefresh
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Other filters, same page, sort and page size: the grid loads again.</summary>
    Reload,

    /// <summary>Another page: the grid loads when it is given the new page.</summary>
    NewPage,

    /// <summary>
    /// The address brought another sort or page size. MudDataGrid reads those only when it is created
    /// (<c>InitialDirection</c>, <c>RowsPerPage</c>), so the page draws a new grid (<see cref="JobSearchState.GridKey"/>).
    /// </summary>
    NewGrid,
}

/// <summary>
/// The job search page's state, without the rendering: the search the address describes, the text
/// being typed, the grid's page and sort, and the rows on show. The address is the source of truth:
/// <see cref="Query"/> is what it says, or what this class just wrote into it. Changes made on the
/// page go into the address as a new history entry; an address that changes under the page (back,
/// forward, a link) comes in through <see cref="Follow"/>. Each change answers what the grid must do.
/// </summary>
public sealed class JobSearchState(NavigationManager navigation, TimeProvider clock) : IDisposable
{
    /// <summary>How long the search box waits for a pause in typing before it searches.</summary>
    public static readonly TimeSpan DebounceDelay = TimeSpan.FromMilliseconds(350);

    private CancellationTokenSource? _debounce;

    public JobSearchQuery Query { get; private set; } = JobSearchQuery.Empty;

    /// <summary>The search box as typed, which runs ahead of <see cref="Query"/> until typing pauses.</summary>
    public string? Text { get; private set; }

    /// <summary>Changes when the grid must be drawn anew; the page keys the grid with it.</summary>
    public int GridKey { get; private set; }

    /// <summary>The page of results on show; null before the first search ends.</summary>
    public JobSearchPage? Result { get; private set; }

    /// <summary>The address (relative to the base) of the search whose rows are on show.</summary>
    public string? ResultsFor { get; private set; }

    public bool Searching { get; private set; } = true;

    /// <summary>The viewer's zone: the date filters name its days, and each search runs over those days as UTC times.</summary>
    public TimeZoneInfo DayZone { get; init; } = TimeZoneInfo.Utc;

    public string CountText => Result switch
    {
        null => "Searching…",
        { TotalIsCapped: true } r => $"{r.Total:N0}+ jobs",
        { Total: 1 } => "1 job",
        var r => $"{r.Total:N0} jobs",
    };

    /// <summary>The pager's "1-25 of N" in MudBlazor's placeholders; a capped count is a floor.</summary>
    public string PagerInfo => Result is { TotalIsCapped: true } r
        ? $"{{first_item}}-{{last_item}} of {r.Total:N0}+"
        : "{first_item}-{last_item} of {all_items}";

    /// <summary>The address of a search, root-relative: <c>/jobs?state=PENDING&amp;page=2</c>.</summary>
    public string AddressOf(JobSearchQuery query) =>
        navigation.GetUriWithQueryParameters(AppRoutes.Jobs, JobSearchAddress.ParametersOf(query));

    /// <summary>The address says what to show: on arrival, and when it changes under the page.</summary>
    public GridRefresh Follow(JobSearchAddress address)
    {
        var target = address.ToQuery();
        if (target == Query)
        {
            return GridRefresh.None; // the page's own navigation coming back
        }
        var refresh = target.Sort != Query.Sort || target.Descending != Query.Descending || target.PageSize != Query.PageSize
            ? GridRefresh.NewGrid
            : target.Page != Query.Page ? GridRefresh.NewPage : GridRefresh.Reload;
        Query = target;
        Text = target.Text;
        CancelDebounce();
        if (refresh == GridRefresh.NewGrid)
        {
            GridKey++;
        }
        return refresh;
    }

    /// <summary>Filters changed on the page: back to the first page, into the address.</summary>
    public GridRefresh SetFilters(JobSearchQuery filters)
    {
        var target = filters with { Page = 0 };
        if (target == Query)
        {
            return GridRefresh.None;
        }
        var refresh = target.Page != Query.Page ? GridRefresh.NewPage : GridRefresh.Reload;
        Query = target;
        navigation.NavigateTo(AddressOf(target));
        return refresh;
    }

    /// <summary>Typing: searches for the text once typing has paused for <see cref="DebounceDelay"/>; more typing first makes this one nothing.</summary>
    public async Task<GridRefresh> TypeAsync(string? text)
    {
        Text = text;
        CancelDebounce();
        var debounce = _debounce = new CancellationTokenSource();
        try
        {
            await Task.Delay(DebounceDelay, clock, debounce.Token);
        }
        catch (OperationCanceledException)
        {
            return GridRefresh.None;
        }
        return SetFilters(Query with { Text = Normalized(Text) });
    }

    /// <summary>Enter in the search box: a whole job number opens that job; anything else searches at once.</summary>
    public GridRefresh Submit()
    {
        CancelDebounce();
        if (SearchText.IsCompleteJobNumber(Text, out var number))
        {
            navigation.NavigateTo(AppRoutes.Job(number));
            return GridRefresh.None;
        }
        return SetFilters(Query with { Text = Normalized(Text) });
    }

    /// <summary>Every filter off; the sort and page size stay.</summary>
    public GridRefresh ClearFilters()
    {
        Text = null;
        CancelDebounce();
        return SetFilters(JobSearchQuery.Empty with { Sort = Query.Sort, Descending = Query.Descending, PageSize = Query.PageSize });
    }

    /// <summary>
    /// The grid asks for rows: on first show, after a pager or header click, or after a reload. A
    /// page, page size or sort that differs from the query was chosen in the grid, and goes into the
    /// address. Returns the query to run.
    /// </summary>
    public JobSearchQuery StartSearch(GridState<JobSearchRow> grid)
    {
        var sort = grid.SortDefinitions.FirstOrDefault();
        var column = JobSortColumns.FromGridProperty(sort?.SortBy);
        var query = Query with
        {
            Page = grid.Page,
            PageSize = grid.PageSize,
            Sort = column ?? Query.Sort,
            Descending = column is null ? Query.Descending : sort!.Descending,
        };
        if (query != Query)
        {
            Query = query;
            navigation.NavigateTo(AddressOf(query));
        }
        Searching = true;
        return query with { DayZone = DayZone };
    }

    /// <summary>The rows of <paramref name="query"/> arrived.</summary>
    public void ShowResults(JobSearchQuery query, JobSearchPage page)
    {
        Result = page;
        ResultsFor = navigation.ToBaseRelativePath(navigation.ToAbsoluteUri(AddressOf(query)).AbsoluteUri);
    }

    /// <summary>The search ended without being replaced by a newer one.</summary>
    public void EndSearch() => Searching = false;

    /// <summary>How a column's header shows the sort.</summary>
    public SortDirection DirectionOf(JobSortColumn column) =>
        Query.Sort != column ? SortDirection.None : Query.Descending ? SortDirection.Descending : SortDirection.Ascending;

    public void Dispose() => CancelDebounce();

    private static string? Normalized(string? text) => JobSearchQuery.NormalizedText(text);

    private void CancelDebounce()
    {
        _debounce?.Cancel();
        _debounce?.Dispose();
        _debounce = null;
    }
}
