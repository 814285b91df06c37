namespace JobsPortal.Data.Entities;

/// <summary>
/// One change made in the admin area: who, when, to what, and the before and after as short text.
/// Written in the same transaction as the change itself. The newest entry of a target is also its
/// version: an edit form remembers the entry it was opened at, and a save finding a newer one is
/// refused with who changed it and when, so no admin overwrites another's change unseen.
/// </summary>
public class AdminAuditEntry
{
    public const int TextMaxLength = 2000;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The acting admin's user id; null for the system (the configure command).</summary>
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>What kind of thing changed: Person, Reason, Status, JobType, Unit, BusinessUnit, Configuration.</summary>
    public required string Area { get; set; }
    public required string TargetId { get; set; }
    public required string TargetName { get; set; }

    /// <summary>What was done, e.g. "Created", "Roles changed", "Locked", "Retired".</summary>
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
