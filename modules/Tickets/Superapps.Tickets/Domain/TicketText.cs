using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain;

/// <summary>
/// The names of ticket statuses, actions, categories and site kinds in Indonesian and English, side by side
/// (docs/adr/0004-bilingual-text.md). Errors quote them in both languages; pages will show them through <c>Bilingual.T</c>.
/// </summary>
public static class TicketText
{
    public static (string Indonesian, string English) Of(TicketStatus status) => status switch
    {
        TicketStatus.New => ("Baru", "New"),
        TicketStatus.Assigned => ("Ditugaskan", "Assigned"),
        TicketStatus.InProgress => ("Dikerjakan", "In progress"),
        TicketStatus.WaitingForOpd => ("Menunggu OPD", "Waiting for the OPD"),
        TicketStatus.WaitingForVendor => ("Menunggu vendor/ISP", "Waiting for the vendor/ISP"),
        TicketStatus.Resolved => ("Selesai dikerjakan", "Resolved"),
        TicketStatus.Closed => ("Ditutup", "Closed"),
        TicketStatus.Reopened => ("Dibuka kembali", "Reopened"),
        _ => (status.ToString(), status.ToString()),
    };

    public static (string Indonesian, string English) Of(TicketAction action) => action switch
    {
        TicketAction.Report => ("melaporkan", "report"),
        TicketAction.Triage => ("menetapkan prioritas", "triage"),
        TicketAction.Assign => ("menugaskan", "assign"),
        TicketAction.Start => ("mulai mengerjakan", "start work"),
        TicketAction.WaitForOpd => ("menunggu OPD", "wait for the OPD"),
        TicketAction.WaitForVendor => ("menunggu vendor/ISP", "wait for the vendor/ISP"),
        TicketAction.Resume => ("melanjutkan pekerjaan", "resume work"),
        TicketAction.Resolve => ("menyelesaikan", "resolve"),
        TicketAction.Confirm => ("mengonfirmasi penyelesaian", "confirm the fix"),
        TicketAction.Reopen => ("membuka kembali", "reopen"),
        TicketAction.AutoClose => ("menutup otomatis", "close automatically"),
        TicketAction.Comment => ("menulis komentar", "comment"),
        TicketAction.Attach => ("melampirkan berkas", "attach a file"),
        TicketAction.IncidentLink => ("menggabungkan ke insiden", "link to an incident"),
        TicketAction.IncidentUnlink => ("melepas dari insiden", "unlink from its incident"),
        _ => (action.ToString(), action.ToString()),
    };

    public static (string Indonesian, string English) Of(TicketRole role) => role switch
    {
        TicketRole.Reporter => ("pelapor", "the reporter"),
        TicketRole.HelpdeskAgent => ("petugas helpdesk", "a helpdesk agent"),
        TicketRole.Technician => ("teknisi", "a technician"),
        TicketRole.System => ("sistem", "the system"),
        _ => (role.ToString(), role.ToString()),
    };

    public static (string Indonesian, string English) Of(TicketCategory category) => category switch
    {
        TicketCategory.InternetDown => ("Internet tidak terkoneksi", "Internet down"),
        TicketCategory.Slow => ("Internet lambat", "Slow connection"),
        TicketCategory.FibreCut => ("Kabel fiber optik putus", "Fibre cut"),
        TicketCategory.WiFi => ("Wi-Fi", "Wi-Fi"),
        TicketCategory.Lan => ("Jaringan lokal (LAN)", "Local network (LAN)"),
        TicketCategory.ServerOrDataCentre => ("Server atau pusat data", "Server or data centre"),
        TicketCategory.Application => ("Aplikasi", "Application"),
        _ => ("Lainnya", "Other"),
    };

    public static (string Indonesian, string English) Of(SiteKind kind) => kind switch
    {
        SiteKind.OpdOffice => ("Kantor OPD", "OPD office"),
        SiteKind.Kecamatan => ("Kantor kecamatan", "Kecamatan office"),
        SiteKind.Kelurahan => ("Kantor kelurahan", "Kelurahan office"),
        SiteKind.School => ("Sekolah", "School"),
        SiteKind.DataCentre => ("Pusat data", "Data centre"),
        _ => ("Lainnya", "Other"),
    };
}
