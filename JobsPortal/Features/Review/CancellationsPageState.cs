using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace JobsPortal.Features.Review;

/// <summary>What <see cref="CancellationsPageState"/> asks of the page that shows it: the few things only a component can do.</summary>
public interface ICancellationsView
{
    /// <summary>Runs <paramref name="work"/> on the page's dispatcher; for work that starts on another thread, such as a timer's.</summary>
    Task InvokeAsync(Func<Task> work);

    /// <summary>Re-reads the grid's current page (the grid calls <see cref="CancellationsPageState.LoadRowsAsync"/>) and redraws.</summary>
    Task RefreshAsync();

    /// <summary>Asks for the comment of a review mark ("" for none); null when the reviewer cancels.</summary>
    Task<string?> AskReviewCommentAsync(ReviewState state, IReadOnlyList<string> jobNumbers);

    /// <summary>Tells the reviewer that the marks were saved.</summary>
    void Confirm(string message);
}

/// <summary>
/// Everything the supervisors' cancellations page knows, apart from how it looks: the filter that
/// the address carries, the grid's sort and page as a query, the summary and the selection, the
/// reload that follows other people's changes, and a review from the dialog's answer to the
/// message. The page renders it and lends it what only a component has (<see cref="ICancellationsView"/>);
/// tests drive it without rendering, on a fake clock.
/// </summary>
/// <remarks>
/// The address is the only way in for a filter: <see cref="Apply"/> navigates, and the page reads the
/// new address back with <see cref="ShowAddressAsync"/>. So back and forward, a shared link and a click
/// all take the same path.
/// </remarks>
public sealed class CancellationsPageState : IDisposable
{
    /// <summary>
    /// How long the page waits after someone else's change before it reloads. A bulk review announces
    /// every row; all the changes that arrive in this window share one reload.
    /// </summary>
    public static readonly TimeSpan ChangeReloadDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The page sizes the grid's pager offers; a grid state with any other size reads the default.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    public const int DefaultPageSize = 25;

    private readonly CancellationQueryService _queries;
    private readonly CancellationReviewService _reviews;
    private readonly JobChangeNotifier _notifier;
    private readonly NavigationManager _navigation;
    private readonly TimeProvider _clock;
    private readonly ICancellationsView _view;
    private readonly ITimer _reloadTimer;
    private CancellationFilter? _shown;
    private ClaimsPrincipal _user = new();
    private string? _userId;
    private IDisposable? _subscription;
    private int _reloadQueued;
    private volatile bool _reviewing;
    private volatile bool _disposed;

    public CancellationsPageState(
        CancellationQueryService queries,
        CancellationReviewService reviews,
        JobChangeNotifier notifier,
        NavigationManager navigation,
        TimeProvider clock,
        ICancellationsView view,
        TimeZoneInfo? dayZone = null)
    {
        DayZone = dayZone ?? TimeZoneInfo.Utc;
        _queries = queries;
        _reviews = reviews;
        _notifier = notifier;
        _navigation = navigation;
        _clock = clock;
        _view = view;
        _reloadTimer = clock.CreateTimer(_ => OnReloadDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Filter = CancellationFilter.Default(Today) with { Zone = DayZone };
    }

    /// <summary>The viewer's zone (the page's <c>ViewerClock</c>): the filter's days are its days.</summary>
    public TimeZoneInfo DayZone { get; }

    public CancellationFilter Filter { get; private set; }

    /// <summary>The choices of the filter panel; null until <see cref="StartAsync"/> has loaded them.</summary>
    public CancellationFilterOptions? Options { get; private set; }

    /// <summary>The numbers above the grid, for the same filter as the grid.</summary>
    public CancellationSummary? Summary { get; private set; }

    /// <summary>How many rows match the filter, as the grid last counted them.</summary>
    public int Total { get; private set; }

    public HashSet<CancellationRow> Selected { get; set; } = [];

    /// <summary>The bulk run the filter narrows to (<c>bulk=12</c>): all its cancellations, reviewed at once.</summary>
    public BulkRunGroup? BulkGroup { get; private set; }

    /// <summary>Why the last review was refused; the page shows it until it is closed or the next review.</summary>
    public string? Error { get; set; }

    public DateOnly Today => ViewerDays.DayOf(_clock.GetUtcNow().UtcDateTime, DayZone);

    /// <summary>The export of what the page shows (with both dates, whatever the address leaves out).</summary>
    public string ExportUri => CancellationFilterQuery.ExportUri(_navigation, Filter, Today);

    /// <summary>Who is looking, the filter choices, and from now on other people's changes.</summary>
    public async Task StartAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        _user = user;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        Options = await _queries.GetFilterOptionsAsync(ct);
        _subscription ??= _notifier.Subscribe(OnJobChanged);
    }

    /// <summary>Takes the filter from the address at once, so that the page's first render shows it while the rest loads.</summary>
    public void ReadAddress(Func<string, string?> query) => Filter = CancellationFilterQuery.Parse(query, Today, DayZone);

    /// <summary>
    /// Takes the filter from the address; when it is not the one shown, forgets the selection and
    /// loads its summary. True when the grid has to reload its rows.
    /// </summary>
    public async Task<bool> ShowAddressAsync(Func<string, string?> query, CancellationToken ct = default)
    {
        ReadAddress(query);
        if (Filter == _shown)
        {
            return false;
        }
        _shown = Filter;
        Selected = [];
        Summary = await _queries.GetSummaryAsync(Filter, ct);
        BulkGroup = Filter.BulkRunId is { } run ? await _queries.GetBulkRunGroupAsync(run, ct) : null;
        return true;
    }

    /// <summary>Shows <paramref name="filter"/> by putting it in the address (see the remarks on the class).</summary>
    public void Apply(CancellationFilter filter) =>
        _navigation.NavigateTo(_navigation.GetUriWithQueryParameters(CancellationFilterQuery.ToQuery(filter, Today)));

    /// <summary>The grid's <c>ServerData</c>: the page and sort it asks for, under the current filter.</summary>
    public async Task<GridData<CancellationRow>> LoadRowsAsync(GridState<CancellationRow> grid, CancellationToken ct)
    {
        var (sort, descending) = SortOf(grid);
        var size = PageSizes.Contains(grid.PageSize) ? grid.PageSize : DefaultPageSize;
        var page = await _queries.GetPageAsync(Filter, sort, descending, Math.Max(0, grid.Page), size, ct);
        Total = page.Total;
        return new GridData<CancellationRow> { Items = page.Rows, TotalItems = page.Total };
    }

    // The grid's sort as a typed column; newest first when it has none.
    private static (CancellationSort Sort, bool Descending) SortOf(GridState<CancellationRow> grid) =>
        grid.SortDefinitions.FirstOrDefault() is { } sort && Column(sort.SortBy) is { } column
            ? (column, sort.Descending)
            : (CancellationSort.CancelledAt, true);

    // A grid column names the row property it shows; each sortable one is listed here, so renaming a
    // property breaks the build instead of quietly sorting by something else.
    private static CancellationSort? Column(string property) => property switch
    {
        nameof(CancellationRow.CancelledAt) => CancellationSort.CancelledAt,
        nameof(CancellationRow.JobNumber) => CancellationSort.JobNumber,
        nameof(CancellationRow.JobType) => CancellationSort.JobType,
        nameof(CancellationRow.Status) => CancellationSort.Status,
        nameof(CancellationRow.Reason) => CancellationSort.Reason,
        nameof(CancellationRow.CancelledBy) => CancellationSort.CancelledBy,
        nameof(CancellationRow.Channel) => CancellationSort.Channel,
        nameof(CancellationRow.ItemsCancelled) => CancellationSort.ItemsCancelled,
        nameof(CancellationRow.ProvidedItemsLeft) => CancellationSort.ProvidedItemsLeft,
        nameof(CancellationRow.ReviewState) => CancellationSort.ReviewState,
        _ => null,
    };

    /// <summary>The viewer's own cancellation: another supervisor reviews it, so it offers no review buttons.</summary>
    public bool IsOwn(CancellationRow row) => row.CancelledByUserId == _userId;

    /// <summary>
    /// Marks <paramref name="rows"/> after asking for a comment: all of them or, with the reason in
    /// <see cref="Error"/>, none. On success the selection is cleared and the page reloads once.
    /// </summary>
    public Task ReviewAsync(ReviewState state, IReadOnlyList<CancellationRow> rows) =>
        ReviewAsync(state, [.. rows.Select(r => r.Id)], [.. rows.Select(r => r.JobNumber)]);

    /// <summary>"Review the run": every cancellation of the bulk run at once, by the same all-or-nothing rules.</summary>
    public Task ReviewRunAsync() => BulkGroup is { } group
        ? ReviewAsync(ReviewState.Reviewed, group.CancellationIds, group.JobNumbers)
        : Task.CompletedTask;

    private async Task ReviewAsync(ReviewState state, IReadOnlyList<int> ids, IReadOnlyList<string> jobNumbers)
    {
        Error = null;
        var comment = await _view.AskReviewCommentAsync(state, jobNumbers);
        if (comment is null)
        {
            return;
        }

        ReviewResult result;
        // The service announces each mark; this page reloads once when it is done instead.
        _reviewing = true;
        try
        {
            result = await _reviews.ReviewManyAsync(_user, ids, state, comment);
        }
        finally
        {
            _reviewing = false;
        }
        if (!result.Succeeded)
        {
            Error = result.Error!.Message;
            return;
        }
        var what = result.JobNumbers.Count == 1 ? $"The cancellation of {result.JobNumbers[0]}" : $"{result.JobNumbers.Count} cancellations";
        _view.Confirm($"{what} {(state == ReviewState.Flagged ? "flagged" : "marked reviewed")}.");
        Selected = [];
        await ReloadAsync();
    }

    // The summary and the grid again, for the same filter.
    private async Task ReloadAsync()
    {
        Summary = await _queries.GetSummaryAsync(Filter);
        BulkGroup = Filter.BulkRunId is { } run ? await _queries.GetBulkRunGroupAsync(run) : null;
        await _view.RefreshAsync();
    }

    // Runs on the publisher's thread: it only starts the timer, once per window.
    private Task OnJobChanged(JobChanged change)
    {
        if (!_reviewing && Interlocked.Exchange(ref _reloadQueued, 1) == 0)
        {
            _reloadTimer.Change(ChangeReloadDelay, Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    private void OnReloadDue()
    {
        // Changes from now on, even during this reload, start a new window.
        Interlocked.Exchange(ref _reloadQueued, 0);
        if (_disposed)
        {
            return;
        }
        _ = _view.InvokeAsync(async () =>
        {
            try
            {
                await ReloadAsync();
            }
            catch (ObjectDisposedException)
            {
                // The page was closed meanwhile.
            }
        });
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _reloadTimer.Dispose();
    }
}
