using System.Text;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;

namespace Superapps.Letters.Tests.Documents;

/// <summary>Letters as Diskominfo Kota Jambi writes them, for the renderer's tests.</summary>
internal static class SampleLetters
{
    public const string Number = "000.1.2/123/Diskominfo/2026";
    public const string PltTitle = "Plt. Kepala Dinas Komunikasi dan Informatika";

    public static readonly Uri VerificationUrl = new("https://portal.jambikota.go.id/verifikasi/8f14e45f-ceea-467f-a0e6-3c4b2f1d9a77");

    public static readonly Letterhead Letterhead = new(
        "Pemerintah Kota Jambi",
        "Dinas Komunikasi dan Informatika",
        "Jalan Jenderal Basuki Rahmat Nomor 1, Kotabaru, Jambi 36128",
        "Telepon (0741) 123456, Pos-el diskominfo@jambikota.go.id, Laman diskominfo.jambikota.go.id",
        null);

    public static readonly string ShortBody =
        "<p>Dalam rangka percepatan penerapan Sistem Pemerintahan Berbasis Elektronik (SPBE) di lingkungan Pemerintah Kota Jambi, "
        + "dengan ini kami mengundang Saudara untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:</p>"
        + "<ol><li>Hari/tanggal: <strong>Rabu, 25 November 2026</strong></li><li>Waktu: 09.00 WIB s.d. selesai</li>"
        + "<li>Tempat: Ruang Rapat Diskominfo, Lantai 2</li></ol>"
        + "<p>Mengingat pentingnya acara tersebut, dimohon kehadiran Saudara <u>tepat pada waktunya</u>. "
        + "Atas perhatian dan kerja samanya diucapkan terima kasih.</p>";

    public static string LongBody()
    {
        var body = new StringBuilder();
        body.Append("<p><strong>Latar belakang.</strong> Pemerintah Kota Jambi menyelenggarakan layanan digital terpadu bagi aparatur dan masyarakat. ");
        body.Append("Untuk itu setiap perangkat daerah diminta menyiapkan data dan petugas penghubung sesuai ketentuan berikut.</p>");
        for (var i = 1; i <= 9; i++)
        {
            body.Append("<p>Paragraf ").Append(i).Append(": penyelenggaraan sistem elektronik di lingkungan pemerintah daerah wajib memperhatikan ");
            body.Append("<em>keamanan informasi</em>, keandalan layanan, dan perlindungan data pribadi sebagaimana diatur dalam peraturan perundang-undangan. ");
            body.Append("Setiap perangkat daerah menyampaikan laporan pelaksanaan secara berkala kepada Dinas Komunikasi dan Informatika paling lambat tanggal 10 setiap bulan.</p>");
        }

        body.Append("<p style=\"text-align: center\"><strong>DAFTAR PETUGAS PENGHUBUNG</strong></p>");
        body.Append("<table><thead><tr><th>No.</th><th>Nama</th><th>NIP</th><th>Jabatan</th></tr></thead><tbody>");
        string[] names = ["Rahmat Hidayat, S.Kom.", "Siti Nurhaliza, S.T., M.T.", "Budi Santoso, A.Md.", "Dewi Lestari, S.Sos.", "Andi Saputra, S.Kom., M.Kom."];
        for (var i = 0; i < names.Length; i++)
        {
            body.Append("<tr><td>").Append(i + 1).Append(".</td><td>").Append(names[i]).Append("</td><td>19850315201001100").Append(i)
                .Append("</td><td>Pranata Komputer Ahli Muda pada Bidang Aplikasi dan Informatika</td></tr>");
        }

        body.Append("</tbody></table>");
        body.Append("<p>Adapun hal-hal yang perlu diperhatikan:</p><ul><li>Petugas penghubung hadir pada setiap rapat koordinasi;</li>");
        body.Append("<li>Petugas penghubung memastikan data diperbarui:<ol><li>data kepegawaian setiap bulan;</li><li>data layanan setiap triwulan.</li></ol></li>");
        body.Append("<li>Perubahan petugas disampaikan secara tertulis.</li></ul>");
        for (var i = 10; i <= 16; i++)
        {
            body.Append("<p>Paragraf ").Append(i).Append(": pelaksanaan kegiatan ini dibiayai dari Anggaran Pendapatan dan Belanja Daerah Kota Jambi Tahun Anggaran 2026 ");
            body.Append("pada dokumen pelaksanaan anggaran masing-masing perangkat daerah, dan dilaporkan sesuai ketentuan yang berlaku.<br>Baris baru setelah jeda baris.</p>");
        }

        body.Append("<p>Demikian disampaikan untuk dilaksanakan dengan penuh tanggung jawab. Penutup surat panjang.</p>");
        return body.ToString();
    }

    public static LetterDocument Create(LetterKind kind, bool isSigned, string? body = null, bool acting = false) => new(
        kind,
        Letterhead,
        isSigned ? Number : null,
        "Jambi",
        new DateOnly(2026, 11, 23),
        "Segera",
        "1 (satu) berkas",
        kind == LetterKind.SuratEdaran
            ? "Percepatan Penerapan Sistem Pemerintahan Berbasis Elektronik dan Pemanfaatan Portal Superapps di Lingkungan Pemerintah Kota Jambi"
            : "Undangan Rapat Koordinasi Percepatan Penerapan Sistem Pemerintahan Berbasis Elektronik",
        kind == LetterKind.SuratTugas ? [] : ["Kepala Dinas Pendidikan Kota Jambi", "Kepala Dinas Kesehatan Kota Jambi", "Camat Kotabaru"],
        null,
        body ?? ShortBody,
        new SignatureBlock(acting ? PltTitle : "Kepala Dinas Komunikasi dan Informatika", "Dr. Ir. Ahmad Fauzi, M.Si.", "197503152000031002", "Pembina Utama Muda (IV/c)", isSigned),
        ["Wali Kota Jambi (sebagai laporan)", "Sekretaris Daerah Kota Jambi", "Inspektur Kota Jambi"],
        isSigned ? VerificationUrl : null);
}
