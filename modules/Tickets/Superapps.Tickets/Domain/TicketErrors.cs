using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain;

/// <summary>Every error the Tickets module shows a user, in Indonesian and English.</summary>
public static class TicketErrors
{
    /// <summary>The code of every refused transition; the web layer answers it with 409 Conflict.</summary>
    public const string TransitionCode = "tickets.ticket.transition";

    public static UserError TransitionNotAllowed(TicketStatus status, TicketAction action)
    {
        var (statusId, statusEn) = TicketText.Of(status);
        var (actionId, actionEn) = TicketText.Of(action);
        return new(TransitionCode,
            $"Tindakan \"{actionId}\" tidak dapat dilakukan pada tiket berstatus \"{statusId}\".",
            $"The action \"{actionEn}\" is not allowed on a ticket that is \"{statusEn}\".");
    }

    public static UserError RoleNotAllowed(TicketAction action, TicketRole role)
    {
        var (actionId, actionEn) = TicketText.Of(action);
        var (roleId, roleEn) = TicketText.Of(role);
        return new(TransitionCode,
            $"Tindakan \"{actionId}\" tidak dapat dilakukan oleh {roleId}.",
            $"The action \"{actionEn}\" cannot be taken by {roleEn}.");
    }

    public static readonly UserError NotTheReporter = new(TransitionCode,
        "Hanya pelapor tiket ini yang dapat melakukan tindakan ini.", "Only this ticket's reporter can do this.");

    public static readonly UserError ReopenWindowPassed = new(TransitionCode,
        "Batas waktu membuka kembali tiket sudah lewat; silakan buat laporan baru.",
        "The time to reopen this ticket has passed; please report a new ticket.");

    public static readonly UserError AlreadyTaken = new(TransitionCode,
        "Tiket ini sudah diambil atau ditugaskan kepada orang lain.", "This ticket has already been taken by or assigned to someone else.");

    public static readonly UserError AutoCloseNotDue = new(TransitionCode,
        "Tiket belum waktunya ditutup otomatis.", "The ticket is not yet due to close automatically.");

    public static readonly UserError Description = new("tickets.ticket.description",
        "Uraian gangguan wajib diisi (paling banyak 4.000 karakter).", "A description of the fault is required (at most 4,000 characters).", "description");

    public static readonly UserError Category = new("tickets.ticket.category",
        "Pilih kategori gangguan.", "Choose the kind of fault.", "category");

    public static readonly UserError NotFound = new("tickets.ticket.not-found",
        "Tiket tidak ditemukan.", "Ticket not found.");

    /// <summary>A ticket someone may not see reads like one that does not exist: nothing of it is shown.</summary>
    public static readonly UserError NotFoundOrNotAllowed = new("tickets.ticket.not-found",
        "Tiket tidak ditemukan, atau Anda tidak berhak melihatnya.", "Ticket not found, or you are not allowed to see it.");

    public static readonly UserError TriageChoice = new("tickets.ticket.triage",
        "Pilih dampak dan urgensi.", "Choose the impact and the urgency.", "impact");

    public static readonly UserError QueueNotAllowed = new("tickets.queue.not-allowed",
        "Antrian tiket hanya untuk teknisi dan koordinator helpdesk.", "The ticket queue is for technicians and the helpdesk lead only.");

    public static readonly UserError ChangedMeanwhile = new("tickets.ticket.changed",
        "Tiket baru saja diubah orang lain; muat ulang lalu coba lagi.", "Someone else just changed the ticket; reload and try again.");

    public static readonly UserError NoteRequired = new("tickets.ticket.note",
        "Catatan wajib diisi untuk tindakan ini (paling banyak 4.000 karakter).", "A note is required for this action (at most 4,000 characters).", "note");

    public static readonly UserError NoteTooLong = new("tickets.ticket.note",
        "Catatan paling banyak 4.000 karakter.", "A note has at most 4,000 characters.", "note");

    public static readonly UserError AssigneeRequired = new("tickets.ticket.assignee",
        "Pilih teknisi atau tim yang ditugaskan.", "Choose the technician or team to assign.", "assignee");

    public static readonly UserError ReporterInternalComment = new("tickets.comment.internal",
        "Pelapor tidak dapat menulis catatan internal.", "A reporter cannot write internal notes.", "internal");

    public static readonly UserError CommentText = new("tickets.comment.text",
        "Komentar wajib diisi (paling banyak 4.000 karakter).", "A comment is required (at most 4,000 characters).", "text");

    public static readonly UserError SystemCannotComment = new("tickets.comment.system",
        "Sistem tidak menulis komentar.", "The system does not write comments.");

    public static readonly UserError Attachment = new("tickets.attachment",
        "Lampiran tidak sah: nama berkas, jenis dan ukurannya wajib ada.", "Invalid attachment: a file name, type and size are required.", "attachment");

    public static readonly UserError SiteNotFound = new("tickets.site.not-found",
        "Lokasi tidak ditemukan atau tidak aktif.", "Site not found or not active.", "site");

    // Incidents, attachments and reports for a site (the reporter's side).
    public static readonly UserError AlreadyInIncident = new("tickets.incident.already-linked",
        "Tiket ini sudah tergabung dalam insiden lain; lepaskan dulu dari insiden itu.", "This ticket already belongs to another incident; unlink it first.", "incident");

    public static readonly UserError NotInIncident = new("tickets.incident.not-linked",
        "Tiket ini tidak tergabung dalam insiden tersebut.", "This ticket does not belong to that incident.", "incident");

    public static readonly UserError SiteOfAnotherAgency = new("tickets.site.other-agency",
        "Lokasi ini milik OPD lain. Laporkan gangguan di lokasi OPD Anda sendiri, atau hubungi helpdesk Diskominfo yang dapat mencatatnya atas nama OPD tersebut.",
        "This site belongs to another OPD. Report faults at your own OPD's sites, or call Diskominfo's helpdesk, who can log it on that OPD's behalf.", "site");

    public static readonly UserError NoAgency = new("tickets.reporter.no-agency",
        "Akun Anda tidak terhubung dengan OPD mana pun, sehingga belum dapat melaporkan gangguan.",
        "Your account is not linked to any OPD, so you cannot report a fault yet.", "site");

    public static UserError FileTooLarge(string fileName, long maxBytes) => new("tickets.attachment.too-large",
        $"Berkas \"{fileName}\" terlalu besar: paling besar {maxBytes / 1024 / 1024} MB.",
        $"The file \"{fileName}\" is too large: at most {maxBytes / 1024 / 1024} MB.", "attachment");

    public static UserError NotAnImage(string fileName) => new("tickets.attachment.not-image",
        $"Berkas \"{fileName}\" bukan foto: isinya bukan JPEG, PNG atau WebP, walau namanya atau jenisnya mengatakan demikian.",
        $"The file \"{fileName}\" is not a photo: its content is not JPEG, PNG or WebP, whatever its name or type says.", "attachment");

    public static UserError FileType(string fileName) => new("tickets.attachment.type",
        $"Berkas \"{fileName}\" tidak dapat diterima: hanya foto (JPEG, PNG, WebP) atau dokumen PDF.",
        $"The file \"{fileName}\" cannot be accepted: photos (JPEG, PNG, WebP) or PDF documents only.", "attachment");

    public static UserError EmptyFile(string fileName) => new("tickets.attachment.empty",
        $"Berkas \"{fileName}\" kosong.", $"The file \"{fileName}\" is empty.", "attachment");

    public static readonly UserError TooManyFiles = new("tickets.attachment.count",
        "Paling banyak 10 berkas sekaligus.", "At most 10 files at once.", "attachment");
}
