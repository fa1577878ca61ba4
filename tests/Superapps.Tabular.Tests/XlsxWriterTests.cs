using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Superapps.Tabular;

namespace Superapps.Tabular.Tests;

public sealed class XlsxWriterTests
{
    private static async Task<List<TabularRow>> ReadSheetAsync(byte[] file, string sheet)
    {
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadSheetAsync(new MemoryStream(file), sheet, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Sheets_of_typed_cells_read_back_through_the_tabular_reader()
    {
        var file = XlsxWriter.ToBytes(
        [
            new XlsxSheet("Ringkasan").WithHeader("Ukuran", "Nilai").WithWidths(30, 12).Add("Tiket", 42).Add("SLA %", 87.5).Add("Tepat waktu", true),
            new XlsxSheet("Tiket").WithHeader("Nomor", "Tanggal", "Selesai").Add("TIK-2026-000001", new DateOnly(2026, 11, 23), XlsxCell.Of(new DateTime(2026, 11, 23, 14, 30, 0))),
        ]);

        TabularReader.SheetNames(new MemoryStream(file)).ShouldBe(["Ringkasan", "Tiket"]);
        var summary = await ReadSheetAsync(file, "Ringkasan");
        summary.Select(r => r.Texts()).ShouldBe([["Ukuran", "Nilai"], ["Tiket", "42"], ["SLA %", "87.5"], ["Tepat waktu", "TRUE"]]);
        summary[1][1].IsNumber.ShouldBeTrue();
        summary[1][0].IsNumber.ShouldBeFalse();
        var tickets = await ReadSheetAsync(file, "Tiket");
        tickets[1][0].Text.ShouldBe("TIK-2026-000001");
        DateTime.FromOADate(double.Parse(tickets[1][1].Text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new DateTime(2026, 11, 23));
        DateTime.FromOADate(double.Parse(tickets[1][2].Text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new DateTime(2026, 11, 23, 14, 30, 0));
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var dateCell = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).First(c => c.CellReference == "B2" && c.StyleIndex is not null);
        styles.CellFormats!.Elements<CellFormat>().ElementAt((int)dateCell.StyleIndex!.Value).NumberFormatId!.Value.ShouldBeOneOf(14u, 164u);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klik\")")]
    [InlineData("+62 811 000")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task Text_a_spreadsheet_would_take_for_a_formula_is_written_as_plain_text_with_an_apostrophe(string text)
    {
        var file = XlsxWriter.ToBytes([new XlsxSheet("Data").WithHeader("Isi").Add(text)]);

        var cell = (await ReadSheetAsync(file, "Data"))[1][0];

        // XML reads a bare carriage return back as a line feed.
        cell.Text.ShouldBe("'" + text.Replace('\r', '\n'));
        cell.IsFormula.ShouldBeFalse();
        cell.IsNumber.ShouldBeFalse();
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        cells.ShouldAllBe(c => c.CellFormula == null);
        cells.ShouldAllBe(c => c.DataType! == CellValues.InlineString);
    }

    [Theory]
    [InlineData("Budi Santoso")]
    [InlineData("a=b")]
    [InlineData("Kelurahan Beringin - Pasar")]
    public async Task Ordinary_text_is_kept_as_it_is(string text)
    {
        var file = XlsxWriter.ToBytes([new XlsxSheet("Data").Add(text)]);

        (await ReadSheetAsync(file, "Data"))[0][0].Text.ShouldBe(text);
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_are_dropped_and_overlong_text_is_cut()
    {
        var file = XlsxWriter.ToBytes([new XlsxSheet("Data").Add("a\u0001b\u001Fc", new string('x', XlsxWriter.MaxCellText + 10))]);

        var row = (await ReadSheetAsync(file, "Data"))[0];

        row[0].Text.ShouldBe("abc");
        row[1].Text.Length.ShouldBe(XlsxWriter.MaxCellText);
    }

    [Fact]
    public void Sheet_names_are_made_valid_and_unique()
    {
        var file = XlsxWriter.ToBytes([new XlsxSheet("Per OPD/Unit [2026]"), new XlsxSheet("per opd/unit [2026]"), new XlsxSheet(""), new XlsxSheet(new string('L', 40))]);

        TabularReader.SheetNames(new MemoryStream(file)).ShouldBe(["Per OPDUnit 2026", "per opdunit 2026 (2)", "Sheet", new string('L', 31)]);
    }

    [Fact]
    public void A_workbook_without_sheets_is_refused() =>
        Should.Throw<ArgumentException>(() => XlsxWriter.ToBytes([]));

    [Fact]
    public async Task A_missing_sheet_is_a_bilingual_file_error()
    {
        var file = XlsxWriter.ToBytes([new XlsxSheet("Data").Add("x")]);

        var error = await Should.ThrowAsync<TabularFileException>(() => ReadSheetAsync(file, "Tidak ada"));

        error.Error.Code.ShouldBe("tabular.sheet");
        error.Error.Indonesian.ShouldContain("Tidak ada");
        error.Error.English.ShouldContain("no worksheet");
    }
}
