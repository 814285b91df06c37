using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobDetailServiceTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private JobDetailService Service => new(fixture.Db.Factory);

    [Fact]
    public async Task Loads_every_field_of_a_job_by_number()
    {
        await using var db = fixture.Db.CreateContext();
        var job = await db.Jobs.AsNoTracking()
            .Include(j => j.JobType).Include(j => j.JobStatus).Include(j => j.AssignedUser).Include(j => j.AssignedUnit!.BusinessUnit)
            .Include(j => j.CreatedByUser).Include(j => j.UpdatedByUser).Include(j => j.Items).Include(j => j.Events)
            .Where(j => j.AssignedUserId != null && j.Notes != null && j.StartDate != null)
            .OrderBy(j => j.Id).FirstAsync();

        var detail = await Service.GetByNumberAsync(job.Number);

        Assert.NotNull(detail);
        Assert.Equal(job.Id, detail.Id);
        Assert.Equal(job.Number, detail.Number);
        Assert.Equal(job.Description, detail.Description);
        Assert.Equal(job.LifeCycleState, detail.LifeCycleState);
        Assert.Equal(job.RatingState, detail.RatingState);
        Assert.Equal(job.ExpirationDate, detail.ExpirationDate);
        Assert.Equal(job.ScheduledDate, detail.ScheduledDate);
        Assert.Equal(new JobPerson(job.AssignedUser!.DisplayName, job.AssignedUser.Email), detail.AssignedUser);
        Assert.Equal(job.AssignedUnit!.Name, detail.AssignedUnitName);
        Assert.Equal(job.AssignedUnit.BusinessUnit.Name, detail.AssignedBusinessUnitName);
        Assert.Equal(new JobTypeSummary(job.JobType.Name, job.JobType.AlternativeCode, job.JobType.FulfillmentScope, job.JobType.FulfillmentMethod), detail.Type);
        Assert.Equal(new JobStatusSummary(job.JobStatus.Name, job.JobStatus.AlternativeCode, job.JobStatus.LifeCycleState), detail.Status);
        Assert.Equal(new JobLogInformation(job.CreatedAt, job.CreatedByUser!.DisplayName, job.UpdatedAt, job.UpdatedByUser!.DisplayName), detail.Log);
        Assert.Equal(job.AccountNumber, detail.AccountNumber);
        Assert.Equal(job.AccountName, detail.AccountName);
        Assert.Equal(job.ContactEmail, detail.ContactEmail);
        Assert.Equal(job.ContactPhone, detail.ContactPhone);
        Assert.Equal(job.Notes, detail.Notes);
        Assert.Equal(job.StartDate, detail.StartDate);
        Assert.Equal(job.ExpectedCompletionDate, detail.ExpectedCompletionDate);
        Assert.Equal(job.ActualCompletionDate, detail.ActualCompletionDate);
        Assert.Equal(
            job.Items.OrderBy(i => i.Id).Select(i => new JobItemLine(i.Id, i.Kind, i.ProductCode, i.ProductName, i.Quantity, i.SerialNumber, i.State)),
            detail.Items);
        Assert.Equal(job.Events.Count, detail.Events.Count);
        Assert.Null(detail.Cancellation);
    }

    [Fact]
    public async Task Events_come_newest_first()
    {
        var number = await NumberOfAsync(j => j.Events.Count >= 3);

        var detail = await Service.GetByNumberAsync(number);

        Assert.Equal(detail!.Events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id), detail.Events);
        Assert.Equal(JobEventKind.CREATED, detail.Events[^1].Kind);
    }

    [Fact]
    public async Task A_cancelled_job_brings_its_cancellation()
    {
        await using var db = fixture.Db.CreateContext();
        var cancellation = await db.JobCancellations.AsNoTracking()
            .Include(c => c.Job).Include(c => c.JobStatus).Include(c => c.CancellationReason).Include(c => c.CancelledByUser).Include(c => c.CancelledByUnit)
            .Where(c => c.Note != null).OrderBy(c => c.Id).FirstAsync();

        var detail = await Service.GetByNumberAsync(cancellation.Job.Number);

        Assert.Equal(
            new JobCancellationSummary(
                cancellation.JobStatus.Name, cancellation.JobStatus.AlternativeCode, cancellation.CancellationReason.Name,
                cancellation.CancellationReason.AlternativeCode, cancellation.CancelledByUser.DisplayName, cancellation.CancelledByUnit?.Name,
                cancellation.CancelledAt, cancellation.Channel, cancellation.CancelProvidedItems, cancellation.ItemsCancelled,
                cancellation.ProvidedItemsLeft, cancellation.Note),
            detail!.Cancellation);
        Assert.False(detail.CanBeCancelled);
    }

    [Fact]
    public async Task Provided_and_delivered_items_count_as_provided()
    {
        var number = await NumberOfAsync(j => j.Items.Any(i => i.State == JobItemState.DELIVERED) && j.Items.Any(i => i.State == JobItemState.PENDING));

        var detail = await Service.GetByNumberAsync(number);

        Assert.Equal(detail!.Items.Count(i => i.State is JobItemState.PROVIDED or JobItemState.DELIVERED), detail.ProvidedItemCount);
        Assert.Contains(detail.Items, i => !i.IsProvided);
    }

    [Fact]
    public async Task A_number_is_found_whatever_its_case_and_spaces()
    {
        var number = await NumberOfAsync(_ => true);

        var detail = await Service.GetByNumberAsync($"  {number.ToLowerInvariant()} ");

        Assert.Equal(number, detail?.Number);
    }

    [Fact]
    public async Task An_unknown_number_gives_null()
    {
        Assert.Null(await Service.GetByNumberAsync("J99999999"));
        Assert.Null(await Service.GetByNumberAsync("not a number"));
    }

    private async Task<string> NumberOfAsync(System.Linq.Expressions.Expression<Func<Job, bool>> predicate)
    {
        await using var db = fixture.Db.CreateContext();
        return await db.Jobs.Where(predicate).OrderBy(j => j.Id).Select(j => j.Number).FirstAsync();
    }
}
