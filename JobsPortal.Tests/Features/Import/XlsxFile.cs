using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JobsPortal.Tests.Features.Import;

/// <summary>
/// Builds workbooks the way spreadsheet programs write them, for the import's tests: text in the
/// shared-strings table, numbers and date serials in date-formatted cells, formulas with a cached value.
/// </summary>
public static class XlsxFile
{
    /// <summary>A cell: text (shared string), a number, a date (a serial number in a date style) or a formula with its cached text.</summary>
    public abstract record Value;
    public sealed record TextValue(string Text) : Value;
    public sealed record NumberValue(double Number) : Value;
    public sealed record DateValue(DateTime Date) : Value;
    public sealed record FormulaValue(string Formula, string Cached) : Value;

    public static Value T(string text) => new TextValue(text);

    /// <summary>Rows by sheet row number (1 is the header); missing numbers are empty rows; a null cell is left out.</summary>
    public static byte[] Build(IReadOnlyDictionary<int, Value?[]> rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
            var strings = new List<string>();
            var data = new SheetData();
            var last = rows.Keys.DefaultIfEmpty(1).Max();
            foreach (var (number, values) in rows.OrderBy(r => r.Key))
            {
                var row = new Row { RowIndex = (uint)number };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is not { } value)
                    {
                        continue;
                    }
                    var cell = new Cell { CellReference = $"{Column(c)}{number}" };
                    switch (value)
                    {
                        case TextValue t:
                            strings.Add(t.Text);
                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(strings.Count - 1);
                            break;
                        case NumberValue n:
                            cell.CellValue = new CellValue(n.Number);
                            break;
                        case DateValue d:
                            cell.StyleIndex = 1;
                            cell.CellValue = new CellValue(d.Date.ToOADate());
                            break;
                        case FormulaValue f:
                            cell.DataType = CellValues.String;
                            cell.CellFormula = new CellFormula(f.Formula);
                            cell.CellValue = new CellValue(f.Cached);
                            break;
                    }
                    row.Append(cell);
                }
                data.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetDimension { Reference = $"A1:R{last}" }, data);
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Jobs" }));
        }
        return memory.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";
}
