using JobsPortal.Data.Seeding;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>People of the demo seed (<see cref="DemoCatalog.Users"/>) whom tests sign in as.</summary>
public static class DemoPeople
{
    public const string Agent = "maria.lopez@example.com";
    public const string OtherAgent = "tom.becker@example.com";
    public const string Supervisor = "sara.khan@example.com";
    public const string OtherSupervisor = "chen.wei@example.com";
    public const string Admin = "admin@example.com";

    /// <summary>The first demo account that holds <paramref name="role"/>.</summary>
    public static string WithRole(string role) => DemoCatalog.Users.First(u => u.DemoAccount && u.Role == role).Email;
}
