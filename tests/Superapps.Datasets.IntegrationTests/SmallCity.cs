using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small city's data list with known compliance answers, on 15 December 2026, 10.00 WIB (data for November due on the 10th):
/// <list type="bullet">
/// <item>Dinas Pendidikan: <c>jumlah-sekolah</c> uploaded 9 December and approved on the 12th (on time); <c>jumlah-guru</c> uploaded
/// 8 December and returned (late, uploaded). 50 %.</item>
/// <item>Dinas Kesehatan: <c>jumlah-puskesmas</c> uploaded 5 December, approved (on time); <c>cakupan-imunisasi</c> is due on the 20th,
/// nothing yet (not yet due). 100 %.</item>
/// <item>Dukcapil: <c>jumlah-penduduk</c> uploaded 11 December, approved (approved, uploaded late): 0 %. <c>kelahiran</c> is quarterly
/// (not due in December); <c>data-lama</c> is inactive.</item>
/// </list>
/// The monthly datasets are required from October 2026, due in November with nothing uploaded: November is 0 % for the city.
/// </summary>
internal static class SmallCity
{
    public static readonly DateTimeOffset Now = At(12, 15, 10);

    public static readonly Guid Operator = Guid.Parse("0195d0a0-0000-7000-8000-0000000000e1");
    public static readonly Guid Walidata = Guid.Parse("0195d0a0-0000-7000-8000-0000000000e2");

    public static DateTimeOffset At(int month, int day, int hour) => new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static Dataset Monthly(string code, string title, Guid agency, int dueDay = 10, string since = "2026-10") =>
        Dataset.Create(code, title, null, agency, DatasetSchema.Create([new("nilai", ColumnType.WholeNumber)]), new UpdateSchedule(UpdateFrequency.Monthly, dueDay),
            ReportingPeriod.Parse(UpdateFrequency.Monthly, since), At(9, 1, 8));

    /// <summary>A version of the dataset for the period uploaded at <paramref name="uploadedAt"/> by <paramref name="uploader"/>.</summary>
    public static DatasetVersion Version(Dataset dataset, string period, int number, DateTimeOffset uploadedAt, Guid? uploader = null) =>
        DatasetVersion.Submit(dataset.Id, ReportingPeriod.Parse(dataset.Frequency, period), number, "data.csv", 10, 1, uploader ?? Operator, "Operator Data",
            dataset.Schema, uploadedAt);

    public static async Task<Dictionary<string, Dataset>> SeedAsync(IDbContextFactory<DatasetsDbContext> contexts, CancellationToken ct)
    {
        var sekolah = Monthly("jumlah-sekolah", "Jumlah Sekolah", CityDirectory.Disdik.AgencyId);
        var guru = Monthly("jumlah-guru", "Jumlah Guru", CityDirectory.Disdik.AgencyId);
        var puskesmas = Monthly("jumlah-puskesmas", "Jumlah Puskesmas", CityDirectory.Dinkes.AgencyId);
        var imunisasi = Monthly("cakupan-imunisasi", "Cakupan Imunisasi", CityDirectory.Dinkes.AgencyId, dueDay: 20);
        var penduduk = Monthly("jumlah-penduduk", "Jumlah Penduduk", CityDirectory.Dukcapil.AgencyId);
        var kelahiran = Dataset.Create("kelahiran", "Kelahiran", null, CityDirectory.Dukcapil.AgencyId, DatasetSchema.Create([new("nilai", ColumnType.WholeNumber)]),
            new UpdateSchedule(UpdateFrequency.Quarterly, 15), new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 3), At(9, 1, 8));
        var lama = Monthly("data-lama", "Data Lama", CityDirectory.Dukcapil.AgencyId);
        lama.Deactivate(At(9, 2, 8));

        var sekolahNov = Version(sekolah, "2026-11", 1, At(12, 9, 14));
        sekolahNov.Approve(Walidata, "Walidata", null, At(12, 12, 9));
        var guruNov = Version(guru, "2026-11", 1, At(12, 8, 14));
        guruNov.Return([ReturnReason.Incomplete], Walidata, "Walidata", null, At(12, 9, 9));
        var puskesmasNov = Version(puskesmas, "2026-11", 1, At(12, 5, 14));
        puskesmasNov.Approve(Walidata, "Walidata", null, At(12, 6, 9));
        var pendudukNov = Version(penduduk, "2026-11", 1, At(12, 11, 8));
        pendudukNov.Approve(Walidata, "Walidata", null, At(12, 11, 9));

        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Datasets.AddRange(sekolah, guru, puskesmas, imunisasi, penduduk, kelahiran, lama);
        db.Versions.AddRange(sekolahNov, guruNov, puskesmasNov, pendudukNov);
        await db.SaveChangesAsync(ct);
        return new[] { sekolah, guru, puskesmas, imunisasi, penduduk, kelahiran, lama }.ToDictionary(d => d.Code);
    }
}
