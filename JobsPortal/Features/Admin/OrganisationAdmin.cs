using System.Security.Claims;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static JobsPortal.Features.Admin.CancelConfigurationAdmin;

namespace JobsPortal.Features.Admin;

/// <summary>An admin's changes to business units and units: add, rename, and moving people to a unit. Names are unique (a unit's within its business unit), whatever the case.</summary>
public sealed class OrganisationAdmin(AdminOperations operations)
{
    public const int NameMaxLength = 100;

    public async Task<(IReadOnlyList<BusinessUnitRow> BusinessUnits, IReadOnlyList<UnitRow> Units)> ListAsync(ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var buVersions = await AdminVersions.OfAreaAsync(db, AuditAreas.BusinessUnit, ct);
        var unitVersions = await AdminVersions.OfAreaAsync(db, AuditAreas.Unit, ct);
        var businessUnits = await db.BusinessUnits.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.BusinessUnit.Name).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.BusinessUnitId, BusinessUnit = u.BusinessUnit.Name, People = db.Users.Count(p => p.UnitId == u.Id) })
            .ToListAsync(ct);
        return ([.. businessUnits.Select(b => new BusinessUnitRow(b.Id, b.Name, buVersions.GetValueOrDefault(Key(b.Id))))],
                [.. units.Select(u => new UnitRow(u.Id, u.Name, u.BusinessUnitId, u.BusinessUnit, u.People, unitVersions.GetValueOrDefault(Key(u.Id))))]);
    }

    /// <summary>Adds a business unit (<paramref name="id"/> null) or renames one.</summary>
    public Task<AdminResult<int>> SaveBusinessUnitAsync(ClaimsPrincipal admin, int? id, string name, long version, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if (NameError(name) is { } invalid)
            {
                return invalid.As<int>();
            }
            name = name.Trim();
            var lower = name.ToLowerInvariant();
            if (await w.Db.BusinessUnits.AnyAsync(b => b.Id != id && b.Name.ToLower() == lower, ct))
            {
                return AdminResult.Fail(AdminErrors.Duplicate, $"Another business unit is already called {name}.").As<int>();
            }
            if (id is null)
            {
                var created = new BusinessUnit { Name = name };
                w.Db.BusinessUnits.Add(created);
                await w.Db.SaveChangesAsync(ct);
                w.Audit(AuditAreas.BusinessUnit, Key(created.Id), name, "Created", null, name);
                return AdminResult<int>.Done(created.Id);
            }
            var found = await w.Db.BusinessUnits.SingleOrDefaultAsync(b => b.Id == id, ct);
            if (found is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That business unit no longer exists.").As<int>();
            }
            if (await w.ChangedSinceAsync(AuditAreas.BusinessUnit, Key(found.Id), found.Name, version, ct) is { } changed)
            {
                return changed.As<int>();
            }
            w.Audit(AuditAreas.BusinessUnit, Key(found.Id), name, "Renamed", found.Name, name);
            found.Name = name;
            return AdminResult<int>.Done(found.Id);
        }, ct);

    /// <summary>Adds a unit to a business unit (<paramref name="id"/> null) or renames one.</summary>
    public Task<AdminResult<int>> SaveUnitAsync(ClaimsPrincipal admin, int? id, int businessUnitId, string name, long version, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            if (NameError(name) is { } invalid)
            {
                return invalid.As<int>();
            }
            name = name.Trim();
            var found = id is null ? null : await w.Db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (id is not null && found is null)
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That unit no longer exists.").As<int>();
            }
            var buId = found?.BusinessUnitId ?? businessUnitId;
            if (!await w.Db.BusinessUnits.AnyAsync(b => b.Id == buId, ct))
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That business unit no longer exists.").As<int>();
            }
            var lower = name.ToLowerInvariant();
            if (await w.Db.Units.AnyAsync(u => u.Id != id && u.BusinessUnitId == buId && u.Name.ToLower() == lower, ct))
            {
                return AdminResult.Fail(AdminErrors.Duplicate, $"The business unit already has a unit called {name}.").As<int>();
            }
            if (found is null)
            {
                var created = new Unit { Name = name, BusinessUnitId = buId };
                w.Db.Units.Add(created);
                await w.Db.SaveChangesAsync(ct);
                w.Audit(AuditAreas.Unit, Key(created.Id), name, "Created", null, name);
                return AdminResult<int>.Done(created.Id);
            }
            if (await w.ChangedSinceAsync(AuditAreas.Unit, Key(found.Id), found.Name, version, ct) is { } changed)
            {
                return changed.As<int>();
            }
            w.Audit(AuditAreas.Unit, Key(found.Id), name, "Renamed", found.Name, name);
            found.Name = name;
            return AdminResult<int>.Done(found.Id);
        }, ct);

    /// <summary>Moves everyone of one unit to another (for instance before a unit is no longer used).</summary>
    public Task<AdminResult<int>> MovePeopleAsync(ClaimsPrincipal admin, int fromUnitId, int toUnitId, CancellationToken ct = default) =>
        operations.WriteAsync(admin, async w =>
        {
            var units = await w.Db.Units.Where(u => u.Id == fromUnitId || u.Id == toUnitId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            if (!units.ContainsKey(fromUnitId) || !units.ContainsKey(toUnitId))
            {
                return AdminResult.Fail(AdminErrors.NotFound, "That unit no longer exists.").As<int>();
            }
            if (fromUnitId == toUnitId)
            {
                return AdminResult.Fail(AdminErrors.Invalid, "Choose another unit to move the people to.").As<int>();
            }
            var people = await w.Db.Users.Where(u => u.UnitId == fromUnitId).ToListAsync(ct);
            foreach (var person in people)
            {
                person.UnitId = toUnitId;
                person.ConcurrencyStamp = Guid.NewGuid().ToString();
                w.Audit(AuditAreas.Person, person.Id, person.DisplayName, "Unit changed", units[fromUnitId], units[toUnitId]);
            }
            w.Audit(AuditAreas.Unit, Key(fromUnitId), units[fromUnitId], "People moved out", null, $"{people.Count} to {units[toUnitId]}");
            return AdminResult<int>.Done(people.Count);
        }, ct);

    private static AdminResult? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? AdminResult.Fail(AdminErrors.Invalid, "Give a name.")
        : name.Trim().Length > NameMaxLength ? AdminResult.Fail(AdminErrors.Invalid, $"A name has at most {NameMaxLength} characters.")
        : null;
}
