using System.Text;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.History;
using Superapps.SharedKernel;
using Superapps.Testing;
using static Superapps.Datasets.IntegrationTests.ReviewHarness;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The difference between two versions, computed in PostgreSQL: rows added, removed and changed by key, with the changed values;
/// columns matched by name when a later schema moved or renamed them; whole rows when there is no key; 20,000 rows.
/// </summary>
public sealed class DiffTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DatasetColumn[] Schools =
    [
        new("kode_sekolah", ColumnType.Text, Required: true, Key: true), new("nama_sekolah", ColumnType.Text, Required: true),
        new("jumlah_siswa", ColumnType.WholeNumber, Required: true), new("akreditasi", ColumnType.Text),
    ];

    private ReviewHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await ReviewHarness.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private Task<VersionDifference> CompareAsync(Guid newer, Guid older, int page = 0, int pageSize = 20, Features.Access.DataUser? viewer = null) =>
        _harness.RunAsync<VersionDiff, VersionDifference>(diff => diff.CompareAsync(viewer ?? Walidata, newer, older, page, pageSize, Ct));

    [Fact]
    public async Task Rows_are_added_removed_and_changed_by_key_with_each_changed_value_old_and_new()
    {
        var dataset = await _harness.DatasetAsync("sekolah-dasar", Schools);
        var v1 = await _harness.UploadAsync(dataset, "kode_sekolah,nama_sekolah,jumlah_siswa,akreditasi\nS1,SDN 1,320,A\nS2,SDN 2,280,B\nS3,SDN 3,150,\n", "2026-10");
        var v2 = await _harness.UploadAsync(dataset, "kode_sekolah,nama_sekolah,jumlah_siswa,akreditasi\nS1,SDN 1,320,A\nS2,SDN 2 Kota,295,\nS4,SDN 4,90,C\n");

        var diff = await CompareAsync(v2, v1);

        (diff.NewerNumber, diff.OlderNumber, diff.ByKey).ShouldBe((2, 1, true));
        diff.KeyColumns.ShouldBe(["kode_sekolah"]);
        (diff.Added, diff.Removed, diff.Changed, diff.Total).ShouldBe((1, 1, 1, 3));
        diff.Changes.Select(c => (c.Kind, c.Label, c.NewerRow, c.OlderRow)).ShouldBe(
        [
            (RowChangeKind.Changed, "S2", (int?)3, (int?)3),
            (RowChangeKind.Added, "S4", 4, null),
            (RowChangeKind.Removed, "S3", null, 4),
        ]);
        diff.Changes[0].Cells.ShouldBe(
        [
            new CellChange("nama_sekolah", "SDN 2", "SDN 2 Kota"), new CellChange("jumlah_siswa", "280", "295"), new CellChange("akreditasi", "B", null),
        ]);

        // Asked the other way round, the two are still compared in upload order.
        (await CompareAsync(v1, v2)).Changes.Select(c => c.Kind).ShouldBe([RowChangeKind.Changed, RowChangeKind.Added, RowChangeKind.Removed]);
    }

    [Fact]
    public async Task Columns_moved_or_written_differently_in_a_later_schema_are_the_same_columns()
    {
        var dataset = await _harness.DatasetAsync("sekolah-dasar", Schools);
        var v1 = await _harness.UploadAsync(dataset, "kode_sekolah,nama_sekolah,jumlah_siswa,akreditasi\nS1,SDN 1,320,A\nS2,SDN 2,280,B\n", "2026-10");
        // The data list now orders the columns otherwise, writes two names differently, drops one column and adds another.
        await _harness.ChangeColumnsAsync(dataset.Id,
        [
            new("Jumlah Siswa", ColumnType.WholeNumber, Required: true), new("Kode-Sekolah", ColumnType.Text, Required: true, Key: true),
            new("nama_sekolah", ColumnType.Text, Required: true), new("jumlah_guru", ColumnType.WholeNumber),
        ]);
        var v2 = await _harness.UploadAsync(dataset, "Jumlah Siswa,Kode-Sekolah,nama_sekolah,jumlah_guru\n320,S1,SDN 1,20\n300,S2,SDN 2,18\n");

        var diff = await CompareAsync(v2, v1);

        diff.ByKey.ShouldBeTrue();
        diff.KeyColumns.ShouldBe(["Kode-Sekolah"]);
        diff.ColumnsAdded.ShouldBe(["jumlah_guru"]);
        diff.ColumnsRemoved.ShouldBe(["akreditasi"]);
        (diff.Added, diff.Removed, diff.Changed).ShouldBe((0, 0, 1));
        var change = diff.Changes.ShouldHaveSingleItem();
        change.Label.ShouldBe("S2");
        change.Cells.ShouldBe([new CellChange("Jumlah Siswa", "280", "300")]);
    }

    [Fact]
    public async Task Without_key_columns_whole_rows_are_matched_so_rows_are_only_added_or_removed()
    {
        var dataset = await _harness.DatasetAsync("kegiatan", [new("kegiatan", ColumnType.Text, Required: true), new("peserta", ColumnType.WholeNumber)]);
        var v1 = await _harness.UploadAsync(dataset, "kegiatan,peserta\nLomba,40\nLomba,40\nPelatihan,25\n", "2026-10");
        var v2 = await _harness.UploadAsync(dataset, "kegiatan,peserta\nLomba,40\nPelatihan,30\nSosialisasi,\n");

        var diff = await CompareAsync(v2, v1);

        diff.ByKey.ShouldBeFalse();
        diff.KeyColumns.ShouldBeEmpty();
        // One "Lomba,40" pairs off, its twin is removed; a changed count reads as one row removed and one added.
        (diff.Added, diff.Removed, diff.Changed).ShouldBe((2, 2, 0));
        diff.Changes.Select(c => (c.Kind, c.Label)).ShouldBe(
        [
            (RowChangeKind.Added, "Pelatihan · 30"), (RowChangeKind.Added, "Sosialisasi · -"),
            (RowChangeKind.Removed, "Lomba · 40"), (RowChangeKind.Removed, "Pelatihan · 25"),
        ]);
        diff.Changes.ShouldAllBe(c => c.Cells.Count == 0);
    }

    [Fact]
    public async Task Twenty_thousand_rows_are_compared_in_the_database_and_read_one_page_at_a_time()
    {
        var dataset = await _harness.DatasetAsync("penduduk-per-rt", [new("rt", ColumnType.Text, Required: true, Key: true), new("jiwa", ColumnType.WholeNumber, Required: true)]);
        var older = new StringBuilder("rt,jiwa\n");
        var newer = new StringBuilder("rt,jiwa\n");
        for (var i = 0; i < 20_000; i++)
        {
            older.Append("RT-").Append(i).Append(',').Append(100 + (i % 50)).Append('\n');
            // 50 removed (the last ones), 100 changed (every 150th), the rest the same.
            if (i < 19_950)
            {
                newer.Append("RT-").Append(i).Append(',').Append(100 + (i % 50) + (i % 150 == 0 ? 1 : 0)).Append('\n');
            }
        }

        for (var i = 0; i < 30; i++)
        {
            newer.Append("RT-BARU-").Append(i).Append(",7\n");
        }

        var v1 = await _harness.UploadAsync(dataset, older.ToString(), "2026-10");
        var v2 = await _harness.UploadAsync(dataset, newer.ToString());

        var diff = await CompareAsync(v2, v1, page: 0, pageSize: 20);

        (diff.Added, diff.Removed, diff.Changed).ShouldBe((30, 50, 133));
        diff.Changes.Count.ShouldBe(20);
        diff.Changes[0].ShouldBe(new RowChange(RowChangeKind.Changed, 2, 2, "RT-0", [new CellChange("jiwa", "100", "101")]), new RowChangeComparer());
        var last = await CompareAsync(v2, v1, page: 10, pageSize: 20);
        last.Changes.Count.ShouldBe(13);
        last.Changes.ShouldAllBe(c => c.Kind == RowChangeKind.Removed);
    }

    [Fact]
    public async Task Another_opds_operator_cannot_compare_versions_they_may_not_read()
    {
        var dataset = await _harness.DatasetAsync("sekolah-dasar", Schools);
        var v1 = await _harness.UploadAsync(dataset, "kode_sekolah,nama_sekolah,jumlah_siswa,akreditasi\nS1,SDN 1,320,A\n", "2026-10");
        var v2 = await _harness.UploadAsync(dataset, "kode_sekolah,nama_sekolah,jumlah_siswa,akreditasi\nS1,SDN 1,321,A\n");

        (await Should.ThrowAsync<DomainRuleException>(() => CompareAsync(v2, v1, viewer: OtherOperator))).Errors.ShouldBe([Features.Review.ReviewErrors.VersionNotFound]);
        (await CompareAsync(v2, v1, viewer: Operator)).Changed.ShouldBe(1);
    }

    private sealed class RowChangeComparer : IEqualityComparer<RowChange>
    {
        public bool Equals(RowChange? x, RowChange? y) =>
            x is not null && y is not null && (x.Kind, x.NewerRow, x.OlderRow, x.Label) == (y.Kind, y.NewerRow, y.OlderRow, y.Label) && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(RowChange obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
