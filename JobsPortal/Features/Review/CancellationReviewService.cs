using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Configurations;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Review;

/// <summary>
/// Supervisors mark cancellations Reviewed or Flagged. The rules live here, not in the page, so
/// that no caller can skip them: only reviewers may mark, a flag needs a comment, and no one
/// reviews their own cancellation. A mark replaces the cancellation's state, adds a history row
/// and a timeline event in one transaction, and never touches the job itself.
/// </summary>
/// <remarks>
/// <para>Who may mark is the <see cref="Policies.Reviewer"/> policy, checked against the principal
/// the calling page authorized, as the cancel checks <see cref="Policies.Staff"/>.</para>
/// <para>A bulk review is all or nothing: when any selected row may not be reviewed (the reviewer's own
/// cancellation), nothing is written and the refusal lists those jobs, so that the supervisor
/// decides what to do with them instead of finding out later that some rows were skipped.</para>
/// </remarks>
public sealed class CancellationReviewService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>In characters as a person counts them (<see cref="VisibleText"/>).</summary>
    public const int CommentMaxLength = CancellationReviewConfiguration.CommentMaxLength;

    public async Task<ReviewResult> ReviewManyAsync(
        ClaimsPrincipal user, IReadOnlyCollection<int> cancellationIds, ReviewState state, string? comment, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId) || !(await authorization.AuthorizeAsync(user, Policies.Reviewer)).Succeeded)
        {
            return ReviewResult.Failure(ReviewError.NotAllowed, "Only supervisors and administrators can review cancellations.");
        }
        if (state is not (ReviewState.Reviewed or ReviewState.Flagged))
        {
            return ReviewResult.Failure(ReviewError.InvalidState, "A cancellation can only be marked Reviewed or Flagged.");
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (state == ReviewState.Flagged && comment is null)
        {
            return ReviewResult.Failure(ReviewError.CommentRequired, "Say why you flag it: a comment is required when flagging.");
        }
        // Characters as a person counts them (an emoji is one), the same count as the dialog's counter.
        if (!VisibleText.Fits(comment, CommentMaxLength))
        {
            return ReviewResult.Failure(ReviewError.CommentTooLong, $"The comment is too long: {CommentMaxLength} characters at most.");
        }
        var ids = cancellationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return ReviewResult.Failure(ReviewError.NothingSelected, "Select at least one cancellation to review.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        var reviewerName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (reviewerName is null)
        {
            return ReviewResult.Failure(ReviewError.NotAllowed, "Your account was not found; sign in again.");
        }

        // Only the cancellation records are tracked; the job's number and state come in a
        // projection, so the job row cannot be saved (and its version bumped) by accident.
        var found = await db.JobCancellations
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { Cancellation = c, c.Job.Number, c.Job.LifeCycleState })
            .ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            return ReviewResult.Failure(ReviewError.NotFound,
                ids.Count == 1 ? "That cancellation no longer exists." : $"{ids.Count - found.Count} of the selected cancellations no longer exist.");
        }
        var own = found.Where(f => f.Cancellation.CancelledByUserId == userId).Select(f => f.Number).Order(StringComparer.Ordinal).ToList();
        if (own.Count > 0)
        {
            var message = found.Count == 1
                ? $"You cannot review your own cancellation of {own[0]}: another supervisor has to."
                : $"Nothing was marked: you cannot review your own cancellations ({string.Join(", ", own)}). Unselect them and try again.";
            return ReviewResult.Failure(ReviewError.OwnCancellation, message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in found)
        {
            var c = f.Cancellation;
            c.ReviewState = state;
            c.LastReviewedAt = now;
            c.LastReviewComment = comment;
            db.CancellationReviews.Add(new CancellationReview
            {
                JobCancellationId = c.Id,
                State = state,
                Comment = comment,
                ReviewedByUserId = userId,
                ReviewedAt = now,
            });
            db.JobEvents.Add(new JobEvent
            {
                JobId = c.JobId,
                OccurredAt = now,
                Kind = JobEventKind.REVIEWED,
                Summary = state.TimelineSummary(reviewerName, comment),
                UserId = userId,
            });
        }
        // One SaveChanges is one transaction: every mark, history row and event, or none.
        await db.SaveChangesAsync(ct);

        foreach (var f in found)
        {
            await notifier.PublishAsync(new JobChanged(f.Cancellation.JobId, f.Number, JobChangeKind.Reviewed, f.LifeCycleState, reviewerName, now));
        }
        return ReviewResult.Success([.. found.Select(f => f.Number)]);
    }
}
