using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Keys = JobsPortal.Features.Jobs.JobSearchAddress.Keys;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// The job search. The framework reads the address into the properties below (on arrival, and on
/// back, forward or a link to another search); <see cref="JobSearchState"/> decides what that means
/// for the search, and the page runs it and shows its rows in <see cref="JobSearchGrid"/>. A job on
/// show that changes elsewhere (a cancel by someone else, by the API or a bulk run) is searched again.
/// </summary>
public sealed partial class JobSearch
{
    [Inject] private JobSearchService Search { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ViewerClock Viewer { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private JobChangeNotifier Changes { get; set; } = default!;

    [SupplyParameterFromQuery(Name = Keys.Text)] private string? Text { get; set; }
    [SupplyParameterFromQuery(Name = Keys.State)] private string[]? States { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Cancellable)] private string? Cancellable { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Type)] private string? Type { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Scope)] private string? Scope { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Status)] private string? Status { get; set; }
    [SupplyParameterFromQuery(Name = Keys.User)] private string? User { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Unit)] private string? Unit { get; set; }
    [SupplyParameterFromQuery(Name = Keys.CreatedFrom)] private string? CreatedFrom { get; set; }
    [SupplyParameterFromQuery(Name = Keys.CreatedTo)] private string? CreatedTo { get; set; }
    [SupplyParameterFromQuery(Name = Keys.ScheduledFrom)] private string? ScheduledFrom { get; set; }
    [SupplyParameterFromQuery(Name = Keys.ScheduledTo)] private string? ScheduledTo { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Sort)] private string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Direction)] private string? Direction { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Page)] private string? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = Keys.Size)] private string? Size { get; set; }

    private JobSearchState _state = default!;
    private JobSearchOptions _options = JobSearchOptions.None;
    private JobSearchGrid? _grid;
    private IReadOnlySet<string> _hiddenColumns = new HashSet<string>();
    private readonly Bulk.BulkSelection _selection = new();
    private CancellationTokenSource? _search;
    private IDisposable? _changes;

    private JobSearchAddress Address => new()
    {
        Text = Text, States = States, Cancellable = Cancellable, Type = Type, Scope = Scope, Status = Status, User = User,
        Unit = Unit, CreatedFrom = CreatedFrom, CreatedTo = CreatedTo, ScheduledFrom = ScheduledFrom, ScheduledTo = ScheduledTo,
        Sort = Sort, Direction = Direction, Page = PageNumber, Size = Size,
    };

    protected override async Task OnInitializedAsync()
    {
        _state = new JobSearchState(Navigation, Clock) { DayZone = Viewer.Zone };
        _state.Follow(Address);
        // Searching waits for the interactive render: a prerendered page would show rows (and
        // data-results-for) that no one can click yet, and the search would run twice.
        if (RendererInfo.IsInteractive)
        {
            _changes = Changes.Subscribe(OnJobChangedAsync);
            var first = SearchAsync();
            _options = await Search.GetOptionsAsync();
            await first;
        }
        else
        {
            _options = await Search.GetOptionsAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The framework also tells the page as the address leaves it (to open a job): nothing to show then.
        if (JobSearchAddress.IsSearchPage(Navigation.ToBaseRelativePath(Navigation.Uri)))
        {
            await RefreshAsync(_state.Follow(Address));
        }
    }

    /// <summary>Searches for the state's query; a newer search replaces (cancels) one still running.</summary>
    private async Task SearchAsync()
    {
        if (_search is { } running)
        {
            running.Cancel(); // at once, so no second search can start in between
            running.Dispose();
        }
        var search = _search = new CancellationTokenSource();
        var query = _state.StartSearch();
        StateHasChanged();
        try
        {
            var page = await Search.SearchAsync(query, search.Token);
            _state.ShowResults(query, page);
        }
        catch (OperationCanceledException) when (search.IsCancellationRequested)
        {
            return; // a newer search replaced this one
        }
        _state.EndSearch();
        StateHasChanged();
    }

    private Task RefreshAsync(GridRefresh refresh) => refresh == GridRefresh.Reload ? SearchAsync() : Task.CompletedTask;

    // Only a change to a job on show costs a search (of the same page).
    private Task OnJobChangedAsync(JobChanged change) =>
        InvokeAsync(() => _state.Result?.Rows.Any(r => r.Id == change.JobId) == true ? SearchAsync() : Task.CompletedTask);

    private async Task OnTextChangedAsync(string? text) => await RefreshAsync(await _state.TypeAsync(text));

    private Task OnTextSubmittedAsync() => RefreshAsync(_state.Submit());

    private Task OnFiltersChangedAsync(JobSearchQuery filters) => RefreshAsync(_state.SetFilters(filters));

    private Task OnClearFiltersAsync() => RefreshAsync(_state.ClearFilters());

    private void OpenRow(JobSearchRow row) => Navigation.NavigateTo(AppRoutes.Job(row.Number));

    private async Task CancelRowAsync(JobSearchRow row)
    {
        if (await CancelJobLauncher.ShowAsync(Dialogs, Snackbar, row.Id, row.Number) is not null)
        {
            await SearchAsync();
        }
    }

    /// <summary>"Select all matching": the search's matches in its order, one more than the bulk limit at most (so too many can be told).</summary>
    private async Task<IReadOnlyList<int>> MatchingIdsAsync() =>
        await Search.MatchingIdsAsync(_state.Query, Bulk.BulkCancelService.MaxJobs + 1);

    public void Dispose()
    {
        _changes?.Dispose();
        _search?.Cancel();
        _search?.Dispose();
        _state?.Dispose();
    }

    /// <summary>A new job opens on its own page, where it can be started at once.</summary>
    private async Task NewJobAsync()
    {
        if (await Lifecycle.LifecycleLauncher.ShowNewJobAsync(Dialogs, Snackbar) is { } job)
        {
            Navigation.NavigateTo(AppRoutes.Job(job.Number));
        }
    }
}
