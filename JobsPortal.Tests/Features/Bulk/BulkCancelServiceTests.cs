using JobsPortal.Data.Entities;
using JobsPortal.Features.Bulk;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Bulk;

/// <summary>Bulk cancel: the plan, the start's checks, and a run's guarantees (each job its own cancel, stop, races).</summary>
public abstract partial class BulkCancelServiceTests(SeededTemplate template)
{
    private static readonly LifeCycleState[] Open = [LifeCycleState.DRAFT, LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS];

    private static async Task<List<Job>> JobsAsync(TestDatabase db, int count, LifeCycleState[] states, string? typeCode = null)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().Include(j => j.JobType)
            .Where(j => states.Contains(j.LifeCycleState) && (typeCode == null || j.JobType.AlternativeCode == typeCode))
            .OrderBy(j => j.Id).Take(count).ToListAsync();
    }

    /// <summary>Starts a run over <paramref name="jobs"/> with every type's defaults.</summary>
    private static async Task<int> StartWithDefaultsAsync(TestDatabase db, IEnumerable<Job> jobs, string who = DemoPeople.Agent, string? note = null)
    {
        var actor = await db.PrincipalAsync(who);
        var ids = jobs.Select(j => j.Id).ToList();
        var plan = (await db.Service<BulkCancelService>().PlanAsync(ids, actor)).Plan!;
        var choices = plan.Types.Select(t => new BulkTypeChoice(t.TypeId, t.DefaultStatusId!.Value, t.DefaultReasonId!.Value)).ToList();
        var started = await db.Service<BulkCancelService>().StartAsync(new BulkCancelRequest(ids, choices, false, note, "Selected on the job search"), actor);
        Assert.True(started.RunId is not null, started.Error);
        return started.RunId!.Value;
    }

    private static async Task<BulkRun> RunAsync(TestDatabase db, int runId)
    {
        await using var context = db.CreateContext();
        return await context.BulkRuns.AsNoTracking().Include(r => r.Jobs).SingleAsync(r => r.Id == runId);
    }

    [Fact]
    public async Task The_plan_says_which_jobs_can_be_cancelled_which_cannot_and_why_and_offers_each_types_choices_with_its_defaults()
    {
        var db = template.Db;
        var open = await JobsAsync(db, 3, Open, "INST");
        var repairs = await JobsAsync(db, 2, Open, "REPR");
        var completed = await JobsAsync(db, 1, [LifeCycleState.COMPLETED]);
        var cancelled = await JobsAsync(db, 1, [LifeCycleState.CANCELLED]);
        var actor = await db.PrincipalAsync(DemoPeople.Agent);

        var result = await db.Service<BulkCancelService>().PlanAsync([.. open.Concat(repairs).Concat(completed).Concat(cancelled).Select(j => j.Id), 999_999], actor);

        var plan = result.Plan!;
        Assert.Equal([.. open.Concat(repairs).Select(j => j.Number).Order(StringComparer.Ordinal)], plan.Eligible.Select(j => j.Number));
        Assert.Equal(1, plan.Missing);
        var whyCompleted = Assert.Single(plan.NotEligible, j => j.Id == completed[0].Id).Why;
        Assert.StartsWith("Completed", whyCompleted, StringComparison.Ordinal);
        Assert.Matches("^Already cancelled by .+ on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.$", Assert.Single(plan.NotEligible, j => j.Id == cancelled[0].Id).Why);
        Assert.Equal([open[0].JobTypeId, repairs[0].JobTypeId], plan.Types.Select(t => t.TypeId).Order());
        var configuration = db.Service<CancelConfiguration>();
        foreach (var type in plan.Types)
        {
            var jobType = type.TypeId == open[0].JobTypeId ? open[0].JobType : repairs[0].JobType;
            var statuses = await configuration.StatusesAsync(jobType, LifeCycleState.CANCELLED);
            var reasons = await configuration.ReasonsAsync(jobType);
            Assert.Equal(statuses.Select(s => s.Status.Id), type.Statuses.Select(s => s.Id));
            Assert.Equal(reasons.Select(r => r.Reason.Id), type.Reasons.Select(r => r.Id));
            Assert.Equal(statuses.Single(s => s.IsDefault).Status.Id, type.DefaultStatusId);
            Assert.Equal(reasons.Single(r => r.IsDefault).Reason.Id, type.DefaultReasonId);
        }
        Assert.Equal(3, plan.Types.Single(t => t.TypeId == open[0].JobTypeId).Jobs);
    }

    [Fact]
    public async Task More_than_a_thousand_jobs_or_none_are_refused_with_a_sentence()
    {
        var db = template.Db;
        var actor = await db.PrincipalAsync(DemoPeople.Agent);
        var service = db.Service<BulkCancelService>();

        var tooMany = await service.PlanAsync([.. Enumerable.Range(1, 1001)], actor);
        var none = await service.StartAsync(new BulkCancelRequest([], [], false, null, "test"), actor);

        Assert.Equal("1,001 jobs are selected; a bulk cancel takes at most 1,000. Narrow the search, or cancel them in parts.", tooMany.Error);
        Assert.Equal("Select at least one job to cancel.", none.Error);
    }

    [Fact]
    public async Task A_run_cancels_each_job_with_its_types_status_and_reason_and_marks_every_record_with_the_run()
    {
        await using var db = await template.CloneAsync();
        var installs = await JobsAsync(db, 4, Open, "INST");
        var repairs = await JobsAsync(db, 3, Open, "REPR");
        var actor = await db.PrincipalAsync(DemoPeople.Agent);
        var service = db.Service<BulkCancelService>();
        var plan = (await service.PlanAsync([.. installs.Concat(repairs).Select(j => j.Id)], actor)).Plan!;
        // Installations get a status and a reason that are not their defaults, where the type has another.
        var install = plan.Types.Single(t => t.TypeId == installs[0].JobTypeId);
        var repair = plan.Types.Single(t => t.TypeId == repairs[0].JobTypeId);
        var installStatus = install.Statuses.OrderBy(s => s.IsDefault).First().Id;
        var installReason = install.Reasons.OrderBy(r => r.IsDefault).First().Id;
        var choices = new[]
        {
            new BulkTypeChoice(install.TypeId, installStatus, installReason),
            new BulkTypeChoice(repair.TypeId, repair.DefaultStatusId!.Value, repair.DefaultReasonId!.Value),
        };

        var started = await service.StartAsync(new BulkCancelRequest([.. plan.Eligible.Select(j => j.Id)], choices, false, "Customer left", "test"), actor);
        await db.Service<BulkRunProcessor>().RunAsync(started.RunId!.Value, CancellationToken.None);

        var run = await RunAsync(db, started.RunId.Value);
        Assert.Equal((BulkRunState.Finished, 7, 7, 0, 0), (run.State, run.Total, run.Cancelled, run.AlreadyCancelled, run.Failed));
        Assert.All(run.Jobs, j => Assert.Equal(BulkJobOutcome.Cancelled, j.Outcome));
        await using var context = db.CreateContext();
        var records = await context.JobCancellations.AsNoTracking().Where(c => c.BulkRunId == run.Id).ToListAsync();
        Assert.Equal(7, records.Count);
        foreach (var record in records)
        {
            var isInstall = installs.Any(j => j.Id == record.JobId);
            Assert.Equal(isInstall ? installStatus : repair.DefaultStatusId, record.JobStatusId);
            Assert.Equal(isInstall ? installReason : repair.DefaultReasonId, record.CancellationReasonId);
            Assert.Equal("Customer left", record.Note);
            Assert.Equal(1, await context.JobEvents.CountAsync(e => e.JobId == record.JobId && e.Kind == JobEventKind.CANCELLED));
        }
    }

    [Fact]
    public async Task A_start_with_a_status_of_another_type_a_missing_choice_or_a_long_note_writes_nothing()
    {
        await using var db = await template.CloneAsync();
        var installs = await JobsAsync(db, 2, Open, "INST");
        var repairs = await JobsAsync(db, 2, Open, "REPR");
        var actor = await db.PrincipalAsync(DemoPeople.Agent);
        var service = db.Service<BulkCancelService>();
        var ids = installs.Concat(repairs).Select(j => j.Id).ToList();
        var plan = (await service.PlanAsync(ids, actor)).Plan!;
        var install = plan.Types.Single(t => t.TypeId == installs[0].JobTypeId);
        var repair = plan.Types.Single(t => t.TypeId == repairs[0].JobTypeId);
        // "Cancelled by customer" is an installation's status, not a repair's.
        var foreignStatus = install.Statuses.Select(s => s.Id).Except(repair.Statuses.Select(s => s.Id)).First();

        var wrongStatus = await service.StartAsync(new BulkCancelRequest(ids,
            [new(install.TypeId, install.DefaultStatusId!.Value, install.DefaultReasonId!.Value), new(repair.TypeId, foreignStatus, repair.DefaultReasonId!.Value)],
            false, null, "test"), actor);
        var missing = await service.StartAsync(new BulkCancelRequest(ids,
            [new(install.TypeId, install.DefaultStatusId!.Value, install.DefaultReasonId!.Value)], false, null, "test"), actor);
        var longNote = await service.StartAsync(new BulkCancelRequest(ids,
            [new(install.TypeId, install.DefaultStatusId!.Value, install.DefaultReasonId!.Value), new(repair.TypeId, repair.DefaultStatusId!.Value, repair.DefaultReasonId!.Value)],
            false, string.Concat(Enumerable.Repeat("é", 501)), "test"), actor);

        Assert.Equal($"That status is not a cancel status of the job type '{repair.TypeName}'; choose one of its own.", wrongStatus.Error);
        Assert.Equal($"Choose a status and a reason for the jobs of type '{repair.TypeName}'.", missing.Error);
        Assert.Equal("The note has 501 characters; at most 500 are allowed.", longNote.Error);
        await using var context = db.CreateContext();
        Assert.Equal(0, await context.BulkRuns.CountAsync());
    }

    [Fact]
    public async Task A_job_that_fails_is_reported_with_its_code_and_sentence_and_the_run_goes_on()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 5, [LifeCycleState.IN_PROGRESS]);
        var runId = await StartWithDefaultsAsync(db, jobs);
        // Completed by someone after it was selected.
        await using (var context = db.CreateContext())
        {
            await context.Jobs.Where(j => j.Id == jobs[2].Id).ExecuteUpdateAsync(j => j.SetProperty(x => x.LifeCycleState, LifeCycleState.COMPLETED));
        }

        await db.Service<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);

        var run = await RunAsync(db, runId);
        Assert.Equal((BulkRunState.Finished, 4, 1), (run.State, run.Cancelled, run.Failed));
        var failed = Assert.Single(run.Jobs, j => j.Outcome == BulkJobOutcome.Failed);
        Assert.Equal(jobs[2].Id, failed.JobId);
        Assert.Equal(CancelErrorCodes.JobCompleted, failed.ErrorCode);
        Assert.Equal($"Job {jobs[2].Number} is completed; only draft, pending or in-progress jobs can be cancelled.", failed.Message);
    }

    [Fact]
    public async Task A_job_someone_else_cancelled_meanwhile_is_already_cancelled_by_them_not_a_failure()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 4, Open);
        var runId = await StartWithDefaultsAsync(db, jobs);
        var tom = await db.PrincipalAsync(DemoPeople.OtherAgent);
        var single = await db.Service<CancellationService>().CancelAsync(new CancelJobCommand(EntityIdentifier.ById(jobs[1].Id), tom, CancellationChannel.PORTAL));
        Assert.True(single.Succeeded);

        await db.Service<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);

        var run = await RunAsync(db, runId);
        Assert.Equal((BulkRunState.Finished, 3, 1, 0), (run.State, run.Cancelled, run.AlreadyCancelled, run.Failed));
        var already = Assert.Single(run.Jobs, j => j.Outcome == BulkJobOutcome.AlreadyCancelled);
        Assert.Contains("already cancelled by Tom Becker", already.Message, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.Null((await context.JobCancellations.SingleAsync(c => c.JobId == jobs[1].Id)).BulkRunId);
    }

    [Fact]
    public async Task A_stopped_run_keeps_what_it_cancelled_and_leaves_the_rest_open()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 8, Open);
        var runId = await StartWithDefaultsAsync(db, jobs);
        using var stop = new CancellationTokenSource();
        var cancelled = 0;
        // The stop switch pressed while the third job is being cancelled: the change feed tells of each cancel as it commits.
        using var _ = db.Service<JobChangeNotifier>().Subscribe(change =>
        {
            if (change.Kind == JobChangeKind.Cancelled && Interlocked.Increment(ref cancelled) == 3)
            {
                stop.Cancel();
            }
            return Task.CompletedTask;
        });

        await db.Service<BulkRunProcessor>().RunAsync(runId, stop.Token);

        var run = await RunAsync(db, runId);
        Assert.Equal((BulkRunState.Stopped, 3, 5), (run.State, run.Cancelled, run.Jobs.Count(j => j.Outcome == BulkJobOutcome.Waiting)));
        Assert.Equal("Stopped with 5 job(s) not run; the jobs cancelled before stay cancelled.", run.Message);
        await using var context = db.CreateContext();
        var states = await context.Jobs.Where(j => jobs.Select(x => x.Id).Contains(j.Id)).OrderBy(j => j.Id).Select(j => j.LifeCycleState).ToListAsync();
        Assert.Equal(3, states.Count(s => s == LifeCycleState.CANCELLED));
        Assert.Equal([.. jobs.Skip(3).Select(j => j.LifeCycleState)], states.Skip(3));
    }

    [Fact]
    public async Task A_supervisor_who_stops_someones_run_is_named_in_it()
    {
        await using var db = await template.CloneAsync();
        var runId = await StartWithDefaultsAsync(db, await JobsAsync(db, 4, Open));

        // No worker runs in tests, as if the run were on another instance: nothing here to switch off, so the
        // stop reaches the run only through the database, and the processor honours it before its first job.
        Assert.Null(await db.Service<BulkCancelService>().StopAsync(runId, await db.PrincipalAsync(DemoPeople.Supervisor)));
        await db.Service<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);

        var run = await RunAsync(db, runId);
        Assert.Equal((BulkRunState.Stopped, 0), (run.State, run.Cancelled));
        Assert.Equal("Stopped by Sara Khan with 4 job(s) not run; the jobs cancelled before stay cancelled.", run.Message);
    }

    [Fact]
    public async Task Two_runs_over_overlapping_jobs_at_once_cancel_each_job_exactly_once()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 30, Open);
        var first = await StartWithDefaultsAsync(db, jobs.Take(20), DemoPeople.Agent);
        var second = await StartWithDefaultsAsync(db, jobs.Skip(10), DemoPeople.OtherAgent);

        await Task.WhenAll(
            Task.Run(() => db.Service<BulkRunProcessor>().RunAsync(first, CancellationToken.None)),
            Task.Run(() => db.Service<BulkRunProcessor>().RunAsync(second, CancellationToken.None)));

        var runs = new[] { await RunAsync(db, first), await RunAsync(db, second) };
        Assert.All(runs, r => Assert.Equal((BulkRunState.Finished, 0), (r.State, r.Failed)));
        Assert.Equal(30, runs.Sum(r => r.Cancelled));
        Assert.Equal(10, runs.Sum(r => r.AlreadyCancelled));
        await using var context = db.CreateContext();
        var ids = jobs.Select(j => j.Id).ToList();
        var records = await context.JobCancellations.Where(c => ids.Contains(c.JobId)).Select(c => new { c.JobId, c.BulkRunId }).ToListAsync();
        Assert.Equal(30, records.Count);
        Assert.Equal(30, records.Select(r => r.JobId).Distinct().Count());
        Assert.Equal(runs[0].Cancelled, records.Count(r => r.BulkRunId == first));
        Assert.Equal(30, await context.JobEvents.CountAsync(e => ids.Contains(e.JobId) && e.Kind == JobEventKind.CANCELLED));
    }
}

// One body of tests, run on each database the app supports: on PostgreSQL a run's cancels take the job's row lock.

public sealed class BulkCancelServiceSqliteTests(SeededTemplate template) : BulkCancelServiceTests(template), IClassFixture<SeededTemplate>;

public sealed class BulkCancelServicePostgreSqlTests(PostgreSqlSeededTemplate template)
    : BulkCancelServiceTests(template), IClassFixture<PostgreSqlSeededTemplate>;
