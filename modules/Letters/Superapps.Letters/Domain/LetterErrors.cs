using Superapps.SharedKernel;

namespace Superapps.Letters.Domain;

/// <summary>Every error the Letters module shows a user, in Indonesian and English.</summary>
public static class LetterErrors
{
    public static readonly UserError Subject = new("letters.subject",
        "Perihal wajib diisi (paling banyak 500 karakter).", "A subject is required (at most 500 characters).", "subject");

    public static readonly UserError Sender = new("letters.sender",
        "Pengirim wajib diisi (paling banyak 250 karakter).", "A sender is required (at most 250 characters).", "sender");

    public static readonly UserError SenderNumber = new("letters.sender-number",
        "Nomor surat pengirim wajib diisi (paling banyak 100 karakter).", "The sender's letter number is required (at most 100 characters).", "senderNumber");

    public static readonly UserError SenderDateInFuture = new("letters.sender-date",
        "Tanggal surat tidak boleh setelah hari ini.", "The letter's date cannot be after today.", "senderDate");

    public static readonly UserError Classification = new("letters.classification",
        "Pilih kode klasifikasi arsip dari daftar.", "Choose an archive classification code from the list.", "classification");

    public static readonly UserError Addressee = new("letters.addressee",
        "Surat harus ditujukan kepada kepala OPD atau jabatan di bawahnya dalam OPD penerima.",
        "A letter must be addressed to the head of the receiving OPD or a position below it.", "addressee");

    public static readonly UserError NotFound = new("letters.not-found",
        "Surat tidak ditemukan, atau Anda tidak berhak melihatnya.", "Letter not found, or you may not see it.");

    public static readonly UserError Closed = new("letters.closed",
        "Surat ini sudah selesai dan diarsipkan.", "This letter is closed and archived.");

    public static readonly UserError NoInstruction = new("letters.disposition.instruction",
        "Pilih atau tulis paling sedikit satu instruksi.", "Choose or write at least one instruction.", "instructions");

    public static readonly UserError InstructionTooLong = new("letters.disposition.instruction-length",
        "Instruksi paling banyak 200 karakter.", "An instruction has at most 200 characters.", "instructions");

    public static readonly UserError NoRecipient = new("letters.disposition.recipient",
        "Pilih paling sedikit satu penerima disposisi.", "Choose at least one recipient.", "recipients");

    public static readonly UserError RecipientNotBelow = new("letters.disposition.not-below",
        "Disposisi hanya dapat diberikan kepada jabatan di bawah Anda.", "You can only dispose to positions below yours.", "recipients");

    public static readonly UserError NotOnChain = new("letters.disposition.not-on-chain",
        "Anda tidak menerima surat atau disposisi ini, sehingga tidak dapat mendisposisikannya.",
        "You did not receive this letter or disposition, so you cannot dispose it.");

    public static readonly UserError DeadlineInPast = new("letters.disposition.deadline-past",
        "Batas waktu tidak boleh di masa lalu.", "The deadline cannot be in the past.", "deadline");

    public static readonly UserError NoteTooLong = new("letters.disposition.note",
        "Catatan paling banyak 2.000 karakter.", "A note has at most 2,000 characters.", "note");

    public static readonly UserError CancelAfterRead = new("letters.disposition.cancel-read",
        "Disposisi yang sudah dibaca tidak dapat dibatalkan.", "A disposition that has been read cannot be cancelled.");

    public static readonly UserError NotYours = new("letters.disposition.not-yours",
        "Hanya penerima disposisi yang dapat melakukan ini.", "Only the disposition's recipient can do this.");

    public static readonly UserError NotGiver = new("letters.disposition.not-giver",
        "Hanya pemberi disposisi yang dapat melakukan ini.", "Only whoever gave the disposition can do this.");

    public static readonly UserError WrongState = new("letters.disposition.state",
        "Tindakan ini tidak dapat dilakukan pada status disposisi sekarang.", "This action is not possible in the disposition's current status.");

    public static readonly UserError ReportRequired = new("letters.disposition.report",
        "Tuliskan laporan tindak lanjut (paling banyak 4.000 karakter).", "Write a follow-up report (at most 4,000 characters).", "report");

    public static readonly UserError Concurrency = new("letters.concurrency",
        "Surat ini baru saja diubah orang lain. Muat ulang lalu ulangi tindakan Anda.",
        "Someone else changed this letter just now. Reload it and try again.");

    public static readonly UserError ScanRequired = new("letters.scan.required",
        "Unggah pindaian surat (PDF, JPEG atau PNG).", "Upload the letter's scan (PDF, JPEG or PNG).", "scan");

    public static UserError FileType(string fileName, string field) => new("letters.file.type",
        $"Berkas {fileName} bukan PDF, JPEG atau PNG menurut isinya.", $"The file {fileName} is not a PDF, JPEG or PNG by its content.", field);

    public static UserError FileTooLarge(string fileName, long maxBytes, string field) => new("letters.file.too-large",
        $"Berkas {fileName} terlalu besar: paling besar {maxBytes / 1024 / 1024} MB.", $"The file {fileName} is too large: at most {maxBytes / 1024 / 1024} MB.", field);

    public static readonly UserError NotRegistryClerk = new("letters.registry.clerk",
        "Hanya pencatat surat OPD yang dapat mencatat surat masuk.", "Only an OPD's registry clerk can register incoming letters.");

    public static readonly UserError NotAgendaKeeper = new("letters.agenda.keeper",
        "Hanya pencatat surat dan admin OPD yang dapat melihat agenda surat OPD-nya.", "Only an OPD's registry clerks and admins can see its letter agenda.");

    public static UserError VoiceType(string fileName) => new("letters.voice.type",
        $"Rekaman {fileName} bukan audio WebM, Ogg, MP4 atau WAV menurut isinya.", $"The recording {fileName} is not WebM, Ogg, MP4 or WAV audio by its content.", "voice");

    public static readonly UserError NotHolder = new("letters.position.not-held",
        "Anda tidak memegang jabatan yang dipilih (sebagai pejabat, Plt atau Plh) hari ini.",
        "You do not hold the chosen position (definitively, as Plt or as Plh) today.", "position");

    public static readonly UserError ReminderNotDue = new("letters.disposition.reminder-not-due",
        "Pengingat hanya dikirim sekali, untuk disposisi yang belum selesai dan mendekati batas waktunya.",
        "A reminder goes out once, for an open disposition close to its deadline.");

    public static readonly UserError EscalationNotDue = new("letters.disposition.escalation-not-due",
        "Eskalasi hanya dilakukan sekali, untuk disposisi yang belum selesai dan melewati batas waktunya.",
        "An escalation happens once, for an open disposition past its deadline.");
}
