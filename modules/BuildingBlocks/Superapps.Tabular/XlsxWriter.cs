using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Superapps.Tabular;

/// <summary>What a written cell holds.</summary>
public enum XlsxCellKind
{
    Empty = 0,
    Text = 1,
    Number = 2,

    /// <summary>A calendar date, shown as a date.</summary>
    Date = 3,

    /// <summary>A local date and time (already in the city's zone), shown as <c>yyyy-mm-dd hh:mm</c>.</summary>
    DateTime = 4,
    Boolean = 5,
}

/// <summary>One typed cell to write. Text is always stored as an inline string, never as a formula (<see cref="XlsxWriter"/>).</summary>
public readonly record struct XlsxCell(XlsxCellKind Kind, string? Text = null, double Number = 0, DateTime Moment = default, bool Flag = false)
{
    public static readonly XlsxCell Empty = new(XlsxCellKind.Empty);

    public static XlsxCell Of(string? text) => text is null ? Empty : new(XlsxCellKind.Text, Text: text);

    public static XlsxCell Of(double number) => double.IsFinite(number) ? new(XlsxCellKind.Number, Number: number) : Empty;

    public static XlsxCell Of(DateOnly date) => new(XlsxCellKind.Date, Moment: date.ToDateTime(TimeOnly.MinValue));

    /// <summary>A local date and time; convert instants to the city's zone first.</summary>
    public static XlsxCell Of(DateTime localDateTime) => new(XlsxCellKind.DateTime, Moment: localDateTime);

    public static XlsxCell Of(bool flag) => new(XlsxCellKind.Boolean, Flag: flag);

    public static implicit operator XlsxCell(string? text) => Of(text);

    public static implicit operator XlsxCell(double number) => Of(number);

    public static implicit operator XlsxCell(int number) => Of(number);

    public static implicit operator XlsxCell(long number) => Of(number);

    public static implicit operator XlsxCell(DateOnly date) => Of(date);

    public static implicit operator XlsxCell(bool flag) => Of(flag);
}

/// <summary>One worksheet: a name, an optional bold header row and rows of typed cells.</summary>
public sealed class XlsxSheet(string name)
{
    private readonly List<IReadOnlyList<XlsxCell>> _rows = [];

    public string Name { get; } = name;

    public IReadOnlyList<string>? Header { get; private set; }

    public IReadOnlyList<IReadOnlyList<XlsxCell>> Rows => _rows;

    /// <summary>Column widths in characters, first column first; columns beyond it keep the default width.</summary>
    public IReadOnlyList<double> Widths { get; private set; } = [];

    public XlsxSheet WithHeader(params string[] header)
    {
        Header = header;
        return this;
    }

    public XlsxSheet WithWidths(params double[] widths)
    {
        Widths = widths;
        return this;
    }

    public XlsxSheet Add(params XlsxCell[] cells)
    {
        _rows.Add(cells);
        return this;
    }
}

/// <summary>
/// Writes workbooks of typed cells for exports. Safe to open whatever the data holds: text is written as an inline string
/// (never a formula or a shared-string trick), and text that a spreadsheet would take for a formula when it is edited, pasted or
/// saved as CSV is prefixed with an apostrophe (<see cref="SpreadsheetText"/>, the rule every export shares). Characters XML cannot hold are dropped, text longer than a cell holds is cut,
/// and sheet names are made valid and unique. Rows are streamed to the package, so large exports do not build a document tree.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The most characters a spreadsheet cell holds.</summary>
    public const int MaxCellText = 32767;

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;

    public static byte[] ToBytes(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            sheetList.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name, names) });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The text as stored: XML-safe, at most <see cref="MaxCellText"/> characters, and never read as a formula.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            if (XmlConvertIsValid(c))
            {
                clean.Append(c);
            }
        }

        var safe = SpreadsheetText.NeutraliseFormula(clean.ToString());
        return safe.Length > MaxCellText ? safe[..MaxCellText] : safe;
    }

    private static bool XmlConvertIsValid(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || char.IsSurrogate(c);

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.Widths.Count > 0)
        {
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < sheet.Widths.Count; i++)
            {
                writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Widths[i], CustomWidth = true });
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement(new SheetData());
        uint rowIndex = 0;
        if (sheet.Header is { } header)
        {
            WriteRow(writer, ++rowIndex, [.. header.Select(XlsxCell.Of)], HeaderStyle);
        }

        foreach (var row in sheet.Rows)
        {
            WriteRow(writer, ++rowIndex, row, null);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<XlsxCell> cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < cells.Count; i++)
        {
            if (Cell(cells[i], Reference(i, rowIndex)) is { } cell)
            {
                if (style is { } s)
                {
                    cell.StyleIndex = s;
                }

                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell? Cell(XlsxCell value, string reference) => value.Kind switch
    {
        XlsxCellKind.Text => new Cell(new InlineString(new Text(Neutralise(value.Text ?? string.Empty)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
        },
        XlsxCellKind.Number => new Cell(new CellValue(value.Number.ToString("R", CultureInfo.InvariantCulture))) { CellReference = reference },
        XlsxCellKind.Date => new Cell(new CellValue(value.Moment.ToOADate().ToString("R", CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = DateStyle },
        XlsxCellKind.DateTime => new Cell(new CellValue(value.Moment.ToOADate().ToString("R", CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = DateTimeStyle },
        XlsxCellKind.Boolean => new Cell(new CellValue(value.Flag ? "1" : "0")) { CellReference = reference, DataType = CellValues.Boolean },
        _ => null,
    };

    /// <summary>0, 1 → "A1"; 26, 1 → "AA1".</summary>
    internal static string Reference(int column, uint row)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>At most 31 characters, none of <c>[ ] : * ? / \</c>, not blank, unique in the workbook.</summary>
    internal static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string([.. (name ?? string.Empty).Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c))]).Trim('\'', ' ');
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = $" ({i})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 4 });
}
