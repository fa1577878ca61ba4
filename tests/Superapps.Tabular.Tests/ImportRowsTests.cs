using System.Text;
using Superapps.SharedKernel;
using Superapps.Tabular;
using static Superapps.Tabular.Tests.XlsxBuilder;

namespace Superapps.Tabular.Tests;

/// <summary>The import row reader both imports share: cells by column name, required and optional cells, errors by row and column.</summary>
public sealed class ImportRowsTests
{
    private static readonly ColumnSpec[] Columns = [new("kode"), new("nama"), new("telepon", false), new("alamat", false)];

    private static readonly ImportRowRules Rules = new(Columns, 3, column => new UserError("demo.required", $"Kolom {column} wajib diisi.",
        $"The column {column} is required.", column), new Dictionary<string, string> { ["name"] = "nama", ["phone"] = "telepon" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ImportRows> CsvAsync(string text, ImportRowRules? rules = null) =>
        ImportRows.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), TabularFormat.Csv, rules ?? Rules, Ct);

    [Fact]
    public async Task Cells_are_read_by_column_name_trimmed_and_empty_optional_cells_are_null()
    {
        var rows = await CsvAsync("nama,kode,alamat\r\n  Diskominfo , DISKOMINFO ,\r\n\r\nDinas Pendidikan,DISDIK,Jl. Sudirman\r\n");

        rows.Rows.Count.ShouldBe(2);
        rows.Rows[0].Number.ShouldBe(2);
        rows.Required(rows.Rows[0], "kode").ShouldBe("DISKOMINFO");
        rows.Required(rows.Rows[0], "nama").ShouldBe("Diskominfo");
        rows.Optional(rows.Rows[0], "alamat").ShouldBeNull();
        rows.Optional(rows.Rows[0], "telepon").ShouldBeNull("an optional column the file leaves out reads empty");
        rows.Has(rows.Rows[0], "alamat").ShouldBeFalse();
        rows.Optional(rows.Rows[1], "alamat").ShouldBe("Jl. Sudirman");
        rows.Rows[1].Number.ShouldBe(4, "a blank line is skipped but rows keep the numbers a spreadsheet shows");
        rows.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_required_cell_gets_the_imports_own_bilingual_error_with_row_and_column_once()
    {
        var rows = await CsvAsync("kode,nama\r\nDISKOMINFO,\r\n");
        var row = rows.Rows[0];

        rows.Required(row, "nama").ShouldBeNull();
        rows.Required(row, "nama").ShouldBeNull();

        var error = rows.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(2);
        error.Column.ShouldBe("nama");
        error.Error.Code.ShouldBe("demo.required");
        error.Error.Indonesian.ShouldBe("Kolom nama wajib diisi.");
        error.Error.English.ShouldBe("The column nama is required.");
        rows.HasError(row, "nama").ShouldBeTrue();
        rows.HasError(row, "kode").ShouldBeFalse();
    }

    [Fact]
    public async Task Without_an_error_of_its_own_an_import_gets_the_shared_required_error()
    {
        var rows = await CsvAsync("kode,nama\r\n,Diskominfo\r\n", new ImportRowRules(Columns, 10));

        rows.Required(rows.Rows[0], "kode");

        rows.Errors.ShouldHaveSingleItem().Error.ShouldBe(TabularErrors.Required("kode"));
        TabularErrors.Required("kode").Indonesian.ShouldNotBe(TabularErrors.Required("kode").English);
    }

    [Fact]
    public async Task A_formula_or_a_number_for_text_is_refused_in_its_cell_and_a_number_is_taken_where_allowed()
    {
        var bytes = Workbook(
            Row(1, Inline("A1", "kode"), Inline("B1", "nama"), Inline("C1", "telepon")),
            Row(2, Number("A2", "198503152010011002"), Formula("B2", "CONCAT(\"Dis\",\"kominfo\")", "Diskominfo", textResult: true), Number("C2", "741555018")));
        var rows = await ImportRows.ReadAsync(new MemoryStream(bytes), TabularFormat.Xlsx, Rules, Ct);
        var row = rows.Rows.ShouldHaveSingleItem();

        rows.Required(row, "kode").ShouldBeNull();
        rows.Required(row, "nama").ShouldBeNull();
        rows.Optional(row, "telepon", numberAllowed: true).ShouldBe("741555018");
        rows.Has(row, "nama").ShouldBeTrue("a formula is something, even when refused");

        rows.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe(
            [(2, "kode", TabularErrors.NumberForText.Code), (2, "nama", TabularErrors.Formula.Code)],
            "a refused cell is not also reported as empty");
    }

    [Fact]
    public async Task Domain_errors_land_in_the_column_of_their_field_or_the_one_named()
    {
        var rows = await CsvAsync("kode,nama,telepon\r\nX,Y,Z\r\n");
        var row = rows.Rows[0];
        var name = new UserError("demo.name", "Nama terlalu pendek.", "The name is too short.", "name");
        var phone = new UserError("demo.phone", "Telepon tidak sah.", "The phone number is not valid.", "phone");
        var other = new UserError("demo.other", "Lain.", "Other.", "kode");

        rows.Check(row, () => throw new DomainRuleException([name, phone, other]));
        rows.Check(row, () => throw new DomainRuleException(name), "alamat");
        rows.Check(row, () => throw new DomainRuleException(phone), field => field == "phone" ? "kode" : null);
        rows.Check(row, () => { });

        rows.Errors.Select(e => (e.Column, e.Error.Code)).ShouldBe(
            [("nama", "demo.name"), ("telepon", "demo.phone"), ("kode", "demo.other"), ("alamat", "demo.name"), ("kode", "demo.phone")]);
        rows.ColumnOf("unknown").ShouldBe("unknown");
        rows.ColumnOf(null).ShouldBeNull();
    }

    [Fact]
    public async Task The_same_error_of_the_same_cell_is_kept_once_and_row_errors_have_no_column()
    {
        var rows = await CsvAsync("kode,nama\r\nA,B\r\n");
        var error = new UserError("demo.x", "Salah.", "Wrong.");

        rows.Error(rows.Rows[0], "kode", error);
        rows.Error(2, "kode", error);
        rows.Error(2, null, error);

        rows.Errors.ShouldBe([new RowError(2, "kode", error), new RowError(2, null, error)]);
    }

    [Theory]
    [InlineData("", "tabular.empty")]
    [InlineData("kode\r\nA\r\n", "tabular.missing-columns")]
    [InlineData("kode,nama,warna\r\nA,B,C\r\n", "tabular.unknown-columns")]
    [InlineData("kode,nama\r\nA,1\r\nB,2\r\nC,3\r\nD,4\r\n", "tabular.too-many-rows")]
    public async Task A_file_that_cannot_be_an_import_is_refused_as_a_whole(string text, string code)
    {
        var refused = await Should.ThrowAsync<TabularFileException>(() => CsvAsync(text));

        refused.Error.Code.ShouldBe(code);
        refused.Error.Indonesian.ShouldNotBe(refused.Error.English);
    }
}
