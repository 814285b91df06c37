using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// An admin's changes to people: add, edit, lock and unlock, deactivate and reactivate, a new
/// set-password link, sign out everywhere. Each is one transaction with its audit entry
/// (<see cref="AdminOperations"/>). People are never deleted. Whatever stops a person's access
/// (deactivating, locking, signing out everywhere) changes their security stamp and ends their
/// sessions in the same transaction: cookies fail their next check (at once for a request, within
/// seconds for an open circuit) and API tokens their next request.
/// </summary>
/// <remarks>
/// A deactivated or admin-locked account is also locked out with no end, because that is what the
/// sign-in form, the token endpoint and the session check already refuse; the deactivated flag
/// says why, and keeps "unlock" from letting a deactivated person back in.
/// </remarks>
public sealed class PeopleService(AdminOperations operations, UserManager<ApplicationUser> users, ILookupNormalizer normalizer)
{
    /// <summary>How long a set-password link works (the password-reset token's lifespan, set for the app).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(72);

    public const string SetPasswordPath = "/Account/SetPassword";

    public Task<AdminResult<SetPasswordLink>> AddAsync(ClaimsPrincipal admin, NewPersonForm form, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if ((Invalid(form) ?? InvalidRoles(form.Roles)) is { } invalid)
            {
                return invalid.As<SetPasswordLink>();
            }
            var email = form.Email.Trim();
            var normalized = normalizer.NormalizeEmail(email);
            if (await w.Db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
            {
                return AdminResult.Fail(AdminErrors.Duplicate, $"Someone already has the email {email}.").As<SetPasswordLink>();
            }
            if (form.UnitId is { } unitId && !await w.Db.Units.AnyAsync(u => u.Id == unitId, ct))
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That unit no longer exists.").As<SetPasswordLink>();
            }
            var user = new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalized,
                EmailConfirmed = true,
                DisplayName = form.DisplayName.Trim(),
                UnitId = form.UnitId,
                LockoutEnabled = true,
                SecurityStamp = NewStamp(),
                ConcurrencyStamp = NewStamp(),
            };
            w.Db.Users.Add(user);
            await SetRolesAsync(w.Db, user.Id, form.Roles, ct);
            w.Audit(AuditAreas.Person, user.Id, user.DisplayName, "Created", null,
                $"{email}; {user.DisplayName}; unit {await UnitNameAsync(w.Db, form.UnitId, ct)}; roles {string.Join(", ", form.Roles)}");
            w.Audit(AuditAreas.Person, user.Id, user.DisplayName, "Set-password link issued", null, "valid 72 hours");
            return AdminResult<SetPasswordLink>.Done(await LinkAsync(user, w.Now));
        }, ct);

    public Task<AdminResult> UpdateAsync(ClaimsPrincipal admin, PersonForm form, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if ((Invalid(form) ?? InvalidRoles(form.Roles)) is { } invalid)
            {
                return invalid;
            }
            var (user, error) = await LoadAsync(w, form.UserId, form.Version, ct);
            if (user is null)
            {
                return error!;
            }
            var roles = (await PeopleQueries.RolesOfAsync(w.Db, [user.Id], ct)).GetValueOrDefault(user.Id, []);
            if (roles.Contains(Roles.Admin) && !form.Roles.Contains(Roles.Admin) && await IsLastActiveAdminAsync(w, user, ct))
            {
                return LastAdmin(user, "remove the Admin role from");
            }
            if (form.UnitId is { } unitId && !await w.Db.Units.AnyAsync(u => u.Id == unitId, ct))
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That unit no longer exists.");
            }
            var name = form.DisplayName.Trim();
            if (name != user.DisplayName)
            {
                w.Audit(AuditAreas.Person, user.Id, name, "Renamed", user.DisplayName, name);
                user.DisplayName = name;
            }
            if (form.UnitId != user.UnitId)
            {
                w.Audit(AuditAreas.Person, user.Id, name, "Unit changed",
                    await UnitNameAsync(w.Db, user.UnitId, ct), await UnitNameAsync(w.Db, form.UnitId, ct));
                user.UnitId = form.UnitId;
            }
            var ordered = Roles.All.Where(form.Roles.Contains).ToList();
            if (!ordered.SequenceEqual(roles))
            {
                w.Audit(AuditAreas.Person, user.Id, name, "Roles changed", string.Join(", ", roles), string.Join(", ", ordered));
                await SetRolesAsync(w.Db, user.Id, ordered, ct);
                // New roles take effect on the next request and within seconds in a circuit.
                user.SecurityStamp = NewStamp();
            }
            user.ConcurrencyStamp = NewStamp();
            return AdminResult.Ok;
        }, ct);

    public Task<AdminResult> LockAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        Change(admin, userId, version, "Locked", async (w, user) =>
        {
            if (await IsLastActiveAdminAsync(w, user, ct))
            {
                return LastAdmin(user, "lock");
            }
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await StopAccessAsync(w, user, ct);
            return AdminResult.Ok;
        }, ct);

    public Task<AdminResult> UnlockAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        Change(admin, userId, version, "Unlocked", (_, user) =>
        {
            if (user.IsDeactivated)
            {
                return Task.FromResult(AdminResult.Fail(AdminErrors.Deactivated, $"{user.DisplayName} is deactivated: reactivate them instead."));
            }
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult(AdminResult.Ok);
        }, ct);

    public Task<AdminResult> DeactivateAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        Change(admin, userId, version, "Deactivated", async (w, user) =>
        {
            if (user.Id == w.ActorUserId)
            {
                return AdminResult.Fail(AdminErrors.Self, "You cannot deactivate yourself; ask another admin.");
            }
            if (await IsLastActiveAdminAsync(w, user, ct))
            {
                return LastAdmin(user, "deactivate");
            }
            user.IsDeactivated = true;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await StopAccessAsync(w, user, ct);
            return AdminResult.Ok;
        }, ct);

    public Task<AdminResult> ReactivateAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        Change(admin, userId, version, "Reactivated", (_, user) =>
        {
            user.IsDeactivated = false;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult(AdminResult.Ok);
        }, ct);

    public Task<AdminResult> SignOutEverywhereAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        Change(admin, userId, version, "Signed out everywhere", async (w, user) =>
        {
            await StopAccessAsync(w, user, ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>A new one-time link to set a password; earlier links and the current password keep working until one is used.</summary>
    public Task<AdminResult<SetPasswordLink>> NewLinkAsync(ClaimsPrincipal admin, string userId, long version, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            var (user, error) = await LoadAsync(w, userId, version, ct);
            if (user is null)
            {
                return error!.As<SetPasswordLink>();
            }
            if (user.IsDeactivated)
            {
                return AdminResult.Fail(AdminErrors.Deactivated, $"{user.DisplayName} is deactivated: reactivate them first.").As<SetPasswordLink>();
            }
            w.Audit(AuditAreas.Person, user.Id, user.DisplayName, "Set-password link issued", null, "valid 72 hours");
            return AdminResult<SetPasswordLink>.Done(await LinkAsync(user, w.Now));
        }, ct);

    private Task<AdminResult> Change(ClaimsPrincipal admin, string userId, long version, string action,
        Func<AdminWrite, ApplicationUser, Task<AdminResult>> change, CancellationToken ct) =>
        operations.WriteAsync(admin, async w =>
        {
            var (user, error) = await LoadAsync(w, userId, version, ct);
            if (user is null)
            {
                return error!;
            }
            var result = await change(w, user);
            if (result.Succeeded)
            {
                user.ConcurrencyStamp = NewStamp();
                w.Audit(AuditAreas.Person, user.Id, user.DisplayName, action);
            }
            return result;
        }, ct);

    private static async Task<(ApplicationUser? User, AdminResult? Error)> LoadAsync(AdminWrite w, string userId, long version, CancellationToken ct)
    {
        var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return (null, AdminResult.Fail(AdminErrors.NotFound, "No such person."));
        }
        return await w.ChangedSinceAsync(AuditAreas.Person, user.Id, user.DisplayName, version, ct) is { } changed
            ? (null, changed)
            : (user, null);
    }

    /// <summary>The person's cookies, circuits and API tokens stop: a new security stamp, and their sessions ended.</summary>
    private static async Task StopAccessAsync(AdminWrite w, ApplicationUser user, CancellationToken ct)
    {
        user.SecurityStamp = NewStamp();
        await w.Db.UserSessions.Where(s => s.UserId == user.Id && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, w.Now), ct);
    }

    /// <summary>Whether the person is an active admin (not deactivated, not locked) and no other is.</summary>
    private static async Task<bool> IsLastActiveAdminAsync(AdminWrite w, ApplicationUser user, CancellationToken ct)
    {
        var adminRole = w.Db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        var admins = await w.Db.Users.AsNoTracking()
            .Where(u => !u.IsDeactivated && w.Db.UserRoles.Any(ur => ur.UserId == u.Id && adminRole.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.LockoutEnd })
            .ToListAsync(ct);
        var now = new DateTimeOffset(w.Now);
        var active = admins.Where(a => !(a.LockoutEnd > now)).Select(a => a.Id).ToList();
        return active is [var only] && only == user.Id;
    }

    private static AdminResult LastAdmin(ApplicationUser user, string what) =>
        AdminResult.Fail(AdminErrors.LastAdmin, $"{user.DisplayName} is the last active admin: no one can {what} them. Make someone else an admin first.");

    private static async Task SetRolesAsync(JobsPortalDbContext db, string userId, IEnumerable<string> roles, CancellationToken ct)
    {
        var wanted = roles.ToList();
        var roleIds = await db.Roles.Where(r => wanted.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var current = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(ct);
        db.UserRoles.RemoveRange(current.Where(ur => !roleIds.Contains(ur.RoleId)));
        foreach (var roleId in roleIds.Where(id => current.All(ur => ur.RoleId != id)))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        }
    }

    private async Task<SetPasswordLink> LinkAsync(ApplicationUser user, DateTime now)
    {
        // Identity's password-reset token: bound to the person's security stamp, so it stops working
        // once used (setting a password changes the stamp), or when the person is deactivated or signed out everywhere.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return new SetPasswordLink(user.Id, $"{SetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&code={code}", now + LinkLifetime);
    }

    private static async Task<string> UnitNameAsync(JobsPortalDbContext db, int? unitId, CancellationToken ct) =>
        unitId is null ? "none" : await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "none";

    private static AdminResult? Invalid(object form)
    {
        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(form, new ValidationContext(form), errors, validateAllProperties: true)
            ? null
            : AdminResult.Fail(AdminErrors.Invalid, string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }

    private static AdminResult? InvalidRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0
            ? AdminResult.Fail(AdminErrors.Invalid, "Give the person at least one role.")
            : roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown
                ? AdminResult.Fail(AdminErrors.Invalid, $"There is no role {unknown}.")
                : null;

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();
}
