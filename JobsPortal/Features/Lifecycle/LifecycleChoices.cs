using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// Which status a start or complete sets: the one given, or else the type's default for that state.
/// Given or default, it must be a status of the target state that the type allows: the same lists
/// (<see cref="CancelConfiguration"/>) the dialogs and <c>jobs/configuration/statuses/list</c> offer.
/// </summary>
internal static class LifecycleChoices
{
    public static async Task<(JobStatus? Status, CancelError? Error)> StatusAsync(
        JobsPortalDbContext db, JobType type, LifeCycleState target, (string Key, string Value)? identifier, CancellationToken ct)
    {
        var offered = await CancelConfiguration.StatusesAsync(db, type, target, ct);
        if (identifier is not { } id)
        {
            return offered.SingleOrDefault(s => s.IsDefault) is { } fallback
                ? (fallback.Status, null)
                : (null, CancelError.Invalid(NoDefaultCode(target),
                    $"No status was given and the job type '{type.Name}' has no default {Word(target)} status; give a status_identifier."));
        }
        var status = await CancelConfiguration.FindAsync(db.JobStatuses.AsNoTracking(), id.Key, id.Value, ct);
        if (status is null)
        {
            return (null, CancelError.Invalid(CancelErrorCodes.StatusNotFound, $"No job status has the {id.Key} '{id.Value}'."));
        }
        if (status.LifeCycleState != target)
        {
            return (null, CancelError.Invalid(WrongStateCode(target),
                $"The status '{status.Name}' is a {status.LifeCycleState} status, not a {Word(target)} status."));
        }
        return offered.Any(s => s.Status.Id == status.Id)
            ? (status, null)
            : (null, CancelError.Invalid(CancelErrorCodes.StatusNotAllowed,
                $"The status '{status.Name}' is not allowed for jobs of type '{type.Name}'."));
    }

    private static string Word(LifeCycleState target) => target == LifeCycleState.IN_PROGRESS ? "start" : "complete";

    private static string NoDefaultCode(LifeCycleState target) => target == LifeCycleState.IN_PROGRESS
        ? LifecycleErrorCodes.NoDefaultStartStatus : LifecycleErrorCodes.NoDefaultCompleteStatus;

    private static string WrongStateCode(LifeCycleState target) => target == LifeCycleState.IN_PROGRESS
        ? LifecycleErrorCodes.StatusNotStartStatus : LifecycleErrorCodes.StatusNotCompleteStatus;
}
