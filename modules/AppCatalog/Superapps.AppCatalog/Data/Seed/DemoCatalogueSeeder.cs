using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Data.Seed;

/// <summary>
/// Demo data: the demo city's catalogue of 72 applications (fictional vendors, hosts under <c>kota.example</c>) owned by the demo OPDs, 20 of
/// them retired (replaced by portal pages such as <c>/surat</c>, <c>/tiket</c>, <c>/data</c>, <c>/data-terbuka</c>, or with a notice), with yearly
/// costs, TIME decisions and 30 days of usage for the apps reached through the portal. One of them is the demo legacy app SIMPEG Lama
/// (<c>simpeg-lama</c>, signed headers, every employee), published with the upstream <see cref="AppCatalogOptions.DemoLegacyAppUrl"/>, and then
/// also as <c>simpeg-lama-sso</c> (OIDC). Runs once, on an empty catalogue, with the demo data and <see cref="AppCatalogOptions.SeedDemoCatalogue"/>.
/// </summary>
internal sealed class DemoCatalogueSeeder : IDatabaseInitializer
{
    public int Order => 270;

    public string Name => "demo:appcatalog";

    /// <summary>A demo app; <paramref name="Cost"/> in millions of rupiah a year; <paramref name="Retired"/> a replacement path (starting with /) or a notice.</summary>
    private sealed record Demo(string Slug, string Name, string Owner, string Vendor, string Technology, int Cost, int Users, AppStatus Status, TimeDecision Decision,
        string Purpose, string? Reasons = null, string? Retired = null, bool Public = false, string[]? Roles = null);

    private const string Kominfo = "Server Diskominfo";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<AppCatalogOptions>>().Value;
        if (!options.SeedDemoCatalogue)
        {
            return;
        }

        var contexts = services.GetRequiredService<IDbContextFactory<AppCatalogDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Apps.AnyAsync(cancellationToken))
        {
            return;
        }

        var agencies = (await services.GetRequiredService<IOrganizationDirectory>().ListAgenciesAsync(cancellationToken))
            .GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        if (agencies.Count == 0)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var legacy = string.IsNullOrWhiteSpace(options.DemoLegacyAppUrl) ? null : options.DemoLegacyAppUrl.Trim();
        var apps = new List<CityApp>();
        var retiredDays = new Random(11);
        foreach (var demo in Demos(legacy is not null))
        {
            var owner = agencies.GetValueOrDefault(demo.Owner) ?? agencies.GetValueOrDefault("DISKOMINFO") ?? agencies.Values.First();
            var isLegacy = demo.Slug.StartsWith("simpeg-lama", StringComparison.Ordinal);
            var upstream = isLegacy ? legacy : $"http://{demo.Slug}.kota.example/";
            var proxied = demo.Status is AppStatus.Proxied or AppStatus.Retiring && upstream is not null;
            var status = isLegacy && legacy is null ? AppStatus.Active : demo.Status;
            var draft = new AppDraft(demo.Slug, demo.Name, owner.AgencyId, demo.Vendor, isLegacy ? null : $"https://{demo.Slug}.kota.example/", demo.Purpose,
                demo.Public ? "Warga dan pegawai" : $"Pegawai {owner.ShortName}", demo.Users, demo.Cost * 1_000_000L, demo.Technology, Kominfo,
                status == AppStatus.Retired ? AppStatus.Active : status, demo.Decision, demo.Reasons, demo.Public, demo.Roles,
                Upstream: proxied ? upstream : null,
                Identity: demo.Public ? IdentityMode.None : demo.Slug == "simpeg-lama-sso" ? IdentityMode.Oidc : proxied ? IdentityMode.SignedHeaders : IdentityMode.None,
                RetirementTarget: demo.Status == AppStatus.Retiring ? Wib.Today(clock).AddMonths(3) : null);
            var app = CityApp.Create(draft, owner.Name, now.AddDays(-120));
            if (demo.Retired is { } retired)
            {
                var path = retired.StartsWith('/') ? retired : null;
                app.Retire(path, path is null ? retired : null, path is null ? $"Helpdesk TIK Diskominfo (layanan {owner.ShortName})" : null, now.AddDays(-retiredDays.Next(10, 200)));
            }

            apps.Add(app);
        }

        db.Apps.AddRange(apps);
        await db.SaveChangesAsync(cancellationToken);
        await SeedUsageAsync(services.GetRequiredService<IAppUsageSink>(), apps, Wib.Today(clock), cancellationToken);
    }

    /// <summary>30 days of usage for the apps reached through the portal: fewer on weekends, a few with hardly any users (the retirement candidates).</summary>
    private static Task SeedUsageAsync(IAppUsageSink sink, IReadOnlyList<CityApp> apps, DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var batches = new List<AppUsageBatch>();
        foreach (var app in apps.Where(a => a.Status is AppStatus.Proxied or AppStatus.Retiring))
        {
            var scale = Math.Max(1, (app.UserCount ?? 20) / (random.Next(2) == 0 ? 20 : 4));
            for (var i = 29; i >= 0; i--)
            {
                var day = today.AddDays(-i);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var users = weekend ? random.Next(0, Math.Max(2, scale / 8)) : random.Next(Math.Max(1, scale / 2), scale + 1);
                var requests = (long)users * random.Next(8, 40);
                var buckets = new long[UsageLatency.BucketUpperBoundsMs.Count];
                for (var r = 0; r < requests; r++)
                {
                    buckets[UsageLatency.BucketOf(Math.Exp(random.NextDouble() * 6.5))]++;
                }

                batches.Add(new AppUsageBatch(app.Id, day, requests, random.Next(0, 100) < 15 ? random.Next(1, 6) : 0, buckets,
                    [.. Enumerable.Range(0, users).Select(u => $"demo-user-{random.Next(0, scale * 2)}")]));
            }
        }

        return sink.RecordAsync(batches, cancellationToken);
    }

    private static IEnumerable<Demo> Demos(bool withSso)
    {
        const AppStatus P = AppStatus.Proxied, A = AppStatus.Active, I = AppStatus.ToIntegrate, D = AppStatus.Adapted, R = AppStatus.Retiring, X = AppStatus.Retired;
        const TimeDecision T = TimeDecision.Tolerate, V = TimeDecision.Invest, M = TimeDecision.Migrate, E = TimeDecision.Eliminate;
        const string ToPortal = "Dipindahkan ke portal: satu pintu masuk, SSO, tanpa server sendiri.";
        const string Double = "Fungsinya sudah ada di portal; dua aplikasi untuk satu pekerjaan membingungkan dan menambah biaya.";
        yield return new("simpeg-lama", "SIMPEG Lama", "BKPSDM", "PT Data Nusantara", "PHP 5 + MySQL", 85, 180, P, M, "Data kepegawaian ASN: riwayat pangkat, jabatan dan pendidikan",
            "Dipakai semua operator kepegawaian; masuk portal lewat proxy dengan header identitas bertanda tangan sampai modul kepegawaian siap.");
        if (withSso)
        {
            yield return new("simpeg-lama-sso", "SIMPEG Lama (SSO)", "BKPSDM", "PT Data Nusantara", "PHP 5 + MySQL", 0, 180, P, M,
                "SIMPEG Lama yang masuk lewat OIDC ke server identitas portal", "Uji masuk tunggal OIDC sebelum semua aplikasi lama memakainya.");
        }

        yield return new("e-kinerja", "e-Kinerja ASN", "BKPSDM", "CV Kinerja Mandiri", "Laravel + PostgreSQL", 120, 4200, P, V, "Sasaran kinerja dan laporan harian pegawai");
        yield return new("e-absen", "e-Absen", "BKPSDM", "PT Hadir Tepat", "Java + Oracle", 95, 4300, P, T, "Absensi pegawai dengan mesin sidik jari");
        yield return new("sipadek", "SIPADEK", "BKPSDM", "CV Arsip Digital", "PHP + MySQL", 40, 250, P, M, "Penilaian dan pengembangan kompetensi pegawai", ToPortal);
        yield return new("simda-keuangan", "SIMDA Keuangan", "BPKAD", "BPKP (aplikasi nasional)", "VB6 + SQL Server", 150, 120, D, T, "Penatausahaan dan akuntansi keuangan daerah");
        yield return new("e-budgeting", "e-Budgeting", "BAPPEDA", "PT Anggaran Cerdas", "Laravel + MySQL", 210, 300, P, V, "Penyusunan RKA OPD dan APBD");
        yield return new("e-planning", "e-Planning", "BAPPEDA", "PT Anggaran Cerdas", "Laravel + MySQL", 160, 280, P, V, "Perencanaan pembangunan dan Musrenbang");
        yield return new("sirup-mirror", "SIRUP (cermin lokal)", "SETDA", "LKPP (aplikasi nasional)", "Java", 0, 90, A, T, "Rencana umum pengadaan, cermin data nasional");
        yield return new("lpse", "LPSE Kota", "SETDA", "LKPP (aplikasi nasional)", "Java + PostgreSQL", 60, 600, A, T, "Pengadaan barang/jasa secara elektronik", Public: true);
        yield return new("e-monev", "e-Monev Pembangunan", "BAPPEDA", "CV Pantau Proyek", "CodeIgniter + MySQL", 70, 150, P, M, "Monitoring realisasi fisik dan keuangan kegiatan", ToPortal);
        yield return new("simbg", "SIMBG Lokal", "DPUPR", "Kementerian PUPR", "PHP + PostgreSQL", 30, 60, A, T, "Persetujuan bangunan gedung", Public: true);
        yield return new("sipjalan", "SIP Jalan", "DPUPR", "CV Geo Infra", "PHP + PostGIS", 55, 40, P, T, "Peta kondisi jalan dan jembatan kota");
        yield return new("e-retribusi", "e-Retribusi", "BAPENDA", "PT Pajak Daerah Digital", "Java + Oracle", 180, 200, P, V, "Penagihan dan pembayaran retribusi daerah");
        yield return new("e-pbb", "e-PBB", "BAPENDA", "PT Pajak Daerah Digital", "Java + Oracle", 175, 150, P, V, "Pendataan dan penetapan PBB-P2");
        yield return new("e-bphtb", "e-BPHTB", "BAPENDA", "PT Pajak Daerah Digital", "Java + Oracle", 90, 80, P, T, "Validasi BPHTB bersama notaris");
        yield return new("sim-pajak-hotel", "SIM Pajak Hotel & Restoran", "BAPENDA", "CV Tapping Box", "PHP + MySQL", 110, 70, P, M, "Perekaman transaksi wajib pajak hotel dan restoran", ToPortal);
        yield return new("sim-puskesmas", "SIM Puskesmas", "DINKES", "PT Sehat Data", "Laravel + PostgreSQL", 240, 520, P, V, "Rekam medis dan pelayanan 20 puskesmas");
        yield return new("e-posyandu", "e-Posyandu", "DINKES", "CV Balita Sehat", "Android + Firebase", 35, 900, D, M, "Pencatatan penimbangan balita", "Datanya dibawa ke portal oleh adapter; aplikasinya dihentikan setelah itu.");
        yield return new("sikda-rsud", "SIKDA RSUD", "RSUD", "PT Rumah Sakit Digital", ".NET + SQL Server", 320, 450, A, V, "Sistem informasi rumah sakit daerah");
        yield return new("dapodik-mirror", "Dapodik (cermin lokal)", "DISDIK", "Kemendikdasmen (aplikasi nasional)", "Java", 0, 400, D, T, "Data pokok pendidikan untuk laporan kota");
        yield return new("ppdb", "PPDB Online", "DISDIK", "PT Sekolah Pintar", "Laravel + MySQL", 130, 20000, A, V, "Penerimaan peserta didik baru", Public: true);
        yield return new("simpus-sekolah", "SIM Perpustakaan Sekolah", "DISPUSIP", "CV Buku Digital", "PHP + MySQL", 25, 120, P, T, "Katalog dan peminjaman perpustakaan");
        yield return new("sipp-dukcapil", "SIAK Terpusat (akses kota)", "DISDUKCAPIL", "Kemendagri (aplikasi nasional)", "Oracle", 0, 90, A, T, "Administrasi kependudukan");
        yield return new("antrian-dukcapil", "Antrean Dukcapil", "DISDUKCAPIL", "CV Antre Cepat", "Node.js + MongoDB", 45, 15000, P, T, "Ambil nomor antrean layanan kependudukan", Public: true);
        yield return new("sicantik", "SiCantik Cloud (perizinan)", "DPMPTSP", "Kominfo RI (aplikasi nasional)", "Cloud", 0, 80, A, T, "Perizinan dan nonperizinan daerah");
        yield return new("oss-helpdesk", "Helpdesk OSS", "DPMPTSP", "CV Layanan Prima", "PHP + MySQL", 20, 30, R, E, "Tiket bantuan perizinan berusaha", Double);
        yield return new("e-bansos", "e-Bansos", "DINSOS", "PT Sosial Digital", "CodeIgniter + MySQL", 85, 60, P, M, "Penyaluran dan verifikasi bantuan sosial", ToPortal);
        yield return new("siks-ng-mirror", "SIKS-NG (cermin)", "DINSOS", "Kemensos (aplikasi nasional)", "Java", 0, 40, D, T, "Data terpadu kesejahteraan sosial");
        yield return new("simpadu-satpol", "SIMPADU Satpol PP", "SATPOLPP", "CV Tertib Kota", "PHP + MySQL", 30, 50, P, T, "Laporan patroli dan penertiban");
        yield return new("si-bencana", "SI Kebencanaan", "BPBD", "PT Siaga Data", "Laravel + PostGIS", 65, 70, P, V, "Kejadian bencana, logistik dan pengungsi");
        yield return new("e-damkar", "e-Damkar", "DAMKAR", "PT Siaga Data", "Laravel + MySQL", 40, 60, P, T, "Laporan kebakaran dan waktu tanggap");
        yield return new("simlh", "SIM Lingkungan Hidup", "DLH", "CV Hijau Lestari", "PHP + MySQL", 35, 40, P, T, "Izin lingkungan dan pengaduan pencemaran");
        yield return new("e-sampah", "Bank Sampah Online", "DLH", "CV Hijau Lestari", "Android + PHP", 15, 2000, R, E, "Tabungan bank sampah warga", "Dipakai kurang dari 30 orang per bulan; biaya tidak sebanding.", Public: true);
        yield return new("sipkop", "SIP Koperasi", "DISKOPUKM", "CV Usaha Bersama", "PHP + MySQL", 30, 80, P, T, "Pendataan koperasi dan UMKM");
        yield return new("e-pasar", "e-Pasar", "DISPERINDAG", "PT Pasar Rakyat Digital", "Laravel + MySQL", 70, 300, P, M, "Retribusi kios dan harga bahan pokok", ToPortal);
        yield return new("sitani", "SI Pertanian", "DISTANKP", "CV Tani Maju", "PHP + MySQL", 25, 40, I, M, "Data lahan, kelompok tani dan pupuk", ToPortal);
        yield return new("si-perikanan", "SI Perikanan", "DISKAN", "CV Bahari Data", "PHP + MySQL", 20, 25, I, M, "Data nelayan dan produksi ikan", ToPortal);
        yield return new("e-wisata", "Jelajah Kota (wisata)", "DISPARBUD", "PT Pesona Digital", "WordPress", 30, 50000, A, V, "Portal wisata dan agenda budaya", Public: true);
        yield return new("sipora", "SI Kepemudaan dan Olahraga", "DISPORA", "CV Muda Berkarya", "PHP + MySQL", 20, 30, I, M, "Data atlet, organisasi pemuda dan sarana olahraga", ToPortal);
        yield return new("bursa-kerja", "Bursa Kerja Online", "DISNAKER", "PT Karir Kota", "Laravel + MySQL", 60, 8000, P, V, "Lowongan kerja dan pencari kerja", Public: true);
        yield return new("simfoni-pppa", "SIMFONI PPPA (cermin)", "DP3AP2KB", "KemenPPPA (aplikasi nasional)", "Java", 0, 20, A, T, "Kasus kekerasan perempuan dan anak");
        yield return new("e-arsip", "e-Arsip", "DISPUSIP", "CV Arsip Digital", "PHP + MySQL", 50, 150, P, M, "Arsip digital OPD", ToPortal);
        yield return new("jdih", "JDIH Kota", "SETDA", "CV Hukum Digital", "PHP + MySQL", 30, 5000, A, T, "Produk hukum daerah", Public: true);
        yield return new("sipd-mirror", "SIPD (akses kota)", "BPKAD", "Kemendagri (aplikasi nasional)", "Cloud", 0, 200, A, T, "Sistem informasi pemerintahan daerah");
        yield return new("e-aset", "e-Aset (SIMBADA)", "BPKAD", "PT Aset Kota", "PHP + MySQL", 90, 120, P, V, "Inventaris barang milik daerah");
        yield return new("sigap-pengawasan", "SIGAP Pengawasan", "INSPEKTORAT", "CV Audit Tepat", "Laravel + MySQL", 45, 40, P, V, "Tindak lanjut temuan pemeriksaan");
        yield return new("sidewan", "SI DPRD", "SETWAN", "CV Parlemen Digital", "PHP + MySQL", 35, 60, P, T, "Agenda sidang dan risalah DPRD");
        yield return new("kesbang-ormas", "SI Ormas", "KESBANGPOL", "CV Bangsa Data", "PHP + MySQL", 15, 15, R, E, "Pendaftaran organisasi kemasyarakatan", "Hanya 15 pengguna; formulirnya pindah ke layanan daring kota.");
        yield return new("sidata-riset", "SI Riset Daerah", "BRIDA", "CV Inovasi Kota", "Laravel + MySQL", 25, 30, I, M, "Usulan dan hasil riset daerah", ToPortal);
        yield return new("simperkim", "SIM Perumahan", "DISPERKIM", "CV Rumah Layak", "PHP + MySQL", 30, 40, I, M, "Data rumah tidak layak huni", ToPortal);
        yield return new("sipertanahan", "SI Pertanahan", "DISPERTANAHAN", "CV Bumi Data", "PHP + PostGIS", 40, 30, I, M, "Data tanah milik pemerintah kota", ToPortal);
        yield return new("smart-parking", "Parkir Pintar", "DISHUB", "PT Parkir Kota", "Node.js + PostgreSQL", 140, 100, A, V, "Retribusi parkir tepi jalan nontunai");
        yield return new("e-kir", "e-KIR", "DISHUB", "CV Uji Kendaraan", "PHP + MySQL", 40, 30, R, E, "Pengujian kendaraan bermotor", "Pengujian kini lewat aplikasi nasional BLUe.");
        yield return new("lapor-kominfo", "Helpdesk Jaringan Diskominfo", "DISKOMINFO", "Internal Diskominfo", "PHP + MySQL", 10, 300, D, E, "Tiket gangguan jaringan lama", "Tiketnya dibawa adapter ke helpdesk portal.");
        yield return new("ppid", "PPID Kota", "DISKOMINFO", "Internal Diskominfo", "WordPress", 15, 3000, A, T, "Permohonan informasi publik", Public: true);
        yield return new("sso-lama", "Portal SSO Lama", "DISKOMINFO", "PT Satu Pintu", "Java + LDAP", 60, 0, X, E, "Masuk tunggal generasi pertama", Double, "/");

        // Retired: replaced by portal pages, or switched off with a notice.
        yield return new("e-surat", "e-Surat 2016", "SETDA", "CV Naskah Dinas", "PHP 5 + MySQL", 95, 0, X, E, "Naskah dinas elektronik generasi pertama", Double, "/surat");
        yield return new("e-office-lama", "e-Office Lama", "SETDA", "PT Kantor Maya", "ASP + SQL Server", 130, 0, X, E, "Disposisi dan agenda surat", Double, "/surat");
        yield return new("sidispo", "SI Disposisi", "BKPSDM", "CV Naskah Dinas", "PHP + MySQL", 20, 0, X, E, "Disposisi surat pimpinan", Double, "/surat");
        yield return new("agenda-surat-disdik", "Agenda Surat Disdik", "DISDIK", "CV Sekolah Pintar", "Access + PHP", 10, 0, X, E, "Buku agenda surat masuk Dinas Pendidikan", Double, "/surat");
        yield return new("tata-naskah-dinkes", "Tata Naskah Dinkes", "DINKES", "CV Sehat Data", "PHP + MySQL", 15, 0, X, E, "Surat keluar Dinas Kesehatan", Double, "/surat");
        yield return new("aplikasi-pengaduan-lama", "Aplikasi Pengaduan Lama (SIPADU)", "DISKOMINFO", "CV Suara Warga", "PHP 5 + MySQL", 45, 0, X, E, "Pengaduan gangguan layanan", Double, "/tiket");
        yield return new("helpdesk-tik-2017", "Helpdesk TIK 2017", "DISKOMINFO", "Internal Diskominfo", "osTicket", 5, 0, X, E, "Tiket bantuan TIK", Double, "/tiket");
        yield return new("lapor-jaringan", "Lapor Jaringan Kelurahan", "DISKOMINFO", "Internal Diskominfo", "Google Form + Sheets", 0, 0, X, E, "Laporan gangguan internet kelurahan", Double, "/tiket");
        yield return new("servicedesk-bpkad", "Service Desk BPKAD", "BPKAD", "CV Layanan Prima", "PHP + MySQL", 12, 0, X, E, "Bantuan aplikasi keuangan", Double, "/tiket");
        yield return new("satu-data-lama", "Satu Data Kota (versi 1)", "DISKOMINFO", "PT Data Terbuka", "CKAN 2.6", 70, 0, X, E, "Katalog data terbuka lama", Double, "/data-terbuka");
        yield return new("opendata-bappeda", "Open Data Bappeda", "BAPPEDA", "CV Statistik Kota", "WordPress + Excel", 20, 0, X, E, "Unduhan tabel statistik", Double, "/data-terbuka");
        yield return new("sidata-opd", "SI Data OPD", "DISKOMINFO", "PT Data Terbuka", "PHP + MySQL", 40, 0, X, E, "Setor data OPD ke walidata", Double, "/data");
        yield return new("e-statistik", "e-Statistik Sektoral", "BAPPEDA", "CV Statistik Kota", "PHP + MySQL", 35, 0, X, E, "Pengumpulan statistik sektoral", Double, "/data");
        yield return new("profil-kesehatan", "Profil Kesehatan Online", "DINKES", "CV Sehat Data", "PHP + MySQL", 15, 0, X, E, "Tabel profil kesehatan tahunan", Double, "/data");
        yield return new("absen-apel", "Absen Apel Pagi", "BKPSDM", "CV Hadir", "Android", 12, 0, X, E, "Absensi apel pagi",
            "Datanya (2019-2025) dipindahkan ke e-Absen; rekap lama tersedia di arsip BKPSDM.", "Datanya (2019-2025) dipindahkan ke e-Absen; rekap lama dapat diminta ke BKPSDM.");
        yield return new("si-honorer", "SI Honorer", "BKPSDM", "CV Data Pegawai", "PHP + MySQL", 18, 0, X, E, "Data tenaga honorer",
            "Tenaga honorer kini PPPK dan tercatat di SIMPEG.", "Data tenaga honorer sudah dipindahkan ke SIMPEG; arsipnya disimpan BKPSDM.");
        yield return new("e-musrenbang-2018", "e-Musrenbang 2018", "BAPPEDA", "PT Anggaran Cerdas", "PHP + MySQL", 30, 0, X, E, "Usulan Musrenbang",
            "Sudah digantikan e-Planning.", "Usulan Musrenbang 2018-2022 dipindahkan ke e-Planning.");
        yield return new("sim-kios", "SIM Kios Pasar", "DISPERINDAG", "CV Pasar Rakyat", "Access", 8, 0, X, E, "Daftar penyewa kios",
            "Digantikan e-Pasar.", "Data penyewa kios dipindahkan ke e-Pasar milik Disperindag.");
        yield return new("web-kecamatan-lama", "Web Kecamatan (2014)", "DISKOMINFO", "CV Web Kota", "Joomla 1.5", 25, 0, X, E, "Situs kecamatan lama",
            "Tidak aman (Joomla 1.5) dan tidak dipelihara.", "Berita dan profil kecamatan kini ada di situs resmi kota; arsip dapat diminta ke Diskominfo.");
    }
}
