using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace JobsPortal.Tests.Features.Review;

/// <summary>
/// A <see cref="CancellationsPageState"/> as the page would hold it, without rendering: the real query
/// and review services of a test database, an address bar, a fake clock of its own and a view that
/// records what the page was asked to do.
/// </summary>
public sealed record PageHarness(CancellationsPageState State, RecordingView View, AddressBar Address, FakeTimeProvider Clock, JobChangeNotifier Notifier) : IDisposable
{
    /// <summary>A page at <paramref name="address"/>; it follows <paramref name="notifier"/>, by default one of its own.</summary>
    public static PageHarness Create(TestDatabase db, string address, JobChangeNotifier? notifier = null)
    {
        var view = new RecordingView();
        var bar = new AddressBar(address);
        var clock = new FakeTimeProvider(TestDatabase.DefaultNow);
        notifier ??= new JobChangeNotifier(NullLogger<JobChangeNotifier>.Instance);
        var state = new CancellationsPageState(db.Queries(), db.Reviews(), notifier, bar, clock, view);
        return new PageHarness(state, view, bar, clock, notifier);
    }

    /// <summary>The address's query values, as the page's <c>[SupplyParameterFromQuery]</c> properties would give them.</summary>
    public static Func<string, string?> Query(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    /// <summary>What the grid asks its <c>ServerData</c> for; a column sorts by the name of the row property it shows.</summary>
    public static GridState<CancellationRow> Grid(string? sortBy = null, bool descending = false, int page = 0, int pageSize = 25) => new()
    {
        Page = page,
        PageSize = pageSize,
        SortDefinitions = sortBy is null ? [] : [new SortDefinition<CancellationRow>(sortBy, descending, 0, null!)],
    };

    /// <summary>Every row of the filter, read as the grid reads them: page by page, at the largest size the pager offers.</summary>
    public static async Task<List<CancellationRow>> RowsAsync(CancellationsPageState state)
    {
        var size = CancellationsPageState.PageSizes.Max();
        var rows = new List<CancellationRow>();
        for (var page = 0; ; page++)
        {
            var data = await state.LoadRowsAsync(Grid(page: page, pageSize: size), CancellationToken.None);
            rows.AddRange(data.Items);
            if (rows.Count >= data.TotalItems || !data.Items.Any())
            {
                return rows;
            }
        }
    }

    public void Dispose() => State.Dispose();
}

/// <summary>The page's side of <see cref="ICancellationsView"/>, recorded; the dialog answers <see cref="Answer"/>.</summary>
public sealed class RecordingView : ICancellationsView
{
    private readonly TaskCompletionSource _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _dispatched;
    private int _refreshes;

    public string? Answer { get; set; } = "";
    public List<(ReviewState State, IReadOnlyList<string> JobNumbers)> Asked { get; } = [];
    public List<string> Confirmed { get; } = [];

    /// <summary>How often work was handed to the page's dispatcher (the change feed's reloads).</summary>
    public int Dispatched => Volatile.Read(ref _dispatched);

    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Completes at the first refresh.</summary>
    public Task Refreshed => _refreshed.Task;

    public Task InvokeAsync(Func<Task> work)
    {
        Interlocked.Increment(ref _dispatched);
        return work();
    }

    public Task RefreshAsync()
    {
        Interlocked.Increment(ref _refreshes);
        _refreshed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<string?> AskReviewCommentAsync(ReviewState state, IReadOnlyList<string> jobNumbers)
    {
        Asked.Add((state, jobNumbers));
        return Task.FromResult(Answer);
    }

    public void Confirm(string message) => Confirmed.Add(message);
}
