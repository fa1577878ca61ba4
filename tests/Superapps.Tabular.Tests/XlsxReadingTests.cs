using System.IO.Compression;
using System.Text;
using Superapps.Tabular;
using static Superapps.Tabular.Tests.TabularTestFiles;
using static Superapps.Tabular.Tests.XlsxBuilder;

namespace Superapps.Tabular.Tests;

public sealed class XlsxReadingTests
{
    [Fact]
    public async Task Shared_and_inline_strings_are_read_as_text()
    {
        var file = Workbook(["Nama", "NIP", "Budi Santoso"],
        [
            Row(1, Shared("A1", 0), Shared("B1", 1)),
            Row(2, Shared("A2", 2), Inline("B2", "198503152010011002")),
        ]);

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows[0].Texts().ShouldBe(["Nama", "NIP"]);
        rows[1].Texts().ShouldBe(["Budi Santoso", "198503152010011002"]);
        rows.SelectMany(r => r.Cells).ShouldAllBe(c => !c.IsNumber && !c.IsFormula);
    }

    [Fact]
    public async Task Numbers_are_flagged_so_that_long_codes_can_be_refused()
    {
        // How Excel stores an NIP typed into a cell formatted as General.
        var file = Workbook(Row(1, Inline("A1", "NIP"), Inline("B1", "Eselon")), Row(2, Number("A2", "1.9850315201001101E+17"), Number("B2", "3")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows[1][0].ShouldBe(new TabularCell("1.9850315201001101E+17", IsNumber: true));
        rows[1][1].ShouldBe(new TabularCell("3", IsNumber: true));
        rows[0][0].IsNumber.ShouldBeFalse();
    }

    [Fact]
    public async Task Formulas_are_flagged_and_read_as_their_cached_value()
    {
        var file = Workbook(
            Row(1, Inline("A1", "Nama"), Inline("B1", "Jumlah")),
            Row(2, Formula("A2", "UPPER(\"budi\")", "BUDI", textResult: true), Formula("B2", "1+2", "3")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows[1][0].ShouldBe(new TabularCell("BUDI", IsNumber: false, IsFormula: true));
        rows[1][1].ShouldBe(new TabularCell("3", IsNumber: true, IsFormula: true));
    }

    [Fact]
    public async Task Booleans_read_as_TRUE_and_FALSE()
    {
        var file = Workbook(Row(1, Inline("A1", "Aktif"), Inline("B1", "Kepala")), Row(2, Boolean("A2", true), Boolean("B2", false)));

        (await ReadAsync(file, TabularFormat.Xlsx))[1].Texts().ShouldBe(["TRUE", "FALSE"]);
    }

    [Fact]
    public async Task Cells_land_in_the_column_their_reference_names_even_with_gaps()
    {
        var file = Workbook(
            Row(1, Inline("A1", "A"), Inline("C1", "C"), Inline("AA1", "AA")),
            Row(2, Inline("B2", "b")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows[0].Cells.Count.ShouldBe(27);
        rows[0][0].Text.ShouldBe("A");
        rows[0][1].ShouldBe(TabularCell.Empty);
        rows[0][2].Text.ShouldBe("C");
        rows[0][26].Text.ShouldBe("AA");
        rows[1].Texts().ShouldBe(["", "b"]);
    }

    [Fact]
    public async Task Cells_without_a_reference_follow_one_another()
    {
        var file = Workbook(Row(1, Inline(null, "Nama"), Inline(null, "NIP")));

        (await ReadAsync(file, TabularFormat.Xlsx))[0].Texts().ShouldBe(["Nama", "NIP"]);
    }

    [Fact]
    public async Task Row_numbers_come_from_the_sheet_and_blank_rows_are_skipped()
    {
        var file = Workbook(
            Row(1, Inline("A1", "Nama")),
            Row(2, EmptyCell("A2"), Inline("B2", "  ")),
            Row(4, Inline("A4", "Budi")),
            Row(7, Inline("A7", "Ani")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows.Select(r => r.Number).ShouldBe([1, 4, 7]);
        rows.Select(r => r[0].Text).ShouldBe(["Nama", "Budi", "Ani"]);
    }

    [Fact]
    public async Task Rows_without_a_row_number_count_on_from_the_row_before()
    {
        // The row number (r) is optional in the file format; some exporters leave it out.
        var file = Workbook(
            Row(null, Inline(null, "Nama")),
            Row(null, Inline(null, "Budi")),
            Row(5, Inline("A5", "Ani")),
            Row(null, Inline(null, "Citra")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx);

        rows.Select(r => r.Number).ShouldBe([1, 2, 5, 6]);
    }

    [Fact]
    public async Task Only_the_first_worksheet_is_read()
    {
        var file = Workbook([], [Row(1, Inline("A1", "pertama"))], [Row(1, Inline("A1", "kedua"))]);

        (await ReadAsync(file, TabularFormat.Xlsx)).Select(r => r[0].Text).ShouldBe(["pertama"]);
    }

    [Fact]
    public async Task An_upload_that_cannot_seek_is_read_all_the_same()
    {
        var file = Workbook(Row(1, Inline("A1", "Nama")), Row(2, Inline("A2", "Budi")));

        var rows = await ReadAsync(file, TabularFormat.Xlsx, trickle: true);

        rows.Select(r => r[0].Text).ShouldBe(["Nama", "Budi"]);
    }

    [Fact]
    public async Task An_empty_sheet_has_no_rows()
    {
        (await ReadAsync(Workbook(), TabularFormat.Xlsx)).ShouldBeEmpty();
    }

    public static TheoryData<string, byte[]> NotXlsx() => new()
    {
        { "a CSV file renamed to .xlsx", Encoding.UTF8.GetBytes("Nama,NIP\nBudi,1\n") },
        { "an empty file", [] },
        { "a zip archive that is not a workbook", Zip("catatan.txt", "bukan lembar kerja") },
        { "a truncated workbook", Workbook(Row(1, Inline("A1", "Nama")))[..200] },
        { "a workbook whose sheet is damaged", Damaged("xl/worksheets/", "<worksheet><sheetData><row r=\"1\"><c") },
        { "a workbook whose workbook part is damaged", Damaged("xl/workbook.xml", "<workbook") },
    };

    [Theory]
    [MemberData(nameof(NotXlsx))]
    public async Task A_file_that_is_not_an_xlsx_workbook_is_rejected(string description, byte[] bytes)
    {
        var ex = await Should.ThrowAsync<TabularFileException>(() => ReadAsync(bytes, TabularFormat.Xlsx), description);

        ex.Error.Code.ShouldBe("tabular.xlsx");
    }

    /// <summary>A real workbook with one part's XML cut short, as a broken download leaves it.</summary>
    private static byte[] Damaged(string partPrefix, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(Workbook(Row(1, Inline("A1", "Nama")), Row(2, Inline("A2", "Budi"))));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(partPrefix, StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    private static byte[] Zip(string entryName, string content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        return stream.ToArray();
    }
}
