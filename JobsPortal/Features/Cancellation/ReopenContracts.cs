using System.Security.Claims;
using JobsPortal.Data.Configurations;
using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// Reopen a cancelled job: undo its current cancellation (a JobsPortal extension; CRM.COM has no such
/// method). <paramref name="Actor"/> is the principal the page or endpoint authorized; the service checks
/// the Reviewer policy on it. The reason is required.
/// </summary>
public sealed record ReopenJobCommand(EntityIdentifier Job, ClaimsPrincipal Actor, CancellationChannel Channel, string? Reason)
{
    /// <summary>In characters as a person counts them (<see cref="Shared.VisibleText"/>).</summary>
    public const int ReasonMaxLength = JobCancellationConfiguration.ReopenReasonMaxLength;

    /// <summary>The job version the person saw; when given, a job changed since then is not reopened blind.</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// The reopen's own failure codes. A missing job, identifier shapes, a changed job and a refused account
/// use the cancel's codes (<see cref="CancelErrorCodes"/>). Integrations rely on them: never rename one.
/// </summary>
public static class ReopenErrorCodes
{
    public const string JobNotCancelled = "JOB_NOT_CANCELLED";
    public const string JobAlreadyReopened = "JOB_ALREADY_REOPENED";
    public const string WindowPassed = "REOPEN_WINDOW_PASSED";
    public const string NotReopenable = "CANCELLATION_NOT_REOPENABLE";
    public const string ReasonRequired = "REOPEN_REASON_REQUIRED";
    public const string ReasonTooLong = "REOPEN_REASON_TOO_LONG";
}

/// <summary>What a successful reopen did.</summary>
public sealed record ReopenedJob(
    int Id,
    string Number,
    int CancellationId,
    LifeCycleState LifeCycleState,
    int StatusId,
    string StatusName,
    int ItemsRestored,
    DateTime ReopenedAtUtc,
    string ReopenedBy);

/// <summary>What the Reopen dialog shows for one job: what the reopen would give back, or why it cannot.</summary>
public sealed record ReopenOptions(
    int JobId,
    string Number,
    string Description,
    int Version,
    string? CancelledBy,
    DateTime? CancelledAt,
    LifeCycleState? PreviousState,
    string? PreviousStatusName,
    IReadOnlyList<ReopenItemOption> ItemsToRestore,
    IReadOnlyList<ReopenItemOption> ItemsStayingCancelled,
    CancelError? Refusal);

/// <summary>An item of the job; <paramref name="RestoredState"/> is the state the reopen gives back (null: it stays cancelled).</summary>
public sealed record ReopenItemOption(string ProductName, string? SerialNumber, int Quantity, JobItemState? RestoredState);
