using System.Text;
using CsvHelper;

namespace JobsPortal.Features.Import;

/// <summary>
/// A jobs file as a header and rows of text cells, read forward once: a CSV or the first sheet of an
/// XLSX workbook, chosen by the stored file's extension. Rows come by their position in the file, so
/// the reader above groups and checks them the same way whatever the format.
/// </summary>
public interface IImportSheet : IAsyncDisposable
{
    /// <summary>The column names of the first row; a file that cannot be read stops here with an <see cref="ImportFileException"/>.</summary>
    Task<IReadOnlyList<string>> HeaderAsync(CancellationToken ct);

    /// <summary>The next row that has any text, or null at the end; <c>Row</c> is the row number as the file's own program shows it.</summary>
    ValueTask<(int Row, string?[] Cells)?> NextAsync(CancellationToken ct);

    /// <summary>The share of the file read so far, for the progress bar.</summary>
    double Progress { get; }
}

public static class ImportSheet
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx"];

    public static bool IsTaken(string fileName) => Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    public static IImportSheet Open(string path) =>
        string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase) ? new XlsxSheet(path) : new CsvSheet(path);
}

/// <summary>
/// A CSV read by CsvHelper (quotes, embedded commas and line breaks); the text must be UTF-8 (a byte
/// order mark is allowed), and invalid bytes stop the read with a sentence rather than turning into
/// replacement characters.
/// </summary>
internal sealed class CsvSheet : IImportSheet
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { SkipEmptyLines = true };

    private readonly FileStream _stream;
    private readonly StreamReader _text;
    private readonly CsvReader _csv;
    private int _row = 1;

    public CsvSheet(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        _text = new StreamReader(_stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        _csv = CsvReader.Create(_text, Options, leaveOpen: true);
    }

    public double Progress => (double)_stream.Position / Math.Max(1, _stream.Length);

    public async Task<IReadOnlyList<string>> HeaderAsync(CancellationToken ct)
    {
        try
        {
            await _csv.ReadHeaderAsync(ct);
        }
        catch (Exception e) when (IsDecoding(e))
        {
            throw new ImportFileException("The file is not UTF-8 text (in its header). Save it as \"CSV UTF-8\" and upload it again.");
        }
        return _csv.Headers;
    }

    public async ValueTask<(int Row, string?[] Cells)?> NextAsync(CancellationToken ct)
    {
        try
        {
            if (!await _csv.ReadAsync(ct))
            {
                return null;
            }
        }
        catch (Exception e) when (IsDecoding(e))
        {
            throw new ImportFileException($"The file is not UTF-8 text (near row {_row + 1}). Save it as \"CSV UTF-8\" and upload it again.");
        }
        _row++;
        var cells = new string?[_csv.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _csv.GetString(i);
        }
        return (_row, cells);
    }

    private static bool IsDecoding(Exception e) => e is DecoderFallbackException || e.InnerException is DecoderFallbackException;

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        _text.Dispose();
        await _stream.DisposeAsync();
    }
}
