using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Archive;

/// <summary>Errors of the archive and its retention, in Indonesian and English.</summary>
public static class ArchiveErrors
{
    public static readonly UserError UnderRetentionDecision = new("letters.archive.decided",
        "Surat ini sudah dipindahkan, dimusnahkan atau diserahkan menurut jadwal retensi, sehingga tidak dapat dibuka kembali.",
        "This letter has been transferred, destroyed or handed over under the retention schedule, so it cannot be reopened.");

    public static readonly UserError OutgoingIncomplete = new("letters.archive.outgoing",
        "Data surat keluar untuk arsip tidak lengkap (nomor, perihal, tujuan, kode klasifikasi, OPD dan waktu kirim wajib ada).",
        "The outgoing letter's archive data is incomplete (number, subject, addressees, classification code, OPD and sending time are required).");

    public static readonly UserError NotRetentionKeeper = new("letters.retention.keeper",
        "Hanya pencatat surat dan admin OPD pemilik arsip (atau administrator sistem) yang dapat mengelola retensi arsipnya.",
        "Only the archive's own OPD registry clerks and admins (or a system administrator) can manage its retention.");

    public static readonly UserError BeritaAcaraRequired = new("letters.retention.berita-acara",
        "Nomor berita acara wajib diisi (paling banyak 100 karakter).", "A berita acara (official record) number is required (at most 100 characters).",
        "beritaAcara");

    public static readonly UserError ReasonTooLong = new("letters.retention.reason",
        "Alasan paling banyak 1.000 karakter.", "A reason has at most 1,000 characters.", "reason");

    public static readonly UserError NoEntries = new("letters.retention.entries",
        "Pilih paling sedikit satu arsip.", "Choose at least one archived letter.", "entries");

    public static readonly UserError NotDue = new("letters.retention.not-due",
        "Keputusan ini belum dapat diambil: sebagian arsip yang dipilih belum jatuh tempo untuk keputusan tersebut, atau sudah diputuskan.",
        "This decision cannot be taken yet: some of the chosen archived letters are not due for it, or have been decided already.", "entries");

    public static readonly UserError DecisionDateInFuture = new("letters.retention.date",
        "Tanggal berita acara tidak boleh setelah hari ini.", "The berita acara date cannot be after today.", "decidedOn");

    public static readonly UserError OtherAgencyReport = new("letters.retention.other-opd",
        "Laporan retensi hanya dapat dilihat untuk OPD Anda sendiri.", "You can see the retention report of your own OPD only.", "agency");

    public static readonly UserError OneAgency = new("letters.retention.one-opd",
        "Satu keputusan retensi hanya untuk arsip satu OPD.", "One retention decision covers one OPD's archive only.", "entries");
}
