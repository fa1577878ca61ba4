using System.Text;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Validation;
using Superapps.Tabular;

namespace Superapps.Datasets.Tests;

public sealed class UploadValidatorTests
{
    private static readonly DatasetSchema Population = DatasetSchema.Create([
        new("kecamatan", ColumnType.Text, Required: true, Key: true),
        new("jumlah_penduduk", ColumnType.WholeNumber, Required: true),
        new("luas_km2", ColumnType.Number),
        new("tanggal_data", ColumnType.Date),
    ]);

    private sealed class Rows : IValidRowSink
    {
        public List<(int Row, string?[] Values)> Received { get; } = [];

        public ValueTask AddAsync(int row, IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            Received.Add((row, [.. values]));
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<(ValidationReport Report, Rows Sink)> ValidateAsync(string csv, ValidationLimits? limits = null, Encoding? encoding = null)
    {
        var sink = new Rows();
        using var stream = new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(csv));
        return (await UploadValidator.ValidateAsync(stream, TabularFormat.Csv, Population, sink, limits), sink);
    }

    [Fact]
    public async Task A_valid_file_streams_its_rows_in_schema_order_whatever_the_header_order()
    {
        var (report, sink) = await ValidateAsync("Luas KM2;Kecamatan;Tanggal Data;Jumlah Penduduk\n25,5;Kota Baru;30/11/2026;12500\n;Pasar;;8000\n");

        report.IsValid.ShouldBeTrue();
        report.Rows.ShouldBe(2);
        sink.Received.Select(r => r.Row).ShouldBe([2, 3]);
        sink.Received[0].Values.ShouldBe(["Kota Baru", "12500", "25.5", "2026-11-30"]);
        sink.Received[1].Values.ShouldBe(["Pasar", "8000", null, null]);
    }

    [Fact]
    public async Task Bad_values_are_reported_by_row_and_column_and_their_rows_are_not_passed_on()
    {
        var (report, sink) = await ValidateAsync(
            "kecamatan,jumlah_penduduk,luas_km2,tanggal_data\nKota Baru,12.500,25,2026-11-30\n,100,1,\nPasar,8000,x,31/11/2026\nTelanaipura,9000,3,\n");

        report.IsValid.ShouldBeFalse();
        report.FileErrors.ShouldBeEmpty();
        report.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe([
            (2, "jumlah_penduduk", "datasets.value.integer"),
            (3, "kecamatan", "datasets.value.required"),
            (4, "luas_km2", "datasets.value.decimal"),
            (4, "tanggal_data", "datasets.value.date"),
        ]);
        report.ErrorCount.ShouldBe(4);
        sink.Received.ShouldHaveSingleItem().Row.ShouldBe(5);
    }

    [Fact]
    public async Task A_repeated_key_names_the_row_that_had_it_first()
    {
        var (report, _) = await ValidateAsync("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\nPasar,1,,\nKota Baru,2,,\npasar,3,,\nPasar,4,,\n");

        var error = report.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Error.Code).ShouldBe((5, "kecamatan", "datasets.value.duplicate-key"));
        error.Error.Indonesian.ShouldContain("baris 2");
    }

    [Fact]
    public async Task Missing_and_unknown_columns_are_named_and_no_row_is_read()
    {
        var (report, sink) = await ValidateAsync("kecamatan,jumlah_penduduk,keterangan\nPasar,1,x\n");

        report.FileErrors.Select(e => e.Code).ShouldBe(["tabular.missing-columns", "tabular.unknown-columns"]);
        report.FileErrors[0].Indonesian.ShouldContain("luas_km2");
        report.FileErrors[0].Indonesian.ShouldContain("tanggal_data");
        report.FileErrors[1].English.ShouldContain("keterangan");
        sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_header_read_as_one_column_points_at_the_separator()
    {
        var (report, _) = await ValidateAsync("kecamatan|jumlah_penduduk|luas_km2|tanggal_data\nPasar|1||\n");

        report.FileErrors.ShouldHaveSingleItem().Code.ShouldBe("datasets.file.delimiter");
        report.FileErrors[0].Indonesian.ShouldContain("\"|\"");
    }

    [Fact]
    public async Task Cells_beyond_the_header_are_refused()
    {
        var (report, _) = await ValidateAsync("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\nPasar,1,,,lebih\nKota Baru,2,,,\n");

        report.Errors.ShouldHaveSingleItem().ShouldBe(new RowError(2, null, DatasetErrors.ExtraCells));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_as_a_whole()
    {
        var (report, sink) = await ValidateAsync("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\nKelurahan Sénéng,1,,\n",
            encoding: Encoding.Latin1);

        report.FileErrors.ShouldHaveSingleItem().ShouldBe(TabularErrors.NotUtf8);
        report.IsValid.ShouldBeFalse();
        sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_header_alone_or_an_empty_file_is_refused()
    {
        (await ValidateAsync("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\n")).Report.FileErrors.ShouldHaveSingleItem().ShouldBe(DatasetErrors.NoRows);
        (await ValidateAsync(string.Empty)).Report.FileErrors.ShouldHaveSingleItem().ShouldBe(TabularErrors.Empty);
    }

    [Fact]
    public async Task Past_the_row_limit_the_file_is_refused()
    {
        var (report, _) = await ValidateAsync("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\nA,1,,\nB,2,,\nC,3,,\n", new ValidationLimits(MaxRows: 2));

        report.FileErrors.ShouldHaveSingleItem().Code.ShouldBe("tabular.too-many-rows");
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task Errors_are_listed_up_to_the_limit_and_all_counted()
    {
        var csv = new StringBuilder("kecamatan,jumlah_penduduk,luas_km2,tanggal_data\n");
        for (var i = 0; i < 50; i++)
        {
            csv.Append('K').Append(i).Append(",banyak,,\n");
        }

        var (report, _) = await ValidateAsync(csv.ToString(), new ValidationLimits(MaxListedErrors: 10));

        report.Errors.Count.ShouldBe(10);
        report.Errors[^1].Row.ShouldBe(11);
        report.ErrorCount.ShouldBe(50);
    }
}
