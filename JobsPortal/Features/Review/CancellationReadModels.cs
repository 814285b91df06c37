using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Review;

/// <summary>The grid's sortable columns; sorting is chosen from this list, never built from a string.</summary>
public enum CancellationSort
{
    CancelledAt,
    JobNumber,
    JobType,
    Status,
    Reason,
    CancelledBy,
    Channel,
    ItemsCancelled,
    ProvidedItemsLeft,
    ReviewState,
}

/// <summary>A row of the grid: what its columns show, and the ids that its links and review buttons need; a reopened cancellation says who reopened it, when and why.</summary>
public sealed record CancellationRow(
    int Id,
    int JobId,
    string JobNumber,
    DateTime CancelledAt,
    string JobType,
    string Status,
    string Reason,
    string CancelledByUserId,
    string CancelledBy,
    string? Unit,
    CancellationChannel Channel,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    string? Note,
    ReviewState ReviewState,
    string? ReviewComment,
    DateTime? ReopenedAt = null,
    string? ReopenedBy = null,
    string? ReopenReason = null,
    int? BulkRunId = null);

/// <summary>The cancellations of one bulk run, reviewed as one group.</summary>
public sealed record BulkRunGroup(int RunId, IReadOnlyList<int> CancellationIds, IReadOnlyList<string> JobNumbers, int NotReviewed)
{
    public string Label => $"Bulk run #{RunId} ({CancellationIds.Count} job{(CancellationIds.Count == 1 ? "" : "s")})";
}

/// <summary>A row of the CSV export: the grid's columns plus the job's description and who reviewed it last, when.</summary>
public sealed record CancellationExportRow(
    DateTime CancelledAt,
    string JobNumber,
    string JobDescription,
    string JobType,
    string Status,
    string Reason,
    string CancelledBy,
    string? Unit,
    CancellationChannel Channel,
    int ItemsCancelled,
    int ProvidedItemsLeft,
    string? Note,
    ReviewState ReviewState,
    string? ReviewComment,
    string? ReviewedBy,
    DateTime? ReviewedAt,
    DateTime? ReopenedAt = null,
    string? ReopenedBy = null,
    string? ReopenReason = null);

public sealed record CancellationPage(IReadOnlyList<CancellationRow> Rows, int Total);

public sealed record NamedCount(string Name, int Count);

public sealed record AgentCount(string Name, string? Unit, int Count);

public sealed record CancellationSummary(
    int Total,
    IReadOnlyList<NamedCount> ByReason,
    ChartPeriod Period,
    IReadOnlyList<PeriodCount> Timeline,
    IReadOnlyList<AgentCount> TopAgents,
    int WithProvidedItemsLeft)
{
    /// <summary>The share (0..1) of cancellations that left provided items with the customer.</summary>
    public double ProvidedItemsLeftShare => Total == 0 ? 0 : (double)WithProvidedItemsLeft / Total;
}

public sealed record FilterOption<T>(T Value, string Label);

public sealed record CancellationFilterOptions(
    IReadOnlyList<FilterOption<int>> Reasons,
    IReadOnlyList<FilterOption<int>> JobTypes,
    IReadOnlyList<FilterOption<string>> People,
    IReadOnlyList<FilterOption<int>> Units);

public sealed record ReviewMark(ReviewState State, string? Comment, string ReviewedBy, DateTime ReviewedAt);

/// <summary>A job's cancellation as its review stands, with every mark, newest first.</summary>
public sealed record CancellationReviewStatus(ReviewState State, IReadOnlyList<ReviewMark> History);
