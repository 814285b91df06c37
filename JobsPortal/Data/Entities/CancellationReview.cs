namespace JobsPortal.Data.Entities;

/// <summary>
/// One supervisor's mark on a cancellation. Append-only: a later mark replaces the cancellation's
/// current state, but every mark stays here as its history.
/// </summary>
public class CancellationReview
{
    public int Id { get; set; }
    public int JobCancellationId { get; set; }
    public JobCancellation JobCancellation { get; set; } = null!;
    public ReviewState State { get; set; }
    public string? Comment { get; set; }
    public required string ReviewedByUserId { get; set; }
    public ApplicationUser ReviewedByUser { get; set; } = null!;
    public DateTime ReviewedAt { get; set; }
}
