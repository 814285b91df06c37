using System.Net;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Api;

/// <summary>POST jobs/all_scopes/reopen, a JobsPortal extension over the reopen service.</summary>
public abstract class ReopenApiTests(ApiAppFactory factory)
{
    private const string Reopen = "jobs/all_scopes/reopen";

    /// <summary>A pending job of the app, cancelled by Maria over the API.</summary>
    private static async Task<Job> CancelledJobAsync(ApiAppFactory app)
    {
        Job job;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            job = await db.Jobs.AsNoTracking().Include(j => j.Items)
                .Where(j => j.LifeCycleState == LifeCycleState.PENDING && j.Items.Any()).OrderBy(j => j.Id).FirstAsync();
        }
        var cancel = await app.Api().PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = job.Number } }, await app.Api().TokenAsync());
        ApiAssert.Ok(cancel);
        return job;
    }

    private static async Task<ApiResponse> ReopenAsync(ApiAppFactory app, object body, string who = DemoPeople.Supervisor) =>
        await app.Api().PostAsync(Reopen, body, await app.Api().TokenAsync(who));

    private static async Task<(LifeCycleState State, int Version, int Records)> StateAsync(ApiAppFactory app, int jobId)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        return (job.LifeCycleState, job.Version, await db.JobCancellations.CountAsync(c => c.JobId == jobId && c.ReopenedAt != null));
    }

    [Fact]
    public async Task A_supervisor_reopens_a_cancelled_job_and_gets_it_back_as_it_was()
    {
        await using var app = await factory.CloneAsync();
        var job = await CancelledJobAsync(app);

        var response = await ReopenAsync(app, new
        {
            job_identifier = new { number = job.Number },
            reason = "Cancelled on the wrong account",
            fields_set = "number,life_cycle_state,status",
        });

        ApiAssert.Ok(response);
        Assert.Equal("PENDING", response.Data.GetProperty("life_cycle_state").GetString());
        Assert.False(response.Data.TryGetProperty("description", out _));
        await using var db = await app.Db.CreateDbContextAsync();
        var saved = await db.Jobs.AsNoTracking().Include(j => j.Items).Include(j => j.Cancellations).SingleAsync(j => j.Id == job.Id);
        Assert.Equal(job.JobStatusId, saved.JobStatusId);
        Assert.Equal(job.Items.Select(i => i.State), saved.Items.OrderBy(i => i.Id).Select(i => i.State));
        Assert.Equal("Cancelled on the wrong account", Assert.Single(saved.Cancellations).ReopenReason);
        var summary = await db.JobEvents.Where(e => e.JobId == job.Id && e.Kind == JobEventKind.REOPENED).Select(e => e.Summary).SingleAsync();
        Assert.Contains("reopened via API", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_may_not_reopen_and_nothing_changes()
    {
        await using var app = await factory.CloneAsync();
        var job = await CancelledJobAsync(app);
        var before = await StateAsync(app, job.Id);

        var response = await ReopenAsync(app, new { job_identifier = new { number = job.Number }, reason = "Please" }, who: DemoPeople.Agent);

        ApiAssert.Error(response, CancelErrorCodes.NotAllowed, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StateAsync(app, job.Id));
    }

    [Fact]
    public async Task Mistakes_and_refusals_come_with_their_codes_and_change_nothing()
    {
        await using var app = await factory.CloneAsync();
        var job = await CancelledJobAsync(app);
        var before = await StateAsync(app, job.Id);
        string pending;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            pending = await db.Jobs.Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).Select(j => j.Number).FirstAsync();
        }
        var id = new { number = job.Number };

        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = id }), ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest);
        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = id, reason = " " }), ReopenErrorCodes.ReasonRequired, HttpStatusCode.BadRequest);
        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = id, reason = new string('x', 501) }), ReopenErrorCodes.ReasonTooLong, HttpStatusCode.BadRequest);
        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = id, reason = "x", note = "x" }), ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest);
        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = new { number = "J99999999" }, reason = "x" }), CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound);
        ApiAssert.Error(await ReopenAsync(app, new { job_identifier = new { number = pending }, reason = "x" }), ReopenErrorCodes.JobNotCancelled, HttpStatusCode.Conflict);
        Assert.Equal(before, await StateAsync(app, job.Id));

        ApiAssert.Ok(await ReopenAsync(app, new { job_identifier = id, reason = "First" }));
        var again = await ReopenAsync(app, new { job_identifier = id, reason = "Second" }, who: DemoPeople.Admin);
        ApiAssert.Error(again, ReopenErrorCodes.JobAlreadyReopened, HttpStatusCode.Conflict);
        Assert.Contains("already reopened by Sara Khan", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_reopen_window_the_answer_is_409_and_says_so()
    {
        await using var app = await factory.CloneAsync();
        var job = await CancelledJobAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(31));
        var before = await StateAsync(app, job.Id);

        var response = await ReopenAsync(app, new { job_identifier = new { number = job.Number }, reason = "Too late?" });

        ApiAssert.Error(response, ReopenErrorCodes.WindowPassed, HttpStatusCode.Conflict);
        Assert.Contains("within 30 days", response.Text, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(app, job.Id));
    }
}

// One body of tests, run on each database the app supports.

public sealed class ReopenApiSqliteTests(ApiAppFactory factory) : ReopenApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class ReopenApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : ReopenApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
