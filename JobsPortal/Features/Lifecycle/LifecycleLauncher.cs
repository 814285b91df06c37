using JobsPortal.Data.Entities;
using MudBlazor;

namespace JobsPortal.Features.Lifecycle;

/// <summary>Opens the Start, Complete and New job dialogs and, on success, says so in a snackbar. The job pages use it.</summary>
public static class LifecycleLauncher
{
    private static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    public static async Task<JobMoved?> ShowTransitionAsync(IDialogService dialogs, ISnackbar snackbar, int jobId, string number, LifeCycleState target)
    {
        var parameters = new DialogParameters<JobTransitionDialog> { { d => d.JobId, jobId }, { d => d.Target, target } };
        var verb = target == LifeCycleState.COMPLETED ? "Complete" : "Start";
        var dialog = await dialogs.ShowAsync<JobTransitionDialog>($"{verb} job {number}", parameters, Options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: JobMoved job })
        {
            snackbar.Add($"Job {job.Number} {(target == LifeCycleState.COMPLETED ? "completed" : "started")}: {job.StatusName}", Severity.Success);
            return job;
        }
        return null;
    }

    public static async Task<JobMoved?> ShowNewJobAsync(IDialogService dialogs, ISnackbar snackbar)
    {
        var dialog = await dialogs.ShowAsync<NewJobDialog>("New job", Options with { MaxWidth = MaxWidth.Medium });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: JobMoved job })
        {
            snackbar.Add($"Job {job.Number} created", Severity.Success);
            return job;
        }
        return null;
    }
}
