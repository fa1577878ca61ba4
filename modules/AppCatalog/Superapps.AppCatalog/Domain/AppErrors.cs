using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Domain;

/// <summary>The catalogue's bilingual errors, each naming the field (or import column, through the import's map) it belongs to.</summary>
public static class AppErrors
{
    public static readonly UserError Slug = new("appcatalog.slug",
        $"Slug hanya boleh berisi huruf kecil, angka dan tanda hubung (tidak di awal atau akhir), paling panjang {AppSlug.MaxLength} karakter, misalnya simpeg-lama.",
        $"A slug holds only lowercase letters, digits and hyphens (not at the start or end), at most {AppSlug.MaxLength} characters, for example simpeg-lama.", "slug");

    public static UserError SlugTaken(string slug) => new("appcatalog.slug-taken",
        $"Slug \"{slug}\" sudah dipakai aplikasi lain.", $"The slug \"{slug}\" is already used by another app.", "slug");

    public static readonly UserError Name = new("appcatalog.name",
        $"Nama aplikasi wajib diisi, paling panjang {CityApp.MaxNameLength} karakter.", $"The app's name is required, at most {CityApp.MaxNameLength} characters.", "name");

    public static readonly UserError Owner = new("appcatalog.owner",
        "Pilih OPD pemilik aplikasi yang terdaftar.", "Choose a registered owner OPD.", "owner");

    public static readonly UserError Url = new("appcatalog.url",
        "Alamat aplikasi harus URL lengkap http:// atau https://.", "The app's address must be a full http:// or https:// URL.", "url");

    public static readonly UserError Upstream = new("appcatalog.upstream",
        "Alamat upstream harus URL lengkap http:// atau https://, misalnya http://simpeg.kota.example/.",
        "The upstream must be a full http:// or https:// URL, for example http://simpeg.kota.example/.", "upstream");

    public static readonly UserError ProxiedNeedsUpstream = new("appcatalog.proxied-upstream",
        "Aplikasi yang diproksi membutuhkan alamat upstream.", "A proxied app needs an upstream address.", "upstream");

    public static readonly UserError RetiredNotProxied = new("appcatalog.retired-upstream",
        "Aplikasi yang sudah dipensiunkan tidak diproksi: kosongkan alamat upstream.", "A retired app is not proxied: leave the upstream empty.", "upstream");

    public static readonly UserError PublicIdentity = new("appcatalog.public-identity",
        "Aplikasi publik tidak menerima identitas pengguna: pilih mode identitas \"Tidak ada\".",
        "A public app receives no user identity: choose the identity mode \"None\".", "identity");

    public static readonly UserError Reasons = new("appcatalog.reasons",
        $"Alasan wajib diisi untuk keputusan Migrasi dan Hentikan, paling panjang {CityApp.MaxTextLength} karakter.",
        $"Reasons are required for the Migrate and Eliminate decisions, at most {CityApp.MaxTextLength} characters.", "reasons");

    public static readonly UserError Cost = new("appcatalog.cost",
        "Biaya tahunan tidak boleh negatif.", "The yearly cost cannot be negative.", "yearlyCost");

    public static readonly UserError UserCount = new("appcatalog.user-count",
        "Perkiraan jumlah pengguna tidak boleh negatif.", "The estimated user count cannot be negative.", "userCount");

    public static readonly UserError HealthPath = new("appcatalog.health-path",
        "Path pemeriksaan kesehatan harus diawali satu \"/\", misalnya /health.", "The health path must start with a single \"/\", for example /health.", "healthPath");

    public static readonly UserError MaxBody = new("appcatalog.max-body",
        "Batas ukuran permintaan harus antara 1 KB dan 1 GB.", "The request size limit must be between 1 KB and 1 GB.", "maxRequestBodyBytes");

    public static UserError Role(string role) => new("appcatalog.role",
        $"Peran \"{role}\" tidak dikenal.", $"Unknown role \"{role}\".", "access");

    public static readonly UserError Agencies = new("appcatalog.access-agency",
        "Akses hanya dapat dibatasi ke OPD yang terdaftar.", "Access can only be limited to registered OPDs.", "access");

    public static UserError Text(string field, string indonesian, string english, int maximum) => new($"appcatalog.{field}",
        $"{indonesian} paling panjang {maximum} karakter.", $"{english} is at most {maximum} characters.", field);

    public static readonly UserError UseRetire = new("appcatalog.status-retired",
        "Untuk mempensiunkan aplikasi, pakai tombol Pensiunkan (tujuan pengganti atau pemberitahuan wajib diisi).",
        "To retire an app, use the Retire button (a replacement or a notice is required).", "status");

    public static readonly UserError UseUnretire = new("appcatalog.status-unretire",
        "Aplikasi ini sudah dipensiunkan; aktifkan kembali dengan tombol Batalkan pensiun lebih dahulu.",
        "This app is retired; bring it back with the Undo retirement button first.", "status");

    public static readonly UserError RetirementNeeded = new("appcatalog.retirement",
        "Isi halaman pengganti di portal, atau pemberitahuan ke mana datanya dipindahkan.",
        "Give the replacement page in the portal, or a notice saying where its data went.", "replacement");

    public static readonly UserError ReplacementPath = new("appcatalog.replacement-path",
        "Halaman pengganti harus path di dalam portal yang diawali satu \"/\" (misalnya /surat), bukan alamat luar dan bukan di bawah /apps/.",
        "The replacement must be a path inside the portal starting with a single \"/\" (for example /surat), not an external address and not under /apps/.", "replacement");

    public static readonly UserError NotRetired = new("appcatalog.not-retired",
        "Aplikasi ini tidak sedang dipensiunkan.", "This app is not retired.");

    public static readonly UserError AlreadyRetired = new("appcatalog.already-retired",
        "Aplikasi ini sudah dipensiunkan.", "This app is already retired.");

    public static readonly UserError NotFound = new("appcatalog.not-found",
        "Aplikasi tidak ditemukan.", "The app was not found.");

    public static readonly UserError ChangedMeanwhile = new("appcatalog.changed",
        "Aplikasi ini baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.",
        "Someone else has just changed this app. Reload it and make your change again.");
}
