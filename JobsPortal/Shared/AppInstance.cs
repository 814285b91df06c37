namespace JobsPortal.Shared;

/// <summary>
/// This running copy of the app, one of possibly several on one database: the change feed tells its
/// own notices from other instances' by it, and background runs record it as their owner. A
/// singleton per app host (two hosts in one process, as in the tests, are two instances).
/// </summary>
public sealed class AppInstance
{
    /// <summary>Host name, process id and a random part: unique among instances, and readable in the database.</summary>
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
