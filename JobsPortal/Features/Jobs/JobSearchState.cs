using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;

namespace JobsPortal.Features.Jobs;

/// <summary>What the page has to do after the search changed.</summary>
public enum GridRefresh
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>The search, its sort or its page changed: the page searches again.</summary>
    Reload,
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

    /// <summary>The pager's "1-25 of N" for the page on show; a capped count is a floor.</summary>
    public string PagerInfo
    {
        get
        {
            var total = Result?.Total ?? 0;
            var first = total == 0 ? 0 : Math.Min(Query.Page * Query.PageSize + 1, total);
            var last = Math.Min((Query.Page + 1) * Query.PageSize, total);
            return $"{first:N0}-{last:N0} of {total:N0}{(Result is { TotalIsCapped: true } ? "+" : "")}";
        }
    }

    /// <summary>The last page there is (0-based); 0 when nothing matches.</summary>
    public int LastPage => Result is { Total: > 0 } r ? (r.Total - 1) / Query.PageSize : 0;

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
        Query = target;
        Text = target.Text;
        CancelDebounce();
        return GridRefresh.Reload;
    }

    /// <summary>Filters changed on the page: back to the first page, into the address.</summary>
    public GridRefresh SetFilters(JobSearchQuery filters) => Change(filters with { Page = 0 });

    /// <summary>
    /// A column header was clicked: the same column turns its direction round; another column sorts
    /// A to Z first (as MudDataGrid did). Back to the first page, into the address.
    /// </summary>
    public GridRefresh SortBy(JobSortColumn column) =>
        Change(Query with { Sort = column, Descending = column == Query.Sort && !Query.Descending, Page = 0 });

    /// <summary>The pager's buttons: a page (0-based) between the first and the last there is.</summary>
    public GridRefresh ToPage(int page) => Change(Query with { Page = Math.Clamp(page, 0, LastPage) });

    /// <summary>The pager's page size (one of <see cref="JobSearchQuery.PageSizes"/>): back to the first page.</summary>
    public GridRefresh SetPageSize(int size) =>
        JobSearchQuery.PageSizes.Contains(size) ? Change(Query with { PageSize = size, Page = 0 }) : GridRefresh.None;

    private GridRefresh Change(JobSearchQuery target)
    {
        if (target == Query)
        {
            return GridRefresh.None;
        }
        Query = target;
        navigation.NavigateTo(AddressOf(target));
        return GridRefresh.Reload;
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

    /// <summary>A search of <see cref="Query"/> starts: returns the query to run (over the viewer's days).</summary>
    public JobSearchQuery StartSearch()
    {
        Searching = true;
        return Query with { DayZone = DayZone };
    }

    /// <summary>The rows of <paramref name="query"/> arrived.</summary>
    public void ShowResults(JobSearchQuery query, JobSearchPage page)
    {
        Result = page;
        ResultsFor = navigation.ToBaseRelativePath(navigation.ToAbsoluteUri(AddressOf(query)).AbsoluteUri);
    }

    /// <summary>The search ended without being replaced by a newer one.</summary>
    public void EndSearch() => Searching = false;

    /// <summary>A column header's <c>aria-sort</c>: "ascending" or "descending" on the sorted column, none on the others.</summary>
    public string? AriaSortOf(JobSortColumn column) =>
        Query.Sort != column ? null : Query.Descending ? "descending" : "ascending";

    public void Dispose() => CancelDebounce();

    private static string? Normalized(string? text) => JobSearchQuery.NormalizedText(text);

    private void CancelDebounce()
    {
        _debounce?.Cancel();
        _debounce?.Dispose();
        _debounce = null;
    }
}
