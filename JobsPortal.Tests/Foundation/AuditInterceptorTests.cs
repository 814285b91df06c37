using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Foundation;

public sealed class AuditInterceptorTests
{
    [Fact]
    public async Task Saving_stamps_log_information_from_the_clock_and_the_acting_user_and_bumps_the_version()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        string creator, editor;
        int jobId;
        await using (var context = db.CreateContext())
        {
            var users = await context.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(2).ToListAsync();
            creator = users[0];
            editor = users[1];
            context.ActingUserId = creator;
            var type = await context.JobTypes.FirstAsync();
            var job = new Job
            {
                Number = "J90000001",
                Description = "Audit test",
                JobTypeId = type.Id,
                JobStatusId = type.DefaultStartStatusId!.Value,
                LifeCycleState = LifeCycleState.IN_PROGRESS,
            };
            context.Jobs.Add(job);
            await context.SaveChangesAsync();
            jobId = job.Id;
        }

        var created = db.Clock.GetUtcNow().UtcDateTime;
        db.Clock.Advance(TimeSpan.FromMinutes(42));
        await using (var context = db.CreateContext())
        {
            context.ActingUserId = editor;
            var job = await context.Jobs.SingleAsync(j => j.Id == jobId);
            job.Notes = "changed";
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        var saved = await check.Jobs.SingleAsync(j => j.Id == jobId);
        Assert.Equal(created, saved.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
        Assert.Equal(creator, saved.CreatedByUserId);
        Assert.Equal(created.AddMinutes(42), saved.UpdatedAt);
        Assert.Equal(editor, saved.UpdatedByUserId);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task A_stale_update_is_refused_by_the_concurrency_token()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var a = await first.Jobs.OrderBy(j => j.Id).FirstAsync();
        var b = await second.Jobs.OrderBy(j => j.Id).FirstAsync();

        a.Notes = "first";
        await first.SaveChangesAsync();
        b.Notes = "second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
