using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Tests;

public sealed class DatasetSchemaTests
{
    [Fact]
    public void A_schema_keeps_its_columns_in_order_with_trimmed_names()
    {
        var schema = DatasetSchema.Create([new(" kecamatan ", ColumnType.Text, Required: true, Key: true), new("jumlah_penduduk", ColumnType.WholeNumber)]);

        schema.Columns.Select(c => c.Name).ShouldBe(["kecamatan", "jumlah_penduduk"]);
        schema.KeyColumns.ShouldHaveSingleItem().Name.ShouldBe("kecamatan");
    }

    [Fact]
    public void Every_problem_of_a_schema_is_reported_at_once()
    {
        var refused = Should.Throw<DomainRuleException>(() => DatasetSchema.Create([
            new("Jumlah Penduduk", ColumnType.WholeNumber),
            new("jumlah_penduduk", ColumnType.Number),
            new("", ColumnType.Text),
            new("kode", ColumnType.Text, Required: false, Key: true),
            new("catatan", ColumnType.Text, MaxLength: 0),
            new("jenis", (ColumnType)42),
        ]));

        refused.Errors.Select(e => e.Code).ShouldBe([
            "datasets.schema.duplicate", "datasets.schema.name", "datasets.schema.key", "datasets.schema.length", "datasets.schema.type"], ignoreOrder: true);
        refused.Errors.ShouldAllBe(e => e.Indonesian.Length > 0 && e.English.Length > 0);
    }

    [Fact]
    public void A_schema_without_columns_is_refused() =>
        Should.Throw<DomainRuleException>(() => DatasetSchema.Create([])).Errors.ShouldHaveSingleItem().ShouldBe(DatasetErrors.NoColumns);

    [Theory]
    [InlineData("Jumlah Penduduk", "jumlahpenduduk")]
    [InlineData("jumlah_penduduk", "jumlahpenduduk")]
    [InlineData(" JUMLAH-PENDUDUK. ", "jumlahpenduduk")]
    public void Names_compare_as_headers_are_typed(string name, string key) => DatasetSchema.NameKey(name).ShouldBe(key);
}
