using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Import;

/// <summary>
/// The import page's state: the runs, the one in view, and what its progress means (rows per second,
/// time left). The page polls it on the injected clock while a run is working; the work itself runs
/// in the background and does not depend on the page being open.
/// </summary>
public sealed class ImportPageState(ImportService imports, TimeProvider clock)
{
    public IReadOnlyList<ImportRunView> Runs { get; private set; } = [];
    public ImportRunView? Current { get; private set; }
    public string? Error { get; set; }

    public bool Working => Current?.Status is ImportRunStatus.Checking or ImportRunStatus.Importing;
    public bool AwaitingDecision => Current?.Status == ImportRunStatus.Checked;

    public async Task LoadAsync(int? runId = null)
    {
        Runs = await imports.RecentAsync();
        var id = runId ?? Current?.Id ?? Runs.FirstOrDefault()?.Id;
        Current = id is { } value ? Runs.FirstOrDefault(r => r.Id == value) ?? await imports.GetAsync(value) : null;
    }

    /// <summary>Rows per second of the present phase, once it has run a moment.</summary>
    public double? RowsPerSecond
    {
        get
        {
            if (Current is not { PhaseStartedAt: { } started } run || run.RowsRead == 0)
            {
                return null;
            }
            var end = run.FinishedAt ?? clock.GetUtcNow().UtcDateTime;
            var seconds = (end - started).TotalSeconds;
            return seconds <= 0 ? null : run.RowsRead / seconds;
        }
    }

    /// <summary>Time left, from the share of the file read so far and the time it took.</summary>
    public TimeSpan? TimeLeft
    {
        get
        {
            if (!Working || Current is not { PhaseStartedAt: { } started, Progress: > 0.001 and < 1 } run)
            {
                return null;
            }
            var elapsed = clock.GetUtcNow().UtcDateTime - started;
            return TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - run.Progress) / run.Progress);
        }
    }

    public static string Describe(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Checking => "Checking (dry run)",
        ImportRunStatus.Checked => "Checked: waiting for your decision",
        ImportRunStatus.Importing => "Importing",
        ImportRunStatus.Imported => "Imported",
        ImportRunStatus.Discarded => "Discarded (nothing written)",
        ImportRunStatus.Cancelled => "Cancelled",
        _ => "Failed",
    };
}
