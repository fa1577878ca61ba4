namespace Superapps.Benchmarks.Generation;

/// <summary>
/// Words and names of a city government's correspondence. Subject and note words are drawn with a Zipf-like
/// distribution over <see cref="SubjectWords"/> (the first words are very common: "undangan", "rapat"), and a few
/// letters carry one of the <see cref="RareWords"/>, so searches can be measured for common and rare terms.
/// </summary>
internal static class Vocabulary
{
    /// <summary>A word that appears in roughly one letter subject in ten.</summary>
    public const string CommonTerm = "undangan";

    /// <summary>A word that appears in a few dozen letters and notes out of a million.</summary>
    public const string RareTerm = "antraks";

    /// <summary>Subject words, most frequent first.</summary>
    public static readonly string[] SubjectWords =
    [
        "undangan", "rapat", "permohonan", "pelaksanaan", "kegiatan", "koordinasi", "laporan", "tahun", "anggaran", "data",
        "penyampaian", "pemberitahuan", "surat", "edaran", "evaluasi", "program", "bantuan", "pembangunan", "pelayanan", "publik",
        "daerah", "kota", "kecamatan", "kelurahan", "sosialisasi", "peningkatan", "kapasitas", "aparatur", "pegawai", "usulan",
        "rencana", "kerja", "monitoring", "verifikasi", "penyusunan", "dokumen", "pengadaan", "barang", "jasa", "keuangan",
        "realisasi", "belanja", "pendapatan", "pajak", "retribusi", "perizinan", "investasi", "kesehatan", "pendidikan", "sekolah",
        "puskesmas", "rumah", "sakit", "jalan", "drainase", "banjir", "sampah", "lingkungan", "hidup", "air",
        "bersih", "sanitasi", "stunting", "posyandu", "imunisasi", "vaksinasi", "kependudukan", "catatan", "sipil", "pindah",
        "datang", "nikah", "izin", "cuti", "tahunan", "kenaikan", "pangkat", "jabatan", "mutasi", "pelantikan",
        "diklat", "pelatihan", "bimbingan", "teknis", "workshop", "seminar", "lokakarya", "forum", "musrenbang", "renja",
        "rkpd", "apbd", "perubahan", "dpa", "spj", "lkpj", "lakip", "sakip", "reformasi", "birokrasi",
        "spbe", "aplikasi", "sistem", "informasi", "jaringan", "internet", "server", "website", "domain", "keamanan",
        "siber", "statistik", "sektoral", "satu", "peta", "tata", "ruang", "bangunan", "gedung", "pbg",
        "slf", "pertanahan", "aset", "inventarisasi", "penghapusan", "hibah", "bansos", "kemiskinan", "dtks", "blt",
        "umkm", "koperasi", "pasar", "tradisional", "harga", "bahan", "pokok", "inflasi", "ketahanan", "pangan",
        "pertanian", "perikanan", "peternakan", "pariwisata", "kebudayaan", "festival", "olahraga", "pemuda", "perpustakaan", "arsip",
        "kearsipan", "naskah", "dinas", "tata naskah", "kehumasan", "pers", "rilis", "media", "sosial", "pengaduan",
        "masyarakat", "lapor", "ombudsman", "inspektorat", "pemeriksaan", "audit", "bpk", "tindak", "lanjut", "hasil",
        "temuan", "kepatuhan", "disiplin", "absensi", "apel", "upacara", "hari", "ulang", "kemerdekaan", "peringatan",
        "nasional", "bencana", "kebakaran", "ketertiban", "umum", "satpol", "linmas", "pemilu", "pilkada", "kampanye",
        "netralitas", "asn", "pppk", "honorer", "formasi", "seleksi", "penerimaan", "calon", "magang", "mahasiswa",
        "penelitian", "survei", "kepuasan", "indeks", "inovasi", "lomba", "penghargaan", "adipura", "kota layak", "anak",
        "perempuan", "perlindungan", "disabilitas", "lansia", "keluarga", "berencana", "transportasi", "angkutan", "parkir", "terminal",
        "lalu", "lintas", "penerangan", "taman", "pemakaman", "pengelolaan", "limbah", "b3", "uji", "emisi",
        "pengawasan", "obat", "makanan", "restoran", "hotel", "reklame", "bphtb", "pbb", "tunggakan", "penagihan",
        "kerja sama", "mou", "pks", "csr", "perusahaan", "yayasan", "organisasi", "kemasyarakatan", "keagamaan", "masjid",
        "gereja", "rumah ibadah", "zakat", "wakaf", "ramadan", "idul fitri", "natal", "tahun baru", "libur", "cuti bersama",
    ];

    /// <summary>Words that appear in a handful of letters each: a search for one of them matches few rows.</summary>
    public static readonly string[] RareWords =
    [
        "antraks", "rabies", "leptospirosis", "difteri", "abrasi", "tsunami", "gempa", "longsor", "karhutla", "kekeringan",
        "sertifikasi halal", "geopark", "mangrove", "terumbu", "hidroponik", "biopori", "maggot", "ecobrick", "biogas", "agrowisata",
        "kopdarsus", "manuskrip", "prasasti", "gamelan", "wayang", "batik", "keroncong", "pencak", "egrang", "layangan",
        "drone", "blockchain", "kriptografi", "ransomware", "phishing", "deepfake", "geospasial", "lidar", "satelit", "telemetri",
    ];

    /// <summary>Words of disposition notes, most frequent first.</summary>
    public static readonly string[] NoteWords =
    [
        "segera", "tindak", "lanjuti", "koordinasikan", "dengan", "bidang", "terkait", "laporkan", "hasilnya", "hadiri",
        "wakili", "siapkan", "bahan", "paparan", "untuk", "rapat", "pimpinan", "pelajari", "dan", "berikan",
        "telaahan", "staf", "agar", "dikawal", "sampai", "selesai", "mohon", "perhatian", "sesuai", "ketentuan",
        "arsipkan", "diketahui", "jadwalkan", "undang", "pihak", "kecamatan", "kelurahan", "data", "anggaran", "usulan",
    ];

    public static readonly string[] Agencies =
    [
        "Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Badan Pendapatan Daerah", "Badan Kepegawaian dan Pengembangan SDM", "Badan Kesatuan Bangsa dan Politik", "Badan Penanggulangan Bencana Daerah",
        "Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Sosial",
        "Dinas Tenaga Kerja", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Ketahanan Pangan", "Dinas Lingkungan Hidup",
        "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Pengendalian Penduduk dan KB", "Dinas Perhubungan", "Dinas Komunikasi dan Informatika",
        "Dinas Koperasi dan UMKM", "Dinas Penanaman Modal dan PTSP", "Dinas Pemuda dan Olahraga", "Dinas Pariwisata", "Dinas Perpustakaan dan Kearsipan",
        "Dinas Perikanan", "Dinas Pertanian", "Dinas Perdagangan", "Dinas Perindustrian", "Satuan Polisi Pamong Praja", "Dinas Pemadam Kebakaran",
        "RSUD Kota", "Kecamatan Pusat", "Kecamatan Utara", "Kecamatan Selatan", "Kecamatan Timur", "Kecamatan Barat", "Bagian Umum Setda",
    ];

    public static readonly string[] OutsideSenders =
    [
        "Sekretariat Daerah Provinsi", "Kementerian Dalam Negeri", "Kementerian PANRB", "Kementerian Kesehatan", "Kementerian Keuangan",
        "BPK Perwakilan Provinsi", "BPKP Perwakilan Provinsi", "Kantor Wilayah Kementerian Agama", "Polres Kota", "Kodim",
        "Kejaksaan Negeri", "Pengadilan Negeri", "KPU Kota", "Bawaslu Kota", "DPRD Kota", "Universitas Negeri", "PT PLN (Persero) UP3",
        "PDAM Tirta Kota", "BPJS Kesehatan Cabang", "BPJS Ketenagakerjaan Cabang", "Ombudsman RI Perwakilan", "Badan Pusat Statistik Kota",
        "Kantor Pertanahan Kota", "Balai Besar Wilayah Sungai", "Dinas Kesehatan Provinsi", "Dinas Pendidikan Provinsi", "Bank Pembangunan Daerah",
        "Yayasan Peduli Anak Bangsa", "PT Telkom Indonesia Witel", "Komunitas Peduli Lingkungan",
    ];

    public static readonly string[] Abbreviations =
    [
        "SETDA", "SETWAN", "INSP", "BAPPEDA", "BPKAD", "BAPENDA", "BKPSDM", "KESBANGPOL", "BPBD", "DISDIKBUD",
        "DINKES", "DPU", "DISPERKIM", "DINSOS", "DISNAKER", "DP3A", "DKP", "DLH", "DISDUKCAPIL", "DPPKB",
        "DISHUB", "DISKOMINFO", "DISKOPUMKM", "DPMPTSP", "DISPORA", "DISPAR", "DISPUSIP", "DISKAN", "DISTAN", "DISDAG",
        "DISPERIN", "SATPOLPP", "DAMKAR", "RSUD", "KEC-PST", "KEC-UTR", "KEC-SEL", "KEC-TMR", "KEC-BRT", "UMUM",
    ];

    public static readonly string[] FirstNames =
    [
        "Agus", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kurniawan", "Lestari", "Muhammad", "Nur",
        "Putri", "Rahmat", "Sri", "Teguh", "Wahyu", "Yuli", "Ahmad", "Siti", "Bambang", "Rina", "Dedi", "Ratna",
    ];

    public static readonly string[] LastNames =
    [
        "Santoso", "Wijaya", "Hidayat", "Saputra", "Lestari", "Pratama", "Susanti", "Nugroho", "Setiawan", "Rahayu",
        "Siregar", "Nasution", "Harahap", "Simanjuntak", "Sitompul", "Tanjung", "Hasibuan", "Lubis", "Pane", "Daulay",
    ];

    public static readonly string[] ClassificationCodes =
    [
        "000.1.5", "005", "000.1.2.3", "100.3.4", "400.14", "800.1.2", "900.1.1", "000.5.2", "500.16", "400.7",
        "100.2.1", "300.1", "600.1", "700.1", "000.9.1", "000.2.3", "800.1.11.3", "400.5", "400.3.1", "000.8.3",
    ];

    public static readonly string[] ReportTexts =
    [
        "Sudah dilaksanakan, laporan terlampir.", "Telah dikoordinasikan dengan bidang terkait.", "Rapat sudah dihadiri, notulen terlampir.",
        "Bahan paparan sudah disiapkan.", "Sudah ditindaklanjuti sesuai arahan.", "Data sudah dikirim ke pengirim surat.",
    ];
}
