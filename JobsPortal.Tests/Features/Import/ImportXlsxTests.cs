using System.Security.Claims;
using System.Text;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Import;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static JobsPortal.Tests.Features.Import.XlsxFile;

namespace JobsPortal.Tests.Features.Import;

/// <summary>XLSX workbooks go through the same check and import as CSV files: cells as a person sees them, formulas refused, bad workbooks told.</summary>
public sealed class ImportXlsxTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly Value?[] Header = [.. ImportColumns.All.Select(T)];

    private static Value?[] Job(string number, Value description, string item, Value? scheduled = null, Value? quantity = null) =>
    [
        T(number), T("INST"), T("ACR000101"), T("Ana Costa"), T("ana@example.com"), T("+35722000101"), description,
        scheduled ?? new DateValue(new DateTime(2026, 12, 1)), new DateValue(new DateTime(2026, 12, 20)), T("PENDING"), T("Pending"),
        T("nikos.georgiou@example.com"), T("North Field Team"), T(item), T("PHYSICAL_GOOD"), quantity ?? new NumberValue(1), null, T("PENDING"),
    ];

    private static async Task<ImportRunView> RunAsync(TestDatabase db, ClaimsPrincipal admin, byte[] file, string name, bool import)
    {
        var service = db.Service<ImportService>();
        var processor = db.Service<ImportProcessor>();
        var (runId, error) = await service.UploadAsync(new MemoryStream(file), name, file.Length, admin);
        Assert.Null(error);
        await processor.RunAsync(runId!.Value, import: false, CancellationToken.None);
        if (import)
        {
            Assert.Null(await service.DecideAsync(runId.Value, import: true, admin));
            await processor.RunAsync(runId.Value, import: true, CancellationToken.None);
        }
        return (await service.GetAsync(runId.Value))!;
    }

    [Fact]
    public async Task A_workbook_imports_with_date_cells_numbers_and_an_empty_row_and_reports_a_formula_by_its_sheet_row()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var file = Build(new Dictionary<int, Value?[]>
        {
            [1] = Header,
            [2] = Job("J61000001", T("Install fibre at the harbour"), "ONT-200"),
            // row 3 is empty and is skipped
            [4] = Job("J61000001", T("Install fibre at the harbour"), "SRV-FIB500", quantity: new NumberValue(2)),
            [5] = Job("J61000002", new FormulaValue("HYPERLINK(\"http://x\")", "http://x"), "ONT-200"),
        });

        var run = await RunAsync(db, admin, file, "jobs.xlsx", import: true);

        Assert.Equal(ImportRunStatus.Imported, run.Status);
        Assert.Equal((3, 2, 1, 1), (run.Rows, run.Jobs, run.ValidJobs, run.Created));
        var report = (await db.Service<ImportService>().ErrorsCsvAsync(run.Id))!;
        Assert.Contains(report.Split("\r\n"), l => l.StartsWith("5,description,", StringComparison.Ordinal) && l.Contains("formula", StringComparison.Ordinal));
        await using var context = db.CreateContext();
        var job = await context.Jobs.Include(j => j.Items).SingleAsync(j => j.Number == "J61000001");
        Assert.Equal(new DateTime(2026, 12, 1), job.ScheduledDate?.Date);
        Assert.Equal([1, 2], job.Items.OrderBy(i => i.Quantity).Select(i => i.Quantity));
        Assert.False(await context.Jobs.AnyAsync(j => j.Number == "J61000002"));
    }

    [Fact]
    public async Task The_xlsx_template_checks_exactly_like_the_csv_template()
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);

        var csv = await RunAsync(db, admin, ImportColumns.Template(), "template.csv", import: false);
        var xlsx = await RunAsync(db, admin, ImportColumns.XlsxTemplateFile(), "template.xlsx", import: false);

        Assert.Equal(ImportRunStatus.Checked, xlsx.Status);
        Assert.Equal((csv.Rows, csv.Jobs, csv.ValidJobs, csv.ErrorCount), (xlsx.Rows, xlsx.Jobs, xlsx.ValidJobs, xlsx.ErrorCount));
        Assert.Equal((3, 2), (xlsx.Rows, xlsx.Jobs));
    }

    [Theory]
    [InlineData("not a workbook", "not an XLSX workbook")]
    [InlineData("no type column", "has no column 'type'")]
    [InlineData("only empty rows", "empty")]
    public async Task A_bad_workbook_gets_one_clear_answer_and_nothing_is_written(string kind, string words)
    {
        await using var db = await template.CloneAsync();
        var admin = await db.PrincipalAsync(DemoPeople.Admin);
        var file = kind switch
        {
            "not a workbook" => Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.All) + "\r\n"),
            "no type column" => Build(new Dictionary<int, Value?[]> { [1] = [T("number"), T("description")], [2] = [T("J61000003"), T("x")] }),
            _ => Build(new Dictionary<int, Value?[]> { [3] = [T("  ")] }),
        };

        var run = await RunAsync(db, admin, file, "jobs.xlsx", import: false);

        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.Contains(words, run.Message, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.False(await context.Jobs.AnyAsync(j => j.Number.StartsWith("J61")));
    }
}
