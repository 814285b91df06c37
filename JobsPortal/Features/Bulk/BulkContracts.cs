using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;

namespace JobsPortal.Features.Bulk;

/// <summary>A selected job as the bulk dialog lists it; <see cref="Why"/> says why it cannot be cancelled (null when it can).</summary>
public sealed record BulkPlanJob(int Id, string Number, string Description, int TypeId, string TypeName, LifeCycleState State, bool HasProvidedItems, string? Why)
{
    /// <summary>When <see cref="Why"/> names a moment (already cancelled by whom and when): the sentence, to show on the viewer's clock.</summary>
    public TimedSentence? TimedWhy { get; init; }

    public string? WhyIn(TimeZoneInfo zone) => TimedWhy?.In(zone) ?? Why;
}

/// <summary>What one job type in the selection allows: its cancel statuses and usable reasons, defaults marked.</summary>
public sealed record BulkTypeOptions(int TypeId, string TypeName, int Jobs, IReadOnlyList<CancelStatusOption> Statuses, IReadOnlyList<CancelReasonOption> Reasons)
{
    public int? DefaultStatusId => Statuses.FirstOrDefault(s => s.IsDefault)?.Id;
    public int? DefaultReasonId => Reasons.FirstOrDefault(r => r.IsDefault)?.Id;
}

/// <summary>
/// What a bulk cancel of a selection would do: which jobs it cancels, which it cannot and why, the
/// choices per job type, and how many selected jobs no longer exist.
/// </summary>
public sealed record BulkPlan(IReadOnlyList<BulkPlanJob> Eligible, IReadOnlyList<BulkPlanJob> NotEligible, IReadOnlyList<BulkTypeOptions> Types, int Missing)
{
    public int WithProvidedItems => Eligible.Count(j => j.HasProvidedItems);
}

/// <summary>Either a plan or why there is none (too many jobs, none selected, not allowed).</summary>
public sealed record BulkPlanResult(BulkPlan? Plan, string? Error);

/// <summary>The status and reason for the jobs of one type.</summary>
public sealed record BulkTypeChoice(int TypeId, int StatusId, int ReasonId);

/// <summary>What a person asks for: the selected jobs, a status and a reason per job type, the provided-items choice and the note once.</summary>
public sealed record BulkCancelRequest(
    IReadOnlyList<int> JobIds,
    IReadOnlyList<BulkTypeChoice> Choices,
    bool CancelProvidedItems,
    string? Note,
    string Origin);

/// <summary>Either the started run's id or why it was not started (nothing was written then).</summary>
public sealed record BulkStartResult(int? RunId, string? Error);

/// <summary>A run as the list and the run's page show it.</summary>
public sealed record BulkRunSummary(
    int Id, string CreatedByUserId, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt, string Origin, BulkRunState State,
    int Total, int Cancelled, int AlreadyCancelled, int Failed, string? Message)
{
    public int Processed => Cancelled + AlreadyCancelled + Failed;
    public bool IsActive => State is BulkRunState.Queued or BulkRunState.Running;
    public double Percent => Total == 0 ? 100 : 100.0 * Processed / Total;
}

/// <summary>One job's line of a run's result.</summary>
public sealed record BulkRunJobRow(int Position, string Number, string Description, string TypeName, BulkJobOutcome Outcome, string? ErrorCode, string? Message, DateTime? ProcessedAt);

/// <summary>What the run chose for one job type.</summary>
public sealed record BulkChoiceView(string TypeName, string StatusName, string ReasonName);

/// <summary>A run with what it chose and every job's outcome.</summary>
public sealed record BulkRunDetail(BulkRunSummary Run, string? Note, bool CancelProvidedItems, IReadOnlyList<BulkChoiceView> Choices, IReadOnlyList<BulkRunJobRow> Jobs);

public static class BulkLabels
{
    /// <summary>A job's outcome in words; a job whose turn never came in a run that ended is "Not run".</summary>
    public static string Label(this BulkJobOutcome outcome, BulkRunState state) => outcome switch
    {
        BulkJobOutcome.Cancelled => "Cancelled",
        BulkJobOutcome.AlreadyCancelled => "Already cancelled",
        BulkJobOutcome.Failed => "Failed",
        _ => state is BulkRunState.Queued or BulkRunState.Running ? "Waiting" : "Not run",
    };

    public static string Label(this BulkRunState state) => state switch
    {
        BulkRunState.Queued => "Queued",
        BulkRunState.Running => "Running",
        BulkRunState.Finished => "Finished",
        BulkRunState.Stopped => "Stopped",
        _ => "Interrupted",
    };
}
