using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.History;

namespace Superapps.Datasets.Tests;

public sealed class DiffPlanTests
{
    private static DatasetColumn Key(string name) => new(name, ColumnType.Text, Required: true, Key: true);

    private static DatasetColumn Value(string name) => new(name, ColumnType.Text);

    [Fact]
    public void Columns_pair_by_their_header_name_whatever_their_order_and_spelling()
    {
        var plan = DiffPlan.Create([Value("Jumlah Siswa"), Key("Kode-Sekolah"), Value("jumlah_guru")], [Key("kode_sekolah"), Value("jumlah_siswa"), Value("akreditasi")]);

        plan.ByKey.ShouldBeTrue();
        plan.Pairs.ShouldBe([new ColumnPair("Jumlah Siswa", 1, 2, false), new ColumnPair("Kode-Sekolah", 2, 1, true)]);
        plan.Keys.Select(k => k.Name).ShouldBe(["Kode-Sekolah"]);
        plan.Compared.Select(c => c.Name).ShouldBe(["Jumlah Siswa"]);
        plan.ColumnsAdded.ShouldBe(["jumlah_guru"]);
        plan.ColumnsRemoved.ShouldBe(["akreditasi"]);
    }

    [Fact]
    public void Without_a_key_in_the_newer_version_whole_rows_are_matched_and_nothing_is_compared_as_changed()
    {
        var plan = DiffPlan.Create([Value("a"), Value("b")], [Key("a"), Value("b")]);

        plan.ByKey.ShouldBeFalse();
        plan.Keys.ShouldBeEmpty();
        plan.Compared.ShouldBeEmpty();
        plan.Pairs.Select(p => (p.Newer, p.Older)).ShouldBe([(1, 1), (2, 2)]);
    }

    [Fact]
    public void A_key_column_the_older_version_lacks_means_matching_whole_rows_on_the_columns_both_have()
    {
        var plan = DiffPlan.Create([Key("kode"), Key("tahun"), Value("nilai")], [Key("kode"), Value("nilai")]);

        plan.ByKey.ShouldBeFalse();
        plan.Pairs.ShouldAllBe(p => !p.Key);
        plan.Pairs.Select(p => p.Name).ShouldBe(["kode", "nilai"]);
        plan.ColumnsAdded.ShouldBe(["tahun"]);
    }
}
