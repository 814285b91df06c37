namespace JobsPortal.Data.Entities;

// Enum names are the wire values of the CRM.COM API (stored as text, so the database reads the same).
#pragma warning disable CA1707 // identifiers mirror CRM.COM's upper-case wire values

public enum LifeCycleState
{
    DRAFT,
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
}

public enum RatingState
{
    PENDING,
    COMPLETED,
}

public enum FulfillmentScope
{
    GENERIC_PURPOSE,
    NEW_SUBSCRIPTION,
    ACTIVATE_SUBSCRIPTION,
    DEACTIVATE_SUBSCRIPTION,
    CANCEL_SUBSCRIPTION,
    ADD_SUBSCRIPTION_SERVICES,
    CANCEL_SUBSCRIPTION_SERVICES,
    CHANGE_SUBSCRIPTION_LOCATION,
    SWAP_SUBSCRIPTION_INSTALLED_ITEMS,
    SWAP_SUBSCRIPTION_SERVICES,
    REPLACE_PHYSICAL_GOODS,
    SUBSCRIPTION_MAINTAINANCE,
}

public enum FulfillmentMethod
{
    BASED_ON_ORDERED_ITEMS,
    BASED_ON_DELIVERED_ITEMS,
}

public enum JobItemKind
{
    PHYSICAL_GOOD,
    SERVICE,
    EXPENSE,
}

public enum JobItemState
{
    PENDING,
    PROVIDED,
    DELIVERED,
    CANCELLED,
}

public enum CancellationChannel
{
    PORTAL,
    API,
}

public enum JobEventKind
{
    CREATED,
    STATUS_CHANGED,
    ASSIGNED,
    NOTE_ADDED,
    CANCELLED,
    REVIEWED,
    REOPENED,
}

#pragma warning restore CA1707

/// <summary>A supervisor's mark on a cancellation (JobsPortal's own, not a CRM.COM value).</summary>
public enum ReviewState
{
    NotReviewed,
    Reviewed,
    Flagged,
}

public static class ReviewStates
{
    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.NotReviewed => "Not reviewed",
        ReviewState.Reviewed => "Reviewed",
        ReviewState.Flagged => "Flagged",
        _ => state.ToString(),
    };

    /// <summary>The job timeline's sentence for a review mark: the review service and the demo generator write the same.</summary>
    public static string TimelineSummary(this ReviewState state, string reviewerName, string? comment)
    {
        var verb = state == ReviewState.Flagged ? "flagged" : "marked reviewed";
        return string.IsNullOrWhiteSpace(comment)
            ? $"Cancellation {verb} by {reviewerName}"
            : $"Cancellation {verb} by {reviewerName}: {comment}";
    }
}

public static class LifeCycleStates
{
    /// <summary>The states from which a job may still be cancelled (domain §1, §4.2).</summary>
    public static readonly IReadOnlyList<LifeCycleState> Cancellable =
        [LifeCycleState.DRAFT, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS];

    public static bool CanBeCancelled(this LifeCycleState state) =>
        state is LifeCycleState.DRAFT or LifeCycleState.PENDING or LifeCycleState.IN_PROGRESS;

    public static string Label(this LifeCycleState state) => state switch
    {
        LifeCycleState.DRAFT => "Draft",
        LifeCycleState.PENDING => "Pending",
        LifeCycleState.IN_PROGRESS => "In progress",
        LifeCycleState.COMPLETED => "Completed",
        LifeCycleState.CANCELLED => "Cancelled",
        _ => state.ToString(),
    };
}

public static class JobItemStates
{
    /// <summary>Provided items are with the customer (domain §3).</summary>
    public static bool IsProvided(this JobItemState state) =>
        state is JobItemState.PROVIDED or JobItemState.DELIVERED;
}
