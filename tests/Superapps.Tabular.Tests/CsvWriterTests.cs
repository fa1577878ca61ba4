using System.Text;

namespace Superapps.Tabular.Tests;

/// <summary>CSV for downloads: UTF-8 with a byte order mark, RFC 4180 quoting, and the one formula rule that XLSX exports share.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+62 741 123", "'+62 741 123")]
    [InlineData("-sum(A1)", "'-sum(A1)")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Kota Baru", "Kota Baru")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    public void A_text_field_is_neutralised_then_quoted_when_it_must_be(string value, string written) =>
        CsvWriter.Field(value).ShouldBe(written);

    [Theory]
    [InlineData("-2.5", "-2.5")]
    [InlineData("-12500", "-12500")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-1+1", "'-1+1")]
    public void A_number_field_stays_a_number_but_anything_else_in_a_number_column_is_neutralised(string value, string written) =>
        CsvWriter.Field(value, isNumber: true).ShouldBe(written);

    [Fact]
    public void The_xlsx_writer_and_the_csv_writer_share_one_rule() =>
        XlsxWriter.Neutralise("@SUM(A1)").ShouldBe(SpreadsheetText.NeutraliseFormula("@SUM(A1)"));

    [Fact]
    public async Task Rows_are_utf8_with_a_byte_order_mark_comma_separated_and_crlf_terminated()
    {
        using var output = new MemoryStream();
        await using (var csv = new CsvWriter(output))
        {
            await csv.WriteRowAsync(["kecamatan", "jumlah"], cancellationToken: TestContext.Current.CancellationToken);
            await csv.WriteRowAsync(["Pasar Jambi", "-5"], [false, true], TestContext.Current.CancellationToken);
            await csv.WriteRowAsync(["Telanaipura", null], [false, true], TestContext.Current.CancellationToken);
        }

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe("kecamatan,jumlah\r\nPasar Jambi,-5\r\nTelanaipura,\r\n");
    }
}
