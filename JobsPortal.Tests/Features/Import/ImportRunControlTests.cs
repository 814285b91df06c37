using System.Security.Claims;
using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Import;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.Features.Import;

/// <summary>Stopping a run midway, who may stop it, and what the import page makes of a run's progress.</summary>
public sealed class ImportRunControlTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static byte[] Jobs(int count, string version = "v1") => Encoding.UTF8.GetBytes(string.Join("\r\n",
        [string.Join(",", ImportColumns.All), .. Enumerable.Range(1, count).Select(i =>
            $"J62{i:D6},INST,ACR000101,Ana Costa,,,Install fibre {i} {version},2026-12-01,2026-12-20,PENDING,Pending,,,ONT-200,PHYSICAL_GOOD,1,,PENDING")]) + "\r\n");

    private static async Task<ImportRunView> ImportAsync(ImportService service, ImportProcessor processor, ClaimsPrincipal admin, byte[] file, CancellationToken ct = default)
    {
        var (runId, error) = await service.UploadAsync(new MemoryStream(file), "jobs.csv", file.Length, admin);
        Assert.Null(error);
        await processor.RunAsync(runId!.Value, import: false, CancellationToken.None);
        Assert.Null(await service.DecideAsync(runId.Value, import: true, admin));
        await processor.RunAsync(runId.Value, import: true, ct);
        return (await service.GetAsync(runId.Value))!;
    }

    private static async Task<int> CountAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.Jobs.CountAsync(j => j.Number.StartsWith("J62"));
    }

    [Fact]
    public async Task A_run_cancelled_after_its_first_batch_keeps_that_batch_only_and_running_the_file_again_completes_it()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var service = db.Service<ImportService>();
        var processor = db.Service<ImportProcessor>();
        await ImportAsync(service, processor, admin, Jobs(1_000));
        var file = Jobs(2_500, "v2"); // the first batch (1,000 jobs) updates the jobs above, the rest are new

        // Stop the run the moment its first batch is committed: the updated jobs are announced after the commit.
        using var stop = new CancellationTokenSource();
        using var _ = db.Service<JobChangeNotifier>().Subscribe(change =>
        {
            if (change.Kind == JobChangeKind.Imported)
            {
                stop.Cancel();
            }
            return Task.CompletedTask;
        });
        var run = await ImportAsync(service, processor, admin, file, stop.Token);

        Assert.Equal(ImportRunStatus.Cancelled, run.Status);
        Assert.Contains("batches written before the cancel stay", run.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1_000), (run.Created, run.Updated));
        Assert.Equal(1_000, await CountAsync(db));
        await using (var context = db.CreateContext())
        {
            Assert.Equal(1_000, await context.Jobs.CountAsync(j => j.Number.StartsWith("J62") && j.Description.EndsWith(" v2")));
        }

        var again = await ImportAsync(service, processor, admin, file);
        Assert.Equal((ImportRunStatus.Imported, 1_500, 1_000), (again.Status, again.Created, again.Unchanged));
        Assert.Equal(2_500, await CountAsync(db));
    }

    [Fact]
    public async Task A_cancel_during_the_check_writes_nothing_and_the_run_can_no_longer_be_imported()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var service = db.Service<ImportService>();
        var file = Jobs(10);
        var (runId, _) = await service.UploadAsync(new MemoryStream(file), "jobs.csv", file.Length, admin);

        await db.Service<ImportProcessor>().RunAsync(runId!.Value, import: false, new CancellationToken(canceled: true));

        var run = (await service.GetAsync(runId.Value))!;
        Assert.Equal(ImportRunStatus.Cancelled, run.Status);
        Assert.Contains("nothing was written", run.Message, StringComparison.Ordinal);
        Assert.NotNull(await service.DecideAsync(runId.Value, import: true, admin));
        Assert.Equal(0, await CountAsync(db));
    }

    [Fact]
    public async Task The_worker_marks_runs_a_stopped_app_left_and_goes_on_after_one_it_cannot_run()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var service = db.Service<ImportService>();
        var now = db.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        int interrupted;
        await using (var context = db.CreateContext())
        {
            var left = new ImportRun
            {
                FileName = "left.csv", CreatedByUserId = admin.FindFirstValue(ClaimTypes.NameIdentifier)!, CreatedAt = now.AddHours(-1),
                PhaseStartedAt = now.AddHours(-1), Status = ImportRunStatus.Importing,
            };
            context.ImportRuns.Add(left);
            await context.SaveChangesAsync();
            interrupted = left.Id;
        }
        var queue = db.Service<ImportQueue>();
        using var worker = new ImportWorker(db.Services.GetRequiredService<IServiceScopeFactory>(), queue,
            db.Services.GetRequiredService<IDbContextFactory<JobsPortal.Data.JobsPortalDbContext>>(), db.Services.GetRequiredService<AppInstance>(),
            db.Services.GetRequiredService<JobsPortal.Data.JobWrites>(), db.Services.GetRequiredService<TimeProvider>(), NullLogger<ImportWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            queue.Enqueue(987_654, import: false); // no such run
            var file = Jobs(3);
            var (runId, _) = await service.UploadAsync(new MemoryStream(file), "jobs.csv", file.Length, admin); // queued behind it

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            ImportRunView run;
            while ((run = (await service.GetAsync(runId!.Value))!).Status == ImportRunStatus.Checking)
            {
                await Task.Delay(20, timeout.Token); // waiting for the worker's condition, not for a time
            }
            Assert.Equal((ImportRunStatus.Checked, 3), (run.Status, run.ValidJobs));
            var left = (await service.GetAsync(interrupted))!;
            Assert.Equal(ImportRunStatus.Failed, left.Status);
            Assert.Contains("The app stopped while this run was in progress", left.Message, StringComparison.Ordinal);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Only_an_admin_stops_a_run_and_only_a_running_one()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var service = db.Service<ImportService>();
        var queue = db.Service<ImportQueue>();
        using var running = queue.Track(41, CancellationToken.None);

        Assert.Equal("Only admins may import jobs.", await service.CancelAsync(41, await db.PrincipalAsync(DemoPeople.Supervisor)));
        Assert.False(running.IsCancellationRequested);
        Assert.Null(await service.CancelAsync(41, admin));
        Assert.True(running.IsCancellationRequested);
        Assert.Equal("This run is not running.", await service.CancelAsync(42, admin));
    }

    [Fact]
    public async Task The_page_state_shows_rows_per_second_and_time_left_while_working_and_the_decision_when_checked()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var started = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        int importing, checkedRun;
        await using (var context = db.CreateContext())
        {
            var userId = admin.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var a = new ImportRun { FileName = "a.csv", CreatedByUserId = userId, CreatedAt = started, Status = ImportRunStatus.Checked, Rows = 40, Jobs = 20, ValidJobs = 20 };
            var b = new ImportRun { FileName = "b.csv", CreatedByUserId = userId, CreatedAt = started, Status = ImportRunStatus.Importing, PhaseStartedAt = started, RowsRead = 5_000, Progress = 0.25 };
            context.ImportRuns.AddRange(a, b);
            await context.SaveChangesAsync();
            (checkedRun, importing) = (a.Id, b.Id);
        }
        var clock = new FakeTimeProvider(started.AddSeconds(10));
        var state = new ImportPageState(db.Service<ImportService>(), clock);

        await state.LoadAsync();
        Assert.Equal(importing, state.Current!.Id); // the newest run
        Assert.True(state.Working);
        Assert.False(state.AwaitingDecision);
        Assert.Equal(500, state.RowsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(30), state.TimeLeft); // a quarter read in 10 s: three quarters left

        await state.LoadAsync(checkedRun);
        Assert.False(state.Working);
        Assert.True(state.AwaitingDecision);
        Assert.Null(state.TimeLeft);
        Assert.Null(state.RowsPerSecond);
        Assert.Equal("Checked: waiting for your decision", ImportPageState.Describe(state.Current!.Status));
    }
}
