using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Validation;
using Superapps.Tabular;

namespace Superapps.Datasets.Tests;

public sealed class ValueParserTests
{
    private static (string? Value, string? Code) Parse(ColumnType type, string text, bool required = false, bool isNumber = false, bool isFormula = false, int maxLength = 500)
    {
        var (value, error) = ValueParser.Parse(new DatasetColumn("kolom", type, required, MaxLength: maxLength), new TabularCell(text, isNumber, isFormula));
        return (value, error?.Code);
    }

    [Theory]
    [InlineData("12500", "12500")]
    [InlineData(" -7 ", "-7")]
    [InlineData("+3", "3")]
    public void Whole_numbers_are_read_as_typed(string text, string stored) => Parse(ColumnType.WholeNumber, text).ShouldBe((stored, null));

    [Theory]
    [InlineData("12.500")]
    [InlineData("12,5")]
    [InlineData("1 000")]
    [InlineData("dua")]
    [InlineData("99999999999999999999")]
    public void Grouped_fractional_or_worded_numbers_are_not_whole_numbers(string text) => Parse(ColumnType.WholeNumber, text).ShouldBe((null, "datasets.value.integer"));

    [Fact]
    public void A_spreadsheet_number_that_is_whole_is_a_whole_number()
    {
        Parse(ColumnType.WholeNumber, "1.25E4", isNumber: true).ShouldBe(("12500", null));
        Parse(ColumnType.WholeNumber, "12500.5", isNumber: true).ShouldBe((null, "datasets.value.integer"));
    }

    [Theory]
    [InlineData("12500,75", "12500.75")]
    [InlineData("12500.75", "12500.75")]
    [InlineData("-0,5", "-0.5")]
    [InlineData("42", "42")]
    public void Decimals_take_a_comma_or_a_point(string text, string stored) => Parse(ColumnType.Number, text).ShouldBe((stored, null));

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("1,234.5")]
    [InlineData("1.234.567")]
    [InlineData("Rp 5000")]
    public void Grouped_or_decorated_decimals_are_refused_as_ambiguous(string text) => Parse(ColumnType.Number, text).ShouldBe((null, "datasets.value.decimal"));

    [Theory]
    [InlineData("2026-11-30", false)]
    [InlineData("30/11/2026", false)]
    [InlineData("30-11-2026", false)]
    [InlineData("46356", true)]
    public void Dates_are_read_in_the_usual_forms_and_as_excel_days(string text, bool isNumber) =>
        Parse(ColumnType.Date, text, isNumber: isNumber).ShouldBe(("2026-11-30", null));

    [Theory]
    [InlineData("31/11/2026")]
    [InlineData("11/30/2026")]
    [InlineData("46356")]
    [InlineData("kemarin")]
    public void Impossible_american_or_plain_number_dates_are_refused(string text) => Parse(ColumnType.Date, text).ShouldBe((null, "datasets.value.date"));

    [Theory]
    [InlineData("Ya", "true")]
    [InlineData("tidak", "false")]
    [InlineData("TRUE", "true")]
    [InlineData("0", "false")]
    public void Yes_and_no_in_either_language(string text, string stored) => Parse(ColumnType.Boolean, text).ShouldBe((stored, null));

    [Fact]
    public void Empty_cells_are_null_unless_required()
    {
        Parse(ColumnType.WholeNumber, "  ").ShouldBe((null, null));
        Parse(ColumnType.WholeNumber, "  ", required: true).ShouldBe((null, "datasets.value.required"));
    }

    [Fact]
    public void Text_is_kept_trimmed_up_to_the_column_length()
    {
        Parse(ColumnType.Text, "  Kota Baru ").ShouldBe(("Kota Baru", null));
        Parse(ColumnType.Text, "abcdef", maxLength: 5).ShouldBe((null, "datasets.value.too-long"));
    }

    [Fact]
    public void A_formula_is_refused_whatever_it_shows() => Parse(ColumnType.WholeNumber, "12", isFormula: true).ShouldBe((null, "tabular.formula"));
}
