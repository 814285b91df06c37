using MudBlazor;

namespace JobsPortal.Features.Cancellation;

/// <summary>Opens the Reopen dialog for a cancelled job and, on success, says so in a snackbar.</summary>
public static class ReopenJobLauncher
{
    public static async Task<ReopenedJob?> ShowAsync(IDialogService dialogs, ISnackbar snackbar, int jobId, string number)
    {
        var parameters = new DialogParameters<ReopenJobDialog> { { d => d.JobId, jobId } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<ReopenJobDialog>($"Reopen job {number}", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ReopenedJob job })
        {
            snackbar.Add($"Job {job.Number} reopened: {job.StatusName}", Severity.Success);
            return job;
        }
        return null;
    }
}
