using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Data.Entities;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>
    /// Deactivated by an admin: cannot sign in (the account is also locked out indefinitely, which the
    /// sign-in form, the token endpoint and the session check all refuse). People are never deleted,
    /// so their name stays on the jobs, events and cancellations that point at them.
    /// </summary>
    public bool IsDeactivated { get; set; }
}

public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    /// <summary>Every role, highest last: the seed creates them, the app bar names the highest one held. Not for authorization.</summary>
    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];
}
