using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Uploads;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests.OpenData;

/// <summary>
/// The open-data tests' city on 2 December 2026, 09.00 WIB: datasets uploaded through the real upload path and approved through
/// <see cref="DatasetVersion.Approve"/> (the review service is not needed), next to versions that must never be public.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>jumlah-sekolah</c> (DISDIK, monthly): October and November approved; a newer November upload waits for review ("RAHASIA").</item>
/// <item><c>jumlah-penduduk</c> (DUKCAPIL, monthly): October approved; November returned ("BOCOR").</item>
/// <item><c>realisasi-anggaran</c> (DUKCAPIL, monthly): only September approved, so October (due 10 November) is late.</item>
/// <item><c>jumlah-puskesmas</c> (DISDIK, yearly): 2025 approved, then no longer required (inactive).</item>
/// <item><c>data-rahasia</c> (DISDIK): only an upload waiting for review: not public at all.</item>
/// </list>
/// </remarks>
internal static class OpenDataWorld
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly AgencyProfile Disdik = TestOrganizationDirectory.Agency("DISDIK", "Dinas Pendidikan");
    public static readonly AgencyProfile Dukcapil = TestOrganizationDirectory.Agency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");

    public static readonly Uploader DisdikOperator = new(Guid.CreateVersion7(), "Sari (Operator Data DISDIK)", Disdik.AgencyId);
    public static readonly Uploader DukcapilOperator = new(Guid.CreateVersion7(), "Rudi (Operator Data DUKCAPIL)", Dukcapil.AgencyId);
    public static readonly Guid Walidata = Guid.CreateVersion7();

    /// <summary>November's school data: cells a spreadsheet would run as formulas, a comma and quotes, a negative decimal.</summary>
    public const string SchoolsNovember =
        "sekolah,jenjang,jumlah_siswa,perubahan,dibuka\n"
        + "SDN 1 Telanaipura,SD,420,-2.5,2001-07-15\n"
        + "\"=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\")\",SMP,310,1.25,1999-01-04\n"
        + "@SUM(A1),SMA,280,0,2010-08-01\n"
        + "\"SMPN 7, \"\"Unggulan\"\"\",SMP,505,3,1985-03-20\n";

    public static readonly IReadOnlyList<string> Codes = ["jumlah-sekolah", "jumlah-penduduk", "realisasi-anggaran", "jumlah-puskesmas"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var schools = await AddAsync(services, "jumlah-sekolah", "Jumlah Sekolah dan Siswa", "Sekolah negeri dan swasta per jenjang, dengan jumlah siswanya.",
            Disdik, UpdateFrequency.Monthly, "2026-01", ["sekolah", "pendidikan"],
            [new("sekolah", ColumnType.Text, true, true), new("jenjang", ColumnType.Text), new("jumlah_siswa", ColumnType.WholeNumber),
                new("perubahan", ColumnType.Number), new("dibuka", ColumnType.Date)], ct);
        await UploadAsync(services, schools, "2026-10", DisdikOperator,
            "sekolah,jenjang,jumlah_siswa,perubahan,dibuka\nSDN 1 Telanaipura,SD,418,0,2001-07-15\n", approveAt: Now.AddDays(-30), ct);
        await UploadAsync(services, schools, "2026-11", DisdikOperator, SchoolsNovember, approveAt: Now.AddHours(-20), ct);
        await UploadAsync(services, schools, "2026-11", DisdikOperator,
            "sekolah,jenjang,jumlah_siswa,perubahan,dibuka\nRAHASIA,SD,1,0,2001-07-15\n", approveAt: null, ct);

        var population = await AddAsync(services, "jumlah-penduduk", "Jumlah Penduduk per Kecamatan", "Penduduk menurut kecamatan.", Dukcapil,
            UpdateFrequency.Monthly, "2026-01", ["penduduk", "kependudukan"], [new("kecamatan", ColumnType.Text, true, true), new("jumlah", ColumnType.WholeNumber)], ct);
        await UploadAsync(services, population, "2026-10", DukcapilOperator, "kecamatan,jumlah\nKota Baru,12500\nTelanaipura,9800\n", approveAt: Now.AddDays(-25), ct);
        var returned = await UploadAsync(services, population, "2026-11", DukcapilOperator, "kecamatan,jumlah\nBOCOR,1\n", approveAt: null, ct);
        await ReviewAsync(services, returned, v => v.Return([ReturnReason.Other], Walidata, "Walidata", "Angka belum final.", Now.AddHours(-2)), ct);

        var budget = await AddAsync(services, "realisasi-anggaran", "Realisasi Anggaran", null, Dukcapil, UpdateFrequency.Monthly, "2026-01", ["anggaran"],
            [new("bulan", ColumnType.Text, true, true), new("realisasi", ColumnType.Number)], ct);
        await UploadAsync(services, budget, "2026-09", DukcapilOperator, "bulan,realisasi\nSeptember,1500000.5\n", approveAt: Now.AddDays(-60), ct);

        var clinics = await AddAsync(services, "jumlah-puskesmas", "Jumlah Puskesmas", "Puskesmas per kecamatan.", Disdik, UpdateFrequency.Yearly, "2025",
            ["kesehatan"], [new("kecamatan", ColumnType.Text, true, true), new("puskesmas", ColumnType.WholeNumber)], ct);
        await UploadAsync(services, clinics, "2025", DisdikOperator, "kecamatan,puskesmas\nKota Baru,3\n", approveAt: Now.AddDays(-200), ct);
        await using (var db = await Contexts(services).CreateDbContextAsync(ct))
        {
            var entry = await db.Datasets.SingleAsync(d => d.Id == clinics.Id, ct);
            entry.Deactivate(Now.AddDays(-100));
            await db.SaveChangesAsync(ct);
        }

        var secret = await AddAsync(services, "data-rahasia", "Data Rahasia", null, Disdik, UpdateFrequency.Monthly, "2026-01", [],
            [new("nama", ColumnType.Text)], ct);
        await UploadAsync(services, secret, "2026-11", DisdikOperator, "nama\nRAHASIA\n", approveAt: null, ct);
    }

    private static IDbContextFactory<DatasetsDbContext> Contexts(IServiceProvider services) => services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>();

    private static async Task<Dataset> AddAsync(IServiceProvider services, string code, string title, string? description, AgencyProfile producer,
        UpdateFrequency frequency, string firstPeriod, string[] keywords, DatasetColumn[] columns, CancellationToken ct)
    {
        var dataset = Dataset.Create(code, title, description, producer.AgencyId, DatasetSchema.Create(columns), new UpdateSchedule(frequency, 10),
            ReportingPeriod.Parse(frequency, firstPeriod), Now.AddYears(-1));
        dataset.Describe(keywords, null, Now.AddYears(-1));
        await using var db = await Contexts(services).CreateDbContextAsync(ct);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        return dataset;
    }

    private static async Task<Guid> UploadAsync(IServiceProvider services, Dataset dataset, string period, Uploader uploader, string csv,
        DateTimeOffset? approveAt, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await scope.ServiceProvider.GetRequiredService<DatasetUploads>().UploadAsync(dataset.Id, period, file, $"{dataset.Code}.csv", uploader,
            cancellationToken: ct);
        result.Report.IsValid.ShouldBeTrue(string.Join("; ", result.Report.Errors));
        var id = result.VersionId!.Value;
        if (approveAt is { } at)
        {
            await ReviewAsync(services, id, v => v.Approve(Walidata, "Walidata", null, at), ct);
        }

        return id;
    }

    private static async Task ReviewAsync(IServiceProvider services, Guid versionId, Action<DatasetVersion> review, CancellationToken ct)
    {
        await using var db = await Contexts(services).CreateDbContextAsync(ct);
        review(await db.Versions.SingleAsync(v => v.Id == versionId, ct));
        await db.SaveChangesAsync(ct);
    }

}

/// <summary>The organisation the open-data tests need: the two producing OPDs.</summary>
internal sealed class OpenDataDirectory() : TestOrganizationDirectory([OpenDataWorld.Disdik, OpenDataWorld.Dukcapil]);
