using JobsPortal.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>What holds around the rules: a job changed since it was opened, who may cancel, simultaneous cancels, open pages told, the dialog's options.</summary>
public abstract partial class CancellationServiceTests
{
    [Fact]
    public async Task A_job_changed_since_it_was_opened_is_not_cancelled_blind()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING);
        await using (var context = db.CreateContext())
        {
            var tracked = await context.Jobs.SingleAsync(j => j.Id == job.Id);
            tracked.Notes = "Rescheduled by phone";
            await context.SaveChangesAsync();
        }

        var result = await CancelAsync(db, job, c => c with { ExpectedVersion = job.Version });

        Assert.Equal(CancelErrorCodes.JobChanged, result.Error?.Code);
        Assert.Equal(CancelErrorKind.Conflict, result.Error!.Kind);
    }

    [Fact]
    public async Task Only_staff_accounts_may_cancel()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING);

        var agentId = await UserIdAsync(db);
        var actors = new[]
        {
            TestActors.Principal(agentId), // a real account, but the principal holds no staff role
            TestActors.Principal("no-such-user", Roles.Agent), // the role, but no such account
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), // not signed in
        };

        foreach (var actor in actors)
        {
            var result = await Service(db).CancelAsync(new CancelJobCommand(EntityIdentifier.Of("number", job.Number), actor, CancellationChannel.API));

            Assert.Equal(CancelErrorCodes.NotAllowed, result.Error?.Code);
            Assert.Equal(CancelErrorKind.Forbidden, result.Error!.Kind);
        }
        await AssertUnchangedAsync(db, job);
    }

    [Fact]
    public async Task Many_simultaneous_cancels_of_one_job_succeed_exactly_once()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobWithPendingAndProvidedItemsAsync(db);
        var user = await db.PrincipalAsync(Agent);
        var other = await db.PrincipalAsync("tom.becker@example.com");
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            // A service and context per attempt, as separate requests or circuits would have.
            await using var scope = db.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CancellationService>().CancelAsync(
                new CancelJobCommand(EntityIdentifier.Of("number", job.Number), i % 2 == 0 ? user : other, CancellationChannel.API)
                { CancelProvidedItems = true });
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CancelErrorCodes.JobAlreadyCancelled, r.Error!.Code));
        await using var context = db.CreateContext();
        Assert.Equal(1, await context.JobCancellations.CountAsync(c => c.JobId == job.Id));
        Assert.Equal(1, await context.JobEvents.CountAsync(e => e.JobId == job.Id && e.Kind == JobEventKind.CANCELLED));
        Assert.Equal(job.Version + 1, (await context.Jobs.SingleAsync(j => j.Id == job.Id)).Version);
        var success = results.Single(r => r.Succeeded).Job!;
        Assert.Equal(job.Items.Count(i => i.State != JobItemState.CANCELLED), success.ItemsCancelled);
    }

    [Fact]
    public async Task A_successful_cancel_tells_open_pages()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.IN_PROGRESS);
        var changes = new List<JobChanged>();
        using var subscription = db.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        await CancelAsync(db, job);
        await CancelAsync(db, job);

        var change = Assert.Single(changes);
        Assert.Equal(job.Id, change.JobId);
        Assert.Equal(JobChangeKind.Cancelled, change.Kind);
        Assert.Equal("Maria Lopez", change.ByUserName);
    }

    [Fact]
    public async Task Options_offer_only_the_types_cancel_statuses_and_usable_reasons_with_defaults()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "SWAP");

        var options = (await Service(db).GetOptionsAsync(job.Id))!;

        Assert.Equal(["CNL", "CNLD", "CNLT"], options.Statuses.Select(s => s.AlternativeCode).Order());
        Assert.Equal("CNL", options.Statuses.Single(s => s.IsDefault).AlternativeCode);
        Assert.Equal(["CU", "DUP", "R", "TI", "WII"], options.Reasons.Select(r => r.AlternativeCode).Order()); // WTH is retired
        Assert.Equal("CU", options.Reasons.Single(r => r.IsDefault).AlternativeCode);
        Assert.Equal(job.Items.Count, options.Items.Count);
        Assert.Equal(job.Version, options.Version);
        Assert.Null(options.AlreadyCancelled);
    }
}
