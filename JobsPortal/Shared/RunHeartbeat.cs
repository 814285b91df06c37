namespace JobsPortal.Shared;

/// <summary>
/// How background runs (bulk cancels, imports) say they are still being worked on, with several app
/// instances on one database: the instance running one writes the time into the run every
/// <see cref="Interval"/>; a run whose owner has been silent for <see cref="StaleAfter"/> was left by an
/// instance that stopped, and any instance may then close it as interrupted. A run with no owner
/// recorded (from before owners were) counts as left at once.
/// </summary>
public static class RunHeartbeat
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Several missed beats, so that a busy instance (a long garbage collection, a slow database) is not taken for gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(45);
}
