using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Uploads;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>Uploads on real PostgreSQL with the real migrations: a valid file becomes a version with its rows, a bad one leaves nothing.</summary>
public sealed class UploadTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Guid Dukcapil = Guid.Parse("0195d0a0-0000-7000-8000-0000000000c1");
    private static readonly Uploader Operator = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000e1"), "Sari (Operator Data)", Dukcapil);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;
    private Dataset _dataset = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await ModuleServices.CreateAsync(server, s => s.AddDatasetsModule().AddSingleton<Organization.Contracts.IOrganizationDirectory, ReviewDirectory>(),
            clock: new TestClock(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero)));
        _dataset = Dataset.Create("jumlah-penduduk-per-kecamatan", "Jumlah Penduduk per Kecamatan", null, Dukcapil,
            DatasetSchema.Create([new("kecamatan", ColumnType.Text, Required: true, Key: true), new("jumlah_penduduk", ColumnType.WholeNumber, Required: true)]),
            new UpdateSchedule(UpdateFrequency.Monthly, 10), new ReportingPeriod(UpdateFrequency.Monthly, 2026, 1), DateTimeOffset.UtcNow);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        db.Datasets.Add(_dataset);
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private IDbContextFactory<DatasetsDbContext> Contexts => _services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>();

    private async Task<UploadResult> UploadAsync(string csv, string period = "2026-11", Uploader? uploader = null)
    {
        await using var scope = _services.CreateScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<DatasetUploads>().UploadAsync(_dataset.Id, period, file, "penduduk.csv", uploader ?? Operator, cancellationToken: Ct);
    }

    [Fact]
    public async Task A_valid_file_becomes_a_submitted_version_with_its_rows_in_schema_order()
    {
        var result = await UploadAsync("jumlah_penduduk;kecamatan\n12500;Kota Baru\n8000;Pasar Jambi\n");

        result.Report.IsValid.ShouldBeTrue();
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var version = await db.Versions.SingleAsync(v => v.Id == result.VersionId, Ct);
        (version.Status, version.Period, version.Number, version.RowCount).ShouldBe((VersionStatus.Submitted, "2026-11", 1, 2));
        var rows = await db.Rows.Where(r => r.VersionId == version.Id).OrderBy(r => r.RowNumber).ToListAsync(Ct);
        rows.Select(r => (r.RowNumber, r.Values[0], r.Values[1])).ShouldBe([(2, "Kota Baru", "12500"), (3, "Pasar Jambi", "8000")]);
        _services.Audit.Events.ShouldContain(e => e.Action == "version.submitted" && e.EntityId == version.Id.ToString());

        version.Columns.Select(c => c.Name).ShouldBe(["kecamatan", "jumlah_penduduk"]);

        (await UploadAsync("kecamatan,jumlah_penduduk\nKota Baru,12600\n")).Report.IsValid.ShouldBeTrue();
        (await db.Versions.Where(v => v.DatasetId == _dataset.Id).Select(v => v.Number).OrderBy(n => n).ToListAsync(Ct)).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task A_newer_upload_for_the_same_period_replaces_the_one_waiting_for_review_but_not_another_periods()
    {
        var first = await UploadAsync("kecamatan,jumlah_penduduk\nKota Baru,12500\n");
        var october = await UploadAsync("kecamatan,jumlah_penduduk\nKota Baru,12400\n", period: "2026-10");
        var second = await UploadAsync("kecamatan,jumlah_penduduk\nKota Baru,12510\n");

        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var statuses = await db.Versions.Where(v => v.DatasetId == _dataset.Id).ToDictionaryAsync(v => v.Id, v => v.Status, Ct);
        statuses[first.VersionId!.Value].ShouldBe(VersionStatus.Superseded);
        statuses[october.VersionId!.Value].ShouldBe(VersionStatus.Submitted);
        statuses[second.VersionId!.Value].ShouldBe(VersionStatus.Submitted);
    }

    [Fact]
    public async Task A_file_with_one_bad_value_leaves_no_version_and_no_rows()
    {
        var result = await UploadAsync("kecamatan,jumlah_penduduk\nKota Baru,12500\nPasar Jambi,delapan ribu\nTelanaipura,9000\n");

        result.VersionId.ShouldBeNull();
        result.Report.Errors.ShouldHaveSingleItem().ShouldBe(new Superapps.Tabular.RowError(3, "jumlah_penduduk", DatasetErrors.NotInteger));
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        (await db.Versions.CountAsync(Ct)).ShouldBe(0);
        (await db.Rows.CountAsync(Ct)).ShouldBe(0);
        _services.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_opd_or_a_period_off_the_schedule_is_refused_before_reading()
    {
        var other = Operator with { AgencyId = Guid.NewGuid() };
        (await Should.ThrowAsync<DomainRuleException>(() => UploadAsync("kecamatan,jumlah_penduduk\nA,1\n", uploader: other))).Errors.ShouldBe([UploadErrors.NotProducer]);
        (await Should.ThrowAsync<DomainRuleException>(() => UploadAsync("kecamatan,jumlah_penduduk\nA,1\n", period: "2026-Q4"))).Errors.ShouldBe([UploadErrors.Period]);
        // December is still running on 2 December, and nothing before the first required period (January 2026) is asked for.
        (await Should.ThrowAsync<DomainRuleException>(() => UploadAsync("kecamatan,jumlah_penduduk\nA,1\n", period: "2026-12"))).Errors.ShouldBe([UploadErrors.Period]);
        (await Should.ThrowAsync<DomainRuleException>(() => UploadAsync("kecamatan,jumlah_penduduk\nA,1\n", period: "2025-12"))).Errors.ShouldBe([UploadErrors.Period]);
    }

    [Fact]
    public async Task Many_rows_stream_through_in_one_upload()
    {
        var csv = new StringBuilder("kecamatan,jumlah_penduduk\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append("Kelurahan ").Append(i).Append(',').Append(1000 + i).Append('\n');
        }

        var result = await UploadAsync(csv.ToString());

        result.Report.Rows.ShouldBe(20_000);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        (await db.Rows.CountAsync(r => r.VersionId == result.VersionId, Ct)).ShouldBe(20_000);
    }
}
