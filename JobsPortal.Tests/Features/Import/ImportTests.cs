using System.Diagnostics;
using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Import;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Import;

/// <summary>The import: the dry run's report, bad files, idempotency, and a 100,000-row file with bounded memory.</summary>
// Alone, after the parallel tests: the 100,000-row test measures the process's managed memory and
// peak working set, which other tests running beside it would add to.
[Collection(ImportAlone.Name)]
public sealed class ImportTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private const string Admin = "admin@example.com";
    private static readonly string Header = string.Join(",", ImportColumns.All);

    private static string Row(string number, string type = "INST", string state = "PENDING", string status = "Pending", string assignee = "nikos.georgiou@example.com",
        string scheduled = "2026-12-01", string expiration = "2026-12-20", string description = "Install fibre", string item = "ONT-200,PHYSICAL_GOOD,1,SN-1,PENDING") =>
        $"{number},{type},ACR000101,Ana Costa,ana@example.com,+35722000101,{description},{scheduled},{expiration},{state},{status},{assignee},North Field Team,{item}";

    private static async Task<(TestDatabase Db, ImportService Service, ImportProcessor Processor, System.Security.Claims.ClaimsPrincipal Admin)> SetUpAsync(SeededTemplate template)
    {
        var db = await template.CloneAsync();
        return (db, db.Service<ImportService>(), db.Service<ImportProcessor>(), await db.PrincipalAsync(Admin));
    }

    private static async Task<ImportRunView> RunAsync(ImportService service, ImportProcessor processor, System.Security.Claims.ClaimsPrincipal admin,
        byte[] file, bool import = true, string name = "jobs.csv")
    {
        var (runId, error) = await service.UploadAsync(new MemoryStream(file), name, file.Length, admin);
        Assert.Null(error);
        await processor.RunAsync(runId!.Value, import: false, CancellationToken.None);
        var checkedRun = (await service.GetAsync(runId.Value))!;
        if (import && checkedRun.Status == ImportRunStatus.Checked && checkedRun.ValidJobs > 0)
        {
            Assert.Null(await service.DecideAsync(runId.Value, import: true, admin));
            await processor.RunAsync(runId.Value, import: true, CancellationToken.None);
        }
        return (await service.GetAsync(runId.Value))!;
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    [Fact]
    public async Task The_dry_run_reports_every_kind_of_mistake_by_row_and_column_and_writes_nothing()
    {
        var (db, service, processor, admin) = await SetUpAsync(template);
        await using var _ = db;
        var file = Csv(
            Row("J60000001"),                                             // row 2: fine
            Row("J60000002", type: "Teleport"),                           // 3: unknown type
            Row("J60000003", status: "Completed", state: "COMPLETED"),    // 4: not an open job
            Row("J60000004", status: "In progress"),                      // 5: status of another state
            Row("J60000005", type: "ACT", state: "IN_PROGRESS", status: "Technician on site"), // 6: status not allowed for the type
            Row("J60000006", assignee: "ghost@example.com"),              // 7: unknown assignee
            Row("J60000007", scheduled: "31/12/2026"),                    // 8: date that does not parse
            Row("J60000008", expiration: "2026-11-01"),                   // 9: expires before scheduled
            Row("J60000009", item: "ONT-200,GADGET,1,,PENDING"),          // 10: bad item kind
            Row("J60000010", item: "ONT-200,PHYSICAL_GOOD,two,,PENDING"), // 11: bad quantity
            Row("J60000011", description: "=HYPERLINK(\"x\")"),           // 12: a formula
            Row("J60000001", description: "Again"),                       // 13: duplicate number, not adjacent
            Row("J60000012", description: ""));                           // 14: no description

        var run = await RunAsync(service, processor, admin, file, import: false);

        Assert.Equal(ImportRunStatus.Checked, run.Status);
        Assert.Equal(13, run.Jobs);
        Assert.Equal(1, run.ValidJobs);
        var report = (await service.ErrorsCsvAsync(run.Id))!;
        foreach (var (row, column, words) in new[]
        {
            (3, "type", "No job type"), (4, "life_cycle_state", "Only open jobs"), (5, "status", "IN_PROGRESS status"),
            (6, "status", "not allowed for jobs of type"), (7, "assignee_email", "No user"), (8, "scheduled_date", "is not a date"),
            (9, "expiration_date", "before the scheduled date"), (10, "item_kind", "not an item kind"), (11, "item_quantity", "not a whole number"),
            (12, "description", "formula"), (13, "number", "already in the file at row 2"), (14, "description", "is empty"),
        })
        {
            Assert.Contains(report.Split("\r\n"), l => l.StartsWith($"{row},{column},", StringComparison.Ordinal) && l.Contains(words, StringComparison.Ordinal));
        }
        await using var context = db.CreateContext();
        Assert.False(await context.Jobs.AnyAsync(j => j.Number.StartsWith("J6")));
    }

    [Theory]
    [InlineData("encoding", "not UTF-8")]
    [InlineData("columns", "has no column 'type'")]
    [InlineData("empty", "empty")]
    public async Task A_bad_file_gets_one_clear_answer_and_nothing_is_checked(string kind, string words)
    {
        var (db, service, processor, admin) = await SetUpAsync(template);
        await using var _ = db;
        var file = kind switch
        {
            "encoding" => [.. Csv(Row("J60000001")), .. new byte[] { 0x4A, 0xFF, 0xFE, 0x2C, 0x0D, 0x0A }],
            "columns" => Encoding.UTF8.GetBytes("number,description\r\nJ1,x\r\n"),
            _ => Array.Empty<byte>(),
        };

        var run = await RunAsync(service, processor, admin, file, import: false);

        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.Contains(words, run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_above_the_configured_size_or_neither_csv_nor_xlsx_is_refused_before_it_is_stored()
    {
        var (db, service, _, admin) = await SetUpAsync(template);
        await using var __ = db;

        var (tooBig, bigError) = await service.UploadAsync(Stream.Null, "jobs.csv", 3L * 1024 * 1024 * 1024, admin);
        var (pdf, pdfError) = await service.UploadAsync(new MemoryStream([1]), "jobs.pdf", 1, admin);
        var (agent, agentError) = await service.UploadAsync(new MemoryStream([1]), "jobs.csv", 1, await db.PrincipalAsync(DemoPeople.Agent));

        Assert.Null(tooBig);
        Assert.Contains("MB", bigError, StringComparison.Ordinal);
        Assert.Null(pdf);
        Assert.Contains("'jobs.pdf' is neither a CSV nor an XLSX file", pdfError, StringComparison.Ordinal);
        Assert.Null(agent);
        Assert.Contains("Only admins", agentError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_run_twice_changes_nothing_the_second_time_and_closed_jobs_are_skipped()
    {
        var (db, service, processor, admin) = await SetUpAsync(template);
        await using var _ = db;
        string closed;
        await using (var context = db.CreateContext())
        {
            closed = await context.Jobs.Where(j => j.LifeCycleState == LifeCycleState.COMPLETED).Select(j => j.Number).FirstAsync();
        }
        var file = Csv(Row("J60000001"), Row("J60000001", item: "SRV-FIB500,SERVICE,1,,PENDING"), Row("J60000002", state: "DRAFT", status: "Draft", item: ",,,,"), Row(closed));

        var first = await RunAsync(service, processor, admin, file);
        var second = await RunAsync(service, processor, admin, file);
        var changedFile = Csv(Row("J60000001", description: "Install fibre and a second visit"));
        var third = await RunAsync(service, processor, admin, changedFile);

        Assert.Equal((ImportRunStatus.Imported, 2, 0, 0, 1), (first.Status, first.Created, first.Updated, first.Unchanged, first.Skipped));
        Assert.Equal((ImportRunStatus.Imported, 0, 0, 2, 1), (second.Status, second.Created, second.Updated, second.Unchanged, second.Skipped));
        Assert.Equal((0, 1), (third.Created, third.Updated));
        await using var check = db.CreateContext();
        var job = await check.Jobs.Include(j => j.Items).Include(j => j.Events).SingleAsync(j => j.Number == "J60000001");
        Assert.Equal("SN-1", Assert.Single(job.Items).SerialNumber); // the file now lists one item
        Assert.Equal("Install fibre and a second visit", job.Description);
        Assert.Equal(2, job.Events.Count);
        Assert.NotNull(job.CreatedByUserId);
    }

    [Fact]
    public async Task A_100000_row_file_is_checked_and_imported_with_bounded_memory()
    {
        var (db, service, processor, admin) = await SetUpAsync(template);
        await using var _ = db;
        var folder = Directory.CreateTempSubdirectory("jobsportal-import-");
        try
        {
            var path = Path.Combine(folder.FullName, "jobs-100k.csv");
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                await writer.WriteLineAsync(Header);
                for (var i = 0; i < 50_000; i++)
                {
                    var number = $"J7{i:D7}";
                    await writer.WriteLineAsync(Row(number, item: $"ONT-200,PHYSICAL_GOOD,1,SN-{i},PENDING"));
                    await writer.WriteLineAsync(Row(number, item: "SRV-FIB500,SERVICE,1,,PENDING"));
                }
            }
            var size = new FileInfo(path).Length;
            GC.Collect();
            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            var timer = Stopwatch.StartNew();

            ImportRunView run;
            await using (var stream = File.OpenRead(path))
            {
                var (runId, error) = await service.UploadAsync(stream, "jobs-100k.csv", size, admin);
                Assert.Null(error);
                await processor.RunAsync(runId!.Value, import: false, CancellationToken.None);
                Assert.Null(await service.DecideAsync(runId.Value, import: true, admin));
                await processor.RunAsync(runId.Value, import: true, CancellationToken.None);
                run = (await service.GetAsync(runId.Value))!;
            }
            timer.Stop();
            var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();

            Assert.Equal((ImportRunStatus.Imported, 100_000, 50_000, 50_000, 0), (run.Status, run.Rows, run.Jobs, run.Created, run.ErrorCount));
            // The file is about 20 MB; nothing holds it, nor the 100,000 rows.
            Assert.True(managedAfter - managedBefore < 32 * 1024 * 1024, $"managed memory grew by {(managedAfter - managedBefore) / 1024 / 1024} MB");
            Assert.True(process.PeakWorkingSet64 - peakBefore < 400L * 1024 * 1024, $"peak working set grew by {(process.PeakWorkingSet64 - peakBefore) / 1024 / 1024} MB");
            Console.WriteLine($"100,000 rows ({size / 1024 / 1024} MB) checked and imported in {timer.Elapsed.TotalSeconds:N1} s");
            await using var context = db.CreateContext();
            Assert.Equal(100_000, await context.JobItems.CountAsync(i => i.Job.Number.StartsWith("J7")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportAlone
{
    public const string Name = "import, alone";
}
