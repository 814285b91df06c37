using MudBlazor;

namespace JobsPortal.Features.Bulk;

/// <summary>Opens the bulk cancel dialog for some jobs; the search page and the job page use it.</summary>
public static class BulkCancelLauncher
{
    /// <returns>The started run's id, or null when nothing was started.</returns>
    public static async Task<int?> ShowAsync(IDialogService dialogs, IReadOnlyList<int> jobIds, string origin)
    {
        var parameters = new DialogParameters<BulkCancelDialog> { { d => d.JobIds, jobIds }, { d => d.Origin, origin } };
        var options = new DialogOptions { CloseOnEscapeKey = false, MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<BulkCancelDialog>("Cancel selected jobs", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: int runId } ? runId : null;
    }
}
