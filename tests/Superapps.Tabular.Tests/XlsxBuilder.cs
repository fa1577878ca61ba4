using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Superapps.Tabular.Tests;

/// <summary>Builds small XLSX workbooks in memory, cell by cell, as Excel would store them.</summary>
internal static class XlsxBuilder
{
    /// <summary>A workbook whose first sheet holds <paramref name="rows"/>; further sheets follow when given.</summary>
    public static byte[] Workbook(IReadOnlyList<string> sharedStrings, IEnumerable<Row> rows, params IEnumerable<Row>[] otherSheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheetRows in otherSheets.Prepend(rows))
            {
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                worksheet.Worksheet = new Worksheet(new SheetData(sheetRows));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = sheetId, Name = $"Sheet{sheetId}" });
                sheetId++;
            }

            if (sharedStrings.Count > 0)
            {
                var table = workbook.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            }
        }

        return stream.ToArray();
    }

    public static byte[] Workbook(params Row[] rows) => Workbook([], rows);

    public static Row Row(uint? number, params Cell[] cells)
    {
        var row = new Row(cells);
        if (number is { } index)
        {
            row.RowIndex = index;
        }

        return row;
    }

    public static Cell Shared(string? reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };

    public static Cell Inline(string? reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    public static Cell Number(string? reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    public static Cell Boolean(string? reference, bool value) =>
        new() { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    /// <summary>A formula with the value Excel cached for it; <paramref name="textResult"/> marks a text result (<c>t="str"</c>).</summary>
    public static Cell Formula(string? reference, string formula, string cachedValue, bool textResult = false)
    {
        var cell = new Cell { CellReference = reference, CellFormula = new CellFormula(formula), CellValue = new CellValue(cachedValue) };
        if (textResult)
        {
            cell.DataType = CellValues.String;
        }

        return cell;
    }

    /// <summary>A cell that exists (formatted, say) but holds nothing.</summary>
    public static Cell EmptyCell(string? reference) => new() { CellReference = reference };
}
