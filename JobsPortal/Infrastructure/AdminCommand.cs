using System.Security.Cryptography;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace JobsPortal.Infrastructure;

/// <summary>
/// <c>admin unlock EMAIL</c> and <c>admin reset-password EMAIL</c>, for when no one can sign in to
/// fix an account from the app (anyone can lock any account, the only admin's included, with five
/// wrong passwords). Both work on the database the app is configured with, or the one given with
/// <c>--database PATH</c>. Unlocking clears the lockout and the failed count; resetting the password
/// also unlocks, prints a new random password and ends the account's open sessions.
/// </summary>
public static class AdminCommand
{
    public const string Name = "admin";
    private const string Usage = "Usage: admin unlock EMAIL | admin reset-password EMAIL  [--database PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        var (database, positional) = CommandDatabase.Split(args);
        if (positional is not [var action, var email] || action is not ("unlock" or "reset-password"))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var (builder, settings) = CommandDatabase.Builder(database);
        if (!settings.IsPostgreSql && !File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
        {
            await errors.WriteLineAsync($"No database at {settings.Describe()}. Start the app once to create it, or give --database PATH.");
            return 1;
        }
        builder.Services.AddJobsPortalCore(settings);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var user = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        if (user is null)
        {
            await errors.WriteLineAsync($"No account with the email {email}.");
            return 1;
        }
        if (user.IsDeactivated)
        {
            // A deactivated person is locked for good on purpose; only an admin's Reactivate (audited) brings them back.
            await errors.WriteLineAsync($"{user.Email} is deactivated; an admin reactivates it on its page under /admin/users.");
            return 1;
        }
        await Check(users.SetLockoutEndDateAsync(user, null), "clear the lockout");
        await Check(users.ResetAccessFailedCountAsync(user), "reset the failed sign-in count");
        if (action == "unlock")
        {
            await output.WriteLineAsync($"Unlocked {user.Email}: it can sign in again.");
            return 0;
        }

        var password = NewPassword();
        // Resetting changes the security stamp: the account's open sessions and API tokens stop working.
        await Check(users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password), "set the new password");
        await output.WriteLineAsync($"Unlocked {user.Email} and set its password to: {password}");
        await output.WriteLineAsync("Give it to its owner over a safe channel; its open sessions have ended.");
        return 0;
    }

    private static async Task Check(Task<IdentityResult> operation, string what)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>20 random characters with at least one of each kind Identity's password rules ask for.</summary>
    internal static string NewPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!#%+-=?@";
        var characters = RandomNumberGenerator.GetItems<char>(lower + upper + digits + symbols, 16)
            .Concat([RandomNumberGenerator.GetItems<char>(lower, 1)[0], RandomNumberGenerator.GetItems<char>(upper, 1)[0],
                RandomNumberGenerator.GetItems<char>(digits, 1)[0], RandomNumberGenerator.GetItems<char>(symbols, 1)[0]])
            .ToArray();
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
