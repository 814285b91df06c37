using MudBlazor;

namespace JobsPortal.Features.Cancellation;

/// <summary>Opens the Cancel dialog for a job and, on success, says so in a snackbar. The detail page and the grid use it.</summary>
public static class CancelJobLauncher
{
    public static async Task<CancelledJob?> ShowAsync(IDialogService dialogs, ISnackbar snackbar, int jobId, string number)
    {
        var parameters = new DialogParameters<CancelJobDialog> { { d => d.JobId, jobId } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<CancelJobDialog>($"Cancel job {number}", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: CancelledJob job })
        {
            snackbar.Add($"Job {job.Number} cancelled", Severity.Success);
            return job;
        }
        return null;
    }
}
