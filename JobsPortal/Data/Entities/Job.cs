using JobsPortal.Data;

namespace JobsPortal.Data.Entities;

/// <summary>Created and updated date and user, stamped by <see cref="Interceptors.AuditInterceptor"/>.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    string? CreatedByUserId { get; set; }
    DateTime UpdatedAt { get; set; }
    string? UpdatedByUserId { get; set; }
}

public class Job : IAuditable
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Description { get; set; }
    public LifeCycleState LifeCycleState { get; set; }
    public RatingState RatingState { get; set; }
    public DateTime? ExpirationDate { get; set; }
    public DateTime? ScheduledDate { get; set; }

    public string? AccountNumber { get; set; }
    public string? AccountName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Notes { get; set; }

    public DateTime? StartDate { get; set; }
    public DateTime? ExpectedCompletionDate { get; set; }
    public DateTime? ActualCompletionDate { get; set; }

    public string? AssignedUserId { get; set; }
    public ApplicationUser? AssignedUser { get; set; }
    public int? AssignedUnitId { get; set; }
    public Unit? AssignedUnit { get; set; }

    public int JobTypeId { get; set; }
    public JobType JobType { get; set; } = null!;
    public int JobStatusId { get; set; }
    public JobStatus JobStatus { get; set; } = null!;

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public ApplicationUser? CreatedByUser { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public ApplicationUser? UpdatedByUser { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every update, checked in the UPDATE's WHERE.</summary>
    public int Version { get; set; }

    public List<JobItem> Items { get; set; } = [];
    public List<JobEvent> Events { get; set; } = [];

    /// <summary>Every cancellation of the job; at most one is not reopened (the current one): a filtered unique index says so.</summary>
    public List<JobCancellation> Cancellations { get; set; } = [];
}

public class JobItem
{
    public int Id { get; set; }
    public int JobId { get; set; }
    public Job Job { get; set; } = null!;
    public JobItemKind Kind { get; set; }
    public required string ProductCode { get; set; }
    public required string ProductName { get; set; }
    public int Quantity { get; set; } = 1;
    public string? SerialNumber { get; set; }
    public JobItemState State { get; set; }
}

/// <summary>
/// What a cancel did and why (domain §4.8), and what it changed, so that it can be reopened. A job may
/// have several, after reopens; at most one is not reopened (the current one): the filtered unique
/// index on the job makes a second current one impossible.
/// </summary>
public class JobCancellation
{
    public int Id { get; set; }
    public int JobId { get; set; }
    public Job Job { get; set; } = null!;
    public int JobStatusId { get; set; }
    public JobStatus JobStatus { get; set; } = null!;
    public int CancellationReasonId { get; set; }
    public CancellationReason CancellationReason { get; set; } = null!;
    public bool CancelProvidedItems { get; set; }
    public int ItemsCancelled { get; set; }
    public int ProvidedItemsLeft { get; set; }
    public string? Note { get; set; }
    public required string CancelledByUserId { get; set; }
    public ApplicationUser CancelledByUser { get; set; } = null!;
    public int? CancelledByUnitId { get; set; }
    public Unit? CancelledByUnit { get; set; }
    public DateTime CancelledAt { get; set; }
    public CancellationChannel Channel { get; set; }

    /// <summary>The bulk run this cancel was part of; null for a cancel of one job.</summary>
    public int? BulkRunId { get; set; }
    public BulkRun? BulkRun { get; set; }

    /// <summary>The latest supervisor's mark; <see cref="Reviews"/> keeps every mark ever made.</summary>
    public ReviewState ReviewState { get; set; }
    public DateTime? LastReviewedAt { get; set; }
    public string? LastReviewComment { get; set; }
    public List<CancellationReview> Reviews { get; set; } = [];

    /// <summary>The job's life cycle state before the cancel; null on records made before the cancel kept it (they cannot be reopened).</summary>
    public LifeCycleState? PreviousLifeCycleState { get; set; }
    public int? PreviousJobStatusId { get; set; }
    public JobStatus? PreviousJobStatus { get; set; }

    /// <summary>The items this cancel cancelled, each with the state it had.</summary>
    public List<JobCancellationItem> Items { get; set; } = [];

    /// <summary>Set once, when a supervisor reopens the job: the record stays, marked reopened.</summary>
    public DateTime? ReopenedAt { get; set; }
    public string? ReopenedByUserId { get; set; }
    public ApplicationUser? ReopenedByUser { get; set; }
    public string? ReopenReason { get; set; }
}

/// <summary>An item that one cancel set to CANCELLED, and the state it had before: a reopen gives it back.</summary>
public class JobCancellationItem
{
    public int Id { get; set; }
    public int JobCancellationId { get; set; }
    public JobCancellation JobCancellation { get; set; } = null!;
    public int JobItemId { get; set; }
    public JobItem JobItem { get; set; } = null!;
    public JobItemState PreviousState { get; set; }
}

/// <summary>The append-only trail of what happened to a job. Rows are only ever inserted.</summary>
public class JobEvent
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public Job Job { get; set; } = null!;
    public DateTime OccurredAt { get; set; }
    public JobEventKind Kind { get; set; }
    public required string Summary { get; set; }
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }
}

/// <summary>
/// A row of the full-text index: the id of a job whose text matched (see <see cref="JobTextIndex"/>).
/// Keyless and mapped to no table: it only comes from SQL. As an entity, rather than a raw scalar
/// query, its column keeps its integer type, so SQLite can join it on the rowid without a cast.
/// </summary>
public sealed class JobTextMatch
{
    public int JobId { get; init; }
}
