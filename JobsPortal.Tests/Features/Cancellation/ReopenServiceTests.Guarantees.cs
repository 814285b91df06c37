using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>What holds around the reopen: races with another reopen or a cancel, open pages told, the dialog's options.</summary>
public abstract partial class ReopenServiceTests
{
    /// <summary>Runs every attempt at once, each with a scope (a service and context) of its own, as separate requests would.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(TestDatabase db, IEnumerable<Func<IServiceProvider, Task<T>>> attempts)
    {
        using var start = new ManualResetEventSlim();
        var running = attempts.Select(attempt => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = db.Services.CreateAsyncScope();
            return await attempt(scope.ServiceProvider);
        })).ToList();
        start.Set();
        return await Task.WhenAll(running);
    }

    [Fact]
    public async Task Simultaneous_reopens_of_one_job_succeed_exactly_once_and_the_others_are_told_who()
    {
        await using var db = await template.CloneAsync();
        var before = await JobWithEveryKindOfItemAsync(db);
        await CancelAsync(db, before.Job);
        var sara = await db.PrincipalAsync(DemoPeople.Supervisor);
        var alex = await db.PrincipalAsync(DemoPeople.Admin);

        var results = await AllAtOnceAsync(db, Enumerable.Range(0, 12).Select(i => (Func<IServiceProvider, Task<JobResult<ReopenedJob>>>)(sp =>
            sp.GetRequiredService<ReopenService>().ReopenAsync(new ReopenJobCommand(
                EntityIdentifier.Of("number", before.Job.Number), i % 2 == 0 ? sara : alex, CancellationChannel.API, $"Attempt {i}")))));

        var winner = Assert.Single(results, r => r.Succeeded).Job!;
        Assert.All(results.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal(ReopenErrorCodes.JobAlreadyReopened, r.Error!.Code);
            Assert.Contains($"reopened by {winner.ReopenedBy}", r.Error.Message, StringComparison.Ordinal);
        });
        var after = await ReadAsync(db, before.Job.Id);
        Assert.Single(after.Events, e => e.Kind == JobEventKind.REOPENED);
        Assert.Equal(before.Items, after.Items.ToDictionary(i => i.Id, i => i.State));
        Assert.Equal(before.Job.Version + 2, after.Version);
    }

    [Fact]
    public async Task A_reopen_racing_a_cancel_made_from_the_same_view_wins_alone_whichever_comes_first()
    {
        await using var db = await template.CloneAsync();
        var sara = await db.PrincipalAsync(DemoPeople.Supervisor);
        var tom = await db.PrincipalAsync(DemoPeople.OtherAgent);
        for (var round = 0; round < 4; round++)
        {
            // Tom opened the job before Maria cancelled it; Sara opens it cancelled and reopens it while Tom presses Cancel.
            var before = await JobWithEveryKindOfItemAsync(db);
            var tomsVersion = before.Job.Version;
            await CancelAsync(db, before.Job);
            var sarasVersion = (await ReadAsync(db, before.Job.Id)).Version;

            var results = await AllAtOnceAsync<object>(db,
            [
                async sp => await sp.GetRequiredService<ReopenService>().ReopenAsync(new ReopenJobCommand(
                    EntityIdentifier.ById(before.Job.Id), sara, CancellationChannel.PORTAL, Reason) { ExpectedVersion = sarasVersion }),
                async sp => await sp.GetRequiredService<CancellationService>().CancelAsync(new CancelJobCommand(
                    EntityIdentifier.ById(before.Job.Id), tom, CancellationChannel.PORTAL) { ExpectedVersion = tomsVersion }),
            ]);

            var reopen = (JobResult<ReopenedJob>)results[0];
            var cancel = (JobResult<CancelledJob>)results[1];
            Assert.True(reopen.Succeeded, reopen.Error?.Message);
            // Told what happened: cancelled by Maria (the cancel came first) or changed since Tom opened it (the reopen did).
            Assert.Contains(cancel.Error?.Code, new[] { CancelErrorCodes.JobAlreadyCancelled, CancelErrorCodes.JobChanged });
            var after = await ReadAsync(db, before.Job.Id);
            Assert.Equal(before.Items, after.Items.ToDictionary(i => i.Id, i => i.State));
            Assert.Equal(before.Job.LifeCycleState, after.LifeCycleState);
            Assert.Single(after.Cancellations, c => c.ReopenedAt != null);
            Assert.Single(after.Events, e => e.Kind == JobEventKind.CANCELLED);
            Assert.Single(after.Events, e => e.Kind == JobEventKind.REOPENED);
        }
    }

    [Fact]
    public async Task Reopens_and_cancels_of_one_job_all_at_once_leave_the_job_and_its_records_in_step()
    {
        await using var db = await template.CloneAsync();
        var before = await JobWithEveryKindOfItemAsync(db);
        await CancelAsync(db, before.Job);
        var sara = await db.PrincipalAsync(DemoPeople.Supervisor);
        var maria = await db.PrincipalAsync(DemoPeople.Agent);

        var results = await AllAtOnceAsync<object>(db, Enumerable.Range(0, 16).Select(i => i % 2 == 0
            ? (Func<IServiceProvider, Task<object>>)(async sp => await sp.GetRequiredService<ReopenService>().ReopenAsync(
                new ReopenJobCommand(EntityIdentifier.ById(before.Job.Id), sara, CancellationChannel.API, Reason)))
            : async sp => await sp.GetRequiredService<CancellationService>().CancelAsync(
                new CancelJobCommand(EntityIdentifier.ById(before.Job.Id), maria, CancellationChannel.API) { CancelProvidedItems = true })));

        // Each success is one whole step from the state the one before it left: no half-done reopen or cancel.
        var reopens = results.OfType<JobResult<ReopenedJob>>().Count(r => r.Succeeded);
        var cancels = results.OfType<JobResult<CancelledJob>>().Count(r => r.Succeeded);
        Assert.True(reopens >= 1, "the job was cancelled, so some reopen came first");
        Assert.All(results.OfType<JobResult<ReopenedJob>>().Where(r => !r.Succeeded), r =>
            Assert.Contains(r.Error!.Code, new[] { ReopenErrorCodes.JobAlreadyReopened }));
        Assert.All(results.OfType<JobResult<CancelledJob>>().Where(r => !r.Succeeded), r => Assert.Equal(CancelErrorCodes.JobAlreadyCancelled, r.Error!.Code));
        var after = await ReadAsync(db, before.Job.Id);
        Assert.Equal(1 + cancels, after.Cancellations.Count);
        Assert.Equal(reopens, after.Cancellations.Count(c => c.ReopenedAt != null));
        Assert.Equal(reopens, after.Events.Count(e => e.Kind == JobEventKind.REOPENED));
        Assert.InRange(reopens - cancels, 0, 1);
        var standing = after.Cancellations.SingleOrDefault(c => c.ReopenedAt == null);
        Assert.Equal(standing is not null, after.LifeCycleState == LifeCycleState.CANCELLED);
        if (standing is null)
        {
            Assert.Equal(before.Items, after.Items.ToDictionary(i => i.Id, i => i.State));
        }
    }

    [Fact]
    public async Task A_successful_reopen_tells_open_pages()
    {
        await using var db = await template.CloneAsync();
        var before = await JobWithEveryKindOfItemAsync(db);
        await CancelAsync(db, before.Job);
        var changes = new List<JobChanged>();
        using var subscription = db.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        await ReopenAsync(db, before.Job);
        await ReopenAsync(db, before.Job);

        var change = Assert.Single(changes);
        Assert.Equal((before.Job.Id, JobChangeKind.Reopened, LifeCycleState.IN_PROGRESS, "Sara Khan"), (change.JobId, change.Kind, change.LifeCycleState, change.ByUserName));
    }

    [Fact]
    public async Task Options_say_what_comes_back_and_what_stays_cancelled_or_why_not()
    {
        await using var db = await template.CloneAsync();
        var before = await JobWithEveryKindOfItemAsync(db);
        await CancelAsync(db, before.Job, provided: true);
        var service = db.Service<ReopenService>();

        var options = (await service.GetOptionsAsync(before.Job.Id))!;
        db.Clock.Advance(TimeSpan.FromDays(31));
        var late = (await service.GetOptionsAsync(before.Job.Id))!;

        Assert.Null(options.Refusal);
        Assert.Equal("Maria Lopez", options.CancelledBy);
        Assert.Equal(LifeCycleState.IN_PROGRESS, options.PreviousState);
        Assert.Equal(before.Items.Count(i => i.Value != JobItemState.CANCELLED), options.ItemsToRestore.Count);
        Assert.Equal(before.Items.Values.Where(s => s != JobItemState.CANCELLED).Order(), options.ItemsToRestore.Select(i => i.RestoredState!.Value).Order());
        Assert.Single(options.ItemsStayingCancelled);
        Assert.Contains("within 30 days", late.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(ReopenErrorCodes.WindowPassed, (await ReopenAsync(db, before.Job)).Error?.Code);
    }
}
