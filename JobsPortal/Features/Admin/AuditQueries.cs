using System.Security.Claims;
using CsvHelper;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Admin;

/// <summary>
/// What the audit page filters on: all optional; dates are the viewer's days in <see cref="Zone"/> (UTC
/// days without one), both ends included, as on the cancellations page.
/// </summary>
public sealed record AuditFilter(string? Area = null, string? Actor = null, string? Search = null, DateOnly? From = null, DateOnly? To = null)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>The admin audit for admins: a page of entries newest first, and the same filter as CSV.</summary>
public sealed class AuditQueries(AdminOperations operations)
{
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public async Task<(IReadOnlyList<AdminAuditEntry> Rows, int Total)> PageAsync(
        ClaimsPrincipal admin, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        var query = Filter(db.AdminAudit.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    public async Task WriteCsvAsync(ClaimsPrincipal admin, AuditFilter filter, Stream output, CancellationToken ct = default)
    {
        await using var db = await operations.ReadAsync(admin, ct);
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        foreach (var header in new[] { "At (UTC)", "By", "Area", "Target", "Action", "Before", "After" })
        {
            csv.WriteField(header);
        }
        await csv.EndRecordAsync(ct);
        await foreach (var a in Filter(db.AdminAudit.AsNoTracking(), filter).OrderByDescending(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var field in new[] { Formats.IsoUtc(a.AtUtc), a.ActorName, a.Area, a.TargetName, a.Action, a.Before, a.After })
            {
                csv.WriteField(field);
            }
            await csv.EndRecordAsync(ct);
        }
    }

    private static IQueryable<AdminAuditEntry> Filter(IQueryable<AdminAuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Area))
        {
            query = query.Where(a => a.Area == filter.Area);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLower();
            query = query.Where(a => a.ActorName.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim().ToLower();
            query = query.Where(a => a.TargetName.ToLower().Contains(text) || a.Action.ToLower().Contains(text));
        }
        if (filter.From is { } from)
        {
            var start = ViewerDays.Start(from, filter.Zone);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = ViewerDays.EndExclusive(to, filter.Zone);
            query = query.Where(a => a.AtUtc < end);
        }
        return query;
    }
}
