using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// "Start from the standard configuration": job statuses, cancellation reasons and one job type for
/// each of CRM.COM's twelve fulfillment scopes (domain file), written on a database that has none of
/// them yet, for the admin to edit afterwards. It reuses the demo's reference data
/// (<see cref="DemoCatalog"/>) for the nine scopes the demo covers and adds the other three, without
/// demo jobs, people or units; the demo's retired reason is left out. Refused once any job, type,
/// status or reason exists, so it never mixes with a configuration someone made.
/// </summary>
public sealed class StandardConfiguration(AdminOperations operations, IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    private static readonly string[] Basic = ["DRF", "PND", "INP", "CMP", "CMPP", "CNL", "CNLC", "CNLD"];

    /// <summary>The three scopes the demo has no type for.</summary>
    private static readonly DemoCatalog.TypeSeed[] Extra =
    [
        new("DEACT", "Subscription deactivation", FulfillmentScope.DEACTIVATE_SUBSCRIPTION, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Deactivate a subscription for a while, keeping its equipment in place.",
            Basic, "INP", "CMP", "CNL", ["R", "WII", "DUP", "PAY"], "WII", [], []),
        new("SWPS", "Service swap", FulfillmentScope.SWAP_SUBSCRIPTION_SERVICES, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Replace a subscription's services with others.",
            Basic, "INP", "CMP", "CNLC", ["R", "WII", "DUP", "PAY"], "R", [], []),
        new("RPG", "Physical goods replacement", FulfillmentScope.REPLACE_PHYSICAL_GOODS, FulfillmentMethod.BASED_ON_DELIVERED_ITEMS,
            "Send replacement equipment to the customer.",
            [.. Basic, "AWE", "CNLT"], "INP", "CMP", "CNL", ["R", "WII", "CU", "DUP", "TI"], "CU", [], []),
    ];

    public static IReadOnlyList<DemoCatalog.TypeSeed> Types { get; } = [.. DemoCatalog.Types, .. Extra];
    public static IReadOnlyList<DemoCatalog.ReasonSeed> Reasons { get; } = [.. DemoCatalog.Reasons.Where(r => !r.Retired)];

    /// <summary>Whether the database has no configuration and no jobs yet, so the standard one can be offered.</summary>
    public async Task<bool> CanStartAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IsEmptyAsync(db, ct);
    }

    public Task<AdminResult> ApplyAsync(ClaimsPrincipal admin, CancellationToken ct = default) =>
        operations.WriteAsync(admin, w => ApplyAsync(w, ct), ct);

    /// <summary>The configure command's way in: the same, audited as the system.</summary>
    public Task<AdminResult> ApplyAsSystemAsync(CancellationToken ct = default) =>
        operations.WriteAsSystemAsync(w => ApplyAsync(w, ct), ct);

    private static async Task<AdminResult> ApplyAsync(AdminWrite w, CancellationToken ct)
    {
        if (await w.Db.Jobs.AnyAsync(ct))
        {
            return AdminResult.Fail(AdminErrors.NotEmpty, "Jobs exist already: the standard configuration is only for a start from nothing. Edit the configuration instead.");
        }
        if (!await IsEmptyAsync(w.Db, ct))
        {
            return AdminResult.Fail(AdminErrors.NotEmpty, "Job types, statuses or reasons exist already: edit them instead.");
        }
        var statuses = DemoCatalog.Statuses.ToDictionary(s => s.Code, s => new JobStatus
        {
            Name = s.Name, AlternativeCode = s.Code, Description = s.Description, LifeCycleState = s.State,
        });
        var reasons = Reasons.ToDictionary(r => r.Code, r => new CancellationReason { Name = r.Name, AlternativeCode = r.Code, Description = r.Description });
        w.Db.JobStatuses.AddRange(statuses.Values);
        w.Db.CancellationReasons.AddRange(reasons.Values);
        await w.Db.SaveChangesAsync(ct);

        foreach (var t in Types)
        {
            var allowedReasons = t.Reasons.Where(reasons.ContainsKey).ToList();
            var saved = await JobTypeAdmin.SaveAsync(w, new JobTypeForm
            {
                Name = t.Name,
                AlternativeCode = t.Code,
                Description = t.Description,
                Scope = t.Scope,
                Method = t.Method,
                StatusIds = [.. t.Statuses.Select(c => statuses[c].Id)],
                ReasonIds = [.. allowedReasons.Select(c => reasons[c].Id)],
                DefaultStartStatusId = statuses[t.StartStatus].Id,
                DefaultCompleteStatusId = statuses[t.CompleteStatus].Id,
                DefaultCancelStatusId = statuses[t.CancelStatus].Id,
                DefaultReasonId = reasons.TryGetValue(t.DefaultReason, out var r) ? r.Id : null,
            }, ct);
            if (!saved.Succeeded)
            {
                return saved;
            }
        }
        w.Audit(AuditAreas.Configuration, "standard", "Standard configuration", "Applied", null,
            $"{statuses.Count} statuses, {reasons.Count} reasons, {Types.Count} job types");
        return AdminResult.Ok;
    }

    private static async Task<bool> IsEmptyAsync(JobsPortalDbContext db, CancellationToken ct) =>
        !await db.Jobs.AnyAsync(ct) && !await db.JobTypes.AnyAsync(ct)
        && !await db.JobStatuses.AnyAsync(ct) && !await db.CancellationReasons.AnyAsync(ct);
}
