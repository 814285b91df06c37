using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Data.Entities;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}

public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    // Staff and Reviewers are left only for the two pages that still name roles (JobDetailPage's
    // AuthorizeView, CancellationsPage's [Authorize]); everything else names Shared.Policies.
    // Delete them once those pages do too.
    public const string Staff = Agent + "," + Supervisor + "," + Admin;

    public const string Reviewers = Supervisor + "," + Admin;

    /// <summary>Every role, highest last: the seed creates them, the app bar names the highest one held. Not for authorization.</summary>
    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];
}
