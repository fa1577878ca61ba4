using System.Globalization;
using Superapps.Tabular;

namespace Superapps.Tabular.Tests;

public sealed class TabularColumnsTests
{
    private static readonly ColumnSpec[] Employees =
    [
        new("NIP"),
        new("Nama", true, "Nama Lengkap", "Name"),
        new("Kode OPD", true, "OPD"),
        new("Email", false, "E-mail", "Surel"),
    ];

    private static TabularRow Header(params string[] names) => Row(1, names);

    private static TabularRow Row(int number, params string[] texts) => new(number, [.. texts.Select(t => new TabularCell(t))]);

    [Fact]
    public void Columns_are_found_by_name_in_any_order()
    {
        var columns = TabularColumns.Map(Header("Kode OPD", "Nama", "NIP"), Employees);
        var row = Row(2, "DISKOMINFO", "Budi", "198503152010011002");

        columns.Text(row, "NIP").ShouldBe("198503152010011002");
        columns.Text(row, "Nama").ShouldBe("Budi");
        columns.Text(row, "Kode OPD").ShouldBe("DISKOMINFO");
    }

    [Theory]
    [InlineData("nama")]
    [InlineData("NAMA")]
    [InlineData("Nama Lengkap")]
    [InlineData("nama_lengkap")]
    [InlineData("NamaLengkap")]
    [InlineData("  Nama  Lengkap ")]
    [InlineData("name")]
    public void Names_and_aliases_match_without_case_spaces_or_underscores(string header)
    {
        var columns = TabularColumns.Map(Header("NIP", header, "kode_opd"), Employees);

        columns.Text(Row(2, "1", "Budi", "X"), "Nama").ShouldBe("Budi");
        columns.Has("Kode OPD").ShouldBeTrue();
    }

    [Fact]
    public void An_optional_column_may_be_absent()
    {
        var columns = TabularColumns.Map(Header("NIP", "Nama", "OPD"), Employees);
        var row = Row(2, "1", "Budi", "X");

        columns.Has("Email").ShouldBeFalse();
        columns.Cell(row, "Email").ShouldBe(TabularCell.Empty);
        columns.Text(row, "Email").ShouldBeNull();
    }

    [Fact]
    public void An_optional_column_is_found_by_its_alias()
    {
        var columns = TabularColumns.Map(Header("NIP", "Nama", "OPD", "E-mail"), Employees);

        columns.Has("Email").ShouldBeTrue();
        columns.Text(Row(2, "1", "Budi", "X", "budi@kota.go.id"), "Email").ShouldBe("budi@kota.go.id");
    }

    [Fact]
    public void Text_is_trimmed_and_empty_text_is_null()
    {
        var columns = TabularColumns.Map(Header("NIP", "Nama", "OPD"), Employees);
        var row = Row(2, " 198503152010011002 ", "   ", "X");

        columns.Text(row, "NIP").ShouldBe("198503152010011002");
        columns.Text(row, "Nama").ShouldBeNull();
    }

    [Fact]
    public void A_short_row_reads_empty_in_its_missing_columns()
    {
        var columns = TabularColumns.Map(Header("NIP", "Nama", "OPD"), Employees);

        columns.Text(Row(2, "1"), "OPD").ShouldBeNull();
        columns.Cell(Row(2, "1"), "OPD").ShouldBe(TabularCell.Empty);
    }

    [Fact]
    public void Header_cells_left_empty_are_ignored()
    {
        var columns = TabularColumns.Map(Header("NIP", "", "Nama", "OPD", " ", ""), Employees);

        columns.Text(Row(2, "1", "", "Budi", "X"), "Nama").ShouldBe("Budi");
    }

    [Fact]
    public void Missing_required_columns_are_named_with_the_columns_expected()
    {
        var ex = Should.Throw<TabularFileException>(() => TabularColumns.Map(Header("Nama", "Surel"), Employees));

        ex.Error.Code.ShouldBe("tabular.missing-columns");
        ex.Error.Indonesian.ShouldStartWith("Kolom wajib tidak ada: NIP, Kode OPD.");
        ex.Error.English.ShouldStartWith("Required columns are missing: NIP, Kode OPD.");
        ex.Error.English.ShouldContain("Expected columns: NIP, Nama, Kode OPD, Email?");
    }

    [Fact]
    public void Unknown_columns_are_named()
    {
        var ex = Should.Throw<TabularFileException>(() => TabularColumns.Map(Header("NIP", "Nama", "OPD", "Jabatan", "Golongan"), Employees));

        ex.Error.Code.ShouldBe("tabular.unknown-columns");
        ex.Error.Message(CultureInfo.GetCultureInfo("id-ID")).ShouldStartWith("Kolom tidak dikenal: Jabatan, Golongan.");
        ex.Error.Message(CultureInfo.GetCultureInfo("en-US")).ShouldStartWith("Unknown columns: Jabatan, Golongan.");
    }

    [Theory]
    [InlineData("NIP", "nip")]
    [InlineData("Nama", "Nama Lengkap")]
    [InlineData("Email", "E-mail")]
    public void A_column_given_twice_is_refused_by_the_name_that_repeats_it(string first, string second)
    {
        var header = new List<string> { "NIP", "Nama", "OPD" };
        if (!header.Contains(first))
        {
            header.Add(first);
        }

        header.Add(second);

        var ex = Should.Throw<TabularFileException>(() => TabularColumns.Map(Header([.. header]), Employees));

        ex.Error.Code.ShouldBe("tabular.duplicate-column");
        ex.Error.English.ShouldBe($"The column \"{second}\" appears more than once.");
    }
}
