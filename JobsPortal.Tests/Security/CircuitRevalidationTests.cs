using System.Security.Claims;
using JobsPortal.Components.Account;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Infrastructure.Security;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobsPortal.Tests.Security;

/// <summary>
/// An open page's circuit carries no cookie after it starts: its sign-in is checked every few seconds,
/// so a sign-out elsewhere, a new password, a lock or a removed account reach open pages within seconds.
/// </summary>
public sealed class CircuitRevalidationTests
{
    public static TheoryData<string> Changes => ["sign out", "new security stamp", "lock", "remove"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task An_open_circuit_is_signed_out_within_seconds(string change)
    {
        await using var db = await TestDatabase.CreateAsync();
        var sessions = db.Services.GetRequiredService<UserSessions>();
        var (user, principal) = await SignedInPrincipalAsync(db, sessions);
        using var provider = new IdentityRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, sessions);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
        Assert.True(await sessions.IsValidAsync(principal));

        await using (var scope = db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            var done = change switch
            {
                "sign out" => await EndAsync(sessions, principal),
                "new security stamp" => await users.UpdateSecurityStampAsync(account),
                "lock" => await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddHours(1)),
                _ => await users.DeleteAsync(account),
            };
            Assert.True(done.Succeeded);
        }

        var after = await changed.Task.WaitAsync(IdentityRevalidatingAuthenticationStateProvider.Interval * 4);
        Assert.False(after.User.Identity?.IsAuthenticated);
        Assert.True(IdentityRevalidatingAuthenticationStateProvider.Interval <= TimeSpan.FromSeconds(10));
    }

    private static async Task<IdentityResult> EndAsync(UserSessions sessions, ClaimsPrincipal principal)
    {
        await sessions.EndAsync(UserSessions.IdOf(principal)!);
        return IdentityResult.Success;
    }

    private static async Task<(ApplicationUser User, ClaimsPrincipal Principal)> SignedInPrincipalAsync(TestDatabase db, UserSessions sessions)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "circuit@example.com", Email = "circuit@example.com", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCatalog.DemoPassword)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserSessions.ClaimType, await sessions.StartAsync(user.Id, null)));
        return (user, principal);
    }
}
