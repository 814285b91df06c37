using JobsPortal.Shared;
using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Review;

/// <summary>
/// Each test reviews in a copy of its own of the class's seeded template: marks change what the next
/// test would see. One body of tests, run on each database the app supports.
/// </summary>
public abstract class CancellationReviewServiceTests(SeededTemplate template) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await template.CloneAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>Cancellations not yet reviewed, made by someone other than <paramref name="reviewerEmail"/>.</summary>
    private async Task<List<JobCancellation>> OthersCancellationsAsync(string reviewerEmail, int count)
    {
        var reviewerId = await _db.UserIdAsync(reviewerEmail);
        await using var context = _db.CreateContext();
        var found = await context.JobCancellations.AsNoTracking()
            .Where(c => c.CancelledByUserId != reviewerId && c.ReviewState == ReviewState.NotReviewed)
            .OrderBy(c => c.Id).Take(count).ToListAsync();
        Assert.Equal(count, found.Count);
        return found;
    }

    private async Task<JobCancellation> OwnCancellationAsync(string email)
    {
        var userId = await _db.UserIdAsync(email);
        await using var context = _db.CreateContext();
        return await context.JobCancellations.AsNoTracking().OrderBy(c => c.Id)
            .FirstAsync(c => c.CancelledByUserId == userId && c.ReviewState == ReviewState.NotReviewed);
    }

    [Fact]
    public async Task Supervisor_flags_a_cancellation_with_who_when_history_and_a_timeline_event()
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.Supervisor, 1))[0];
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);
        var changes = new List<JobChanged>();
        using var subscription = _db.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });

        var result = await _db.Reviews().ReviewManyAsync(sara, [target.Id], ReviewState.Flagged, "  Reason does not match the note.  ");

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = _db.CreateContext();
        var saved = await context.JobCancellations.Include(c => c.Reviews).SingleAsync(c => c.Id == target.Id);
        var now = TestDatabase.DefaultNow.UtcDateTime;
        Assert.Equal(ReviewState.Flagged, saved.ReviewState);
        Assert.Equal("Reason does not match the note.", saved.LastReviewComment);
        Assert.Equal(now, saved.LastReviewedAt);
        var mark = Assert.Single(saved.Reviews);
        Assert.Equal((ReviewState.Flagged, "Reason does not match the note.", now), (mark.State, mark.Comment, mark.ReviewedAt));
        Assert.Equal(sara.FindFirstValue(ClaimTypes.NameIdentifier), mark.ReviewedByUserId);
        var row = (await _db.Queries().GetPageAsync(CancellationFilter.Default(ReviewTestData.Today) with { From = ReviewTestData.Today.AddDays(-400), ReviewState = ReviewState.Flagged },
            CancellationSort.CancelledAt, true, 0, 1000)).Rows.Single(r => r.Id == target.Id);
        Assert.Equal((ReviewState.Flagged, "Reason does not match the note."), (row.ReviewState, row.ReviewComment));
        var history = (await _db.Queries().GetReviewStatusAsync(target.JobId))!.History;
        Assert.Equal(("Sara Khan", now), (history[0].ReviewedBy, history[0].ReviewedAt));
        var reviewEvent = await context.JobEvents.SingleAsync(e => e.JobId == target.JobId && e.Kind == JobEventKind.REVIEWED);
        Assert.Equal("Cancellation flagged by Sara Khan: Reason does not match the note.", reviewEvent.Summary);
        Assert.Equal(now, reviewEvent.OccurredAt);
        var change = Assert.Single(changes);
        Assert.Equal((target.JobId, JobChangeKind.Reviewed, LifeCycleState.CANCELLED, "Sara Khan"), (change.JobId, change.Kind, change.LifeCycleState, change.ByUserName));
    }

    [Fact]
    public async Task Marking_reviewed_needs_no_comment_but_flagging_does()
    {
        var targets = await OthersCancellationsAsync(ReviewTestData.Supervisor, 2);
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);

        var flagged = await _db.Reviews().ReviewManyAsync(sara, [targets[0].Id], ReviewState.Flagged, "   ");
        var reviewed = await _db.Reviews().ReviewManyAsync(sara, [targets[1].Id], ReviewState.Reviewed, null);

        Assert.False(flagged.Succeeded);
        Assert.Equal(ReviewError.CommentRequired, flagged.Error!.Code);
        Assert.Contains("comment is required", flagged.Error.Message, StringComparison.Ordinal);
        Assert.True(reviewed.Succeeded);
        await using var context = _db.CreateContext();
        Assert.Equal(ReviewState.NotReviewed, (await context.JobCancellations.SingleAsync(c => c.Id == targets[0].Id)).ReviewState);
        Assert.Equal(ReviewState.Reviewed, (await context.JobCancellations.SingleAsync(c => c.Id == targets[1].Id)).ReviewState);
        Assert.Equal("Cancellation marked reviewed by Sara Khan",
            (await context.JobEvents.SingleAsync(e => e.JobId == targets[1].JobId && e.Kind == JobEventKind.REVIEWED)).Summary);
    }

    [Fact]
    public async Task Supervisor_cannot_review_their_own_cancellation()
    {
        var own = await OwnCancellationAsync(ReviewTestData.Supervisor);
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);

        var result = await _db.Reviews().ReviewManyAsync(sara, [own.Id], ReviewState.Reviewed, "Looks fine to me.");

        Assert.False(result.Succeeded);
        Assert.Equal(ReviewError.OwnCancellation, result.Error!.Code);
        await using var context = _db.CreateContext();
        var number = (await context.JobAsync(own.JobId)).Number;
        Assert.Equal($"You cannot review your own cancellation of {number}: another supervisor has to.", result.Error.Message);
        Assert.Equal(ReviewState.NotReviewed, (await context.JobCancellations.SingleAsync(c => c.Id == own.Id)).ReviewState);
        Assert.False(await context.CancellationReviews.AnyAsync(r => r.JobCancellationId == own.Id));
    }

    [Theory]
    [InlineData(ReviewTestData.Agent)]
    [InlineData(null)]
    public async Task Agents_and_anonymous_callers_cannot_review(string? email)
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.Supervisor, 1))[0];
        var user = email is null ? new ClaimsPrincipal(new ClaimsIdentity()) : await _db.PrincipalAsync(email);

        var result = await _db.Reviews().ReviewManyAsync(user, [target.Id], ReviewState.Reviewed, "ok");

        Assert.False(result.Succeeded);
        Assert.Equal(ReviewError.NotAllowed, result.Error!.Code);
        await using var context = _db.CreateContext();
        Assert.Equal(0, await context.CancellationReviews.CountAsync(r => r.JobCancellationId == target.Id));
    }

    [Fact]
    public async Task Admin_may_review()
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.Admin, 1))[0];

        var result = await _db.Reviews().ReviewManyAsync(await _db.PrincipalAsync(ReviewTestData.Admin), [target.Id], ReviewState.Reviewed, null);

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task Bulk_review_marks_every_selected_cancellation_in_one_go()
    {
        var targets = await OthersCancellationsAsync(ReviewTestData.Supervisor, 5);
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);

        var result = await _db.Reviews().ReviewManyAsync(sara, [.. targets.Select(t => t.Id)], ReviewState.Reviewed, "Weekly check");

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var context = _db.CreateContext();
        var jobIds = targets.Select(t => t.JobId).ToList();
        var numbers = await context.Jobs.Where(j => jobIds.Contains(j.Id)).Select(j => j.Number).ToListAsync();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), result.JobNumbers.Order(StringComparer.Ordinal));
        var ids = targets.Select(t => t.Id).ToList();
        Assert.Equal(5, await context.JobCancellations.CountAsync(c => ids.Contains(c.Id) && c.ReviewState == ReviewState.Reviewed && c.LastReviewComment == "Weekly check"));
        Assert.Equal(5, await context.CancellationReviews.CountAsync(r => ids.Contains(r.JobCancellationId)));
        Assert.Equal(5, await context.JobEvents.CountAsync(e => jobIds.Contains(e.JobId) && e.Kind == JobEventKind.REVIEWED));
    }

    [Fact]
    public async Task Bulk_review_with_own_cancellations_marks_nothing_and_names_them()
    {
        var others = await OthersCancellationsAsync(ReviewTestData.Supervisor, 3);
        var own = await OwnCancellationAsync(ReviewTestData.Supervisor);
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);

        var result = await _db.Reviews().ReviewManyAsync(sara, [.. others.Select(o => o.Id), own.Id], ReviewState.Flagged, "Check these");

        Assert.False(result.Succeeded);
        Assert.Equal(ReviewError.OwnCancellation, result.Error!.Code);
        await using var context = _db.CreateContext();
        var ownNumber = (await context.JobAsync(own.JobId)).Number;
        Assert.Contains("Nothing was marked", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(ownNumber, result.Error.Message, StringComparison.Ordinal);
        foreach (var other in others)
        {
            Assert.DoesNotContain((await context.JobAsync(other.JobId)).Number, result.Error.Message, StringComparison.Ordinal);
        }
        Assert.Empty(result.JobNumbers);
        var ids = others.Select(o => o.Id).Append(own.Id).ToList();
        Assert.Equal(0, await context.CancellationReviews.CountAsync(r => ids.Contains(r.JobCancellationId)));
        Assert.Equal(0, await context.JobCancellations.CountAsync(c => ids.Contains(c.Id) && c.ReviewState != ReviewState.NotReviewed));
    }

    [Fact]
    public async Task A_later_mark_replaces_the_state_and_the_history_keeps_every_mark()
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.OtherSupervisor, 1))[0];
        var reviewerOne = await _db.PrincipalAsync(ReviewTestData.OtherSupervisor);
        var reviewerTwo = await _db.PrincipalAsync(ReviewTestData.Admin);
        var reviews = _db.Reviews();

        Assert.True((await reviews.ReviewManyAsync(reviewerOne, [target.Id], ReviewState.Flagged, "Wrong reason")).Succeeded);
        _db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await reviews.ReviewManyAsync(reviewerTwo, [target.Id], ReviewState.Reviewed, "Called the customer: reason is right")).Succeeded);

        var status = await _db.Queries().GetReviewStatusAsync(target.JobId);
        Assert.NotNull(status);
        Assert.Equal(ReviewState.Reviewed, status.State);
        Assert.Equal(
            [(ReviewState.Reviewed, "Called the customer: reason is right", "Alex Admin"), (ReviewState.Flagged, "Wrong reason", "Chen Wei")],
            status.History.Select(h => (h.State, h.Comment, h.ReviewedBy)).ToList());
        Assert.Equal(TestDatabase.DefaultNow.UtcDateTime.AddHours(2), status.History[0].ReviewedAt);
    }

    [Fact]
    public async Task A_review_never_changes_the_job()
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.Supervisor, 1))[0];
        Job before;
        await using (var context = _db.CreateContext())
        {
            before = await context.JobAsync(target.JobId);
        }
        _db.Clock.Advance(TimeSpan.FromDays(1));

        var result = await _db.Reviews().ReviewManyAsync(await _db.PrincipalAsync(ReviewTestData.Supervisor), [target.Id], ReviewState.Flagged, "Check the items");

        Assert.True(result.Succeeded);
        await using var after = _db.CreateContext();
        var job = await after.JobAsync(target.JobId);
        Assert.Equal(
            (before.Version, before.UpdatedAt, before.UpdatedByUserId, before.JobStatusId, before.LifeCycleState),
            (job.Version, job.UpdatedAt, job.UpdatedByUserId, job.JobStatusId, job.LifeCycleState));
    }

    [Fact]
    public async Task Nonsense_requests_are_refused_with_their_own_codes()
    {
        var target = (await OthersCancellationsAsync(ReviewTestData.Supervisor, 1))[0];
        var sara = await _db.PrincipalAsync(ReviewTestData.Supervisor);
        var reviews = _db.Reviews();

        Assert.Equal(ReviewError.InvalidState, (await reviews.ReviewManyAsync(sara, [target.Id], ReviewState.NotReviewed, "undo")).Error?.Code);
        Assert.Equal(ReviewError.NothingSelected, (await reviews.ReviewManyAsync(sara, [], ReviewState.Reviewed, null)).Error?.Code);
        Assert.Equal(ReviewError.NotFound, (await reviews.ReviewManyAsync(sara, [987_654], ReviewState.Reviewed, null)).Error?.Code);
        Assert.Equal(ReviewError.CommentTooLong,
            (await reviews.ReviewManyAsync(sara, [target.Id], ReviewState.Flagged, new string('x', CancellationReviewService.CommentMaxLength + 1))).Error?.Code);
    }
}

public sealed class CancellationReviewServiceSqliteTests(SeededTemplate template)
    : CancellationReviewServiceTests(template), IClassFixture<SeededTemplate>;

public sealed class CancellationReviewServicePostgreSqlTests(PostgreSqlSeededTemplate template)
    : CancellationReviewServiceTests(template), IClassFixture<PostgreSqlSeededTemplate>;
