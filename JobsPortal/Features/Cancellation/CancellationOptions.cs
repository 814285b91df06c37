namespace JobsPortal.Features.Cancellation;

/// <summary>The cancellation's settings (<c>JobsPortal:Cancellation</c>).</summary>
public sealed class CancellationOptions
{
    public const string Section = "JobsPortal:Cancellation";

    /// <summary>How many days after a cancel a supervisor may still reopen it; past them the reopen is refused.</summary>
    public int ReopenWindowDays { get; set; } = 30;
}
