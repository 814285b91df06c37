using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Lifecycle;

/// <summary>Start progress and complete: each rule and code, the timeline, open pages told, and races with each other and with a cancel.</summary>
public sealed class JobLifecycleServiceTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private const string Agent = "maria.lopez@example.com";

    private static async Task<Job> JobAsync(TestDatabase db, LifeCycleState state, string typeCode = "INST", bool withPendingItems = false)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().Include(j => j.Items)
            .Where(j => j.LifeCycleState == state && j.JobType.AlternativeCode == typeCode)
            .Where(j => !withPendingItems || j.Items.Any(i => i.State == JobItemState.PENDING))
            .OrderBy(j => j.Id).FirstAsync();
    }

    private static async Task<JobResult<JobMoved>> StartAsync(TestDatabase db, Job job, EntityIdentifier? status = null) =>
        await db.Service<JobLifecycleService>().StartAsync(
            new JobTransitionCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(Agent), CancellationChannel.PORTAL, status));

    private static async Task<JobResult<JobMoved>> CompleteAsync(TestDatabase db, Job job, EntityIdentifier? status = null) =>
        await db.Service<JobLifecycleService>().CompleteAsync(
            new JobTransitionCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(Agent), CancellationChannel.API, status));

    [Fact]
    public async Task Start_without_a_status_uses_the_types_default_start_status_and_writes_the_timeline()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING, "SWAP");
        var changes = new List<JobChanged>();
        using var _ = db.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        var result = await StartAsync(db, job);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = db.CreateContext();
        var saved = await context.Jobs.Include(j => j.JobStatus).Include(j => j.Events).SingleAsync(j => j.Id == job.Id);
        Assert.Equal(LifeCycleState.IN_PROGRESS, saved.LifeCycleState);
        Assert.Equal("ONS", saved.JobStatus.AlternativeCode); // SWAP's default start status
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, saved.StartDate);
        Assert.Contains(saved.Events, e => e.Kind == JobEventKind.STATUS_CHANGED && e.Summary == "Job started via portal: status Technician on site");
        Assert.Equal(job.Version + 1, saved.Version);
        Assert.Contains(changes, c => c.JobId == job.Id && c.Kind == JobChangeKind.Started && c.LifeCycleState == LifeCycleState.IN_PROGRESS);
    }

    [Fact]
    public async Task Complete_with_a_given_status_sets_it_and_makes_pending_items_provided()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.IN_PROGRESS, withPendingItems: true);
        var pending = job.Items.Count(i => i.State == JobItemState.PENDING);
        var cancelled = job.Items.Count(i => i.State == JobItemState.CANCELLED);

        var result = await CompleteAsync(db, job, EntityIdentifier.Of("alternative_code", "CMPP"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(pending, result.Job!.ItemsProvided);
        await using var context = db.CreateContext();
        var saved = await context.Jobs.Include(j => j.Items).Include(j => j.JobStatus).Include(j => j.Events).SingleAsync(j => j.Id == job.Id);
        Assert.Equal(LifeCycleState.COMPLETED, saved.LifeCycleState);
        Assert.Equal("CMPP", saved.JobStatus.AlternativeCode);
        Assert.DoesNotContain(saved.Items, i => i.State == JobItemState.PENDING);
        Assert.Equal(cancelled, saved.Items.Count(i => i.State == JobItemState.CANCELLED));
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, saved.ActualCompletionDate);
        Assert.Contains(saved.Events, e => e.Summary == $"Job completed via API: status Completed - partially, {pending} pending item(s) provided");
    }

    [Theory]
    [InlineData("alternative_code", "CMP", LifecycleErrorCodes.StatusNotStartStatus)]
    [InlineData("alternative_code", "NOPE", CancelErrorCodes.StatusNotFound)]
    [InlineData("alternative_code", "ONS", CancelErrorCodes.StatusNotAllowed)] // ADDS allows INP only
    public async Task Start_refuses_a_status_that_is_not_a_start_status_of_the_type(string key, string value, string code)
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING, "ADDS");

        var result = await StartAsync(db, job, EntityIdentifier.Of(key, value));

        Assert.Equal(code, result.Error?.Code);
        await using var context = db.CreateContext();
        Assert.Equal(LifeCycleState.PENDING, (await context.Jobs.SingleAsync(j => j.Id == job.Id)).LifeCycleState);
    }

    [Fact]
    public async Task Complete_refuses_a_start_status()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.IN_PROGRESS);

        var result = await CompleteAsync(db, job, EntityIdentifier.Of("name", "In progress"));

        Assert.Equal(LifecycleErrorCodes.StatusNotCompleteStatus, result.Error?.Code);
    }

    [Theory]
    [InlineData(LifeCycleState.DRAFT, true, LifecycleErrorCodes.JobNotPending)]
    [InlineData(LifeCycleState.IN_PROGRESS, true, LifecycleErrorCodes.JobNotPending)]
    [InlineData(LifeCycleState.CANCELLED, true, CancelErrorCodes.JobAlreadyCancelled)]
    [InlineData(LifeCycleState.PENDING, false, LifecycleErrorCodes.JobNotInProgress)]
    [InlineData(LifeCycleState.COMPLETED, false, LifecycleErrorCodes.JobAlreadyCompleted)]
    [InlineData(LifeCycleState.CANCELLED, false, CancelErrorCodes.JobAlreadyCancelled)]
    public async Task A_job_in_the_wrong_state_is_refused_with_a_conflict(LifeCycleState state, bool start, string code)
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, state);

        var result = start ? await StartAsync(db, job) : await CompleteAsync(db, job);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(CancelErrorKind.Conflict, result.Error!.Kind);
        Assert.Contains(job.Number, result.Error.Message);
    }

    [Fact]
    public async Task An_unknown_job_a_bad_identifier_and_a_non_staff_account_are_refused()
    {
        await using var db = await template.CloneAsync();
        var service = db.Service<JobLifecycleService>();
        var agent = await db.PrincipalAsync(Agent);

        var missing = await service.StartAsync(new JobTransitionCommand(EntityIdentifier.Of("number", "J99999999"), agent, CancellationChannel.API));
        var twoKeys = await service.StartAsync(new JobTransitionCommand(
            EntityIdentifier.FromPairs([new("number", "J1"), new("id", "1")]), agent, CancellationChannel.API));
        var noRole = await service.CompleteAsync(new JobTransitionCommand(EntityIdentifier.Of("id", "1"), TestActors.Principal("x"), CancellationChannel.API));

        Assert.Equal(CancelErrorCodes.JobNotFound, missing.Error?.Code);
        Assert.Equal(CancelErrorCodes.IdentifierAmbiguous, twoKeys.Error?.Code);
        Assert.Equal(CancelErrorCodes.NotAllowed, noRole.Error?.Code);
        Assert.Equal(CancelErrorKind.Forbidden, noRole.Error!.Kind);
    }

    [Fact]
    public async Task A_job_changed_since_the_dialog_opened_is_not_moved_blind()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING);

        var result = await db.Service<JobLifecycleService>().StartAsync(
            new JobTransitionCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(Agent), CancellationChannel.PORTAL)
            { ExpectedVersion = job.Version - 1 });

        Assert.Equal(CancelErrorCodes.JobChanged, result.Error?.Code);
    }

    [Fact]
    public async Task Simultaneous_completes_and_cancels_of_one_job_one_wins_and_the_others_are_told()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.IN_PROGRESS);
        var agent = await db.PrincipalAsync(Agent);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = db.Services.CreateAsyncScope();
            var id = EntityIdentifier.Of("number", job.Number);
            if (i % 2 == 0)
            {
                var r = await scope.ServiceProvider.GetRequiredService<JobLifecycleService>().CompleteAsync(new JobTransitionCommand(id, agent, CancellationChannel.API));
                return (Succeeded: r.Succeeded, Code: r.Error?.Code);
            }
            var c = await scope.ServiceProvider.GetRequiredService<CancellationService>().CancelAsync(new CancelJobCommand(id, agent, CancellationChannel.API));
            return (Succeeded: c.Succeeded, Code: c.Error?.Code);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        await using var context = db.CreateContext();
        var saved = await context.Jobs.SingleAsync(j => j.Id == job.Id);
        var expected = saved.LifeCycleState == LifeCycleState.COMPLETED
            ? new[] { LifecycleErrorCodes.JobAlreadyCompleted, CancelErrorCodes.JobCompleted }
            : [CancelErrorCodes.JobAlreadyCancelled];
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, expected));
        Assert.Equal(saved.LifeCycleState == LifeCycleState.CANCELLED, await context.JobCancellations.AnyAsync(c => c.JobId == job.Id));
    }

    [Fact]
    public async Task Simultaneous_starts_of_one_job_succeed_exactly_once()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING);
        var agent = await db.PrincipalAsync(Agent);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = db.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobLifecycleService>().StartAsync(
                new JobTransitionCommand(EntityIdentifier.Of("number", job.Number), agent, CancellationChannel.API));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(LifecycleErrorCodes.JobNotPending, r.Error!.Code));
    }

    [Fact]
    public async Task The_dialogs_options_are_the_types_statuses_of_the_target_state_with_the_default()
    {
        await using var db = await template.CloneAsync();
        var job = await JobAsync(db, LifeCycleState.PENDING, "SWAP");

        var options = await db.Service<JobLifecycleService>().GetOptionsAsync(job.Id, LifeCycleState.IN_PROGRESS);

        Assert.Equal(["In progress", "Technician on site"], options!.Statuses.Select(s => s.Name));
        Assert.Equal("Technician on site", Assert.Single(options.Statuses, s => s.IsDefault).Name);
    }
}
