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

    /// <summary>Everyone who may work jobs: a supervisor can do all an agent can, and so can an admin.</summary>
    public const string Staff = Agent + "," + Supervisor + "," + Admin;

    /// <summary>Those who review cancellations.</summary>
    public const string Reviewers = Supervisor + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];
}
