using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Data.Seeding;

/// <summary>
/// Writes the demo's reference data (statuses, types, reasons, units) and its people, then reads
/// back what the job generator needs. Idempotent: it only adds what is missing.
/// </summary>
public sealed class ReferenceSeeder(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    public async Task<GeneratorReference> SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        await using (var db = await dbFactory.CreateDbContextAsync(AuditActor.System, ct))
        {
            if (!await db.JobStatuses.AnyAsync(ct))
            {
                await SeedConfigurationAsync(db, ct);
            }
        }
        await SeedUsersAsync(ct);
        return await LoadAsync(ct);
    }

    private static async Task SeedConfigurationAsync(JobsPortalDbContext db, CancellationToken ct)
    {
        var statuses = DemoCatalog.Statuses.ToDictionary(
            s => s.Code,
            s => new JobStatus { Name = s.Name, AlternativeCode = s.Code, Description = s.Description, LifeCycleState = s.State });
        var reasons = DemoCatalog.Reasons.ToDictionary(
            r => r.Code,
            r => new CancellationReason { Name = r.Name, AlternativeCode = r.Code, Description = r.Description, IsRetired = r.Retired });
        db.JobStatuses.AddRange(statuses.Values);
        db.CancellationReasons.AddRange(reasons.Values);

        foreach (var t in DemoCatalog.Types)
        {
            var type = new JobType
            {
                Name = t.Name,
                AlternativeCode = t.Code,
                Description = t.Description,
                FulfillmentScope = t.Scope,
                FulfillmentMethod = t.Method,
                DefaultStartStatus = statuses[t.StartStatus],
                DefaultCompleteStatus = statuses[t.CompleteStatus],
                DefaultCancelStatus = statuses[t.CancelStatus],
            };
            type.AllowedStatuses.AddRange(t.Statuses.Select(code => new JobTypeStatus { JobStatus = statuses[code] }));
            type.AllowedReasons.AddRange(t.Reasons.Select(code => new JobTypeCancellationReason
            {
                CancellationReason = reasons[code],
                IsDefault = code == t.DefaultReason,
            }));
            db.JobTypes.Add(type);
        }

        foreach (var (businessUnit, units) in DemoCatalog.Organisation)
        {
            db.BusinessUnits.Add(new BusinessUnit { Name = businessUnit, Units = [.. units.Select(u => new Unit { Name = u })] });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedUsersAsync(CancellationToken ct)
    {
        Dictionary<string, int> units;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        }

        foreach (var seed in DemoCatalog.Users)
        {
            if (await userManager.FindByEmailAsync(seed.Email) is not null)
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.DisplayName,
                UnitId = units.GetValueOrDefault(seed.Unit),
            };
            Check(await userManager.CreateAsync(user, DemoCatalog.DemoPassword), seed.Email);
            Check(await userManager.AddToRoleAsync(user, seed.Role), seed.Email);
        }
    }

    private async Task<GeneratorReference> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.JobTypes.AsNoTracking().AsSplitQuery()
            .Include(t => t.AllowedStatuses).ThenInclude(s => s.JobStatus)
            .Include(t => t.AllowedReasons).ThenInclude(r => r.CancellationReason)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        var seedsByCode = DemoCatalog.Types.ToDictionary(t => t.Code);
        var staff = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Id, u.UnitId, u.DisplayName, UnitName = u.Unit != null ? u.Unit.Name : null, Role = r.Name })
            .ToListAsync(ct);

        return new GeneratorReference(
            [.. types.Select(t => new GeneratorType(
                t.Id,
                t.Name,
                t.FulfillmentScope,
                t.AllowedStatuses.Select(s => s.JobStatus).ToLookup(s => s.LifeCycleState, s => new GeneratorStatus(s.Id, s.Name)),
                [.. t.AllowedReasons.Select(r => new GeneratorReason(r.CancellationReasonId, r.CancellationReason.Name, r.CancellationReason.IsRetired))],
                seedsByCode.TryGetValue(t.AlternativeCode, out var seed) ? ParseProducts(seed.Goods, JobItemKind.PHYSICAL_GOOD) : [],
                seed is not null ? ParseProducts(seed.Services, JobItemKind.SERVICE) : []))],
            [.. staff.Where(s => s.UnitName is not null && s.UnitName.Contains("Field", StringComparison.Ordinal))
                .Select(s => new GeneratorUser(s.Id, s.UnitId))],
            [.. staff.Where(s => s.Role != Roles.Admin && s.UnitName is not null && !s.UnitName.Contains("Field", StringComparison.Ordinal))
                .Select(s => new GeneratorUser(s.Id, s.UnitId))])
        {
            Reviewers = [.. staff.Where(s => s.Role is Roles.Supervisor or Roles.Admin).Select(s => new GeneratorUser(s.Id, s.UnitId) { Name = s.DisplayName })],
        };
    }

    private static GeneratorProduct[] ParseProducts(string[] products, JobItemKind kind) =>
        [.. products.Select(p => p.Split('|')).Select(p => new GeneratorProduct(
            p[0], p[1], p[0].StartsWith("EXP-", StringComparison.Ordinal) ? JobItemKind.EXPENSE : kind))];

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record GeneratorStatus(int Id, string Name);
public sealed record GeneratorReason(int Id, string Name, bool Retired);
public sealed record GeneratorProduct(string Code, string Name, JobItemKind Kind);
public sealed record GeneratorUser(string Id, int? UnitId)
{
    public string Name { get; init; } = "";
}

public sealed record GeneratorType(
    int Id, string Name, FulfillmentScope Scope,
    ILookup<LifeCycleState, GeneratorStatus> Statuses,
    GeneratorReason[] Reasons,
    GeneratorProduct[] Goods,
    GeneratorProduct[] Services);

/// <summary>What the job generator needs to know of the reference data: ids and names, nothing tracked.</summary>
public sealed record GeneratorReference(GeneratorType[] Types, GeneratorUser[] FieldStaff, GeneratorUser[] OfficeStaff)
{
    /// <summary>Supervisors and admins, who mark past cancellations reviewed or flagged.</summary>
    public GeneratorUser[] Reviewers { get; init; } = [];
}
