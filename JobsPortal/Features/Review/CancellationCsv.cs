using System.Globalization;
using CsvHelper;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;

namespace JobsPortal.Features.Review;

/// <summary>
/// The cancellations CSV: UTF-8 with a byte order mark (so spreadsheet programs read accents
/// right), times in <see cref="Formats.IsoUtc(DateTime)"/> (ISO 8601 with a "+00:00" offset, as the API
/// writes them), a header row of plain names. Rows are written as they arrive from
/// the database and flushed asynchronously whenever CsvHelper's buffer fills (Kestrel refuses
/// synchronous writes), so an export of any size holds about one buffer in memory.
/// </summary>
public static class CancellationCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        // A note that starts with "=" must not become a formula in someone's spreadsheet.
        Injection = CsvInjection.Escape,
    };

    /// <summary>The columns, in order: the header names and how each row fills them.</summary>
    public static readonly IReadOnlyList<(string Name, Func<CancellationExportRow, string?> Value)> Columns =
    [
        ("Cancelled at (UTC)", r => Formats.IsoUtc(r.CancelledAt)),
        ("Job number", r => r.JobNumber),
        ("Job description", r => r.JobDescription),
        ("Job type", r => r.JobType),
        ("Status set", r => r.Status),
        ("Reason", r => r.Reason),
        ("Cancelled by", r => r.CancelledBy),
        ("Unit", r => r.Unit),
        ("Channel", r => r.Channel.ToString()),
        ("Items cancelled", r => r.ItemsCancelled.ToString(CultureInfo.InvariantCulture)),
        ("Provided items left with the customer", r => r.ProvidedItemsLeft.ToString(CultureInfo.InvariantCulture)),
        ("Note", r => r.Note),
        ("Review state", r => r.ReviewState.Label()),
        ("Review comment", r => r.ReviewComment),
        ("Reviewed by", r => r.ReviewedBy),
        ("Reviewed at (UTC)", r => Formats.IsoUtc(r.ReviewedAt)),
        ("Reopened at (UTC)", r => Formats.IsoUtc(r.ReopenedAt)),
        ("Reopened by", r => r.ReopenedBy),
        ("Reopen reason", r => r.ReopenReason),
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<CancellationExportRow> rows, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var (name, _) in Columns)
        {
            csv.WriteField(name);
        }
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var (_, value) in Columns)
            {
                csv.WriteField(value(row));
            }
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
