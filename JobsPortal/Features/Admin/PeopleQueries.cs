using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// The people list and a person's page, for admins. The list is filtered in SQL (name or email,
/// role, unit, deactivated); "locked" compares a lockout end with now, which SQLite cannot do on
/// Identity's DateTimeOffset column, so that filter and the paging run on the (short) projected
/// rows of a back office's staff.
/// </summary>
public sealed class PeopleQueries(AdminOperations operations, TimeProvider clock)
{
    public const int SignInsShown = 20;
    public const int HistoryShown = 200;

    public async Task<PeoplePage> ListAsync(ClaimsPrincipal admin, PeopleQuery query, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var lower = term.ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        if (!string.IsNullOrEmpty(query.Role))
        {
            var roleIds = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        if (query.UnitId is { } unitId)
        {
            users = users.Where(u => u.UnitId == unitId);
        }
        if (query.Deactivated is { } deactivated)
        {
            users = users.Where(u => u.IsDeactivated == deactivated);
        }
        var found = await users
            .Select(u => new { u.Id, u.Email, u.DisplayName, Unit = u.Unit == null ? null : u.Unit.Name, u.LockoutEnd, u.IsDeactivated })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = found
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Unit, Locked = u.LockoutEnd > now, u.IsDeactivated })
            .Where(u => query.Locked is not { } locked || u.Locked == locked)
            .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var page = rows.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var roles = await RolesOfAsync(db, ids, ct);
        return new PeoplePage(
            [.. page.Select(u => new PersonRow(u.Id, u.Email ?? "", u.DisplayName, u.Unit, roles.GetValueOrDefault(u.Id, []), u.Locked, u.IsDeactivated))],
            rows.Count);
    }

    public async Task<PersonDetail?> GetAsync(ClaimsPrincipal admin, string userId, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var roles = await RolesOfAsync(db, [userId], ct);
        var history = await db.AdminAudit.AsNoTracking()
            .Where(a => a.Area == AuditAreas.Person && a.TargetId == userId)
            .OrderByDescending(a => a.Id).Take(HistoryShown).ToListAsync(ct);
        return new PersonDetail(
            user.Id, user.Email ?? "", user.DisplayName, user.UnitId, roles.GetValueOrDefault(userId, []),
            user.LockoutEnd > clock.GetUtcNow(), user.LockoutEnd, user.IsDeactivated, user.PasswordHash is not null,
            history.Count > 0 ? history[0].Id : 0,
            await SignInsAsync(db, userId, ct), history);
    }

    /// <summary>A person's recent sign-ins, newest first (their own "My account" page reads these too).</summary>
    public static async Task<IReadOnlyList<SignInRow>> SignInsAsync(JobsPortalDbContext db, string userId, CancellationToken ct) =>
        await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedUtc)
            .Take(SignInsShown)
            .Select(s => new SignInRow(s.CreatedUtc, s.LastSeenUtc, s.EndedUtc, s.Address, s.UserAgent))
            .ToListAsync(ct);

    public static async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(
        JobsPortalDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. g.Select(p => p.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n))]);
    }
}
