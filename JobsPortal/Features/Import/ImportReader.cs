using System.Runtime.CompilerServices;

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
/// Streams a jobs file (a CSV or an XLSX sheet, see <see cref="ImportSheet"/>) as groups of lines, one
/// job at a time, so that only one job's lines are in memory whatever the file's size.
/// </summary>
public sealed class ImportReader
{
    /// <summary>Where in the file the reader is: the share read, for the progress bar.</summary>
    public double Progress { get; private set; }

    public int RowsRead { get; private set; }

    public async IAsyncEnumerable<ImportGroup> ReadAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var sheet = ImportSheet.Open(path);
        var columns = Columns(await sheet.HeaderAsync(ct));

        List<ImportLine> lines = [];
        string? number = null;
        while (await sheet.NextAsync(ct) is var (row, fileCells))
        {
            RowsRead++;
            var cells = new string?[ImportColumns.All.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = columns[i] < 0 || columns[i] >= fileCells.Length ? null : fileCells[columns[i]];
            }
            var line = new ImportLine(row, cells);
            var lineNumber = (line[0] ?? "").Trim().ToUpperInvariant();
            if (number is not null && lineNumber != number)
            {
                yield return new ImportGroup(number, lines);
                lines = [];
            }
            number = lineNumber;
            lines.Add(line);
            Progress = sheet.Progress;
        }
        if (number is not null)
        {
            yield return new ImportGroup(number, lines);
        }
        Progress = 1;
    }

    /// <summary>The position of each of <see cref="ImportColumns.All"/> in the file (-1: absent); a missing required column stops the read.</summary>
    private static int[] Columns(IReadOnlyList<string> names)
    {
        var header = names.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
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
}
