using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Jobs;

/// <summary>Everything the job page shows, read in one go by <see cref="JobDetailService"/>.</summary>
public sealed record JobDetail(
    int Id,
    string Number,
    string Description,
    LifeCycleState LifeCycleState,
    RatingState RatingState,
    DateTime? ExpirationDate,
    DateTime? ScheduledDate,
    JobPerson? AssignedUser,
    string? AssignedUnitName,
    string? AssignedBusinessUnitName,
    JobTypeSummary Type,
    JobStatusSummary Status,
    JobLogInformation Log,
    string? AccountNumber,
    string? AccountName,
    string? ContactEmail,
    string? ContactPhone,
    string? Notes,
    DateTime? StartDate,
    DateTime? ExpectedCompletionDate,
    DateTime? ActualCompletionDate,
    IReadOnlyList<JobItemLine> Items,
    JobCancellationSummary? Cancellation,
    JobReopenSummary? LastReopen,
    IReadOnlyList<JobTimelineEntry> Events)
{
    /// <summary>Only draft, pending and in-progress jobs can be cancelled (domain §4.2).</summary>
    public bool CanBeCancelled => LifeCycleState.CanBeCancelled();

    /// <summary>A cancelled job with its current cancellation; the reopen itself says whether that one can be reopened (window, records too old).</summary>
    public bool CanBeReopened => LifeCycleState == LifeCycleState.CANCELLED && Cancellation is not null;

    public int ProvidedItemCount => Items.Count(i => i.IsProvided);
}

public sealed record JobPerson(string DisplayName, string? Email);

public sealed record JobTypeSummary(string Name, string AlternativeCode, FulfillmentScope FulfillmentScope, FulfillmentMethod FulfillmentMethod);

public sealed record JobStatusSummary(string Name, string AlternativeCode, LifeCycleState LifeCycleState);

public sealed record JobLogInformation(DateTime CreatedAt, string? CreatedByName, DateTime UpdatedAt, string? UpdatedByName);

public sealed record JobItemLine(
    int Id, JobItemKind Kind, string ProductCode, string ProductName, int Quantity, string? SerialNumber, JobItemState State)
{
    /// <summary>Provided or delivered: the item is with the customer (domain §3).</summary>
    public bool IsProvided => State.IsProvided();
}

public sealed record JobCancellationSummary(
    string StatusName,
    string StatusCode,
    string ReasonName,
    string ReasonCode,
    string CancelledByName,
    string? CancelledByUnitName,
    DateTime CancelledAt,
    CancellationChannel Channel,
    bool CancelProvidedItems,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    string? Note);

/// <summary>A cancellation that was reopened: who cancelled and when, who reopened, when and why.</summary>
public sealed record JobReopenSummary(string CancelledByName, DateTime CancelledAt, string? ReopenedByName, DateTime ReopenedAt, string? Reason);

public sealed record JobTimelineEntry(long Id, DateTime OccurredAt, JobEventKind Kind, string Summary, string? UserName);
