using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// Which status and reason a cancel records: the ones given, or else the job type's defaults. Given or
/// default, each is checked the same way, against the same lists the Cancel dialog and the API offer
/// (<see cref="CancelConfiguration"/>): a CANCELLED status the type allows, a reason the type allows
/// that is not retired. Read through the cancel's own context, before its write lock; the default status
/// comes with the cancel's read of the job (<see cref="TypeDefaults"/>).
/// </summary>
internal static class CancelChoices
{
    internal readonly record struct Resolved<T>(T? Value, CancelError? Error);

    /// <summary>
    /// A type's default cancel status as the cancel reads it with the job, in the job's own query rather than
    /// as the list below (a cancel with no status is the API's hot path): the status and whether the type
    /// allows it. <see cref="Status"/> applies the same rule as the list's <c>IsDefault</c>
    /// (<see cref="CancelConfiguration"/>); the Defaults tests pin it.
    /// </summary>
    internal sealed record TypeDefaults(JobStatus? CancelStatus, bool CancelStatusAllowed)
    {
        /// <summary>What StatusesAsync(type, CANCELLED) marks as default: the type's default cancel status, if it allows it and it is a CANCELLED status.</summary>
        public JobStatus? Status => CancelStatusAllowed && CancelStatus is { LifeCycleState: LifeCycleState.CANCELLED } status ? status : null;
    }

    /// <summary>
    /// The status a cancel sets: the one given, or else the type's default cancel status. Either must be
    /// a CANCELLED status that the type allows; the allowed ones are the list the dialog offers.
    /// </summary>
    public static async Task<Resolved<JobStatus>> StatusAsync(
        JobsPortalDbContext db, JobType type, TypeDefaults defaults, (string Key, string Value)? identifier, CancellationToken ct)
    {
        if (identifier is not { } id)
        {
            return defaults.Status is { } fallback
                ? new(fallback, null)
                : new(null, CancelError.Invalid(CancelErrorCodes.NoDefaultStatus,
                    $"No status was given and the job type '{type.Name}' has no default cancel status; give a status_identifier."));
        }

        var status = await CancelConfiguration.FindAsync(db.JobStatuses.AsNoTracking(), id.Key, id.Value, ct);
        if (status is null)
        {
            return new(null, CancelError.Invalid(CancelErrorCodes.StatusNotFound, $"No job status has the {id.Key} '{id.Value}'."));
        }
        if (status.LifeCycleState != LifeCycleState.CANCELLED)
        {
            return new(null, CancelError.Invalid(CancelErrorCodes.StatusNotCancelStatus,
                $"The status '{status.Name}' is a {status.LifeCycleState} status, not a cancel status."));
        }
        var offered = await CancelConfiguration.StatusesAsync(db, type, LifeCycleState.CANCELLED, ct);
        return offered.Any(s => s.Status.Id == status.Id)
            ? new(status, null)
            : new(null, CancelError.Invalid(CancelErrorCodes.StatusNotAllowed,
                $"The status '{status.Name}' is not allowed for jobs of type '{type.Name}'."));
    }

    /// <summary>The reason a cancel records: the one given, or else the type's default; either must be one the type allows and not retired.</summary>
    public static async Task<Resolved<CancellationReason>> ReasonAsync(
        JobsPortalDbContext db, JobType type, (string Key, string Value)? identifier, CancellationToken ct)
    {
        if (identifier is not { } id)
        {
            return await CancelConfiguration.DefaultReasonAsync(db, type.Id, ct) is { } fallback
                ? new(fallback, null)
                : new(null, CancelError.Invalid(CancelErrorCodes.NoDefaultReason,
                    $"No reason was given and the job type '{type.Name}' has no usable default cancellation reason; give a cancellation_reason_identifier."));
        }

        var reason = await CancelConfiguration.FindAsync(db.CancellationReasons.AsNoTracking(), id.Key, id.Value, ct);
        if (reason is null)
        {
            return new(null, CancelError.Invalid(CancelErrorCodes.ReasonNotFound, $"No cancellation reason has the {id.Key} '{id.Value}'."));
        }
        if (reason.IsRetired)
        {
            return new(null, CancelError.Invalid(CancelErrorCodes.ReasonRetired,
                $"The cancellation reason '{reason.Name}' is retired and can no longer be used."));
        }
        var offered = await CancelConfiguration.ReasonsAsync(db, type.Id, ct);
        return offered.Any(r => r.Reason.Id == reason.Id)
            ? new(reason, null)
            : new(null, CancelError.Invalid(CancelErrorCodes.ReasonNotAllowed,
                $"The cancellation reason '{reason.Name}' is not allowed for jobs of type '{type.Name}'."));
    }
}
