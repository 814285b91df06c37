using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace JobsPortal.Tests.Features.Review;

/// <summary>The review panel and dialog over a copy of the class's seeded database, one copy per test.</summary>
public abstract class ReviewComponentTests(SeededTemplate template) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await template.CloneAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<AppTestContext> ContextAsync() => AppTestContext.CreateAsync(_db, ReviewTestData.Supervisor);

    private async Task<JobCancellation> NotReviewedByOthersAsync()
    {
        var saraId = await _db.UserIdAsync(ReviewTestData.Supervisor);
        await using var context = _db.CreateContext();
        return await context.JobCancellations.AsNoTracking().OrderBy(c => c.Id)
            .FirstAsync(c => c.ReviewState == ReviewState.NotReviewed && c.CancelledByUserId != saraId && c.CancelledByUserId != context.Users.Single(u => u.Email == ReviewTestData.OtherSupervisor).Id);
    }

    [Fact]
    public async Task Review_panel_shows_nothing_for_a_job_that_was_never_cancelled()
    {
        await using var ctx = await ContextAsync();
        await using var context = _db.CreateContext();
        var jobId = await context.Jobs.Where(j => j.LifeCycleState != LifeCycleState.CANCELLED).Select(j => j.Id).FirstAsync();

        var cut = ctx.Render<CancellationReviewPanel>(p => p.Add(x => x.JobId, jobId));

        cut.WaitForAssertion(() => Assert.Empty(cut.Markup.Trim()));
    }

    [Fact]
    public async Task Review_panel_says_when_no_supervisor_has_reviewed_yet()
    {
        var cancellation = await NotReviewedByOthersAsync();
        await using var ctx = await ContextAsync();

        var cut = ctx.Render<CancellationReviewPanel>(p => p.Add(x => x.JobId, cancellation.JobId));

        cut.WaitForAssertion(() => Assert.Equal("Not reviewed", cut.Find("[data-testid=review-state]").TextContent.Trim()));
        Assert.Contains("No supervisor has reviewed this cancellation yet.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_panel_shows_the_current_state_and_every_mark_newest_first()
    {
        var cancellation = await NotReviewedByOthersAsync();
        var reviews = _db.Reviews();
        Assert.True((await reviews.ReviewManyAsync(await _db.PrincipalAsync(ReviewTestData.OtherSupervisor), [cancellation.Id], ReviewState.Flagged, "Wrong status set")).Succeeded);
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await reviews.ReviewManyAsync(await _db.PrincipalAsync(ReviewTestData.Supervisor), [cancellation.Id], ReviewState.Reviewed, "Status corrected by the agent")).Succeeded);
        await using var ctx = await ContextAsync();

        var cut = ctx.Render<CancellationReviewPanel>(p => p.Add(x => x.JobId, cancellation.JobId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=review-mark]").Count));
        Assert.Equal("Reviewed", cut.Find("[data-testid=cancellation-review-panel] > div [data-testid=review-state]").TextContent.Trim());
        var marks = cut.FindAll("[data-testid=review-mark]").Select(m => m.TextContent).ToList();
        Assert.StartsWith("Reviewed by Sara Khan", marks[0].Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Flagged by Chen Wei", marks[1].Trim(), StringComparison.Ordinal);
        var comments = cut.FindAll(".review-comment").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Status corrected by the agent", "Wrong status set"], comments);
    }

    [Fact]
    public async Task Review_panel_follows_a_review_made_elsewhere()
    {
        var cancellation = await NotReviewedByOthersAsync();
        await using var ctx = await ContextAsync();
        var cut = ctx.Render<CancellationReviewPanel>(p => p.Add(x => x.JobId, cancellation.JobId));
        cut.WaitForAssertion(() => Assert.Equal("Not reviewed", cut.Find("[data-testid=review-state]").TextContent.Trim()));

        var result = await _db.Reviews().ReviewManyAsync(await _db.PrincipalAsync(ReviewTestData.Admin), [cancellation.Id], ReviewState.Flagged, "Seen from another screen");

        Assert.True(result.Succeeded);
        cut.WaitForAssertion(() => Assert.Equal("Flagged", cut.Find("[data-testid=review-state]").TextContent.Trim()));
        Assert.Contains("Seen from another screen", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_dialog_will_not_flag_without_a_comment()
    {
        await using var ctx = await ContextAsync();
        var cut = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await cut.InvokeAsync(async () => reference = await dialogs.ShowAsync<ReviewDialog>("", new DialogParameters<ReviewDialog>
        {
            { d => d.State, ReviewState.Flagged },
            { d => d.JobNumbers, new[] { "J00000042" } },
        }));
        cut.WaitForAssertion(() => Assert.Contains("Flag the cancellation of J00000042", cut.Markup, StringComparison.Ordinal));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=review-confirm]").Click());

        cut.WaitForAssertion(() => Assert.Contains("A comment is required when flagging.", cut.Markup, StringComparison.Ordinal));
        Assert.False(reference!.Result.IsCompleted);

        await cut.InvokeAsync(() => cut.Find("textarea[data-testid=review-comment]").Input("Customer was never called"));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=review-confirm]").Click());

        var result = await reference.Result;
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal("Customer was never called", result.Data);
    }

    [Fact]
    public async Task Review_dialog_counts_an_emoji_as_one_character()
    {
        await using var ctx = await ContextAsync();
        var cut = ctx.RenderWithProviders();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await cut.InvokeAsync(async () => reference = await dialogs.ShowAsync<ReviewDialog>("", new DialogParameters<ReviewDialog>
        {
            { d => d.State, ReviewState.Flagged },
            { d => d.JobNumbers, new[] { "J00000042" } },
        }));
        var comment = string.Concat(Enumerable.Repeat("🚩", CancellationReviewService.CommentMaxLength));

        await cut.InvokeAsync(() => cut.Find("textarea[data-testid=review-comment]").Input(comment));
        cut.WaitForAssertion(() => Assert.Contains("500 / 500", cut.Markup, StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=review-confirm]").Click());

        var result = await reference!.Result;
        Assert.False(result!.Canceled);
        Assert.Equal(comment, result.Data);
    }
}

// One body of tests, run on each database the app supports.

public sealed class ReviewComponentSqliteTests(SeededTemplate template) : ReviewComponentTests(template), IClassFixture<SeededTemplate>;

public sealed class ReviewComponentPostgreSqlTests(PostgreSqlSeededTemplate template)
    : ReviewComponentTests(template), IClassFixture<PostgreSqlSeededTemplate>;
