using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JobsPortal.Features.Import;

/// <summary>
/// The first sheet of an XLSX workbook, read with the Open XML SDK's forward-only reader one row at a
/// time, so the sheet is never held whole (the shared-strings table is: one copy of each distinct
/// text). Cells become the text a person sees: shared and inline strings, numbers as written, date
/// cells as <c>yyyy-MM-dd</c>, booleans as TRUE/FALSE. A cell with a formula becomes <c>=</c> and its
/// formula, which the checker then refuses like a formula typed into a CSV.
/// </summary>
internal sealed class XlsxSheet(string path) : IImportSheet
{
    private const string NotAWorkbook = "The file is not an XLSX workbook (it cannot be opened as one). Save it from the spreadsheet as .xlsx or as \"CSV UTF-8\" and upload it again.";

    private SpreadsheetDocument? _document;
    private OpenXmlReader? _rows;
    private List<string> _strings = [];
    private HashSet<uint> _dateStyles = [];
    private int _lastRow;
    private int _totalRows;

    public double Progress => _totalRows <= 0 ? 0 : Math.Min(1, (double)_lastRow / _totalRows);

    public async Task<IReadOnlyList<string>> HeaderAsync(CancellationToken ct)
    {
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = _document.WorkbookPart ?? throw new ImportFileException(NotAWorkbook);
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value
                ?? throw new ImportFileException("The workbook has no sheet. Put the jobs on its first sheet (download the template).");
            if (workbook.GetPartById(first) is not WorksheetPart sheet)
            {
                throw new ImportFileException("The workbook's first sheet is a chart, not a sheet of rows. Put the jobs on its first sheet.");
            }
            _strings = ReadSharedStrings(workbook.SharedStringTablePart, ct);
            _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            _rows = OpenXmlReader.Create(sheet);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            throw new ImportFileException(NotAWorkbook);
        }
        var header = await NextAsync(ct);
        return header is { } row ? [.. row.Cells.Select(c => c ?? "")] : [];
    }

    public ValueTask<(int Row, string?[] Cells)?> NextAsync(CancellationToken ct)
    {
        while (_rows is not null && _rows.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (_rows.ElementType == typeof(SheetDimension) && _rows.LoadCurrentElement() is SheetDimension dimension)
            {
                _totalRows = LastRow(dimension.Reference?.Value);
                continue;
            }
            if (_rows.ElementType != typeof(Row) || !_rows.IsStartElement)
            {
                continue;
            }
            var row = (Row)_rows.LoadCurrentElement()!;
            _lastRow = row.RowIndex?.Value is { } index ? (int)index : _lastRow + 1;
            var cells = Cells(row);
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                return ValueTask.FromResult<(int, string?[])?>((_lastRow, cells));
            }
        }
        _lastRow = Math.Max(_lastRow, _totalRows);
        return ValueTask.FromResult<(int, string?[])?>(null);
    }

    private string?[] Cells(Row row)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count <= column)
            {
                cells.Add(null);
            }
            cells[column] = Text(cell);
        }
        return [.. cells];
    }

    private string? Text(Cell cell)
    {
        if (cell.CellFormula is { } formula)
        {
            return "=" + formula.Text;
        }
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }
        if (raw is null)
        {
            return null;
        }
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _strings.Count ? _strings[i] : null;
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        if (type is null || type == CellValues.Number)
        {
            if (cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            {
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return raw;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part, CancellationToken ct)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                ct.ThrowIfCancellationRequested();
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // Rich text is several runs; phonetic guides (ruby text) are not part of the value.
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }
        return strings;
    }

    /// <summary>The cell styles whose number format shows a date: the built-in date formats, or a custom one with day, month or year in it.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var dates = new HashSet<uint>();
        if (styles?.CellFormats is null)
        {
            return dates;
        }
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => IsDateCode(f.FormatCode?.Value)) ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.GetValueOrDefault(id))
            {
                dates.Add(index);
            }
            index++;
        }
        return dates;
    }

    private static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }
        // Quoted text and [colour] or [$-locale] sections say nothing about the value.
        var bare = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return bare.IndexOfAny(['d', 'D', 'm', 'M', 'y', 'Y']) >= 0;
    }

    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return Math.Max(0, column - 1);
    }

    private static int LastRow(string? reference)
    {
        var end = reference?.Split(':').Last() ?? "";
        return int.TryParse(new string([.. end.SkipWhile(char.IsAsciiLetter)]), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }

    public ValueTask DisposeAsync()
    {
        _rows?.Dispose();
        _document?.Dispose();
        return ValueTask.CompletedTask;
    }
}
