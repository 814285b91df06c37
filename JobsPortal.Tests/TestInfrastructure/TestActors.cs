using System.Security.Claims;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>Principals made by hand, for services that take the signed-in user; a seeded person's comes from <see cref="TestDatabase.PrincipalAsync"/>.</summary>
public static class TestActors
{
    /// <summary>A signed-in principal made by hand: for an account that does not exist, or one without the roles its user has.</summary>
    public static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test"));
}
