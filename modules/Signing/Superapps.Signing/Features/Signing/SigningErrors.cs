using Superapps.SharedKernel;

namespace Superapps.Signing.Features.Signing;

/// <summary>The errors a signer can meet, in Indonesian and English.</summary>
internal static class SigningErrors
{

    public static UserError WrongPassphrase(int attemptsLeft) => new("signing.passphrase.wrong",
        $"Frasa sandi salah. Sisa percobaan: {attemptsLeft}.", $"Wrong passphrase. Attempts left: {attemptsLeft}.", "passphrase");

    public static UserError Locked(DateTimeOffset until) => new("signing.locked",
        $"Terlalu banyak frasa sandi salah. Penandatanganan dikunci sampai {Wib.FormatDateTime(until)}.",
        $"Too many wrong passphrases. Signing is locked until {Wib.FormatDateTime(until, Wib.English)}.", "passphrase");

    public static readonly UserError NotEnrolled = new("signing.not-enrolled",
        "Anda belum memiliki sertifikat tanda tangan elektronik. Daftarkan diri dahulu di /tanda-tangan.",
        "You have no electronic signature certificate. Enrol first at /tanda-tangan.");

    public static UserError Revoked(DateTimeOffset at) => new("signing.certificate.revoked",
        $"Sertifikat Anda telah dicabut sejak {Wib.FormatDateTime(at)}. Daftar ulang di /tanda-tangan untuk sertifikat baru.",
        $"Your certificate was revoked on {Wib.FormatDateTime(at, Wib.English)}. Enrol again at /tanda-tangan for a new certificate.");

    public static UserError Expired(DateTimeOffset at) => new("signing.certificate.expired",
        $"Sertifikat Anda sudah kedaluwarsa sejak {Wib.FormatDateTime(at)}. Daftar ulang di /tanda-tangan untuk sertifikat baru.",
        $"Your certificate expired on {Wib.FormatDateTime(at, Wib.English)}. Enrol again at /tanda-tangan for a new certificate.");

    public static readonly UserError PassphraseRequired = new("signing.passphrase.required",
        "Masukkan frasa sandi.", "Enter your passphrase.", "passphrase");

    public static readonly UserError NotPdf = new("signing.pdf.invalid",
        "Dokumen yang akan ditandatangani bukan PDF yang dapat dibaca.", "The document to sign is not a readable PDF.");

    public static readonly UserError BadVerificationCode = new("signing.code.invalid",
        "Kode verifikasi tidak sah.", "The verification code is not valid.");

    public static readonly UserError CodeInUse = new("signing.code.used",
        "Kode verifikasi ini sudah dipakai dokumen lain.", "This verification code is already used by another document.");

    public static readonly UserError NotAuthorised = new("signing.signer.not-authorised",
        "Anda tidak berwenang menandatangani: data pegawai Anda tidak aktif.", "You may not sign: your employee record is not active.");

    public static readonly UserError NikMissing = new("signing.bsre.nik-missing",
        "NIK Anda belum terdaftar untuk BSrE. Isi NIK di /tanda-tangan.", "Your NIK is not registered for BSrE. Enter it at /tanda-tangan.", "nik");

    public static readonly UserError BsreNotRegistered = new("signing.bsre.not-registered",
        "NIK Anda belum terdaftar sebagai pengguna TTE BSrE.", "Your NIK is not registered as a BSrE e-signature user.");

    public static readonly UserError BsreCertificateExpired = new("signing.bsre.certificate-expired",
        "Sertifikat BSrE Anda sudah kedaluwarsa. Perpanjang melalui BSrE.", "Your BSrE certificate has expired. Renew it with BSrE.");

    public static readonly UserError BsreCertificateRevoked = new("signing.bsre.certificate-revoked",
        "Sertifikat BSrE Anda telah dicabut.", "Your BSrE certificate has been revoked.");

    public static readonly UserError BsreUnavailable = new("signing.bsre.unavailable",
        "Layanan TTE BSrE tidak dapat dihubungi. Dokumen belum ditandatangani; coba lagi nanti.",
        "The BSrE signing service cannot be reached. The document is not signed yet; try again later.");

    public static UserError BsreRefused(string message) => new("signing.bsre.refused",
        $"BSrE menolak penandatanganan: {message}", $"BSrE refused to sign: {message}");

    public static readonly UserError BsreNotConfigured = new("signing.bsre.not-configured",
        "Penandatanganan melalui BSrE belum dikonfigurasi.", "Signing through BSrE is not configured.");
}
