using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Interceptors;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Foundation;

public sealed class AuditInterceptorTests
{
    private static async Task<(string Creator, string Editor)> TwoUsersAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var users = await context.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(2).ToListAsync();
        return (users[0], users[1]);
    }

    [Fact]
    public async Task Saving_stamps_log_information_from_the_clock_and_the_acting_user_and_bumps_the_version()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        var (creator, editor) = await TwoUsersAsync(db);
        int jobId;
        await using (var context = await db.Factory.CreateDbContextAsync(AuditActor.User(creator)))
        {
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
        await using (var context = await db.Factory.CreateDbContextAsync(AuditActor.User(editor)))
        {
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
    public async Task An_audited_change_through_a_context_without_an_actor_is_refused_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        await using var context = await db.Factory.CreateDbContextAsync();
        var job = await context.Jobs.OrderBy(j => j.Id).FirstAsync();
        var before = (job.Notes, job.Version, job.UpdatedAt);

        job.Notes = "changed by no one";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("without an actor", refused.Message, StringComparison.Ordinal);
        await using var check = db.CreateContext();
        var saved = await check.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        Assert.Equal(before, (saved.Notes, saved.Version, saved.UpdatedAt));
    }

    [Fact]
    public async Task A_context_without_an_actor_still_reads_and_saves_what_is_not_audited()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        await using var context = await db.Factory.CreateDbContextAsync();
        var reason = await context.CancellationReasons.OrderBy(r => r.Id).FirstAsync();

        reason.Description = "Reworded";
        await context.SaveChangesAsync();

        await using var check = db.CreateContext();
        Assert.Equal("Reworded", (await check.CancellationReasons.SingleAsync(r => r.Id == reason.Id)).Description);
    }

    [Fact]
    public async Task A_system_write_stamps_the_time_but_no_user()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        int jobId;
        string? updatedBy;
        await using (var context = await db.Factory.CreateDbContextAsync(AuditActor.System))
        {
            var job = await context.Jobs.OrderBy(j => j.Id).FirstAsync();
            (jobId, updatedBy) = (job.Id, job.UpdatedByUserId);
            db.Clock.Advance(TimeSpan.FromMinutes(5));
            job.Notes = "tidied by a script";
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        var saved = await check.Jobs.SingleAsync(j => j.Id == jobId);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
        Assert.Equal(updatedBy, saved.UpdatedByUserId);
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_actor_when_it_goes_back_to_the_pool()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        var (_, editor) = await TwoUsersAsync(db);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(db.Clock);
        services.AddSingleton<AuditInterceptor>();
        services.AddPooledDbContextFactory<JobsPortalDbContext>(
            (sp, options) => options.UseSqlite(db.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()),
            poolSize: 1);
        await using var provider = services.BuildServiceProvider();
        var pool = provider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>();

        var first = await pool.CreateDbContextAsync(AuditActor.User(editor));
        var job = await first.Jobs.OrderBy(j => j.Id).FirstAsync();
        job.Notes = "by the editor";
        await first.SaveChangesAsync();
        await first.DisposeAsync();

        await using var second = await pool.CreateDbContextAsync();
        Assert.Same(first, second); // the pool handed the same instance out again
        Assert.Null(second.Actor);
        var again = await second.Jobs.SingleAsync(j => j.Id == job.Id);
        again.Notes = "by whoever comes next";
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_context_is_given_its_actor_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (creator, editor) = (AuditActor.User("a"), AuditActor.User("b"));
        await using var context = await db.Factory.CreateDbContextAsync(creator);

        Assert.Same(creator, context.Actor);
        Assert.Throws<InvalidOperationException>(() => context.ActFor(editor));
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
