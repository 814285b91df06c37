using JobsPortal.Components.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace JobsPortal.Features.Review;

/// <summary>
/// The supervisors' review queue. The page only draws: <see cref="CancellationsPageState"/> holds the
/// filter, the grid's query, the summary, the selection and the reviews; the page lends it the grid,
/// the dialog and the snackbar.
/// </summary>
public partial class CancellationsPage : ICancellationsView
{
    // The filter lives in the address: a link can be shared, and back and forward work.
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.From)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.To)] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Reason)] public string? Reason { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Type)] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.By)] public string? By { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Unit)] public string? Unit { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Channel)] public string? Channel { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Review)] public string? Review { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Left)] public string? Left { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Reopened)] public string? Reopened { get; set; }
    [SupplyParameterFromQuery(Name = CancellationFilterQuery.Bulk)] public string? Bulk { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private CancellationQueryService Queries { get; set; } = default!;
    [Inject] private CancellationReviewService Reviews { get; set; } = default!;
    [Inject] private JobChangeNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService DialogService { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ViewerClock Viewer { get; set; } = default!;

    private CancellationsPageState _state = null!;
    private MudDataGrid<CancellationRow>? _grid;
    private IReadOnlySet<string> _hiddenColumns = new HashSet<string>();

    /// <summary>The columns a supervisor may hide; the job, when, the review state and the review actions always show.</summary>
    private static readonly IReadOnlyList<ColumnChoice> Choosable =
    [
        new("reason", "Reason"), new("by", "Cancelled by"), new("type", "Job type"), new("status", "Status set"),
        new("channel", "Channel"), new("items", "Items cancelled"), new("left", "Provided items left"), new("note", "Note"),
    ];

    protected override async Task OnInitializedAsync()
    {
        _state = new CancellationsPageState(Queries, Reviews, Notifier, Navigation, Clock, this, Viewer.Zone);
        // Before the first await: the page renders with this filter while the rest loads.
        _state.ReadAddress(Query);
        await _state.StartAsync((await AuthenticationState).User);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (await _state.ShowAddressAsync(Query) && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private string? Query(string key) => key switch
    {
        CancellationFilterQuery.From => From,
        CancellationFilterQuery.To => To,
        CancellationFilterQuery.Reason => Reason,
        CancellationFilterQuery.Type => Type,
        CancellationFilterQuery.By => By,
        CancellationFilterQuery.Unit => Unit,
        CancellationFilterQuery.Channel => Channel,
        CancellationFilterQuery.Review => Review,
        CancellationFilterQuery.Left => Left,
        CancellationFilterQuery.Reopened => Reopened,
        CancellationFilterQuery.Bulk => Bulk,
        _ => null,
    };

    private async Task<GridData<CancellationRow>> LoadRowsAsync(GridState<CancellationRow> grid, CancellationToken ct)
    {
        var rows = await _state.LoadRowsAsync(grid, ct);
        // The total shows outside the grid's own render: ask the page to redraw.
        StateHasChanged();
        return rows;
    }

    private static string RowClass(CancellationRow row, int index) =>
        row.ReviewState == ReviewState.Flagged ? "cancellation-flagged" : "";

    // Flagged rows stand out in either theme: a tint of the theme's error colour and a bar on the left.
    private static string RowStyle(CancellationRow row, int index) =>
        row.ReviewState == ReviewState.Flagged
            ? "background-color: rgba(var(--mud-palette-error-rgb), 0.08); box-shadow: inset 4px 0 0 var(--mud-palette-error);"
            : "";

    Task ICancellationsView.InvokeAsync(Func<Task> work) => InvokeAsync(work);

    async Task ICancellationsView.RefreshAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
        StateHasChanged();
    }

    async Task<string?> ICancellationsView.AskReviewCommentAsync(ReviewState state, IReadOnlyList<string> jobNumbers)
    {
        var parameters = new DialogParameters<ReviewDialog>
        {
            { d => d.State, state },
            { d => d.JobNumbers, jobNumbers },
        };
        var dialog = await DialogService.ShowAsync<ReviewDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var answer = await dialog.Result;
        return answer is null || answer.Canceled ? null : answer.Data as string ?? "";
    }

    void ICancellationsView.Confirm(string message) => Snackbar.Add(message, Severity.Success);

    public void Dispose() => _state?.Dispose();
}
