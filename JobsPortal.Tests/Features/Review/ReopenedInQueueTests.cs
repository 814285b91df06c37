using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Review;

/// <summary>A reopened cancellation in the review queue: marked, filterable, exported, its review history kept apart from a later cancel's.</summary>
public abstract class ReopenedInQueueTests(SeededTemplate template)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestDatabase.DefaultNow.UtcDateTime);

    /// <summary>A recent demo cancellation, reopened by Sara; then the job cancelled again by Tom.</summary>
    private static async Task<(JobCancellation First, int JobId)> ReopenedThenCancelledAgainAsync(TestDatabase db)
    {
        JobCancellation first;
        await using (var context = db.CreateContext())
        {
            var since = db.Clock.GetUtcNow().UtcDateTime.AddDays(-20);
            first = await context.JobCancellations.AsNoTracking().Include(c => c.Job)
                .Where(c => c.CancelledAt > since).OrderBy(c => c.Id).FirstAsync();
        }
        var reopened = await db.Service<ReopenService>().ReopenAsync(new ReopenJobCommand(
            EntityIdentifier.ById(first.JobId), await db.PrincipalAsync(DemoPeople.Supervisor), CancellationChannel.PORTAL, "Wrong job"));
        Assert.True(reopened.Succeeded, reopened.Error?.Message);
        var again = await db.Service<CancellationService>().CancelAsync(new CancelJobCommand(
            EntityIdentifier.ById(first.JobId), await db.PrincipalAsync(DemoPeople.OtherAgent), CancellationChannel.API));
        Assert.True(again.Succeeded, again.Error?.Message);
        return (first, first.JobId);
    }

    [Fact]
    public async Task The_queue_marks_a_reopened_cancellation_and_filters_on_it()
    {
        await using var db = await template.CloneAsync();
        var (first, jobId) = await ReopenedThenCancelledAgainAsync(db);
        var queries = db.Service<CancellationQueryService>();
        var all = CancellationFilter.Default(Today) with { ReviewState = null };

        var reopened = await queries.GetPageAsync(all with { Reopened = true }, CancellationSort.CancelledAt, true, 0, 100);
        var standing = await queries.GetPageAsync(all with { Reopened = false }, CancellationSort.CancelledAt, true, 0, 100);
        var both = await queries.GetPageAsync(all, CancellationSort.CancelledAt, true, 0, 100);

        var row = Assert.Single(reopened.Rows);
        Assert.Equal((first.Id, "Sara Khan", "Wrong job"), (row.Id, row.ReopenedBy, row.ReopenReason));
        Assert.Equal(TestDatabase.DefaultNow.UtcDateTime, row.ReopenedAt);
        Assert.DoesNotContain(standing.Rows, r => r.Id == first.Id);
        Assert.Single(standing.Rows, r => r.JobId == jobId);
        Assert.Equal(reopened.Total + standing.Total, both.Total);
        Assert.Equal(2, both.Rows.Count(r => r.JobId == jobId));
    }

    [Fact]
    public async Task The_export_says_who_reopened_when_and_why()
    {
        await using var db = await template.CloneAsync();
        var (first, _) = await ReopenedThenCancelledAgainAsync(db);
        var filter = CancellationFilter.Default(Today) with { ReviewState = null, Reopened = true };

        var rows = new List<CancellationExportRow>();
        await foreach (var r in db.Service<CancellationQueryService>().StreamExportAsync(filter))
        {
            rows.Add(r);
        }

        var row = Assert.Single(rows);
        Assert.Equal(first.Job.Number, row.JobNumber);
        Assert.Equal(("Sara Khan", "Wrong job"), (row.ReopenedBy, row.ReopenReason));
        var columns = CancellationCsv.Columns.ToDictionary(c => c.Name, c => c.Value(row));
        Assert.Equal("2026-11-02T09:30:00+00:00", columns["Reopened at (UTC)"]);
        Assert.Equal("Wrong job", columns["Reopen reason"]);
    }

    [Fact]
    public async Task Review_history_belongs_to_its_own_cancellation_and_the_job_shows_its_current_one()
    {
        await using var db = await template.CloneAsync();
        var (first, jobId) = await ReopenedThenCancelledAgainAsync(db);
        var queries = db.Service<CancellationQueryService>();

        var current = await queries.GetReviewStatusAsync(jobId);
        var reopened = await queries.GetReviewStatusAsync(jobId, first.Id);

        Assert.Equal(ReviewState.NotReviewed, current!.State);
        Assert.Empty(current.History);
        Assert.Equal(first.ReviewState, reopened!.State);
    }

    [Fact]
    public void The_reopened_filter_lives_in_the_address()
    {
        var parsed = CancellationFilterQuery.Parse(key => key == CancellationFilterQuery.Reopened ? "yes" : null, Today);
        var query = CancellationFilterQuery.ToQuery(parsed with { Reopened = false }, Today);

        Assert.True(parsed.Reopened);
        Assert.Equal("no", query[CancellationFilterQuery.Reopened]);
        Assert.Null(CancellationFilterQuery.Parse(key => key == CancellationFilterQuery.Reopened ? "maybe" : null, Today).Reopened);
        Assert.Null(CancellationFilterQuery.ToQuery(CancellationFilter.Default(Today), Today)[CancellationFilterQuery.Reopened]);
    }
}

// One body of tests, run on each database the app supports.

public sealed class ReopenedInQueueSqliteTests(SeededTemplate template) : ReopenedInQueueTests(template), IClassFixture<SeededTemplate>;

public sealed class ReopenedInQueuePostgreSqlTests(PostgreSqlSeededTemplate template)
    : ReopenedInQueueTests(template), IClassFixture<PostgreSqlSeededTemplate>;
