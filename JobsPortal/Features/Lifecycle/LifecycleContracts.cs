using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// Start progress (CRM.COM's <c>jobs/all_scopes/start_progress</c>) or complete (<c>jobs/all_scopes/complete</c>) one job.
/// <paramref name="Status"/> not given: the type's default start or complete status. The actor is the
/// principal the page or endpoint authorized, as for a cancel.
/// </summary>
public sealed record JobTransitionCommand(
    EntityIdentifier Job,
    ClaimsPrincipal Actor,
    CancellationChannel Channel,
    EntityIdentifier? Status = null)
{
    /// <summary>The job version the person saw; when given, a job changed since then is not moved blind.</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>An item of a new job; it starts PENDING (not yet provided).</summary>
public sealed record NewJobItem(string ProductCode, string? ProductName, JobItemKind Kind, int Quantity = 1, string? SerialNumber = null);

/// <summary>
/// A new job (CRM.COM's <c>jobs/generic_purpose/create</c>, the portal's New job dialog). The number is
/// allocated by the service; the account is identified by its number. <paramref name="Status"/> not given: the type's first configured PENDING
/// status (see <see cref="JobCreationService"/>). Users are identified by id or username (their email),
/// units by id or name.
/// </summary>
public sealed record CreateJobCommand(
    EntityIdentifier Type,
    EntityIdentifier Account,
    string Description,
    ClaimsPrincipal Actor,
    CancellationChannel Channel)
{
    public string? AccountName { get; init; }
    public EntityIdentifier? Status { get; init; }
    public DateTime? ScheduledDate { get; init; }
    public DateTime? ExpirationDate { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? Notes { get; init; }
    public EntityIdentifier? AssignedUser { get; init; }
    public EntityIdentifier? AssignedUnit { get; init; }
    public IReadOnlyList<NewJobItem> Items { get; init; } = [];

    /// <summary>Only types of this fulfillment scope (the API's generic_purpose method); null takes any type.</summary>
    public FulfillmentScope? RequiredScope { get; init; }
}

/// <summary>
/// The stable codes of the life cycle methods' own failures. Identifier shapes, a missing job, an
/// unknown or disallowed status and a cancelled job use the cancel's codes (<see cref="CancelErrorCodes"/>),
/// so one failure has one code whichever method met it. Never rename one.
/// </summary>
public static class LifecycleErrorCodes
{
    public const string JobNotPending = "JOB_NOT_PENDING";
    public const string JobNotInProgress = "JOB_NOT_IN_PROGRESS";
    public const string JobAlreadyCompleted = "JOB_ALREADY_COMPLETED";
    public const string StatusNotStartStatus = "STATUS_NOT_A_START_STATUS";
    public const string StatusNotCompleteStatus = "STATUS_NOT_A_COMPLETE_STATUS";
    public const string StatusNotOpenStatus = "STATUS_NOT_AN_OPEN_STATUS";
    public const string NoDefaultStartStatus = "TYPE_HAS_NO_DEFAULT_START_STATUS";
    public const string NoDefaultCompleteStatus = "TYPE_HAS_NO_DEFAULT_COMPLETE_STATUS";
    public const string NoPendingStatus = "TYPE_HAS_NO_PENDING_STATUS";
    public const string TypeNotFound = "JOB_TYPE_NOT_FOUND";
    public const string TypeNotGenericPurpose = "JOB_TYPE_NOT_GENERIC_PURPOSE";
    public const string AccountInvalid = "ACCOUNT_INVALID";
    public const string DescriptionInvalid = "DESCRIPTION_INVALID";
    public const string DatesInvalid = "DATES_INVALID";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string UnitNotFound = "UNIT_NOT_FOUND";
    public const string ItemInvalid = "ITEM_INVALID";
    public const string FieldTooLong = "FIELD_TOO_LONG";
}

/// <summary>What a create, start or complete did: the job as it now is, and who did it when.</summary>
public sealed record JobMoved(
    int Id,
    string Number,
    LifeCycleState LifeCycleState,
    int StatusId,
    string StatusName,
    int ItemsProvided,
    DateTime AtUtc,
    string By);

/// <summary>What the Start and Complete dialogs offer for one job: the statuses its type allows for the target state.</summary>
public sealed record TransitionOptions(
    int JobId,
    string Number,
    string TypeName,
    LifeCycleState LifeCycleState,
    int Version,
    int PendingItems,
    IReadOnlyList<CancelStatusOption> Statuses);

/// <summary>What the New job dialog offers: types, units and assignable people.</summary>
public sealed record NewJobChoices(
    IReadOnlyList<NewJobTypeOption> Types,
    IReadOnlyList<NewJobNamed> Units,
    IReadOnlyList<NewJobNamed> Users);

public sealed record NewJobTypeOption(int Id, string Name, string AlternativeCode);
public sealed record NewJobNamed(string Id, string Name);
