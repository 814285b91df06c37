using System.Security.Claims;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>Principals to act as, for services that take the signed-in user.</summary>
public static class TestActors
{
    /// <summary>A seeded user as the app signs them in: made by the app's own claims principal factory (id, name, roles).</summary>
    public static async Task<ClaimsPrincipal> ActorAsync(this TestDatabase db, string email)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No seeded user {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    /// <summary>A signed-in principal made by hand: for an account that does not exist, or one without the roles its user has.</summary>
    public static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test"));
}
