using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Bulk;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Bulk;

/// <summary>Around a run: who sees and stops it, an account's open jobs, its CSV, its group in the review queue, and the selection on the search.</summary>
public abstract partial class BulkCancelServiceTests
{
    [Fact]
    public async Task A_person_sees_and_stops_their_own_runs_supervisors_and_admins_everyones_other_agents_none()
    {
        await using var db = await template.CloneAsync();
        var runId = await StartWithDefaultsAsync(db, await JobsAsync(db, 2, Open));
        var service = db.Service<BulkCancelService>();
        var owner = await db.PrincipalAsync(DemoPeople.Agent);
        var otherAgent = await db.PrincipalAsync(DemoPeople.OtherAgent);
        var supervisor = await db.PrincipalAsync(DemoPeople.Supervisor);

        Assert.NotNull(await service.GetAsync(runId, owner));
        Assert.NotNull(await service.GetAsync(runId, supervisor));
        Assert.Null(await service.GetAsync(runId, otherAgent));
        Assert.Equal([runId], (await service.ListAsync(owner)).Select(r => r.Id));
        Assert.Equal([runId], (await service.ListAsync(supervisor)).Select(r => r.Id));
        Assert.Empty(await service.ListAsync(otherAgent));
        Assert.Equal("No such bulk run of yours.", await service.StopAsync(runId, otherAgent));
        Assert.Empty(await service.ListAsync(TestActors.Principal("no-such-user")));
    }

    [Fact]
    public async Task An_accounts_open_jobs_are_its_draft_pending_and_in_progress_ones()
    {
        await using var db = await template.CloneAsync();
        // One account with a job in every life cycle state.
        var jobs = new List<Job>();
        foreach (var state in Enum.GetValues<LifeCycleState>())
        {
            jobs.AddRange(await JobsAsync(db, 1, [state]));
        }
        await using (var context = db.CreateContext())
        {
            var ids = jobs.Select(j => j.Id).ToList();
            await context.Jobs.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(j => j.SetProperty(x => x.AccountNumber, "ACC-LEAVING"));
        }

        var open = await db.Service<BulkCancelService>().OpenJobsOfAccountAsync("ACC-LEAVING");

        Assert.Equal(jobs.Where(j => Open.Contains(j.LifeCycleState)).OrderBy(j => j.Number, StringComparer.Ordinal).Select(j => j.Id), open);
        Assert.Equal(3, open.Count);
    }

    [Fact]
    public async Task The_result_csv_has_a_byte_order_mark_iso_utc_times_and_escapes_formulas()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 2, Open);
        await using (var context = db.CreateContext())
        {
            await context.Jobs.Where(j => j.Id == jobs[0].Id).ExecuteUpdateAsync(j => j.SetProperty(x => x.Description, "=HYPERLINK(\"http://x\")"));
        }
        var runId = await StartWithDefaultsAsync(db, jobs);
        await db.Service<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);
        var run = await db.Service<BulkCancelService>().GetAsync(runId, await db.PrincipalAsync(DemoPeople.Agent));

        using var output = new MemoryStream();
        await BulkRunCsv.WriteAsync(output, run!);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Cancelled,,,2026-11-02T09:30:00+00:00", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_shows_a_runs_cancellations_as_one_group_that_a_supervisor_reviews_at_once()
    {
        await using var db = await template.CloneAsync();
        var jobs = await JobsAsync(db, 3, Open);
        var runId = await StartWithDefaultsAsync(db, jobs);
        await db.Service<BulkRunProcessor>().RunAsync(runId, CancellationToken.None);
        var queries = db.Service<CancellationQueryService>();
        var filter = CancellationFilterQuery.Parse(key => key == CancellationFilterQuery.Bulk ? runId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime));

        var page = await queries.GetPageAsync(filter, CancellationSort.JobNumber, false, 0, 25);
        var group = await queries.GetBulkRunGroupAsync(runId);

        Assert.Equal(runId, filter.BulkRunId);
        Assert.Equal(jobs.Select(j => j.Number).Order(StringComparer.Ordinal), page.Rows.Select(r => r.JobNumber));
        Assert.All(page.Rows, r => Assert.Equal(runId, r.BulkRunId));
        Assert.Equal($"Bulk run #{runId} (3 jobs)", group!.Label);
        var reviews = db.Service<CancellationReviewService>();
        var own = await reviews.ReviewManyAsync(await db.PrincipalAsync(DemoPeople.Agent), group.CancellationIds, ReviewState.Reviewed, null);
        var supervisor = await reviews.ReviewManyAsync(await db.PrincipalAsync(DemoPeople.Supervisor), group.CancellationIds, ReviewState.Reviewed, null);
        Assert.False(own.Succeeded);
        Assert.True(supervisor.Succeeded);
        Assert.Equal(0, (await queries.GetBulkRunGroupAsync(runId))!.NotReviewed);
    }

    [Fact]
    public void The_search_selection_keeps_ticks_across_pages_and_refuses_more_than_the_limit()
    {
        var selection = new BulkSelection();
        int[] page1 = [1, 2, 3], page2 = [4, 5];

        selection.SetPage(page1, true);
        selection.Set(4, true);
        Assert.Equal((true, (bool?)null), (selection.PageState(page1) == true, selection.PageState(page2)));
        selection.Set(2, false);
        Assert.Null(selection.PageState(page1));
        Assert.False(selection.SelectAll([.. Enumerable.Range(1, BulkCancelService.MaxJobs + 1)]));
        Assert.Equal([1, 3, 4], selection.Ids.Order());
        Assert.StartsWith("More than 1,000 jobs match this search", selection.Notice, StringComparison.Ordinal);
        Assert.True(selection.SelectAll([.. Enumerable.Range(1, BulkCancelService.MaxJobs)]));
        Assert.Equal(1000, selection.Count);
    }
}
