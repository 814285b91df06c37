using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// Identity's user manager with a failed sign-in count that concurrent attempts cannot lose.
/// Identity counts a failure by reading the account, adding one in memory and saving the row: two
/// failures that read the same row both write "count + 1", the second save fails on the row's
/// concurrency stamp, and the sign-in manager ignores that. Ten wrong passwords sent at once were
/// counted as one or two, and the account never locked. Here a failure is counted by
/// compare-and-swap on the concurrency stamp: read the row afresh, count, save only if no one wrote
/// it since, otherwise read it again and count on top. The database decides, so this holds for
/// several app instances over one database as well as for one.
/// </summary>
public sealed class LockoutUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    JobsPortalDbContext db)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // Each lost race means another request's write went through, so this bounds nothing but a
    // flood of more simultaneous attempts on one account than the rate limits let in.
    private const int MaxWriteAttempts = 100;

    /// <summary>
    /// Counts one failed sign-in; the failure that reaches <see cref="LockoutOptions.MaxFailedAccessAttempts"/>
    /// locks the account and starts the count again, as Identity does. A failure while the account is
    /// locked is not counted: it is refused as locked, and must not shorten the next round.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            await RefreshAsync(user);
            if (await IsLockedOutAsync(user))
            {
                return IdentityResult.Success;
            }
            var locks = ++user.AccessFailedCount >= Options.Lockout.MaxFailedAccessAttempts;
            if (locks)
            {
                // The same clock as UserManager.IsLockedOutAsync, which reads the lockout back.
                user.LockoutEnd = DateTimeOffset.UtcNow.Add(Options.Lockout.DefaultLockoutTimeSpan);
                user.AccessFailedCount = 0;
            }
            // The store saves only if the row's concurrency stamp is still the one just read.
            var saved = await Store.UpdateAsync(user, CancellationToken);
            if (saved.Succeeded)
            {
                if (locks)
                {
                    Logger.LogWarning("Account {UserId} locked after {Count} failed sign-ins", user.Id, Options.Lockout.MaxFailedAccessAttempts);
                }
                return saved;
            }
        }
        Logger.LogError("Could not count a failed sign-in for account {UserId}: {Attempts} concurrent writes won", user.Id, MaxWriteAttempts);
        return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
    }

    /// <summary>
    /// Reads the account's row again, so its lockout and count are the database's now, not what they
    /// were when the account was looked up (another request or app instance may have locked it since).
    /// </summary>
    public async Task RefreshAsync(ApplicationUser user)
    {
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            await entry.ReloadAsync(CancellationToken);
            return;
        }
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.Id)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.LockoutEnabled, u.ConcurrencyStamp, u.SecurityStamp })
            .SingleOrDefaultAsync(CancellationToken);
        if (row is not null)
        {
            (user.AccessFailedCount, user.LockoutEnd, user.LockoutEnabled, user.ConcurrencyStamp, user.SecurityStamp) =
                (row.AccessFailedCount, row.LockoutEnd, row.LockoutEnabled, row.ConcurrencyStamp, row.SecurityStamp);
        }
    }
}
