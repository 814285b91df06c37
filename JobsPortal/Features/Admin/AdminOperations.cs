using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// How every admin change is made, written once: the acting principal must pass the
/// <see cref="Policies.Admin"/> policy; the change, its audit entries and the version checks run in
/// one transaction (SQLite BEGIN IMMEDIATE, queued at the app's <see cref="SqliteWriteGate"/>; on
/// PostgreSQL an advisory lock held to the commit, see <see cref="JobWrites"/>), so two
/// admins saving the same thing at once are serialized and the second one sees the first one's audit
/// entry and is refused. A failure result rolls everything back.
/// </summary>
public sealed class AdminOperations(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobWrites writes,
    TimeProvider clock)
{
    public const string SystemActorName = "System";

    public async Task<bool> IsAdminAsync(ClaimsPrincipal principal) =>
        !string.IsNullOrEmpty(principal.FindFirstValue(ClaimTypes.NameIdentifier))
        && (await authorization.AuthorizeAsync(principal, Policies.Admin)).Succeeded;

    /// <summary>A context to read with, for an admin only; reads by anyone else are refused with an exception (pages are authorized first, so this is a second lock).</summary>
    public async Task<JobsPortalDbContext> ReadAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!await IsAdminAsync(principal))
        {
            throw new UnauthorizedAccessException("Only admins read the admin area.");
        }
        return await dbFactory.CreateDbContextAsync(ct);
    }

    public Task<AdminResult> WriteAsync(ClaimsPrincipal principal, Func<AdminWrite, Task<AdminResult>> work, CancellationToken ct = default) =>
        WriteAsync(principal, work, failure => failure, ct);

    public Task<AdminResult<T>> WriteAsync<T>(ClaimsPrincipal principal, Func<AdminWrite, Task<AdminResult<T>>> work, CancellationToken ct = default) =>
        WriteAsync(principal, work, failure => failure.As<T>(), ct);

    /// <summary>A write by the system (the configure command): audited as "System", no policy to pass.</summary>
    public Task<AdminResult> WriteAsSystemAsync(Func<AdminWrite, Task<AdminResult>> work, CancellationToken ct = default) =>
        RunAsync(AuditActor.System, null, work, failure => failure, ct);

    private async Task<TResult> WriteAsync<TResult>(
        ClaimsPrincipal principal, Func<AdminWrite, Task<TResult>> work, Func<AdminResult, TResult> failed, CancellationToken ct)
        where TResult : AdminResult
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !await IsAdminAsync(principal))
        {
            return failed(NotAllowed);
        }
        return await RunAsync(AuditActor.User(userId), userId, work, failed, ct);
    }

    private static readonly AdminResult NotAllowed = AdminResult.Fail(AdminErrors.NotAllowed, "Only an admin can do this.");

    private async Task<TResult> RunAsync<TResult>(
        AuditActor actor, string? userId, Func<AdminWrite, Task<TResult>> work, Func<AdminResult, TResult> failed, CancellationToken ct)
        where TResult : AdminResult
    {
        await using var db = await dbFactory.CreateDbContextAsync(actor, ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await writes.BeginAsync(db, ct);
        db.Database.AutoSavepointsEnabled = false;
        await tx.LockAdminAsync(ct);

        // Read inside the transaction: an admin deactivated a moment ago acts no more.
        var name = userId is null
            ? SystemActorName
            : await db.Users.Where(u => u.Id == userId && !u.IsDeactivated).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return failed(NotAllowed);
        }
        var write = new AdminWrite(db, userId, name, clock.GetUtcNow().UtcDateTime);
        var result = await work(write);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return result;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}

/// <summary>One admin operation in progress: its context, who acts, its time, and the audit it writes.</summary>
public sealed class AdminWrite(JobsPortalDbContext db, string? actorUserId, string actorName, DateTime now)
{
    public JobsPortalDbContext Db { get; } = db;
    public string? ActorUserId { get; } = actorUserId;
    public string ActorName { get; } = actorName;
    public DateTime Now { get; } = now;

    public void Audit(string area, string targetId, string targetName, string action, string? before = null, string? after = null) =>
        Db.AdminAudit.Add(new AdminAuditEntry
        {
            AtUtc = Now,
            ActorUserId = ActorUserId,
            ActorName = ActorName,
            Area = area,
            TargetId = targetId,
            TargetName = Clip(targetName, 256)!,
            Action = action,
            Before = Clip(before, AdminAuditEntry.TextMaxLength),
            After = Clip(after, AdminAuditEntry.TextMaxLength),
        });

    /// <summary>
    /// Refuses the save when the target changed since the form was opened at <paramref name="version"/>
    /// (its newest audit entry then; 0 when it had none): who changed it and when, to review and save again.
    /// </summary>
    public async Task<AdminResult?> ChangedSinceAsync(string area, string targetId, string targetName, long version, CancellationToken ct)
    {
        var latest = await AdminVersions.LatestAsync(Db, area, targetId, ct);
        if (latest is null || latest.Id == version)
        {
            return null;
        }
        return AdminResult.Fail(AdminErrors.Changed, new TimedSentence(latest.AtUtc,
            at => $"{targetName} was changed by {latest.ActorName} at {at} since you opened it. Review it and save again."));
    }

    private static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>The version of an admin-edited thing: the id of its newest audit entry, 0 when it has none.</summary>
public static class AdminVersions
{
    public static Task<AdminAuditEntry?> LatestAsync(JobsPortalDbContext db, string area, string targetId, CancellationToken ct) =>
        db.AdminAudit.AsNoTracking()
            .Where(a => a.Area == area && a.TargetId == targetId)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);

    public static async Task<long> OfAsync(JobsPortalDbContext db, string area, string targetId, CancellationToken ct) =>
        await db.AdminAudit.Where(a => a.Area == area && a.TargetId == targetId)
            .MaxAsync(a => (long?)a.Id, ct) ?? 0;

    /// <summary>The versions of every target of one area, for lists whose rows open an edit form.</summary>
    public static async Task<Dictionary<string, long>> OfAreaAsync(JobsPortalDbContext db, string area, CancellationToken ct) =>
        await db.AdminAudit.Where(a => a.Area == area)
            .GroupBy(a => a.TargetId)
            .Select(g => new { g.Key, Version = g.Max(a => a.Id) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, ct);
}

/// <summary>The audit's names for what changed.</summary>
public static class AuditAreas
{
    public const string Person = "Person";
    public const string Reason = "Reason";
    public const string Status = "Status";
    public const string JobType = "JobType";
    public const string Unit = "Unit";
    public const string BusinessUnit = "BusinessUnit";
    public const string Configuration = "Configuration";

    public static readonly IReadOnlyList<string> All = [Person, Reason, Status, JobType, Unit, BusinessUnit, Configuration];
}
