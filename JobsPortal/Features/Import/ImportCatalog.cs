using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Import;

/// <summary>
/// The configuration a run checks rows against, read once per phase: types (by name or alternative
/// code) with the statuses each allows, statuses, people by email and units by name. Small (tens of
/// rows), so a 100,000-row file is checked without a query per row.
/// </summary>
public sealed class ImportCatalog
{
    public sealed record TypeEntry(int Id, string Name, HashSet<int> AllowedStatusIds);
    public sealed record StatusEntry(int Id, string Name, LifeCycleState State);
    public sealed record Person(string Id, int? UnitId);

    private readonly Dictionary<string, TypeEntry> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StatusEntry> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _units = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<ImportCatalog> LoadAsync(JobsPortalDbContext db, CancellationToken ct)
    {
        var catalog = new ImportCatalog();
        var allowed = await db.JobTypeStatuses.AsNoTracking().Select(s => new { s.JobTypeId, s.JobStatusId }).ToListAsync(ct);
        foreach (var type in await db.JobTypes.AsNoTracking().ToListAsync(ct))
        {
            var entry = new TypeEntry(type.Id, type.Name, [.. allowed.Where(a => a.JobTypeId == type.Id).Select(a => a.JobStatusId)]);
            catalog._types[type.Name] = entry;
            catalog._types[type.AlternativeCode] = entry;
        }
        foreach (var status in await db.JobStatuses.AsNoTracking().ToListAsync(ct))
        {
            var entry = new StatusEntry(status.Id, status.Name, status.LifeCycleState);
            catalog._statuses[status.Name] = entry;
            catalog._statuses[status.AlternativeCode] = entry;
        }
        foreach (var person in await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.Email, u.UnitId }).ToListAsync(ct))
        {
            catalog._people[person.Email!] = new Person(person.Id, person.UnitId);
        }
        foreach (var unit in await db.Units.AsNoTracking().ToListAsync(ct))
        {
            catalog._units[unit.Name] = unit.Id;
        }
        return catalog;
    }

    public TypeEntry? Type(string nameOrCode) => _types.GetValueOrDefault(nameOrCode.Trim());
    public StatusEntry? Status(string nameOrCode) => _statuses.GetValueOrDefault(nameOrCode.Trim());
    public Person? PersonByEmail(string email) => _people.GetValueOrDefault(email.Trim());
    public int? Unit(string name) => _units.TryGetValue(name.Trim(), out var id) ? id : null;
}
