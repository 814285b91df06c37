using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Api;

/// <summary>What every API request asks of the token's account, read in one query.</summary>
public enum ApiAccountStanding
{
    Active,
    Removed,
    LockedOut,
    Deactivated,
    StampChanged,
}

/// <summary>
/// The per-request account check of the API's token scheme: one compiled, untracked query of the four
/// columns that decide (security stamp, lockout enabled and end, deactivated), instead of Identity's
/// UserManager, which resolves a scoped context and store and reads the whole row per request. It
/// decides exactly as UserManager.IsLockedOutAsync and the stamp comparison did, and it is never
/// cached: a lock, a deactivation, a removal or a new stamp stops the token at its very next request.
/// </summary>
public sealed class ApiAccountCheck(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    private sealed record AccountRow(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool IsDeactivated);

    private static readonly Func<JobsPortalDbContext, string, CancellationToken, Task<AccountRow?>> ReadAccount =
        CompiledPerModel.Query((JobsPortalDbContext db, string userId, CancellationToken ct) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new AccountRow(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.IsDeactivated))
                .SingleOrDefault());

    public async Task<ApiAccountStanding> CheckAsync(string userId, string? tokenStamp, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await ReadAccount(db, userId, ct);
        if (account is null)
        {
            return ApiAccountStanding.Removed;
        }
        if (account.IsDeactivated)
        {
            return ApiAccountStanding.Deactivated;
        }
        // Identity's own rule and clock (UserManager.IsLockedOutAsync reads DateTimeOffset.UtcNow).
        if (account.LockoutEnabled && account.LockoutEnd >= DateTimeOffset.UtcNow)
        {
            return ApiAccountStanding.LockedOut;
        }
        return string.Equals(tokenStamp, account.SecurityStamp, StringComparison.Ordinal)
            ? ApiAccountStanding.Active
            : ApiAccountStanding.StampChanged;
    }
}
