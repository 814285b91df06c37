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

    /// <summary>Every role, highest last: the seed creates them, the app bar names the highest one held. Not for authorization.</summary>
    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];
}
