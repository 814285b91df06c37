using CsvHelper;
using JobsPortal.Shared;

namespace JobsPortal.Features.Bulk;

/// <summary>
/// A run's result as CSV, with the cancellations export's conventions: UTF-8 with a byte order mark,
/// times in ISO 8601 UTC with a "+00:00" offset, and text that a spreadsheet would run as a formula
/// escaped (a job description starting with "=" stays text).
/// </summary>
public static class BulkRunCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static readonly IReadOnlyList<(string Name, Func<BulkRunDetail, BulkRunJobRow, string?> Value)> Columns =
    [
        ("Bulk run", (r, _) => r.Run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Job number", (_, j) => j.Number),
        ("Job description", (_, j) => j.Description),
        ("Job type", (_, j) => j.TypeName),
        ("Outcome", (r, j) => j.Outcome.Label(r.Run.State)),
        ("Error code", (_, j) => j.ErrorCode),
        ("Message", (_, j) => j.Message),
        ("Processed at (UTC)", (_, j) => Formats.IsoUtc(j.ProcessedAt)),
    ];

    public static string FileName(int runId) => $"bulk-run-{runId}.csv";

    public static async Task WriteAsync(Stream output, BulkRunDetail run, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var (name, _) in Columns)
        {
            csv.WriteField(name);
        }
        await csv.EndRecordAsync(ct);
        foreach (var job in run.Jobs)
        {
            foreach (var (_, value) in Columns)
            {
                csv.WriteField(value(run, job));
            }
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
