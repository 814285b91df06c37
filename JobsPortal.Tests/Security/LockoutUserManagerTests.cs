using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Infrastructure.Security;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Security;

/// <summary>How failed sign-ins are counted, each through its own scope as separate requests would be.</summary>
public sealed class LockoutUserManagerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _userId = "";

    [Fact]
    public async Task The_fifth_failure_locks_and_the_count_starts_again()
    {
        for (var i = 0; i < 4; i++)
        {
            await FailOnceAsync();
        }
        Assert.Equal((4, false), await StateAsync());

        await FailOnceAsync();

        Assert.Equal((0, true), await StateAsync());
    }

    [Fact]
    public async Task A_failure_while_locked_is_not_counted()
    {
        for (var i = 0; i < 5; i++)
        {
            await FailOnceAsync();
        }

        await FailOnceAsync();
        await FailOnceAsync();

        Assert.Equal((0, true), await StateAsync());
    }

    [Fact]
    public async Task Failures_counted_from_stale_copies_of_the_account_are_all_counted()
    {
        // Each manager read the account before any of the others wrote it, as simultaneous requests do.
        var scopes = Enumerable.Range(0, 3).Select(_ => _db.Services.CreateAsyncScope()).ToList();
        var copies = new List<(UserManager<ApplicationUser> Users, ApplicationUser User)>();
        foreach (var scope in scopes)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            copies.Add((users, (await users.FindByIdAsync(_userId))!));
        }

        foreach (var (users, user) in copies)
        {
            Assert.True((await users.AccessFailedAsync(user)).Succeeded);
        }

        Assert.Equal((3, false), await StateAsync());
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_sign_in_check_with_a_copy_read_before_the_lockout_is_refused_as_locked()
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var staleCopy = (await signIn.UserManager.FindByIdAsync(_userId))!;
        for (var i = 0; i < 5; i++)
        {
            await FailOnceAsync();
        }

        var result = await signIn.CheckPasswordSignInAsync(staleCopy, DemoCatalog.DemoPassword, lockoutOnFailure: true);

        Assert.True(result.IsLockedOut);
    }

    private async Task FailOnceAsync()
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.IsType<LockoutUserManager>(users);
        Assert.True((await users.AccessFailedAsync((await users.FindByIdAsync(_userId))!)).Succeeded);
    }

    private async Task<(int Count, bool Locked)> StateAsync()
    {
        await using var context = _db.CreateContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.Id == _userId);
        return (user.AccessFailedCount, user.LockoutEnd > DateTimeOffset.UtcNow);
    }

    public async Task InitializeAsync()
    {
        // The sign-in manager needs the authentication services the web app registers.
        _db = await TestDatabase.CreateAsync(configure: services => services.AddAuthentication());
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "lock@example.com", Email = "lock@example.com", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCatalog.DemoPassword)).Succeeded);
        _userId = user.Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
