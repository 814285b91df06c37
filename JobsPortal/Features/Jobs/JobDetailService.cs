using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Jobs;

/// <summary>Reads one job with its items, current cancellation, latest reopen and events, by number, into a <see cref="JobDetail"/>.</summary>
public sealed class JobDetailService(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    /// <returns>The job, or null when no job has that number.</returns>
    public async Task<JobDetail?> GetByNumberAsync(string number, CancellationToken ct = default)
    {
        var normalized = number.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Split: items and events are two independent lists; one joined query would multiply them.
        // One connection for the job's statements (the job, its items and events, then its cancellations).
        await db.Database.OpenConnectionAsync(ct);
        var job = await db.Jobs.AsNoTracking().AsSplitQuery()
            .Where(j => j.Number == normalized)
            .Select(j => new JobDetail(
                j.Id,
                j.Number,
                j.Description,
                j.LifeCycleState,
                j.RatingState,
                j.ExpirationDate,
                j.ScheduledDate,
                j.AssignedUser == null ? null : new JobPerson(j.AssignedUser.DisplayName, j.AssignedUser.Email),
                j.AssignedUnit == null ? null : j.AssignedUnit.Name,
                j.AssignedUnit == null ? null : j.AssignedUnit.BusinessUnit.Name,
                new JobTypeSummary(j.JobType.Name, j.JobType.AlternativeCode, j.JobType.FulfillmentScope, j.JobType.FulfillmentMethod),
                new JobStatusSummary(j.JobStatus.Name, j.JobStatus.AlternativeCode, j.JobStatus.LifeCycleState),
                new JobLogInformation(
                    j.CreatedAt,
                    j.CreatedByUser == null ? null : j.CreatedByUser.DisplayName,
                    j.UpdatedAt,
                    j.UpdatedByUser == null ? null : j.UpdatedByUser.DisplayName),
                j.AccountNumber,
                j.AccountName,
                j.ContactEmail,
                j.ContactPhone,
                j.Notes,
                j.StartDate,
                j.ExpectedCompletionDate,
                j.ActualCompletionDate,
                j.Items.OrderBy(i => i.Id)
                    .Select(i => new JobItemLine(i.Id, i.Kind, i.ProductCode, i.ProductName, i.Quantity, i.SerialNumber, i.State))
                    .ToList(),
                null,
                null,
                j.Events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                    .Select(e => new JobTimelineEntry(e.Id, e.OccurredAt, e.Kind, e.Summary, e.User == null ? null : e.User.DisplayName))
                    .ToList()))
            .FirstOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        // The cancellations are read by the job's id on their own, not as subqueries of the job's
        // query: EF Core turns a FirstOrDefault of a filtered navigation into a ROW_NUMBER() over the
        // whole JobCancellations table, which SQLite materializes (about 1 s on a million jobs).
        var cancellation = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == job.Id && c.ReopenedAt == null)
            .Select(c => new JobCancellationSummary(
                c.JobStatus.Name,
                c.JobStatus.AlternativeCode,
                c.CancellationReason.Name,
                c.CancellationReason.AlternativeCode,
                c.CancelledByUser.DisplayName,
                c.CancelledByUnit == null ? null : c.CancelledByUnit.Name,
                c.CancelledAt,
                c.Channel,
                c.CancelProvidedItems,
                c.ItemsCancelled,
                c.ProvidedItemsLeft,
                c.Note))
            .FirstOrDefaultAsync(ct);
        // The latest reopen, shown while the job is not cancelled again.
        var lastReopen = await db.JobCancellations.AsNoTracking()
            .Where(c => c.JobId == job.Id && c.ReopenedAt != null)
            .OrderByDescending(c => c.ReopenedAt).ThenByDescending(c => c.Id)
            .Select(c => new JobReopenSummary(
                c.CancelledByUser.DisplayName,
                c.CancelledAt,
                c.ReopenedByUser == null ? null : c.ReopenedByUser.DisplayName,
                c.ReopenedAt!.Value,
                c.ReopenReason))
            .FirstOrDefaultAsync(ct);
        return job with { Cancellation = cancellation, LastReopen = lastReopen };
    }
}
