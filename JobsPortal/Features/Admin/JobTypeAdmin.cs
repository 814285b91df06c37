using System.Globalization;
using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static JobsPortal.Features.Admin.CancelConfigurationAdmin;

namespace JobsPortal.Features.Admin;

/// <summary>
/// An admin's changes to job types: fields, fulfillment scope and method, the statuses and reasons a
/// type allows and its defaults, which must be among those allowed (a default start status is an
/// IN_PROGRESS one, complete COMPLETED, cancel CANCELLED; the default reason is not retired). A
/// status that the type's jobs have cannot be taken off the type.
/// </summary>
public sealed class JobTypeAdmin(AdminOperations operations)
{
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<JobTypeRow>> ListAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        return await db.JobTypes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new JobTypeRow(t.Id, t.Name, t.AlternativeCode, t.FulfillmentScope, t.FulfillmentMethod, t.AllowedStatuses.Count, t.AllowedReasons.Count))
            .ToListAsync(ct);
    }

    public async Task<JobTypeForm?> FormAsync(ClaimsPrincipal admin, int id, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var type = await db.JobTypes.AsNoTracking().Include(t => t.AllowedStatuses).Include(t => t.AllowedReasons)
            .SingleOrDefaultAsync(t => t.Id == id, ct);
        return type is null ? null : new JobTypeForm
        {
            Id = type.Id,
            Name = type.Name,
            AlternativeCode = type.AlternativeCode,
            Description = type.Description,
            Scope = type.FulfillmentScope,
            Method = type.FulfillmentMethod,
            StatusIds = [.. type.AllowedStatuses.Select(s => s.JobStatusId)],
            ReasonIds = [.. type.AllowedReasons.Select(r => r.CancellationReasonId)],
            DefaultStartStatusId = type.DefaultStartStatusId,
            DefaultCompleteStatusId = type.DefaultCompleteStatusId,
            DefaultCancelStatusId = type.DefaultCancelStatusId,
            DefaultReasonId = type.AllowedReasons.SingleOrDefault(r => r.IsDefault)?.CancellationReasonId,
            Version = await AdminVersions.OfAsync(db, AuditAreas.JobType, Key(id), ct),
        };
    }

    public Task<AdminResult<int>> SaveAsync(ClaimsPrincipal admin, JobTypeForm form, CancellationToken ct = default) =>
        operations.WriteAsync(admin, w => SaveAsync(w, form, ct), ct);

    /// <summary>The save itself, inside an admin write (the standard configuration makes its types through it too).</summary>
    internal static async Task<AdminResult<int>> SaveAsync(AdminWrite w, JobTypeForm form, CancellationToken ct)
    {
        if (Invalid(form) is { } invalid)
        {
            return invalid.As<int>();
        }
        var (name, code, description) = (form.Name.Trim(), form.AlternativeCode.Trim(), Blank(form.Description));
        if (await DuplicateAsync(w.Db.JobTypes, form.Id, name, code, "job type", ct) is { } duplicate)
        {
            return duplicate.As<int>();
        }
        if (await DefaultsErrorAsync(w.Db, form, ct) is { } defaults)
        {
            return defaults.As<int>();
        }

        JobType type;
        string? before = null;
        if (form.Id is { } id)
        {
            var found = await w.Db.JobTypes.Include(t => t.AllowedStatuses).Include(t => t.AllowedReasons).SingleOrDefaultAsync(t => t.Id == id, ct);
            if (found is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That job type no longer exists.").As<int>();
            }
            if (await w.ChangedSinceAsync(AuditAreas.JobType, Key(id), found.Name, form.Version, ct) is { } changed)
            {
                return changed.As<int>();
            }
            var removed = found.AllowedStatuses.Select(s => s.JobStatusId).Except(form.StatusIds).ToList();
            var inUse = await w.Db.Jobs.Where(j => j.JobTypeId == id && removed.Contains(j.JobStatusId))
                .Select(j => j.JobStatus.Name).Distinct().ToListAsync(ct);
            if (inUse.Count > 0)
            {
                return AdminResult.Fail(AdminErrors.InUse,
                    $"Jobs of {found.Name} have the status {string.Join(", ", inUse)}, so the type keeps allowing it.").As<int>();
            }
            type = found;
            before = await DescribeAsync(w.Db, type, ct);
            // The default reason's unique index: clear the old default before another row takes it.
            foreach (var link in type.AllowedReasons)
            {
                link.IsDefault = false;
            }
            type.AllowedReasons.RemoveAll(r => !form.ReasonIds.Contains(r.CancellationReasonId));
            type.AllowedStatuses.RemoveAll(s => !form.StatusIds.Contains(s.JobStatusId));
            await w.Db.SaveChangesAsync(ct);
        }
        else
        {
            type = new JobType { Name = name, AlternativeCode = code };
            w.Db.JobTypes.Add(type);
        }

        (type.Name, type.AlternativeCode, type.Description) = (name, code, description);
        (type.FulfillmentScope, type.FulfillmentMethod) = (form.Scope, form.Method);
        (type.DefaultStartStatusId, type.DefaultCompleteStatusId, type.DefaultCancelStatusId) =
            (form.DefaultStartStatusId, form.DefaultCompleteStatusId, form.DefaultCancelStatusId);
        foreach (var statusId in form.StatusIds.Where(s => type.AllowedStatuses.All(a => a.JobStatusId != s)))
        {
            type.AllowedStatuses.Add(new JobTypeStatus { JobStatusId = statusId });
        }
        foreach (var reasonId in form.ReasonIds.Where(r => type.AllowedReasons.All(a => a.CancellationReasonId != r)))
        {
            type.AllowedReasons.Add(new JobTypeCancellationReason { CancellationReasonId = reasonId });
        }
        foreach (var link in type.AllowedReasons)
        {
            link.IsDefault = link.CancellationReasonId == form.DefaultReasonId;
        }
        await w.Db.SaveChangesAsync(ct);
        w.Audit(AuditAreas.JobType, Key(type.Id), name, before is null ? "Created" : "Edited", before, await DescribeAsync(w.Db, type, ct));
        return AdminResult<int>.Done(type.Id);
    }

    private static async Task<AdminResult?> DefaultsErrorAsync(JobsPortalDbContext db, JobTypeForm form, CancellationToken ct)
    {
        var statuses = await db.JobStatuses.AsNoTracking().Where(s => form.StatusIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        if (statuses.Count != form.StatusIds.Count)
        {
            return AdminResult.Fail(AdminErrors.NotFound, "One of the chosen statuses no longer exists.");
        }
        var reasons = await db.CancellationReasons.AsNoTracking().Where(r => form.ReasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        if (reasons.Count != form.ReasonIds.Count)
        {
            return AdminResult.Fail(AdminErrors.NotFound, "One of the chosen reasons no longer exists.");
        }
        foreach (var (statusId, state, what) in new[]
        {
            (form.DefaultStartStatusId, LifeCycleState.IN_PROGRESS, "start"),
            (form.DefaultCompleteStatusId, LifeCycleState.COMPLETED, "complete"),
            (form.DefaultCancelStatusId, LifeCycleState.CANCELLED, "cancel"),
        })
        {
            if (statusId is { } sid && (!statuses.TryGetValue(sid, out var status) || status.LifeCycleState != state))
            {
                return AdminResult.Fail(AdminErrors.Invalid, $"The default {what} status must be one of the type's allowed {state} statuses.");
            }
        }
        if (form.DefaultReasonId is { } rid && (!reasons.TryGetValue(rid, out var reason) || reason.IsRetired))
        {
            return AdminResult.Fail(AdminErrors.Invalid, "The default reason must be one of the type's allowed reasons, and not retired.");
        }
        return null;
    }

    private static async Task<string> DescribeAsync(JobsPortalDbContext db, JobType type, CancellationToken ct)
    {
        var statusIds = type.AllowedStatuses.Select(s => s.JobStatusId).ToList();
        var reasonIds = type.AllowedReasons.Select(r => r.CancellationReasonId).ToList();
        var statuses = await db.JobStatuses.AsNoTracking().Where(s => statusIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AlternativeCode, ct);
        var reasons = await db.CancellationReasons.AsNoTracking().Where(r => reasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.AlternativeCode, ct);
        string Code(int? id) => id is { } i && statuses.TryGetValue(i, out var c) ? c : "none";
        var defaultReason = type.AllowedReasons.SingleOrDefault(r => r.IsDefault)?.CancellationReasonId;
        return $"{Describe(type.Name, type.AlternativeCode, type.Description)}; {type.FulfillmentScope}; {type.FulfillmentMethod}; " +
            $"statuses {string.Join(" ", statuses.Values.Order())}; reasons {string.Join(" ", reasons.Values.Order())}; " +
            $"defaults start {Code(type.DefaultStartStatusId)}, complete {Code(type.DefaultCompleteStatusId)}, cancel {Code(type.DefaultCancelStatusId)}, " +
            $"reason {(defaultReason is { } d && reasons.TryGetValue(d, out var rc) ? rc : "none")}";
    }
}
