using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace JobsPortal.Features.Import;

/// <summary>One line of the file as text: its row number (the header is row 1) and its cells by column.</summary>
public sealed class ImportLine(int row, string?[] cells)
{
    public int Row { get; } = row;

    public string? this[int column] => column < 0 ? null : cells[column];
}

/// <summary>The consecutive lines of one job number.</summary>
public sealed record ImportGroup(string Number, IReadOnlyList<ImportLine> Lines);

/// <summary>A problem with the file as a whole (encoding, header); no row is checked or written.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// Streams a jobs file as groups of lines, one job at a time, so that only one job's lines are in
/// memory whatever the file's size. CsvHelper reads the CSV (quotes, embedded commas and line breaks);
/// the text must be UTF-8 (a byte order mark is allowed), and invalid bytes stop the read with a
/// sentence rather than turning into replacement characters.
/// </summary>
public sealed class ImportReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { SkipEmptyLines = true };

    /// <summary>Where in the file the reader is: the share of bytes read, for the progress bar.</summary>
    public double Progress { get; private set; }

    public int RowsRead { get; private set; }

    public async IAsyncEnumerable<ImportGroup> ReadAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        await using var csv = CsvReader.Create(text, Options, leaveOpen: true);
        var columns = await HeaderAsync(csv, ct);
        var length = Math.Max(1, stream.Length);

        List<ImportLine> lines = [];
        string? number = null;
        while (await ReadRowAsync(csv, RowsRead + 2, ct))
        {
            RowsRead++;
            var cells = new string?[ImportColumns.All.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = columns[i] < 0 || columns[i] >= csv.FieldCount ? null : csv.GetString(columns[i]);
            }
            var line = new ImportLine(RowsRead + 1, cells);
            var lineNumber = (line[0] ?? "").Trim().ToUpperInvariant();
            if (number is not null && lineNumber != number)
            {
                yield return new ImportGroup(number, lines);
                lines = [];
            }
            number = lineNumber;
            lines.Add(line);
            Progress = (double)stream.Position / length;
        }
        if (number is not null)
        {
            yield return new ImportGroup(number, lines);
        }
        Progress = 1;
    }

    /// <summary>The position of each of <see cref="ImportColumns.All"/> in the file (-1: absent); a missing required column stops the read.</summary>
    private static async Task<int[]> HeaderAsync(CsvReader csv, CancellationToken ct)
    {
        try
        {
            await csv.ReadHeaderAsync(ct);
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw new ImportFileException("The file is not UTF-8 text (in its header). Save it as \"CSV UTF-8\" and upload it again.");
        }
        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            throw new ImportFileException("The file is empty; it needs a header row (download the template) and a row per job or item.");
        }
        var missing = ImportColumns.Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException($"The file has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                $"The first row must name the columns: {string.Join(", ", ImportColumns.All)} (download the template).");
        }
        return [.. ImportColumns.All.Select(c => header.IndexOf(c))];
    }

    private static async Task<bool> ReadRowAsync(CsvReader csv, int row, CancellationToken ct)
    {
        try
        {
            return await csv.ReadAsync(ct);
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw new ImportFileException($"The file is not UTF-8 text (near row {row}). Save it as \"CSV UTF-8\" and upload it again.");
        }
    }
}
