using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Foundation;

public sealed class DemoSeedFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(demoJobs: 2400);
    public async Task DisposeAsync() => await Db.DisposeAsync();
}

public sealed class DemoSeedTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    private JobsPortalDbContextLease Db() => new(fixture.Db.CreateContext());

    [Fact]
    public async Task Seed_has_the_promised_amounts()
    {
        using var lease = Db();
        var db = lease.Context;

        Assert.True(await db.JobTypes.CountAsync() >= 7);
        Assert.True(await db.JobTypes.Select(t => t.FulfillmentScope).Distinct().CountAsync() >= 7);
        Assert.True(await db.CancellationReasons.CountAsync() >= 6);
        Assert.Equal(1, await db.CancellationReasons.CountAsync(r => r.IsRetired));
        Assert.True(await db.Jobs.CountAsync() >= 2000);
        Assert.True(await db.Users.CountAsync() >= 8);
        Assert.True(await db.Units.CountAsync() >= 3);
        Assert.True(await db.JobCancellations.CountAsync() > 50);
        foreach (var state in Enum.GetValues<LifeCycleState>())
        {
            Assert.True(await db.JobStatuses.AnyAsync(s => s.LifeCycleState == state), $"a status for {state}");
            Assert.True(await db.Jobs.CountAsync(j => j.LifeCycleState == state) > 50, $"jobs in {state}");
        }
        foreach (var itemState in Enum.GetValues<JobItemState>())
        {
            Assert.True(await db.JobItems.AnyAsync(i => i.State == itemState), $"items in {itemState}");
        }
        Assert.Contains(await db.JobTypes.Select(t => t.AllowedStatuses.Count(s => s.JobStatus.LifeCycleState == LifeCycleState.CANCELLED)).ToListAsync(), n => n > 1);
    }

    [Fact]
    public async Task Every_type_has_a_default_cancel_status_and_reason_it_allows()
    {
        using var lease = Db();
        var types = await lease.Context.JobTypes
            .Include(t => t.DefaultCancelStatus).Include(t => t.AllowedStatuses).ThenInclude(s => s.JobStatus).Include(t => t.AllowedReasons).ThenInclude(r => r.CancellationReason)
            .AsSplitQuery().ToListAsync();

        foreach (var type in types)
        {
            Assert.NotNull(type.DefaultCancelStatus);
            Assert.Equal(LifeCycleState.CANCELLED, type.DefaultCancelStatus!.LifeCycleState);
            Assert.Contains(type.AllowedStatuses, s => s.JobStatusId == type.DefaultCancelStatusId);
            var defaults = type.AllowedReasons.Where(r => r.IsDefault).ToList();
            var reason = Assert.Single(defaults);
            Assert.False(reason.CancellationReason.IsRetired);
            foreach (var state in Enum.GetValues<LifeCycleState>())
            {
                Assert.True(type.AllowedStatuses.Any(s => s.JobStatus.LifeCycleState == state), $"{type.Name} allows a {state} status");
            }
        }
    }

    [Fact]
    public async Task Every_job_status_belongs_to_its_type_and_sets_its_state()
    {
        using var lease = Db();
        var db = lease.Context;

        var mismatchedState = await db.Jobs.CountAsync(j => j.LifeCycleState != j.JobStatus.LifeCycleState);
        var notAllowed = await db.Jobs.CountAsync(j => !db.JobTypeStatuses.Any(ts => ts.JobTypeId == j.JobTypeId && ts.JobStatusId == j.JobStatusId));

        Assert.Equal(0, mismatchedState);
        Assert.Equal(0, notAllowed);
    }

    [Fact]
    public async Task Cancelled_jobs_and_cancellation_records_agree()
    {
        using var lease = Db();
        var db = lease.Context;

        Assert.Equal(await db.Jobs.CountAsync(j => j.LifeCycleState == LifeCycleState.CANCELLED), await db.JobCancellations.CountAsync());
        Assert.Equal(0, await db.JobCancellations.CountAsync(c => c.JobStatusId != c.Job.JobStatusId));
        Assert.Equal(0, await db.JobItems.CountAsync(i => i.Job.LifeCycleState == LifeCycleState.CANCELLED && i.State == JobItemState.PENDING));
        Assert.Equal(0, await db.JobCancellations.CountAsync(c => c.CancelProvidedItems && c.ProvidedItemsLeft > 0));
        Assert.True(await db.JobCancellations.AnyAsync(c => c.Channel == CancellationChannel.API));
        Assert.True(await db.JobCancellations.AnyAsync(c => c.CancellationReason.IsRetired), "a past cancellation keeps its retired reason");
        Assert.Equal(0, await db.JobCancellations.CountAsync(c => !db.JobTypeCancellationReasons.Any(r => r.JobTypeId == c.Job.JobTypeId && r.CancellationReasonId == c.CancellationReasonId)));
    }

    [Fact]
    public async Task Dates_span_past_months_and_coming_weeks()
    {
        using var lease = Db();
        var db = lease.Context;
        var now = TestDatabase.DefaultNow.UtcDateTime;

        Assert.True(await db.Jobs.MinAsync(j => j.CreatedAt) < now.AddDays(-90));
        Assert.True(await db.Jobs.MaxAsync(j => j.ScheduledDate) > now.AddDays(7));
        Assert.Equal(0, await db.Jobs.CountAsync(j => j.CreatedAt > now));
        Assert.Equal(0, await db.Jobs.CountAsync(j => j.UpdatedAt < j.CreatedAt));
        Assert.True(await db.Jobs.Select(j => j.AssignedUnitId).Distinct().CountAsync() >= 3);
    }

    [Fact]
    public async Task Seed_is_deterministic()
    {
        await using var other = await TestDatabase.CreateAsync(demoJobs: 300);
        await using var again = await TestDatabase.CreateAsync(demoJobs: 300);
        await using var a = other.CreateContext();
        await using var b = again.CreateContext();

        var first = await a.Jobs.OrderBy(j => j.Id).Select(j => new { j.Number, j.Description, j.LifeCycleState, j.ScheduledDate, Items = j.Items.Count }).ToListAsync();
        var second = await b.Jobs.OrderBy(j => j.Id).Select(j => new { j.Number, j.Description, j.LifeCycleState, j.ScheduledDate, Items = j.Items.Count }).ToListAsync();

        Assert.Equal(first, second);
    }
}

/// <summary>Disposes a context at the end of a using block in synchronous test helpers.</summary>
public sealed class JobsPortalDbContextLease(JobsPortal.Data.JobsPortalDbContext context) : IDisposable
{
    public JobsPortal.Data.JobsPortalDbContext Context { get; } = context;
    public void Dispose() => Context.Dispose();
}
