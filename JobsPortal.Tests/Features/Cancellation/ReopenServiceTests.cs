using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>The reopen's rules: what it gives back, who may, when not; the races are in the other part.</summary>
public abstract partial class ReopenServiceTests(SeededTemplate template)
{
    private const string Reason = "Cancelled on the wrong account";

    private sealed record Before(Job Job, Dictionary<int, JobItemState> Items);

    /// <summary>An IN_PROGRESS job with pending and provided items, and one more item already cancelled before the cancel.</summary>
    private static async Task<Before> JobWithEveryKindOfItemAsync(TestDatabase db, int skip = 0)
    {
        await using var context = db.CreateContext();
        var job = await context.Jobs.Include(j => j.Items)
            .Where(j => j.LifeCycleState == LifeCycleState.IN_PROGRESS && !j.Cancellations.Any() && j.Items.Count(i => i.State == JobItemState.PENDING) >= 2)
            .Where(j => j.Items.Any(i => i.State == JobItemState.PROVIDED || i.State == JobItemState.DELIVERED))
            .OrderBy(j => j.Id).Skip(skip).FirstAsync();
        // One item was cancelled earlier (say, by hand in CRM.COM): a reopen must leave it cancelled.
        job.Items.OrderBy(i => i.Id).First(i => i.State == JobItemState.PENDING).State = JobItemState.CANCELLED;
        await context.SaveChangesAsync();
        return new Before(job, job.Items.ToDictionary(i => i.Id, i => i.State));
    }

    private static async Task<JobResult<CancelledJob>> CancelAsync(TestDatabase db, Job job, bool provided = true, string who = DemoPeople.Agent, int? version = null) =>
        await db.Service<CancellationService>().CancelAsync(
            new CancelJobCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(who), CancellationChannel.PORTAL, CancelProvidedItems: provided)
            { ExpectedVersion = version });

    private static async Task<JobResult<ReopenedJob>> ReopenAsync(TestDatabase db, Job job, string who = DemoPeople.Supervisor, string? reason = Reason, int? version = null) =>
        await db.Service<ReopenService>().ReopenAsync(
            new ReopenJobCommand(EntityIdentifier.Of("number", job.Number), await db.PrincipalAsync(who), CancellationChannel.PORTAL, reason)
            { ExpectedVersion = version });

    private static async Task<Job> ReadAsync(TestDatabase db, int id)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.AsNoTracking().AsSplitQuery().Include(j => j.Items).Include(j => j.Events).Include(j => j.Cancellations).SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task A_reopen_gives_back_exactly_what_the_cancel_changed_provided_items_included()
    {
        await using var db = await template.CloneAsync();
        var before = await JobWithEveryKindOfItemAsync(db);
        var cancelled = await CancelAsync(db, before.Job, provided: true);
        Assert.True(cancelled.Succeeded, cancelled.Error?.Message);
        db.Clock.Advance(TimeSpan.FromHours(2));

        var result = await ReopenAsync(db, before.Job);

        Assert.True(result.Succeeded, result.Error?.Message);
        var after = await ReadAsync(db, before.Job.Id);
        Assert.Equal(before.Job.LifeCycleState, after.LifeCycleState);
        Assert.Equal(before.Job.JobStatusId, after.JobStatusId);
        Assert.Equal(before.Items, after.Items.ToDictionary(i => i.Id, i => i.State));
        Assert.Contains(JobItemState.CANCELLED, before.Items.Values); // the item cancelled earlier stayed cancelled
        Assert.Equal(cancelled.Job!.ItemsCancelled, result.Job!.ItemsRestored);
        Assert.True(result.Job.ItemsRestored >= 2, "pending and provided items came back");
        var record = Assert.Single(after.Cancellations);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, record.ReopenedAt);
        Assert.Equal(Reason, record.ReopenReason);
        Assert.Equal(await UserIdAsync(db, DemoPeople.Supervisor), record.ReopenedByUserId);
        Assert.Equal(before.Job.Version + 2, after.Version);
        var reopened = Assert.Single(after.Events, e => e.Kind == JobEventKind.REOPENED);
        Assert.Contains($"back to {before.Job.LifeCycleState.Label()}", reopened.Summary, StringComparison.Ordinal);
        Assert.EndsWith($"Reason: {Reason}", reopened.Summary, StringComparison.Ordinal);
        Assert.Single(after.Events, e => e.Kind == JobEventKind.CANCELLED);
    }

    [Fact]
    public async Task A_demo_cancellation_can_be_reopened_with_what_the_seed_recorded()
    {
        await using var db = await template.CloneAsync();
        Job job;
        int changed;
        await using (var context = db.CreateContext())
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var record = await context.JobCancellations.Include(c => c.Job).Include(c => c.Items)
                .Where(c => c.CancelledAt > now.AddDays(-30) && c.Items.Count > 0).OrderBy(c => c.Id).FirstAsync();
            job = record.Job;
            changed = record.Items.Count;
            Assert.NotNull(record.PreviousLifeCycleState);
        }

        var result = await ReopenAsync(db, job);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(changed, result.Job!.ItemsRestored);
        var after = await ReadAsync(db, job.Id);
        Assert.True(after.LifeCycleState.CanBeCancelled());
        Assert.DoesNotContain(after.Items, i => i.State == JobItemState.CANCELLED);
    }

    [Fact]
    public async Task Within_the_window_a_reopen_goes_through_and_past_it_it_is_refused()
    {
        await using var db = await template.CloneAsync();
        var inTime = (await JobWithEveryKindOfItemAsync(db)).Job;
        var late = (await JobWithEveryKindOfItemAsync(db, skip: 1)).Job;
        await CancelAsync(db, inTime);
        await CancelAsync(db, late);
        var lateBefore = await ReadAsync(db, late.Id);

        db.Clock.Advance(TimeSpan.FromDays(30));
        var onTheLastMinute = await ReopenAsync(db, inTime);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        var tooLate = await ReopenAsync(db, late);

        Assert.True(onTheLastMinute.Succeeded, onTheLastMinute.Error?.Message);
        Assert.Equal(ReopenErrorCodes.WindowPassed, tooLate.Error?.Code);
        Assert.Equal(CancelErrorKind.Conflict, tooLate.Error!.Kind);
        Assert.Contains("within 30 days", tooLate.Error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(db, lateBefore);
    }

    [Fact]
    public async Task The_window_comes_from_configuration()
    {
        await using var seeded = await template.CloneAsync();
        await using var db = await seeded.CloneAsync(s => s.Configure<CancellationOptions>(o => o.ReopenWindowDays = 2));
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        db.Clock.Advance(TimeSpan.FromDays(3));

        var result = await ReopenAsync(db, job);

        Assert.Equal(ReopenErrorCodes.WindowPassed, result.Error?.Code);
        Assert.Contains("within 2 days", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_supervisors_and_admins_may_reopen()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        var before = await ReadAsync(db, job.Id);
        var supervisorId = await UserIdAsync(db, DemoPeople.Supervisor);

        var agent = await ReopenAsync(db, job, who: DemoPeople.Agent);
        var noRole = await db.Service<ReopenService>().ReopenAsync(
            new ReopenJobCommand(EntityIdentifier.Of("number", job.Number), TestActors.Principal(supervisorId), CancellationChannel.API, Reason));
        var noAccount = await db.Service<ReopenService>().ReopenAsync(
            new ReopenJobCommand(EntityIdentifier.Of("number", job.Number), TestActors.Principal("no-such-user", Roles.Supervisor), CancellationChannel.API, Reason));

        Assert.All([agent, noRole, noAccount], r => Assert.Equal(CancelErrorCodes.NotAllowed, r.Error?.Code));
        Assert.Equal(CancelErrorKind.Forbidden, agent.Error!.Kind);
        await AssertUnchangedAsync(db, before);
        Assert.True((await ReopenAsync(db, job, who: DemoPeople.Admin)).Succeeded);
    }

    [Fact]
    public async Task A_job_that_is_not_cancelled_is_not_reopened()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        var before = await ReadAsync(db, job.Id);

        var result = await ReopenAsync(db, job);

        Assert.Equal(ReopenErrorCodes.JobNotCancelled, result.Error?.Code);
        Assert.Equal($"Job {job.Number} is in progress; only a cancelled job can be reopened.", result.Error!.Message);
        await AssertUnchangedAsync(db, before);
    }

    [Fact]
    public async Task A_reopened_job_is_not_reopened_again_and_the_second_attempt_says_by_whom()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        Assert.True((await ReopenAsync(db, job)).Succeeded);
        var before = await ReadAsync(db, job.Id);

        var again = await ReopenAsync(db, job, who: DemoPeople.Admin);

        Assert.Equal(ReopenErrorCodes.JobAlreadyReopened, again.Error?.Code);
        Assert.StartsWith($"Job {job.Number} was already reopened by Sara Khan on ", again.Error!.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(db, before);
    }

    [Fact]
    public async Task A_reason_is_required_and_holds_500_characters_as_a_person_counts_them()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        var before = await ReadAsync(db, job.Id);

        var none = await ReopenAsync(db, job, reason: "   ");
        var tooLong = await ReopenAsync(db, job, reason: new string('x', 501));

        Assert.Equal(ReopenErrorCodes.ReasonRequired, none.Error?.Code);
        Assert.Equal(ReopenErrorCodes.ReasonTooLong, tooLong.Error?.Code);
        Assert.Equal(CancelErrorKind.Invalid, tooLong.Error!.Kind);
        await AssertUnchangedAsync(db, before);
        var emoji = await ReopenAsync(db, job, reason: string.Concat(Enumerable.Repeat("👍", 500)));
        Assert.True(emoji.Succeeded, emoji.Error?.Message);
    }

    [Fact]
    public async Task A_job_cancelled_again_after_a_reopen_has_a_second_record_and_only_that_one_is_current()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        await ReopenAsync(db, job);
        db.Clock.Advance(TimeSpan.FromDays(1));

        var second = await CancelAsync(db, job, provided: false, who: DemoPeople.OtherAgent);
        var detail = await db.Service<JobsPortal.Features.Jobs.JobDetailService>().GetByNumberAsync(job.Number);
        var cancelAgain = await CancelAsync(db, job);

        Assert.True(second.Succeeded, second.Error?.Message);
        var after = await ReadAsync(db, job.Id);
        Assert.Equal(2, after.Cancellations.Count);
        Assert.Single(after.Cancellations, c => c.ReopenedAt == null);
        Assert.Equal("Tom Becker", detail!.Cancellation!.CancelledByName);
        Assert.NotNull(detail.LastReopen); // the page shows it only while the job is not cancelled again
        Assert.Equal(CancelErrorCodes.JobAlreadyCancelled, cancelAgain.Error?.Code);
        Assert.Contains("by Tom Becker", cancelAgain.Error!.Message, StringComparison.Ordinal);

        var reopenSecond = await ReopenAsync(db, job);
        Assert.True(reopenSecond.Succeeded, reopenSecond.Error?.Message);
        Assert.Equal(after.Cancellations.Single(c => c.ReopenedAt == null).Id, reopenSecond.Job!.CancellationId);
        Assert.All((await ReadAsync(db, job.Id)).Cancellations, c => Assert.NotNull(c.ReopenedAt));
    }

    [Fact]
    public async Task A_cancellation_recorded_before_cancels_kept_what_they_changed_is_refused_with_a_sentence()
    {
        await using var db = await template.CloneAsync();
        var job = (await JobWithEveryKindOfItemAsync(db)).Job;
        await CancelAsync(db, job);
        await using (var context = db.CreateContext())
        {
            // What the ReopenCancellations migration leaves on the records it found.
            await context.JobCancellations.Where(c => c.JobId == job.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PreviousLifeCycleState, (LifeCycleState?)null).SetProperty(c => c.PreviousJobStatusId, (int?)null));
            await context.JobCancellationItems.Where(i => i.JobCancellation.JobId == job.Id).ExecuteDeleteAsync();
        }
        var before = await ReadAsync(db, job.Id);

        var result = await ReopenAsync(db, job);
        var options = await db.Service<ReopenService>().GetOptionsAsync(job.Id);

        Assert.Equal(ReopenErrorCodes.NotReopenable, result.Error?.Code);
        Assert.Contains("before JobsPortal recorded what a cancel changes", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(result.Error.Message, options!.Refusal?.Message);
        await AssertUnchangedAsync(db, before);
    }

    private static async Task<string> UserIdAsync(TestDatabase db, string email)
    {
        await using var context = db.CreateContext();
        return await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task AssertUnchangedAsync(TestDatabase db, Job before)
    {
        var after = await ReadAsync(db, before.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.LifeCycleState, after.LifeCycleState);
        Assert.Equal(before.Items.Select(i => (i.Id, i.State)), after.Items.Select(i => (i.Id, i.State)));
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(before.Cancellations.Select(c => (c.Id, c.ReopenedAt)), after.Cancellations.Select(c => (c.Id, c.ReopenedAt)));
    }
}
