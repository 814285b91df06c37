namespace JobsPortal.Data.Entities;

/// <summary>
/// One remembered choice of one person, such as the columns they hide in a grid: kept on the server,
/// so it follows them to another browser. <see cref="Key"/> names the choice ("jobs.hidden-columns"),
/// <see cref="Value"/> is the choice as its owner writes it. Not audited: a person's own view of the
/// app changes nothing anyone else sees.
/// </summary>
public class UserPreference
{
    public const int KeyMaxLength = 64;
    public const int ValueMaxLength = 1000;

    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
