using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;

namespace JobsPortal.Features.Cancellation;

/// <summary>
/// What to cancel and how: the parameters of CRM.COM's <c>jobs/all_scopes/cancel</c>, plus who and
/// where from. <paramref name="Actor"/> is the signed-in principal as the page or endpoint authorized
/// it; the service checks its policy and takes the user id from its NameIdentifier claim.
/// </summary>
public sealed record CancelJobCommand(
    EntityIdentifier Job,
    ClaimsPrincipal Actor,
    CancellationChannel Channel,
    EntityIdentifier? Status = null,
    EntityIdentifier? Reason = null,
    bool CancelProvidedItems = false,
    string? Note = null)
{
    /// <summary>In characters as a person counts them (<see cref="Shared.VisibleText"/>).</summary>
    public const int NoteMaxLength = 500;

    /// <summary>The job version the person saw; when given, a job changed since then is not cancelled blind.</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>The bulk run this cancel is part of; its record is marked with it (one group in the review queue).</summary>
    public int? BulkRunId { get; init; }
}

/// <summary>How a failure maps onto the outside world (an HTTP status, a message style).</summary>
public enum CancelErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>The stable codes of every expected failure. Integrations rely on them: never rename one.</summary>
public static class CancelErrorCodes
{
    public const string JobNotFound = "JOB_NOT_FOUND";
    public const string JobAlreadyCancelled = "JOB_ALREADY_CANCELLED";
    public const string JobCompleted = "JOB_COMPLETED";
    public const string JobChanged = "JOB_CHANGED";
    public const string IdentifierEmpty = "IDENTIFIER_EMPTY";
    public const string IdentifierAmbiguous = "IDENTIFIER_AMBIGUOUS";
    public const string IdentifierUnknownKey = "IDENTIFIER_UNKNOWN_KEY";
    public const string StatusNotFound = "STATUS_NOT_FOUND";
    public const string StatusNotCancelStatus = "STATUS_NOT_A_CANCEL_STATUS";
    public const string StatusNotAllowed = "STATUS_NOT_ALLOWED_FOR_TYPE";
    public const string ReasonNotFound = "REASON_NOT_FOUND";
    public const string ReasonNotAllowed = "REASON_NOT_ALLOWED_FOR_TYPE";
    public const string ReasonRetired = "REASON_RETIRED";
    public const string NoDefaultStatus = "TYPE_HAS_NO_DEFAULT_CANCEL_STATUS";
    public const string NoDefaultReason = "TYPE_HAS_NO_DEFAULT_REASON";
    public const string NoteTooLong = "NOTE_TOO_LONG";
    public const string NotAllowed = "NOT_ALLOWED";
}

/// <summary>
/// An expected failure. <see cref="Message"/> is the sentence the API returns (times in UTC, its contract);
/// a sentence that names a moment also keeps it as a <see cref="TimedSentence"/>, and pages show
/// <see cref="MessageIn"/> the viewer's zone.
/// </summary>
public sealed record CancelError(string Code, string Message, CancelErrorKind Kind)
{
    public TimedSentence? Timed { get; private init; }

    /// <summary>The sentence as a person reads it on a page: its time, if it names one, on their clock.</summary>
    public string MessageIn(TimeZoneInfo zone) => Timed?.In(zone) ?? Message;

    public static CancelError Conflict(string code, TimedSentence sentence) =>
        new(code, sentence.InUtc, CancelErrorKind.Conflict) { Timed = sentence };

    public static CancelError Invalid(string code, string message) => new(code, message, CancelErrorKind.Invalid);
    public static CancelError NotFound(string code, string message) => new(code, message, CancelErrorKind.NotFound);
    public static CancelError Conflict(string code, string message) => new(code, message, CancelErrorKind.Conflict);
    public static CancelError Forbidden(string code, string message) => new(code, message, CancelErrorKind.Forbidden);
}

/// <summary>What a successful cancel did.</summary>
public sealed record CancelledJob(
    int Id,
    string Number,
    int StatusId,
    string StatusName,
    int ReasonId,
    string ReasonName,
    bool CancelProvidedItems,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    DateTime CancelledAtUtc,
    string CancelledBy,
    CancellationChannel Channel)
{
    /// <summary>
    /// The whole job as the cancel left it, from what the cancel read inside its write lock and then wrote
    /// (the audit stamps are the saved ones): the API answers with it instead of reading the job again.
    /// </summary>
    public required JobAfterCancel After { get; init; }
}

/// <summary>
/// A job as a cancel left it: its fields, its type and new status, who it is assigned to and who created
/// and last updated it (usernames), with the stamps the save wrote.
/// </summary>
public sealed record JobAfterCancel(
    string Description,
    LifeCycleState LifeCycleState,
    RatingState RatingState,
    DateTime? ExpirationDate,
    DateTime? ScheduledDate,
    NamedRef<string>? AssignedUser,
    NamedRef<int>? AssignedUnit,
    JobType Type,
    JobStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? CreatedByUserName,
    string? UpdatedByUserName);

/// <summary>An id and the name shown for it (a user's display name, a unit's name).</summary>
public sealed record NamedRef<TId>(TId Id, string Name);

/// <summary>
/// What a cancel, reopen, create, start or complete did: the job as it now is, or an error with a
/// stable code. Expected failures are results, not exceptions.
/// </summary>
public sealed record JobResult<TJob> where TJob : class
{
    private JobResult(TJob? job, CancelError? error)
    {
        Job = job;
        Error = error;
    }

    public TJob? Job { get; }
    public CancelError? Error { get; }
    public bool Succeeded => Error is null;

    public static JobResult<TJob> Ok(TJob job) => new(job, null);
    public static JobResult<TJob> Fail(CancelError error) => new(null, error);
    public static implicit operator JobResult<TJob>(CancelError error) => Fail(error);
}

/// <summary>What the Cancel dialog offers for one job: only what its type allows.</summary>
public sealed record CancelOptions(
    int JobId,
    string Number,
    string Description,
    string TypeName,
    LifeCycleState LifeCycleState,
    string StatusName,
    int Version,
    IReadOnlyList<CancelStatusOption> Statuses,
    IReadOnlyList<CancelReasonOption> Reasons,
    IReadOnlyList<CancelItemOption> Items,
    CancelledBySomeone? AlreadyCancelled)
{
    public int ProvidedItems => Items.Count(i => i.State.IsProvided());

    /// <summary>What the cancel would do to the items: the dialog's preview asks the same rule the cancel uses.</summary>
    public CancellationPlan<CancelItemOption> Plan(bool cancelProvidedItems) =>
        CancellationPlan.For(Items, i => i.State, cancelProvidedItems);
}

public sealed record CancelStatusOption(int Id, string Name, string AlternativeCode, bool IsDefault);
public sealed record CancelReasonOption(int Id, string Name, string AlternativeCode, string? Description, bool IsDefault);
public sealed record CancelItemOption(string ProductName, string? SerialNumber, int Quantity, JobItemState State);
public sealed record CancelledBySomeone(string ByName, DateTime AtUtc);
