using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Datasets.Domain;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Data.Seed;

/// <summary>
/// Demo data: the demo city's data list, ten datasets of six OPDs with realistic columns, and approved versions with rows for the past
/// periods, relative to the clock. Today Dinas Pendidikan (DISDIK) is on time; Dinas Kesehatan (DINKES) is late on its monthly visits
/// (last month's data missing, with an upload waiting for the walidata's review); Dinas Perhubungan (DISHUB) is very late on its traffic
/// counts (three months missing). Runs once, on an empty data list, with the demo data and <see cref="DatasetsOptions.SeedDemoDatasets"/>.
/// </summary>
internal sealed class DemoDatasetsSeeder : IDatabaseInitializer
{
    public int Order => 260;

    public string Name => "demo:datasets";

    private enum Standing
    {
        OnTime,
        Late,
        VeryLate,
    }

    private sealed record Demo(string Code, string Title, string Description, string Agency, UpdateFrequency Frequency, int DueDay, Standing Standing,
        string[] Keywords, DatasetColumn[] Columns, Func<Random, IReadOnlyList<string>, IEnumerable<string?[]>> Rows);

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<DatasetsOptions>>().Value.SeedDemoDatasets)
        {
            return;
        }

        var contexts = services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Datasets.AnyAsync(cancellationToken))
        {
            return;
        }

        var directory = services.GetRequiredService<IOrganizationDirectory>();
        var agencies = (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        if (agencies.Count == 0)
        {
            return;
        }

        var employees = await directory.ListActiveEmployeesAsync(cancellationToken);
        var reviewer = employees.FirstOrDefault(e => e.Positions.Any(p => p.Title.Contains("Walidata", StringComparison.OrdinalIgnoreCase)))
            ?? employees.FirstOrDefault(e => agencies.TryGetValue("DISKOMINFO", out var d) && e.AgencyId == d.AgencyId);
        var (reviewerId, reviewerName) = reviewer is null ? (Guid.CreateVersion7(), "Walidata Diskominfo") : (reviewer.EmployeeId, reviewer.Name);
        var kecamatan = agencies.Values.Where(a => a.Kind == AgencyKind.Kecamatan).Select(a => a.Name.Replace("Kecamatan ", string.Empty, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (kecamatan.Count == 0)
        {
            kecamatan = ["Kota Baru", "Pasar", "Telanaipura"];
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        foreach (var demo in Demos().Where(d => agencies.ContainsKey(d.Agency)))
        {
            var agency = agencies[demo.Agency];
            var uploader = employees.Where(e => e.AgencyId == agency.AgencyId && e.EmployeeId != reviewerId)
                .OrderByDescending(e => e.Positions.Any(p => p.Title.Contains("Data", StringComparison.OrdinalIgnoreCase))).FirstOrDefault();
            var (uploaderId, uploaderName) = uploader is null ? (Guid.CreateVersion7(), "Operator Data " + agency.ShortName) : (uploader.EmployeeId, uploader.Name);
            var schedule = new UpdateSchedule(demo.Frequency, demo.DueDay);
            var latestDue = schedule.LatestDue(today);
            var since = Back(latestDue, demo.Frequency == UpdateFrequency.Monthly ? 11 : 3);
            var lastApproved = demo.Standing switch
            {
                Standing.OnTime => latestDue,
                Standing.Late => latestDue.Previous(),
                _ => Back(latestDue, 3),
            };
            var dataset = Dataset.Create(demo.Code, demo.Title, demo.Description, agency.AgencyId, DatasetSchema.Create(demo.Columns), schedule, since,
                At(schedule.DueOn(since).AddMonths(-2)));
            dataset.Describe(demo.Keywords, Dataset.DefaultLicense, At(schedule.DueOn(since).AddMonths(-2)));
            db.Datasets.Add(dataset);
            var number = 0;
            foreach (var period in since.Through(lastApproved))
            {
                var due = schedule.DueOn(period);
                var version = AddVersion(db, dataset, demo, period, ++number, uploaderId, uploaderName, At(due.AddDays(-3)), kecamatan);
                version.Approve(reviewerId, reviewerName, null, At(due.AddDays(-1)));
            }

            if (demo.Standing == Standing.Late)
            {
                // Last month's data came in after its due date and waits for the walidata.
                AddVersion(db, dataset, demo, latestDue, ++number, uploaderId, uploaderName, now.AddHours(-20), kecamatan);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DatasetVersion AddVersion(DatasetsDbContext db, Dataset dataset, Demo demo, ReportingPeriod period, int number, Guid uploaderId,
        string uploaderName, DateTimeOffset at, IReadOnlyList<string> kecamatan)
    {
        var random = new Random(demo.Code.Sum(c => c) * 1000 + (period.Year * 12) + period.Index);
        var rows = demo.Rows(random, kecamatan).ToList();
        var version = DatasetVersion.Submit(dataset.Id, period, number, $"{demo.Code}-{period.Key}.csv", 80L * rows.Count, rows.Count, uploaderId, uploaderName,
            dataset.Schema, at);
        db.Versions.Add(version);
        db.Rows.AddRange(rows.Select((values, i) => new DatasetRow { VersionId = version.Id, RowNumber = i + 2, Values = values }));
        return version;
    }

    private static ReportingPeriod Back(ReportingPeriod period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous();
        }

        return period;
    }

    // Uploads and reviews happen at nine in the morning, WIB.
    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime();

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<Demo> Demos()
    {
        DatasetColumn Key(string name) => new(name, ColumnType.Text, Required: true, Key: true, MaxLength: 100);
        DatasetColumn Whole(string name) => new(name, ColumnType.WholeNumber, Required: true);
        string[] levels = ["SD", "SMP"];
        string[] transport = ["Angkutan kota", "Bus kota", "Taksi", "Ojek daring terdaftar"];
        string[] roads = ["Jalan Jenderal Sudirman", "Jalan Gatot Subroto", "Jalan Hayam Wuruk", "Jalan Sultan Agung", "Jalan Kapten Pattimura"];
        string[] programs = ["PKH", "BPNT", "PBI JK"];
        string[] places = ["Taman", "Kantor Camat"];

        yield return new("jumlah-sekolah-per-kecamatan", "Jumlah Sekolah dan Siswa per Kecamatan", "Sekolah dasar dan menengah pertama, negeri dan swasta, dengan jumlah siswanya per kecamatan.",
            "DISDIK", UpdateFrequency.Monthly, 10, Standing.OnTime, ["pendidikan", "sekolah", "siswa"],
            [Key("kecamatan"), Key("jenjang"), Whole("jumlah_sekolah"), Whole("jumlah_siswa")],
            (r, kec) => kec.SelectMany(k => levels.Select(l => new string?[] { k, l, N(r.Next(8, 30)), N(r.Next(1500, 6000)) })));
        yield return new("jumlah-guru-per-jenjang", "Jumlah Guru per Jenjang", "Guru PNS, PPPK dan honorer di sekolah negeri per jenjang.",
            "DISDIK", UpdateFrequency.HalfYearly, 15, Standing.OnTime, ["pendidikan", "guru"],
            [Key("jenjang"), Whole("guru_pns"), Whole("guru_pppk"), Whole("guru_honorer")],
            (r, _) => levels.Select(l => new string?[] { l, N(r.Next(400, 900)), N(r.Next(100, 300)), N(r.Next(150, 500)) }));
        yield return new("kunjungan-puskesmas", "Kunjungan Pasien Puskesmas", "Kunjungan rawat jalan per puskesmas per bulan.",
            "DINKES", UpdateFrequency.Monthly, 10, Standing.Late, ["kesehatan", "puskesmas"],
            [Key("puskesmas"), new("kecamatan", ColumnType.Text, Required: true), Whole("kunjungan_rawat_jalan"), Whole("kunjungan_bpjs")],
            (r, kec) => kec.Select(k => new string?[] { "Puskesmas " + k, k, N(r.Next(1500, 4000)), N(r.Next(900, 1500)) }));
        yield return new("cakupan-imunisasi-dasar", "Cakupan Imunisasi Dasar Lengkap", "Bayi yang mendapat imunisasi dasar lengkap dibanding sasaran, per kecamatan.",
            "DINKES", UpdateFrequency.Quarterly, 20, Standing.OnTime, ["kesehatan", "imunisasi", "bayi"],
            [Key("kecamatan"), Whole("sasaran_bayi"), Whole("imunisasi_lengkap"), new("persentase", ColumnType.Number, Required: true)],
            (r, kec) => kec.Select(k =>
            {
                var target = r.Next(300, 900);
                var done = (int)(target * (0.8 + (r.NextDouble() * 0.18)));
                return new string?[] { k, N(target), N(done), D(100.0 * done / target) };
            }));
        yield return new("jumlah-penduduk-per-kecamatan", "Jumlah Penduduk per Kecamatan", "Penduduk menurut jenis kelamin per kecamatan, dari data konsolidasi bersih.",
            "DISDUKCAPIL", UpdateFrequency.HalfYearly, 15, Standing.OnTime, ["kependudukan", "penduduk"],
            [Key("kecamatan"), Whole("laki_laki"), Whole("perempuan"), Whole("jumlah")],
            (r, kec) => kec.Select(k =>
            {
                var (men, women) = (r.Next(20_000, 45_000), r.Next(20_000, 45_000));
                return new string?[] { k, N(men), N(women), N(men + women) };
            }));
        yield return new("penerbitan-ktp-el", "Penerbitan KTP Elektronik", "KTP-el yang dicetak per kecamatan per bulan.",
            "DISDUKCAPIL", UpdateFrequency.Monthly, 5, Standing.OnTime, ["kependudukan", "ktp"],
            [Key("kecamatan"), Whole("ktp_el_dicetak"), new("tanggal_rekap", ColumnType.Date)],
            (r, kec) => kec.Select(k => new string?[] { k, N(r.Next(200, 900)), null }));
        yield return new("volume-lalu-lintas", "Volume Lalu Lintas Ruas Jalan Utama", "Rata-rata kendaraan per hari pada ruas jalan utama, dari penghitung otomatis.",
            "DISHUB", UpdateFrequency.Monthly, 10, Standing.VeryLate, ["perhubungan", "lalu lintas"],
            [Key("ruas_jalan"), Whole("kendaraan_per_hari"), new("jam_puncak", ColumnType.Text, MaxLength: 20)],
            (r, _) => roads.Select(road => new string?[] { road, N(r.Next(12_000, 48_000)), r.Next(2) == 0 ? "07.00-08.00" : "16.00-17.00" }));
        yield return new("jumlah-angkutan-umum", "Jumlah Armada Angkutan Umum", "Armada angkutan umum berizin menurut jenisnya.",
            "DISHUB", UpdateFrequency.Yearly, 31, Standing.OnTime, ["perhubungan", "angkutan umum"],
            [Key("jenis_angkutan"), Whole("jumlah_armada"), Whole("trayek_aktif")],
            (r, _) => transport.Select(t => new string?[] { t, N(r.Next(40, 900)), N(r.Next(0, 25)) }));
        yield return new("titik-wifi-publik", "Titik Wi-Fi Publik", "Titik akses internet gratis milik pemerintah kota dan statusnya.",
            "DISKOMINFO", UpdateFrequency.Quarterly, 15, Standing.OnTime, ["teknologi informasi", "internet", "wifi"],
            [Key("lokasi"), new("kecamatan", ColumnType.Text, Required: true), new("aktif", ColumnType.Boolean, Required: true), new("kecepatan_mbps", ColumnType.Number)],
            (r, kec) => kec.SelectMany(k => places.Select(place => new string?[] { $"{place} {k}", k, r.Next(10) > 0 ? "true" : "false", D(10 + (r.NextDouble() * 40)) })));
        yield return new("penerima-bantuan-sosial", "Penerima Bantuan Sosial", "Keluarga penerima manfaat per program per kecamatan.",
            "DINSOS", UpdateFrequency.Quarterly, 20, Standing.OnTime, ["sosial", "bantuan"],
            [Key("kecamatan"), Key("program"), Whole("jumlah_kpm")],
            (r, kec) => kec.SelectMany(k => programs.Select(p => new string?[] { k, p, N(r.Next(300, 2500)) })));
    }
}
