using System.Globalization;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Review;

public abstract class CancellationCsvTests(ReviewSeedFixture fixture)
{
    private static readonly DateOnly Today = ReviewTestData.Today;

    private async Task<byte[]> ExportAsync(CancellationFilter filter)
    {
        using var output = new MemoryStream();
        await CancellationCsv.WriteAsync(output, fixture.Db.Queries().StreamExportAsync(filter));
        return output.ToArray();
    }

    [Fact]
    public async Task Csv_read_back_equals_the_filtered_rows_with_the_job_description_and_review_comment()
    {
        var filter = CancellationFilter.Default(Today) with { From = Today.AddDays(-200), ReviewState = null };
        var page = await fixture.Db.Queries().GetPageAsync(filter, CancellationSort.CancelledAt, descending: true, page: 0, pageSize: 10_000);
        await using var context = fixture.Db.CreateContext();
        var descriptions = await context.Jobs.Where(j => j.LifeCycleState == LifeCycleState.CANCELLED).ToDictionaryAsync(j => j.Number, j => j.Description);
        var lastMarks = await context.JobCancellations
            .Select(c => new
            {
                c.Job.Number,
                c.LastReviewedAt,
                By = c.Reviews.OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Select(r => r.ReviewedByUser.DisplayName).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Number);

        var bytes = await ExportAsync(filter);
        var (header, rows) = await CsvReadBack.ReadAsync(bytes);

        Assert.True(CsvReadBack.StartsWithUtf8ByteOrderMark(bytes));
        Assert.Equal(CancellationCsv.Columns.Select(c => c.Name), header);
        Assert.Equal(page.Total, rows.Count);
        Assert.Contains(page.Rows, r => r.ReviewComment is not null);
        Assert.Contains(page.Rows, r => r.Note is not null);
        Assert.Contains(page.Rows, r => lastMarks[r.JobNumber].By is not null);
        for (var i = 0; i < rows.Count; i++)
        {
            var (csv, row) = (rows[i], page.Rows[i]);
            Assert.Equal(row.CancelledAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture), csv["Cancelled at (UTC)"]);
            Assert.Equal(row.JobNumber, csv["Job number"]);
            Assert.Equal(descriptions[row.JobNumber], csv["Job description"]);
            Assert.Equal(row.JobType, csv["Job type"]);
            Assert.Equal(row.Status, csv["Status set"]);
            Assert.Equal(row.Reason, csv["Reason"]);
            Assert.Equal(row.CancelledBy, csv["Cancelled by"]);
            Assert.Equal(row.Unit ?? "", csv["Unit"]);
            Assert.Equal(row.Channel.ToString(), csv["Channel"]);
            Assert.Equal(row.ItemsCancelled, int.Parse(csv["Items cancelled"], CultureInfo.InvariantCulture));
            Assert.Equal(row.ProvidedItemsLeft, int.Parse(csv["Provided items left with the customer"], CultureInfo.InvariantCulture));
            Assert.Equal(row.Note ?? "", csv["Note"]);
            Assert.Equal(row.ReviewState.Label(), csv["Review state"]);
            Assert.Equal(row.ReviewComment ?? "", csv["Review comment"]);
            Assert.Equal(lastMarks[row.JobNumber].By ?? "", csv["Reviewed by"]);
            Assert.Equal(lastMarks[row.JobNumber].LastReviewedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture) ?? "", csv["Reviewed at (UTC)"]);
        }
    }

    [Fact]
    public async Task Csv_of_a_narrow_filter_holds_only_its_rows()
    {
        var all = await fixture.Db.AllAsync();
        var sample = all.OrderBy(c => c.Id).First(c => c.ProvidedItemsLeft > 0);
        var filter = CancellationFilter.Default(Today) with { From = Today.AddDays(-200), ReviewState = null, ReasonId = sample.ReasonId, ProvidedItemsLeft = true };

        var (_, rows) = await CsvReadBack.ReadAsync(await ExportAsync(filter));

        Assert.Equal(all.Where(filter.Matches).Select(c => c.Number).Order(), rows.Select(r => r["Job number"]).Order());
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_escaped_and_accents_survive()
    {
        await using var db = await fixture.Db.CloneAsync();
        await using (var context = db.CreateContext())
        {
            var cancellation = await context.JobCancellations.OrderBy(c => c.Id).FirstAsync();
            cancellation.Note = "=HYPERLINK(\"http://example.invalid\")";
            cancellation.LastReviewComment = "Müller's café, ça va";
            await context.SaveChangesAsync();
        }
        var filter = CancellationFilter.Default(Today) with { From = Today.AddDays(-200), ReviewState = null };

        using var output = new MemoryStream();
        await CancellationCsv.WriteAsync(output, db.Queries().StreamExportAsync(filter));
        var (_, rows) = await CsvReadBack.ReadAsync(output.ToArray());

        Assert.Contains(rows, r => r["Note"] == "'=HYPERLINK(\"http://example.invalid\")");
        Assert.Contains(rows, r => r["Review comment"] == "Müller's café, ça va");
    }
}

// One body of tests, run on each database the app supports.

public sealed class CancellationCsvSqliteTests(ReviewSeedFixture fixture) : CancellationCsvTests(fixture), IClassFixture<ReviewSeedFixture>;

public sealed class CancellationCsvPostgreSqlTests(PostgreSqlReviewSeedFixture fixture)
    : CancellationCsvTests(fixture), IClassFixture<PostgreSqlReviewSeedFixture>;
