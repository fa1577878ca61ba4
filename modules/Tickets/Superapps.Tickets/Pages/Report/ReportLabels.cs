using MudBlazor;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Pages.Report;

/// <summary>How the reporter's side reads on screen: categories with their icons and ready-made descriptions, statuses and their colours.</summary>
public static class ReportLabels
{
    /// <summary>The categories in the order the report form offers them (the commonest first).</summary>
    public static readonly IReadOnlyList<TicketCategory> Categories =
    [
        TicketCategory.InternetDown, TicketCategory.Slow, TicketCategory.FibreCut, TicketCategory.WiFi,
        TicketCategory.Lan, TicketCategory.ServerOrDataCentre, TicketCategory.Application, TicketCategory.Other,
    ];

    /// <summary>A category named in a link (<c>?kategori=Application</c>, any case); null for anything else, numbers included.</summary>
    public static TicketCategory? ParseCategory(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !char.IsAsciiDigit(name.Trim()[0]) && Enum.TryParse<TicketCategory>(name.Trim(), ignoreCase: true, out var category)
            && Enum.IsDefined(category)
            ? category
            : null;

    /// <summary>The short name on a category chip.</summary>
    public static string ChipText(TicketCategory category) => category switch
    {
        TicketCategory.InternetDown => Bilingual.T("Internet mati", "Internet down"),
        TicketCategory.Slow => Bilingual.T("Internet lambat", "Slow internet"),
        TicketCategory.FibreCut => Bilingual.T("Fiber putus", "Fibre cut"),
        TicketCategory.WiFi => "Wi-Fi",
        TicketCategory.Lan => Bilingual.T("Jaringan LAN", "LAN"),
        TicketCategory.ServerOrDataCentre => Bilingual.T("Server / data center", "Server / data centre"),
        TicketCategory.Application => Bilingual.T("Aplikasi", "Application"),
        _ => Bilingual.T("Lainnya", "Other"),
    };

    public static string Of(TicketCategory category)
    {
        var (id, en) = TicketText.Of(category);
        return Bilingual.T(id, en);
    }

    public static string Icon(TicketCategory category) => category switch
    {
        TicketCategory.InternetDown => Icons.Material.Filled.WifiOff,
        TicketCategory.Slow => Icons.Material.Filled.NetworkCheck,
        TicketCategory.FibreCut => Icons.Material.Filled.ContentCut,
        TicketCategory.WiFi => Icons.Material.Filled.Wifi,
        TicketCategory.Lan => Icons.Material.Filled.Cable,
        TicketCategory.ServerOrDataCentre => Icons.Material.Filled.Dns,
        TicketCategory.Application => Icons.Material.Filled.Apps,
        _ => Icons.Material.Filled.HelpOutline,
    };

    /// <summary>The description the form fills in for a category, so a report can be sent as it is.</summary>
    public static string Description(TicketCategory category) => category switch
    {
        TicketCategory.InternetDown => Bilingual.T("Internet tidak terkoneksi di kantor kami.", "The internet is down at our office."),
        TicketCategory.Slow => Bilingual.T("Koneksi internet di kantor kami sangat lambat.", "The internet at our office is very slow."),
        TicketCategory.FibreCut => Bilingual.T("Kabel fiber optik ke kantor kami putus.", "The fibre cable to our office is cut."),
        TicketCategory.WiFi => Bilingual.T("Wi-Fi kantor tidak dapat digunakan.", "The office Wi-Fi cannot be used."),
        TicketCategory.Lan => Bilingual.T("Jaringan kabel (LAN) di kantor tidak tersambung.", "The office's wired network (LAN) is not connected."),
        TicketCategory.ServerOrDataCentre => Bilingual.T("Server atau layanan pusat data tidak dapat diakses.", "A server or data centre service cannot be reached."),
        TicketCategory.Application => Bilingual.T("Aplikasi tidak dapat diakses dari kantor kami.", "An application cannot be reached from our office."),
        _ => Bilingual.T("Ada gangguan TIK di kantor kami.", "There is an ICT fault at our office."),
    };

    public static string Of(TicketStatus status)
    {
        var (id, en) = TicketText.Of(status);
        return Bilingual.T(id, en);
    }

    public static Color ColorOf(TicketStatus status) => status switch
    {
        TicketStatus.New => Color.Info,
        TicketStatus.Assigned or TicketStatus.InProgress => Color.Primary,
        TicketStatus.WaitingForOpd or TicketStatus.WaitingForVendor => Color.Warning,
        TicketStatus.Resolved => Color.Success,
        TicketStatus.Reopened => Color.Error,
        _ => Color.Default,
    };

    public static string Of(SiteKind kind)
    {
        var (id, en) = TicketText.Of(kind);
        return Bilingual.T(id, en);
    }
}
