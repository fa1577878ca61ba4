using System.Text;
using Superapps.Tabular;
using static Superapps.Tabular.Tests.TabularTestFiles;

namespace Superapps.Tabular.Tests;

public sealed class CsvReadingTests
{
    [Theory]
    [InlineData(",", "Budi; S.Kom")]
    [InlineData(";", "Budi, S.Kom")]
    [InlineData("\t", "Budi, S.Kom; M.T.")]
    public async Task The_separator_is_the_one_the_header_uses(string separator, string nameWithOtherSeparators)
    {
        var rows = await ReadCsvAsync($"Nama{separator}NIP{separator}OPD\n{nameWithOtherSeparators}{separator}198503152010011002{separator}DISKOMINFO\n");

        rows.Count.ShouldBe(2);
        rows[0].Texts().ShouldBe(["Nama", "NIP", "OPD"]);
        rows[1].Texts().ShouldBe([nameWithOtherSeparators, "198503152010011002", "DISKOMINFO"]);
    }

    [Fact]
    public async Task A_separator_inside_a_quoted_header_name_does_not_decide()
    {
        var rows = await ReadCsvAsync("\"Nama, lengkap\";NIP\nBudi;1\n");

        rows[0].Texts().ShouldBe(["Nama, lengkap", "NIP"]);
        rows[1].Texts().ShouldBe(["Budi", "1"]);
    }

    [Fact]
    public async Task Quoted_fields_keep_separators_doubled_quotes_and_line_breaks()
    {
        var rows = await ReadCsvAsync(
            "Nama,Alamat,Catatan\n" +
            "\"Kepala \"\"Dinas\"\"\",\"Jl. Merdeka, No. 1\",\"baris satu\nbaris dua\"\n" +
            "\"\",\"\",akhir\n");

        rows.Count.ShouldBe(3);
        rows[1].Texts().ShouldBe(["Kepala \"Dinas\"", "Jl. Merdeka, No. 1", "baris satu\nbaris dua"]);
        rows[2].Texts().ShouldBe(["", "", "akhir"]);
    }

    [Fact]
    public async Task A_record_spanning_lines_is_one_row_as_a_spreadsheet_shows_it()
    {
        var rows = await ReadCsvAsync("Nama,Catatan\nBudi,\"satu\r\ndua\r\ntiga\"\r\nAni,x\r\n");

        rows.Select(r => r.Number).ShouldBe([1, 2, 3]);
        rows[1][1].Text.ShouldBe("satu\r\ndua\r\ntiga");
        rows[2].Texts().ShouldBe(["Ani", "x"]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Lines_may_end_in_LF_CRLF_or_CR(string newline)
    {
        var rows = await ReadCsvAsync($"Nama,NIP{newline}Budi,1{newline}Ani,2{newline}");

        rows.Select(r => r.Number).ShouldBe([1, 2, 3]);
        rows.Select(r => string.Join("|", r.Texts())).ShouldBe(["Nama|NIP", "Budi|1", "Ani|2"]);
    }

    [Fact]
    public async Task The_last_line_needs_no_line_break()
    {
        var rows = await ReadCsvAsync("Nama,NIP\nBudi,1");

        rows[^1].Texts().ShouldBe(["Budi", "1"]);
    }

    [Fact]
    public async Task Empty_fields_are_kept_in_their_columns()
    {
        var rows = await ReadCsvAsync("A,B,C\nx,,z\n,y,\n");

        rows[1].Texts().ShouldBe(["x", "", "z"]);
        rows[2].Texts().ShouldBe(["", "y", ""]);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Nama,NIP\nÄni Sulistyowati,1\n")];

        var rows = await ReadAsync(bytes, TabularFormat.Csv);

        rows[0][0].Text.ShouldBe("Nama");
        rows[1][0].Text.ShouldBe("Äni Sulistyowati");
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_rejected_with_a_hint()
    {
        // "Andé" saved by Excel as "CSV (comma delimited)", i.e. Windows-1252.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Nama,NIP\nAnd"), 0xE9, .. Encoding.ASCII.GetBytes(",1\n")];

        var ex = await Should.ThrowAsync<TabularFileException>(() => ReadAsync(bytes, TabularFormat.Csv));

        ex.Error.Code.ShouldBe("tabular.encoding");
        ex.Error.Field.ShouldBe("file");
    }

    [Fact]
    public async Task An_unclosed_quote_rejects_the_file()
    {
        var ex = await Should.ThrowAsync<TabularFileException>(() => ReadCsvAsync("Nama,NIP\n\"Budi,1\nAni,2\n"));

        ex.Error.Code.ShouldBe("tabular.quote");
    }

    [Fact]
    public async Task Blank_rows_are_skipped_and_the_others_keep_their_spreadsheet_numbers()
    {
        var rows = await ReadCsvAsync("Nama,NIP\n\nBudi,1\n,\n  ,  \nAni,2\n");

        rows.Select(r => r.Number).ShouldBe([1, 3, 6]);
        rows.Select(r => r[0].Text).ShouldBe(["Nama", "Budi", "Ani"]);
    }

    [Fact]
    public async Task A_blank_line_above_the_header_does_not_hide_its_separator()
    {
        var rows = await ReadCsvAsync("\nNama;NIP\nBudi, S.Kom;1\n");

        rows.Select(r => r.Number).ShouldBe([2, 3]);
        rows[0].Texts().ShouldBe(["Nama", "NIP"]);
        rows[1].Texts().ShouldBe(["Budi, S.Kom", "1"]);
    }

    [Fact]
    public async Task A_single_column_file_does_not_split_its_values_on_commas()
    {
        var rows = await ReadCsvAsync("Nama\nBudi, S.Kom\n");

        rows[1].Texts().ShouldBe(["Budi, S.Kom"]);
    }

    [Fact]
    public async Task An_empty_file_has_no_rows()
    {
        (await ReadCsvAsync(string.Empty)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stream_that_delivers_one_byte_at_a_time_reads_the_same()
    {
        var text = "Nama;Jabatan\r\n\"Kepala \"\"Dinas\"\"\";\"Jl. Merdeka; No. 1\r\nKota\"\r\nÄni Sulistyowati;Staf\r\n";

        var whole = await ReadAsync(Encoding.UTF8.GetBytes(text), TabularFormat.Csv);
        var trickled = await ReadAsync(Encoding.UTF8.GetBytes(text), TabularFormat.Csv, trickle: true);

        trickled.Select(r => (r.Number, string.Join("|", r.Texts()))).ShouldBe(whole.Select(r => (r.Number, string.Join("|", r.Texts()))));
        trickled[1].Texts().ShouldBe(["Kepala \"Dinas\"", "Jl. Merdeka; No. 1\r\nKota"]);
        trickled[2][0].Text.ShouldBe("Äni Sulistyowati");
    }

    [Fact]
    public async Task Csv_cells_are_never_flagged_as_numbers_or_formulas()
    {
        var rows = await ReadCsvAsync("NIP,Jumlah\n198503152010011002,=SUM(A1:A2)\n");

        rows[1].Cells.ShouldAllBe(c => !c.IsNumber && !c.IsFormula);
        rows[1][1].Text.ShouldBe("=SUM(A1:A2)");
    }

    [Fact]
    public async Task Reading_past_the_end_of_a_short_row_gives_an_empty_cell()
    {
        var rows = await ReadCsvAsync("A,B,C\nx\n");

        rows[1][2].ShouldBe(TabularCell.Empty);
    }

    [Theory]
    [InlineData("pegawai.csv", TabularFormat.Csv)]
    [InlineData("PEGAWAI.CSV", TabularFormat.Csv)]
    [InlineData("pegawai.txt", TabularFormat.Csv)]
    [InlineData("pegawai.xlsx", TabularFormat.Xlsx)]
    [InlineData("Pegawai.Final.XLSX", TabularFormat.Xlsx)]
    public void The_format_follows_the_file_extension(string fileName, TabularFormat format)
    {
        TabularReader.FormatOf(fileName).ShouldBe(format);
    }

    [Theory]
    [InlineData("pegawai.xls")]
    [InlineData("pegawai.ods")]
    [InlineData("pegawai.pdf")]
    [InlineData("pegawai")]
    [InlineData("csv")]
    public void An_unknown_extension_is_rejected(string fileName)
    {
        Should.Throw<TabularFileException>(() => TabularReader.FormatOf(fileName)).Error.Code.ShouldBe("tabular.format");
    }
}
