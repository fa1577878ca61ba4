using Superapps.SharedKernel;

namespace Superapps.Letters.Domain.Drafting;

/// <summary>Every error drafting, review, numbering, signing and sending show a user, in Indonesian and English.</summary>
public static class DraftingErrors
{
    public static readonly UserError NotFound = new("letters.draft.not-found",
        "Konsep surat tidak ditemukan, atau Anda tidak berhak melihatnya.", "Draft not found, or you may not see it.");

    public static readonly UserError Subject = new("letters.draft.subject",
        "Hal wajib diisi (paling banyak 500 karakter).", "A subject (hal) is required (at most 500 characters).", "subject");

    public static readonly UserError Classification = new("letters.draft.classification",
        "Pilih kode klasifikasi arsip dari daftar.", "Choose an archive classification code from the list.", "classification");

    public static readonly UserError Attachments = new("letters.draft.attachments",
        "Lampiran paling banyak 100 karakter, misalnya \"1 (satu) berkas\".", "Attachments (lampiran) has at most 100 characters, e.g. \"1 (satu) berkas\".", "attachments");

    public static readonly UserError Body = new("letters.draft.body",
        "Isi surat wajib diisi (paling banyak 200.000 karakter).", "The letter's body is required (at most 200,000 characters).", "body");

    public static readonly UserError NoAddressee = new("letters.draft.addressee",
        "Tambahkan paling sedikit satu tujuan surat.", "Add at least one addressee.", "addressees");

    public static readonly UserError ExternalAddressee = new("letters.draft.external",
        "Tujuan eksternal memerlukan nama (paling banyak 250 karakter) dan alamat (paling banyak 500 karakter); surel harus valid bila diisi.",
        "An external addressee needs a name (at most 250 characters) and an address (at most 500 characters); an e-mail, if given, must be valid.", "addressees");

    public static readonly UserError InternalAddressee = new("letters.draft.internal",
        "Tujuan internal harus jabatan atau OPD yang aktif.", "An internal addressee must be an active position or OPD.", "addressees");

    public static readonly UserError CarbonCopy = new("letters.draft.carbon-copy",
        "Tembusan harus jabatan yang aktif atau teks paling banyak 250 karakter.", "A carbon copy must be an active position or a text of at most 250 characters.", "carbonCopies");

    public static readonly UserError NoSigner = new("letters.draft.signer",
        "Pilih penandatangan surat.", "Choose the letter's signer.", "signer");

    public static readonly UserError ChainRepeats = new("letters.draft.chain",
        "Setiap jabatan hanya boleh muncul sekali sebagai pemeriksa atau penandatangan.", "Each position may appear once as reviewer or signer.", "reviewers");

    public static readonly UserError ChainOutsideAgency = new("letters.draft.chain-agency",
        "Pemeriksa dan penandatangan harus jabatan aktif di OPD pembuat surat.", "Reviewers and the signer must be active positions of the drafting OPD.", "reviewers");

    public static readonly UserError MailUnavailable = new("letters.send.mail-unavailable",
        "Pengiriman e-mail ke tujuan eksternal belum tersedia pada instalasi ini. Unduh surat yang sudah ditandatangani dan kirimkan sendiri.",
        "E-mail to external addressees is not available on this installation. Download the signed letter and send it yourself.");

    public static readonly UserError SendFailed = new("letters.send.failed",
        "Surat sudah ditandatangani tetapi belum terkirim ke semua tujuan. Coba \"Kirim ulang\" sebentar lagi.",
        "The letter is signed but not yet delivered to every addressee. Try \"Send again\" in a moment.");

    public static readonly UserError TooManyReviewers = new("letters.draft.reviewers",
        "Paling banyak 10 pemeriksa.", "At most 10 reviewers.", "reviewers");

    public static readonly UserError NotDrafter = new("letters.draft.not-drafter",
        "Hanya konseptor surat ini yang dapat melakukan ini.", "Only this letter's drafter can do this.");

    public static readonly UserError NotReviewer = new("letters.draft.not-reviewer",
        "Anda bukan pemeriksa (verifikator) konsep ini pada tahap sekarang.", "You are not this draft's reviewer at the current step.");

    public static readonly UserError NotSigner = new("letters.draft.not-signer",
        "Anda tidak berwenang menandatangani surat ini: hanya pemegang jabatan penandatangan atau Plt/Plh-nya.",
        "You may not sign this letter: only the holder of the signing position or its Plt/Plh may.");

    public static readonly UserError NotSender = new("letters.draft.not-sender",
        "Hanya konseptor atau pencatat surat OPD yang dapat mengirim ulang surat ini.", "Only the drafter or the OPD's registry clerk can send this letter again.");

    public static readonly UserError WrongState = new("letters.draft.state",
        "Tindakan ini tidak dapat dilakukan pada status konsep sekarang.", "This action is not possible in the draft's current status.");

    public static readonly UserError NotesRequired = new("letters.draft.notes",
        "Tuliskan catatan pengembalian (paling banyak 4.000 karakter).", "Write why you return it (at most 4,000 characters).", "notes");

    public static readonly UserError NotesTooLong = new("letters.draft.notes-length",
        "Catatan paling banyak 4.000 karakter.", "Notes have at most 4,000 characters.", "notes");

    public static readonly UserError PassphraseRequired = new("letters.sign.passphrase",
        "Masukkan passphrase tanda tangan elektronik Anda.", "Enter your electronic signature passphrase.", "passphrase");

    public static readonly UserError Concurrency = new("letters.draft.concurrency",
        "Konsep ini baru saja diubah orang lain. Muat ulang lalu ulangi tindakan Anda.",
        "Someone else changed this draft just now. Reload it and try again.");

    public static readonly UserError NumberingTemplate = new("letters.numbering.template",
        "Format nomor harus memuat {nomor} dan paling banyak 100 karakter; kode unit 1-30 karakter tanpa garis miring.",
        "The number format must contain {nomor} and have at most 100 characters; the unit code 1-30 characters without slashes.", "template");

    public static readonly UserError NotAgencyAdministrator = new("letters.numbering.admin",
        "Hanya admin OPD yang dapat mengatur format nomor surat OPD-nya.", "Only an OPD's administrator can set its letter number format.");
}
