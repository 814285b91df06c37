using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Import;

/// <summary>
/// Writes one batch of checked jobs in one transaction, idempotently by number: a new number is
/// created; an existing open job (DRAFT, PENDING, IN_PROGRESS) is updated when the file says something
/// else about it, and left as it is ("unchanged") when not; a completed or cancelled job is skipped.
/// A new context per batch keeps the change tracker, and so memory, to one batch.
/// </summary>
internal static class ImportWriter
{
    public sealed record Counts(int Created, int Updated, int Unchanged, int Skipped, IReadOnlyList<(int Id, string Number, LifeCycleState State)> Changed);

    public static async Task<Counts> WriteAsync(
        IDbContextFactory<JobsPortalDbContext> factory, JobWrites writes, AuditActor actor, int runId,
        IReadOnlyList<ImportedJob> batch, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(actor, ct);
        await db.Database.OpenConnectionAsync(ct);
        var numbers = batch.Select(j => j.Number).ToList();
        await using var tx = await writes.BeginAsync(db, ct);
        db.Database.AutoSavepointsEnabled = false;
        await tx.LockJobsAsync(await db.Jobs.Where(j => numbers.Contains(j.Number)).Select(j => j.Id).ToListAsync(ct), ct);
        var existing = await db.Jobs.Include(j => j.Items).Where(j => numbers.Contains(j.Number)).ToDictionaryAsync(j => j.Number, ct);
        int created = 0, updated = 0, unchanged = 0, skipped = 0;
        var changed = new List<Job>();
        foreach (var row in batch)
        {
            if (!existing.TryGetValue(row.Number, out var job))
            {
                job = new Job { Number = row.Number, Description = row.Description };
                Apply(job, row);
                job.Events.Add(Event(now, actor, $"Job imported (import run {runId}) as {row.State.Label()}, {row.Items.Count} item(s)", JobEventKind.CREATED));
                db.Jobs.Add(job);
                created++;
            }
            else if (!JobsPortal.Features.Lifecycle.JobFieldRules.IsOpen(job.LifeCycleState))
            {
                skipped++;
            }
            else if (Same(job, row))
            {
                unchanged++;
            }
            else
            {
                Apply(job, row);
                db.JobItems.RemoveRange(job.Items);
                job.Items.Clear();
                job.Items.AddRange(Items(row));
                db.JobEvents.Add(Event(now, actor, $"Job updated by import run {runId}: status and fields as in the file", JobEventKind.STATUS_CHANGED, job.Id));
                changed.Add(job);
                updated++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Counts(created, updated, unchanged, skipped, [.. changed.Select(j => (j.Id, j.Number, j.LifeCycleState))]);
    }

    private static void Apply(Job job, ImportedJob row)
    {
        job.Description = row.Description;
        job.JobTypeId = row.TypeId;
        job.JobStatusId = row.StatusId;
        job.LifeCycleState = row.State;
        job.AccountNumber = row.AccountNumber;
        job.AccountName = row.AccountName;
        job.ContactEmail = row.ContactEmail;
        job.ContactPhone = row.ContactPhone;
        job.ScheduledDate = row.ScheduledDate;
        job.ExpirationDate = row.ExpirationDate;
        job.AssignedUserId = row.AssignedUserId;
        job.AssignedUnitId = row.AssignedUnitId;
        if (job.Id == 0)
        {
            job.Items.AddRange(Items(row));
        }
    }

    private static bool Same(Job job, ImportedJob row) =>
        job.Description == row.Description && job.JobTypeId == row.TypeId && job.JobStatusId == row.StatusId && job.LifeCycleState == row.State
        && job.AccountNumber == row.AccountNumber && job.AccountName == row.AccountName && job.ContactEmail == row.ContactEmail
        && job.ContactPhone == row.ContactPhone && job.ScheduledDate == row.ScheduledDate && job.ExpirationDate == row.ExpirationDate
        && job.AssignedUserId == row.AssignedUserId && job.AssignedUnitId == row.AssignedUnitId
        && job.Items.OrderBy(i => i.Id).Select(i => (i.ProductCode, i.Kind, i.Quantity, i.SerialNumber, i.State))
            .SequenceEqual(row.Items.Select(i => (i.ProductCode, i.Kind, i.Quantity, i.SerialNumber, i.State)));

    private static IEnumerable<JobItem> Items(ImportedJob row) => row.Items.Select(i => new JobItem
    {
        Kind = i.Kind, ProductCode = i.ProductCode, ProductName = i.ProductCode, Quantity = i.Quantity, SerialNumber = i.SerialNumber, State = i.State,
    });

    private static JobEvent Event(DateTime now, AuditActor actor, string summary, JobEventKind kind, int jobId = 0) =>
        new() { JobId = jobId, OccurredAt = now, Kind = kind, Summary = summary, UserId = actor.UserId };
}
