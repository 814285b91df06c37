using JobsPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Jobs;

/// <summary>Reads one job with its items, cancellation and events, by number, into a <see cref="JobDetail"/>.</summary>
public sealed class JobDetailService(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    /// <returns>The job, or null when no job has that number.</returns>
    public async Task<JobDetail?> GetByNumberAsync(string number, CancellationToken ct = default)
    {
        var normalized = number.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Split: items and events are two independent lists; one joined query would multiply them.
        return await db.Jobs.AsNoTracking().AsSplitQuery()
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
                j.Cancellation == null ? null : new JobCancellationSummary(
                    j.Cancellation.JobStatus.Name,
                    j.Cancellation.JobStatus.AlternativeCode,
                    j.Cancellation.CancellationReason.Name,
                    j.Cancellation.CancellationReason.AlternativeCode,
                    j.Cancellation.CancelledByUser.DisplayName,
                    j.Cancellation.CancelledByUnit == null ? null : j.Cancellation.CancelledByUnit.Name,
                    j.Cancellation.CancelledAt,
                    j.Cancellation.Channel,
                    j.Cancellation.CancelProvidedItems,
                    j.Cancellation.ItemsCancelled,
                    j.Cancellation.ProvidedItemsLeft,
                    j.Cancellation.Note),
                j.Events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                    .Select(e => new JobTimelineEntry(e.Id, e.OccurredAt, e.Kind, e.Summary, e.User == null ? null : e.User.DisplayName))
                    .ToList()))
            .FirstOrDefaultAsync(ct);
    }
}
