using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Security;

/// <summary>
/// <c>dotnet run --project JobsPortal -- admin unlock EMAIL</c> (and <c>reset-password</c>): how the
/// first admin gets back in after anyone locked the account with five wrong passwords.
/// </summary>
public sealed class AdminCommandTests
{
    private const string Email = "only.admin@example.com";

    [Fact]
    public async Task Unlock_clears_the_lockout_and_the_failed_count()
    {
        await using var db = await TestDatabase.CreateAsync();
        await CreateLockedAdminAsync(db);

        var (exit, output, _) = await RunAsync("unlock", Email, "--database", db.Path);

        Assert.Equal(0, exit);
        Assert.Contains("Unlocked only.admin@example.com", output, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.Email == Email);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        await using var scope = db.Services.CreateAsyncScope();
        var signIn = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(user, DemoCatalog.DemoPassword);
        Assert.True(signIn);
    }

    [Fact]
    public async Task Reset_password_unlocks_prints_a_new_password_that_works_and_ends_the_sessions()
    {
        await using var db = await TestDatabase.CreateAsync();
        var stampBefore = (await CreateLockedAdminAsync(db)).SecurityStamp;

        var (exit, output, _) = await RunAsync("reset-password", Email, "--database", db.Path);

        Assert.Equal(0, exit);
        var password = output.Split("password to: ")[1].Split('\n')[0].Trim();
        Assert.Equal(20, password.Length);
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Email))!;
        Assert.False(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.False(await users.CheckPasswordAsync(user, DemoCatalog.DemoPassword));
        Assert.NotEqual(stampBefore, user.SecurityStamp);
    }

    [Theory]
    [InlineData("unlock")]
    [InlineData("reset-password")]
    public async Task A_deactivated_account_stays_locked_and_the_command_says_who_reactivates_it(string action)
    {
        await using var db = await TestDatabase.CreateAsync();
        var admin = await CreateLockedAdminAsync(db);
        await using (var context = db.CreateContext())
        {
            var user = await context.Users.SingleAsync(u => u.Id == admin.Id);
            user.IsDeactivated = true;
            await context.SaveChangesAsync();
        }

        var (exit, _, errors) = await RunAsync(action, Email, "--database", db.Path);

        Assert.Equal(1, exit);
        Assert.Contains("deactivated", errors, StringComparison.Ordinal);
        await using var check = db.CreateContext();
        var after = await check.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id);
        Assert.NotNull(after.LockoutEnd);
        Assert.Equal(admin.PasswordHash, after.PasswordHash);
    }

    [Theory]
    [InlineData("unlock")]
    [InlineData("reset-password")]
    public async Task An_unknown_email_changes_nothing_and_fails(string action)
    {
        await using var db = await TestDatabase.CreateAsync();
        await CreateLockedAdminAsync(db);

        var (exit, _, errors) = await RunAsync(action, "someone.else@example.com", "--database", db.Path);

        Assert.Equal(1, exit);
        Assert.Contains("No account", errors, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.NotNull((await context.Users.AsNoTracking().SingleAsync(u => u.Email == Email)).LockoutEnd);
    }

    [Theory]
    [InlineData]
    [InlineData("unlock")]
    [InlineData("lock", Email)]
    [InlineData("unlock", Email, "extra")]
    public async Task Wrong_arguments_print_the_usage(params string[] args)
    {
        var (exit, _, errors) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: admin unlock EMAIL", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_reported_not_created()
    {
        var path = TestDatabase.NewPath();

        var (exit, _, errors) = await RunAsync("unlock", Email, "--database", path);

        Assert.Equal(1, exit);
        Assert.Contains("No database", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static async Task<ApplicationUser> CreateLockedAdminAsync(TestDatabase db)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Admin" };
        Assert.True((await users.CreateAsync(admin, DemoCatalog.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(admin, Roles.Admin);
        // Three failures counted, then locked (as by an admin, or by two more failures).
        for (var i = 0; i < 3; i++)
        {
            await users.AccessFailedAsync(admin);
        }
        await users.SetLockoutEndDateAsync(admin, DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.Equal(3, await users.GetAccessFailedCountAsync(admin));
        return admin;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await AdminCommand.RunAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
