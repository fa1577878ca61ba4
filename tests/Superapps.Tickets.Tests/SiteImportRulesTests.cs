using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Sites.Import;

namespace Superapps.Tickets.Tests;

/// <summary>How import cells read: site kinds as people write them, coordinates with a decimal point or comma.</summary>
public sealed class SiteImportRulesTests
{
    [Theory]
    [InlineData("Kelurahan", SiteKind.Kelurahan)]
    [InlineData(" kantor kelurahan ", SiteKind.Kelurahan)]
    [InlineData("Kantor OPD", SiteKind.OpdOffice)]
    [InlineData("SEKOLAH", SiteKind.School)]
    [InlineData("Pusat Data", SiteKind.DataCentre)]
    [InlineData("data centre", SiteKind.DataCentre)]
    [InlineData("Kecamatan", SiteKind.Kecamatan)]
    [InlineData("lainnya", SiteKind.Other)]
    public void Site_kinds_read_in_Indonesian_or_English(string text, SiteKind expected) => SiteImport.ParseKind(text).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("puskesmas")]
    [InlineData("3")]
    public void Unknown_kinds_are_not_guessed(string text) => SiteImport.ParseKind(text).ShouldBeNull();

    [Theory]
    [InlineData("-1.6101", -1.6101)]
    [InlineData("-1,6101", -1.6101)]
    [InlineData(" 103.6131 ", 103.6131)]
    [InlineData("0", 0)]
    public void Degrees_read_with_a_point_or_a_decimal_comma(string text, double expected) => SiteImport.ParseDegrees(text).ShouldBe(expected);

    [Theory]
    [InlineData("1°36'S")]
    [InlineData("1.234.5")]
    [InlineData("-1,61,01")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("abc")]
    public void Anything_else_is_not_a_number(string text) => SiteImport.ParseDegrees(text).ShouldBeNull();
}
