using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// An admin's changes to cancellation reasons and job statuses. Names and alternative codes are
/// unique in their set, whatever the case (CRM.COM identifies configuration by either). Nothing
/// here is cached anywhere: the Cancel dialog, the search filters and the API read the tables per
/// request, so a change shows there at once.
/// </summary>
public sealed class CancelConfigurationAdmin(AdminOperations operations)
{
    public async Task<IReadOnlyList<ReasonRow>> ReasonsAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var versions = await AdminVersions.OfAreaAsync(db, AuditAreas.Reason, ct);
        var defaults = await db.JobTypeCancellationReasons.AsNoTracking().Where(r => r.IsDefault)
            .Select(r => new { r.CancellationReasonId, r.JobType.Name }).ToListAsync(ct);
        var reasons = await db.CancellationReasons.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return [.. reasons.Select(r => new ReasonRow(r.Id, r.Name, r.AlternativeCode, r.Description, r.IsRetired,
            [.. defaults.Where(d => d.CancellationReasonId == r.Id).Select(d => d.Name)], versions.GetValueOrDefault(Key(r.Id))))];
    }

    public async Task<IReadOnlyList<StatusRow>> StatusesAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var versions = await AdminVersions.OfAreaAsync(db, AuditAreas.Status, ct);
        var used = await UsedStatusIdsAsync(db, ct);
        var statuses = await db.JobStatuses.AsNoTracking().ToListAsync(ct);
        return [.. statuses.OrderBy(s => s.LifeCycleState).ThenBy(s => s.Name)
            .Select(s => new StatusRow(s.Id, s.Name, s.AlternativeCode, s.Description, s.LifeCycleState, used.Contains(s.Id), versions.GetValueOrDefault(Key(s.Id))))];
    }

    /// <summary>The types whose default is this reason, each with the reasons it allows that could take over.</summary>
    public async Task<IReadOnlyList<DefaultReplacement>> ReplacementsAsync(ClaimsPrincipal admin, int reasonId, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        return await ReplacementsAsync(db, reasonId, ct);
    }

    public Task<AdminResult<int>> SaveReasonAsync(ClaimsPrincipal admin, ReasonForm form, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if (Invalid(form) is { } invalid)
            {
                return invalid.As<int>();
            }
            var (name, code, description) = (form.Name.Trim(), form.AlternativeCode.Trim(), Blank(form.Description));
            if (await DuplicateAsync(w.Db.CancellationReasons, form.Id, name, code, "reason", ct) is { } duplicate)
            {
                return duplicate.As<int>();
            }
            CancellationReason reason;
            if (form.Id is { } id)
            {
                var found = await w.Db.CancellationReasons.SingleOrDefaultAsync(r => r.Id == id, ct);
                if (found is null)
                {
                    return AdminResult.Fail(AdminErrors.NotFound, "That reason no longer exists.").As<int>();
                }
                if (await w.ChangedSinceAsync(AuditAreas.Reason, Key(id), found.Name, form.Version, ct) is { } changed)
                {
                    return changed.As<int>();
                }
                reason = found;
                var before = Describe(reason.Name, reason.AlternativeCode, reason.Description);
                (reason.Name, reason.AlternativeCode, reason.Description) = (name, code, description);
                await w.Db.SaveChangesAsync(ct);
                w.Audit(AuditAreas.Reason, Key(id), name, "Edited", before, Describe(name, code, description));
            }
            else
            {
                reason = new CancellationReason { Name = name, AlternativeCode = code, Description = description };
                w.Db.CancellationReasons.Add(reason);
                await w.Db.SaveChangesAsync(ct);
                w.Audit(AuditAreas.Reason, Key(reason.Id), name, "Created", null, Describe(name, code, description));
            }
            return AdminResult<int>.Done(reason.Id);
        }, ct);

    /// <summary>
    /// Retires a reason: past cancellations keep it, no cancel can choose it again. Every type whose
    /// default it is needs its new default (another reason it allows, or null for none) in
    /// <paramref name="newDefaults"/>, so no type is left defaulting to a reason it cannot use.
    /// </summary>
    public Task<AdminResult> RetireReasonAsync(ClaimsPrincipal admin, int reasonId, long version,
        IReadOnlyDictionary<int, int?> newDefaults, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            var reason = await w.Db.CancellationReasons.SingleOrDefaultAsync(r => r.Id == reasonId, ct);
            if (reason is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That reason no longer exists.");
            }
            if (await w.ChangedSinceAsync(AuditAreas.Reason, Key(reasonId), reason.Name, version, ct) is { } changed)
            {
                return changed;
            }
            if (reason.IsRetired)
            {
                return AdminResult.Fail(AdminErrors.Invalid, $"{reason.Name} is already retired.");
            }
            var replacements = await ReplacementsAsync(w.Db, reasonId, ct);
            var missing = replacements.Where(r => !newDefaults.ContainsKey(r.TypeId)).Select(r => r.TypeName).ToList();
            if (missing.Count > 0)
            {
                return AdminResult.Fail(AdminErrors.DefaultNeeded,
                    $"{reason.Name} is the default reason of {string.Join(", ", missing)}: choose each type's new default (or none) to retire it.");
            }
            foreach (var type in replacements)
            {
                var current = await w.Db.JobTypeCancellationReasons
                    .SingleAsync(r => r.JobTypeId == type.TypeId && r.CancellationReasonId == reasonId, ct);
                current.IsDefault = false;
                await w.Db.SaveChangesAsync(ct);
                var next = newDefaults[type.TypeId];
                string after = "none";
                if (next is { } nextId)
                {
                    if (type.Candidates.All(c => c.Id != nextId))
                    {
                        return AdminResult.Fail(AdminErrors.Invalid, $"The new default of {type.TypeName} must be another reason the type allows and that is not retired.");
                    }
                    var link = await w.Db.JobTypeCancellationReasons.SingleAsync(r => r.JobTypeId == type.TypeId && r.CancellationReasonId == nextId, ct);
                    link.IsDefault = true;
                    after = type.Candidates.Single(c => c.Id == nextId).Name;
                }
                w.Audit(AuditAreas.JobType, JobTypeAdmin.Key(type.TypeId), type.TypeName, "Default reason changed", reason.Name, after);
            }
            reason.IsRetired = true;
            w.Audit(AuditAreas.Reason, Key(reasonId), reason.Name, "Retired");
            return AdminResult.Ok;
        }, ct);

    public Task<AdminResult> RestoreReasonAsync(ClaimsPrincipal admin, int reasonId, long version, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            var reason = await w.Db.CancellationReasons.SingleOrDefaultAsync(r => r.Id == reasonId, ct);
            if (reason is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That reason no longer exists.");
            }
            if (await w.ChangedSinceAsync(AuditAreas.Reason, Key(reasonId), reason.Name, version, ct) is { } changed)
            {
                return changed;
            }
            if (!reason.IsRetired)
            {
                return AdminResult.Fail(AdminErrors.Invalid, $"{reason.Name} is not retired.");
            }
            reason.IsRetired = false;
            w.Audit(AuditAreas.Reason, Key(reasonId), reason.Name, "Restored");
            return AdminResult.Ok;
        }, ct);

    public Task<AdminResult<int>> SaveStatusAsync(ClaimsPrincipal admin, StatusForm form, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if (Invalid(form) is { } invalid)
            {
                return invalid.As<int>();
            }
            var (name, code, description) = (form.Name.Trim(), form.AlternativeCode.Trim(), Blank(form.Description));
            if (await DuplicateAsync(w.Db.JobStatuses, form.Id, name, code, "status", ct) is { } duplicate)
            {
                return duplicate.As<int>();
            }
            var after = Describe(name, code, description) + $"; {form.LifeCycleState}";
            if (form.Id is not { } id)
            {
                var created = new JobStatus { Name = name, AlternativeCode = code, Description = description, LifeCycleState = form.LifeCycleState };
                w.Db.JobStatuses.Add(created);
                await w.Db.SaveChangesAsync(ct);
                w.Audit(AuditAreas.Status, Key(created.Id), name, "Created", null, after);
                return AdminResult<int>.Done(created.Id);
            }
            var status = await w.Db.JobStatuses.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (status is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That status no longer exists.").As<int>();
            }
            if (await w.ChangedSinceAsync(AuditAreas.Status, Key(id), status.Name, form.Version, ct) is { } changed)
            {
                return changed.As<int>();
            }
            if (status.LifeCycleState != form.LifeCycleState)
            {
                if ((await UsedStatusIdsAsync(w.Db, ct)).Contains(id))
                {
                    return AdminResult.Fail(AdminErrors.InUse,
                        $"Jobs have the status {status.Name}, so its life cycle state stays {status.LifeCycleState}. Add a new status instead.").As<int>();
                }
                if (await w.Db.JobTypes.AnyAsync(t => t.DefaultStartStatusId == id || t.DefaultCompleteStatusId == id || t.DefaultCancelStatusId == id, ct))
                {
                    return AdminResult.Fail(AdminErrors.InUse,
                        $"{status.Name} is a job type's default status for {status.LifeCycleState}; choose another default there first.").As<int>();
                }
            }
            var before = Describe(status.Name, status.AlternativeCode, status.Description) + $"; {status.LifeCycleState}";
            (status.Name, status.AlternativeCode, status.Description, status.LifeCycleState) = (name, code, description, form.LifeCycleState);
            w.Audit(AuditAreas.Status, Key(id), name, "Edited", before, after);
            return AdminResult<int>.Done(id);
        }, ct);

    public static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HashSet<int>> UsedStatusIdsAsync(JobsPortalDbContext db, CancellationToken ct) =>
        [.. await db.Jobs.Select(j => j.JobStatusId).Distinct().ToListAsync(ct),
         .. await db.JobCancellations.Select(c => c.JobStatusId).Distinct().ToListAsync(ct),
         // The status a reopen gives back is in use too (a restricting foreign key).
         .. await db.JobCancellations.Where(c => c.PreviousJobStatusId != null).Select(c => c.PreviousJobStatusId!.Value).Distinct().ToListAsync(ct)];

    private static async Task<IReadOnlyList<DefaultReplacement>> ReplacementsAsync(JobsPortalDbContext db, int reasonId, CancellationToken ct)
    {
        var types = await db.JobTypeCancellationReasons.AsNoTracking()
            .Where(r => r.CancellationReasonId == reasonId && r.IsDefault)
            .Select(r => new { r.JobTypeId, r.JobType.Name }).ToListAsync(ct);
        var result = new List<DefaultReplacement>();
        foreach (var type in types)
        {
            var candidates = await db.JobTypeCancellationReasons.AsNoTracking()
                .Where(r => r.JobTypeId == type.JobTypeId && r.CancellationReasonId != reasonId && !r.CancellationReason.IsRetired)
                .OrderBy(r => r.CancellationReason.Name)
                .Select(r => new { r.CancellationReasonId, r.CancellationReason.Name }).ToListAsync(ct);
            result.Add(new DefaultReplacement(type.JobTypeId, type.Name, [.. candidates.Select(c => (c.CancellationReasonId, c.Name))]));
        }
        return result;
    }

    /// <summary>A name or alternative code already taken by another entry of the set, compared without case.</summary>
    internal static async Task<AdminResult?> DuplicateAsync<T>(IQueryable<T> set, int? id, string name, string code, string what, CancellationToken ct)
        where T : class, IConfigurationEntity
    {
        var (lowerName, lowerCode) = (name.ToLowerInvariant(), code.ToLowerInvariant());
        var others = set.Where(x => id == null || x.Id != id);
        if (await others.AnyAsync(x => x.Name.ToLower() == lowerName, ct))
        {
            return AdminResult.Fail(AdminErrors.Duplicate, $"Another {what} is already called {name}.");
        }
        return await others.AnyAsync(x => x.AlternativeCode.ToLower() == lowerCode, ct)
            ? AdminResult.Fail(AdminErrors.Duplicate, $"Another {what} already has the alternative code {code}.")
            : null;
    }

    internal static AdminResult? Invalid(object form)
    {
        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(form, new ValidationContext(form), errors, validateAllProperties: true)
            ? null
            : AdminResult.Fail(AdminErrors.Invalid, string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string Describe(string name, string code, string? description) =>
        description is null ? $"{name} ({code})" : $"{name} ({code}): {description}";
}
