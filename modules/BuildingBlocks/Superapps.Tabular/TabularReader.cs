using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Superapps.Tabular;

public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>One cell as read from the file.</summary>
/// <param name="IsNumber">The spreadsheet stored the value as a number (digits of long codes such as NIP may be lost).</param>
/// <param name="IsFormula">The cell holds a formula rather than a typed value.</param>
public readonly record struct TabularCell(string Text, bool IsNumber = false, bool IsFormula = false)
{
    public static readonly TabularCell Empty = new(string.Empty);
}

/// <summary>One row of a file; <see cref="Number"/> counts as a spreadsheet does, the header being row 1.</summary>
public sealed record TabularRow(int Number, IReadOnlyList<TabularCell> Cells)
{
    public TabularCell this[int index] => index < Cells.Count ? Cells[index] : TabularCell.Empty;

    public bool IsBlank => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>
/// Reads CSV (UTF-8, comma, semicolon or tab separated, RFC 4180 quoting) and XLSX (first worksheet) row by row,
/// without loading the whole file: imports of any size stream through it.
/// </summary>
public static class TabularReader
{
    public static TabularFormat FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => TabularFormat.Csv,
        ".xlsx" => TabularFormat.Xlsx,
        _ => throw new TabularFileException(TabularErrors.UnknownFormat),
    };

    /// <summary>Reads every row, the header included. Blank rows are skipped. Throws <see cref="TabularFileException"/> when the file cannot be read.</summary>
    public static IAsyncEnumerable<TabularRow> ReadAsync(Stream stream, TabularFormat format, CancellationToken cancellationToken = default) =>
        format == TabularFormat.Csv ? ReadCsvAsync(stream, cancellationToken) : ReadXlsxAsync(stream, null, cancellationToken);

    /// <summary>Reads every row of the XLSX worksheet named <paramref name="sheetName"/>, like <see cref="ReadAsync"/> reads the first.</summary>
    public static IAsyncEnumerable<TabularRow> ReadSheetAsync(Stream stream, string sheetName, CancellationToken cancellationToken = default) =>
        ReadXlsxAsync(stream, sheetName, cancellationToken);

    /// <summary>The names of an XLSX file's worksheets, in order. The stream must be seekable.</summary>
    public static IReadOnlyList<string> SheetNames(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            return [.. document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? string.Empty) ?? []];
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or XmlException)
        {
            throw new TabularFileException(TabularErrors.NotXlsx);
        }
    }

    private static async IAsyncEnumerable<TabularRow> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var parser = new CsvParser(reader);
        var headerRead = false;
        char? delimiter = null;
        var number = 0;
        while (true)
        {
            List<string>? fields;
            try
            {
                fields = await parser.ReadRecordAsync(detect: !headerRead, delimiter, cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw new TabularFileException(TabularErrors.NotUtf8);
            }

            if (fields is null)
            {
                yield break;
            }

            number++;
            var row = new TabularRow(number, fields.Select(f => new TabularCell(f)).ToList());
            if (!row.IsBlank)
            {
                if (!headerRead)
                {
                    // The header (the first row with anything in it) decides; a header without a separator is one column.
                    delimiter = parser.Delimiter;
                    headerRead = true;
                }

                yield return row;
            }
        }
    }

    /// <summary>Parts of a workbook are parsed as they are read: a damaged part shows up mid-file, and is the user's file's fault.</summary>
    private static async IAsyncEnumerable<TabularRow> ReadXlsxAsync(Stream stream, string? sheetName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = ReadXlsxRowsAsync(stream, sheetName, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await rows.MoveNextAsync();
            }
            catch (Exception ex) when (ex is XmlException or OpenXmlPackageException or InvalidDataException)
            {
                throw new TabularFileException(TabularErrors.NotXlsx);
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    private static async IAsyncEnumerable<TabularRow> ReadXlsxRowsAsync(Stream stream, string? sheetName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The OpenXML package needs a seekable stream; an upload is copied to a temporary file first.
        Stream seekable = stream;
        if (!stream.CanSeek)
        {
            seekable = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await stream.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }

        try
        {
            SpreadsheetDocument document;
            try
            {
                document = SpreadsheetDocument.Open(seekable, isEditable: false);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
            {
                throw new TabularFileException(TabularErrors.NotXlsx);
            }

            using (document)
            {
                var workbook = document.WorkbookPart ?? throw new TabularFileException(TabularErrors.NotXlsx);
                var sheets = workbook.Workbook.Sheets?.Elements<Sheet>() ?? [];
                var firstSheet = sheetName is null
                    ? sheets.FirstOrDefault() ?? throw new TabularFileException(TabularErrors.Empty)
                    : sheets.FirstOrDefault(s => s.Name?.Value == sheetName) ?? throw new TabularFileException(TabularErrors.SheetNotFound(sheetName));
                var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
                var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];

                using var reader = OpenXmlReader.Create(worksheet);
                var number = 0;
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    {
                        continue;
                    }

                    var row = (Row)reader.LoadCurrentElement()!;
                    var cells = new List<TabularCell>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                        while (cells.Count < index)
                        {
                            cells.Add(TabularCell.Empty);
                        }

                        cells.Add(ReadCell(cell, sharedStrings));
                    }

                    // The row number (r) is optional in the file format: without it, a row follows the one before.
                    number = row.RowIndex?.Value is { } rowIndex ? (int)rowIndex : number + 1;
                    var tabularRow = new TabularRow(number, cells);
                    if (!tabularRow.IsBlank)
                    {
                        yield return tabularRow;
                    }
                }
            }
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                await seekable.DisposeAsync();
            }
        }
    }

    private static TabularCell ReadCell(Cell cell, string[] sharedStrings)
    {
        var isFormula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new TabularCell(int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : string.Empty, false, isFormula);
        }

        if (type == CellValues.InlineString)
        {
            return new TabularCell(cell.InlineString?.InnerText ?? string.Empty, false, isFormula);
        }

        if (type == CellValues.Boolean)
        {
            return new TabularCell(raw == "1" ? "TRUE" : "FALSE", false, isFormula);
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return new TabularCell(raw, false, isFormula);
        }

        return new TabularCell(raw, IsNumber: raw.Length > 0, isFormula);
    }

    /// <summary>"C7" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
    private sealed class CsvParser(TextReader reader)
    {
        private readonly char[] _buffer = new char[16 * 1024];
        private int _length;
        private int _position;

        /// <summary>The separator of the last record read: the one given, or the first seen outside quotes when detecting.</summary>
        public char? Delimiter { get; private set; }

        /// <summary>Reads one record; with <paramref name="detect"/> the first separator seen outside quotes becomes
        /// the separator, otherwise <paramref name="delimiter"/> is (none: the record is one field).</summary>
        public async Task<List<string>?> ReadRecordAsync(bool detect, char? delimiter, CancellationToken cancellationToken)
        {
            if (!await EnsureAsync(cancellationToken))
            {
                return null;
            }

            Delimiter = detect ? null : delimiter;

            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var fieldStart = true;

            while (await EnsureAsync(cancellationToken))
            {
                var c = _buffer[_position++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (await EnsureAsync(cancellationToken) && _buffer[_position] == '"')
                        {
                            field.Append('"');
                            _position++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        field.Append(c);
                    }

                    continue;
                }

                if (c == '"' && fieldStart)
                {
                    quoted = true;
                    fieldStart = false;
                    continue;
                }

                if (c is '\r' or '\n')
                {
                    if (c == '\r' && await EnsureAsync(cancellationToken) && _buffer[_position] == '\n')
                    {
                        _position++;
                    }

                    break;
                }

                if (detect && Delimiter is null && c is ',' or ';' or '\t')
                {
                    Delimiter = c;
                }

                if (c == Delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                    continue;
                }

                field.Append(c);
                fieldStart = false;
            }

            if (quoted)
            {
                throw new TabularFileException(TabularErrors.UnclosedQuote);
            }

            fields.Add(field.ToString());
            return fields;
        }

        private async ValueTask<bool> EnsureAsync(CancellationToken cancellationToken)
        {
            if (_position < _length)
            {
                return true;
            }

            _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
            _position = 0;
            return _length > 0;
        }
    }
}
