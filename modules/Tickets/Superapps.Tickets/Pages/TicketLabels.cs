using System.Globalization;
using MudBlazor;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Queue;

namespace Superapps.Tickets.Pages;

/// <summary>How ticket attributes read on screen, in Indonesian or English (<see cref="TicketText"/>), and their colours.</summary>
public static class TicketLabels
{
    public static string Of(TicketStatus value) => Pick(TicketText.Of(value));

    public static string Of(TicketCategory value) => Pick(TicketText.Of(value));

    public static string Of(TicketAction value) => Pick(TicketText.Of(value));

    public static string Of(TicketRole value) => Pick(TicketText.Of(value));

    public static string Of(TicketPriority value) => value switch
    {
        TicketPriority.P1 => Bilingual.T("P1 Kritis", "P1 Critical"),
        TicketPriority.P2 => Bilingual.T("P2 Tinggi", "P2 High"),
        TicketPriority.P3 => Bilingual.T("P3 Sedang", "P3 Medium"),
        _ => Bilingual.T("P4 Rendah", "P4 Low"),
    };

    public static string Of(TicketImpact value) => value switch
    {
        TicketImpact.ManySites => Bilingual.T("Banyak lokasi", "Many sites"),
        TicketImpact.OneSite => Bilingual.T("Satu lokasi", "One site"),
        _ => Bilingual.T("Satu orang/perangkat", "One person/device"),
    };

    public static string Of(TicketUrgency value) => value switch
    {
        TicketUrgency.High => Bilingual.T("Tinggi: layanan berhenti", "High: service stopped"),
        TicketUrgency.Medium => Bilingual.T("Sedang: terhambat", "Medium: hindered"),
        _ => Bilingual.T("Rendah: dapat menunggu", "Low: can wait"),
    };

    public static string Of(QueueGroup value) => value switch
    {
        QueueGroup.Open => Bilingual.T("Terbuka", "Open"),
        QueueGroup.Waiting => Bilingual.T("Menunggu", "Waiting"),
        QueueGroup.Resolved => Bilingual.T("Selesai dikerjakan", "Resolved"),
        QueueGroup.Closed => Bilingual.T("Ditutup", "Closed"),
        _ => Bilingual.T("Semua", "All"),
    };

    public static string Of(QueueSort value) => value switch
    {
        QueueSort.Newest => Bilingual.T("Terbaru", "Newest"),
        QueueSort.Oldest => Bilingual.T("Terlama", "Oldest"),
        QueueSort.Updated => Bilingual.T("Terakhir diubah", "Last updated"),
        _ => Bilingual.T("Prioritas, lalu umur", "Priority, then age"),
    };

    public static string Of(QueueAssignee value) => value switch
    {
        QueueAssignee.Mine => Bilingual.T("Tiket saya", "Mine"),
        QueueAssignee.Unassigned => Bilingual.T("Belum ditugaskan", "Unassigned"),
        QueueAssignee.Technician => Bilingual.T("Teknisi tertentu", "A technician"),
        _ => Bilingual.T("Siapa saja", "Anyone"),
    };

    public static string Of(SlaState value) => value switch
    {
        SlaState.Warning => Bilingual.T("Hampir lewat", "Nearly due"),
        SlaState.Paused => Bilingual.T("Dijeda", "Paused"),
        SlaState.Breached => Bilingual.T("Terlambat", "Overdue"),
        SlaState.Met => Bilingual.T("Terpenuhi", "Met"),
        _ => Bilingual.T("Berjalan", "Running"),
    };

    public static Color ColorOf(TicketPriority value) => value switch
    {
        TicketPriority.P1 => Color.Error,
        TicketPriority.P2 => Color.Warning,
        TicketPriority.P3 => Color.Info,
        _ => Color.Default,
    };

    public static Color ColorOf(TicketStatus value) => value switch
    {
        TicketStatus.New or TicketStatus.Reopened => Color.Primary,
        TicketStatus.Assigned or TicketStatus.InProgress => Color.Info,
        TicketStatus.WaitingForOpd or TicketStatus.WaitingForVendor => Color.Warning,
        TicketStatus.Resolved => Color.Success,
        _ => Color.Default,
    };

    public static Color ColorOf(SlaState value) => value switch
    {
        SlaState.Breached => Color.Error,
        SlaState.Warning => Color.Warning,
        SlaState.Met => Color.Success,
        _ => Color.Default,
    };

    /// <summary>A business duration as "2 j 15 m" / "2 h 15 m"; days of business time stay hours ("25 j 30 m").</summary>
    public static string Duration(TimeSpan value)
    {
        var total = (int)Math.Floor(Math.Abs(value.TotalMinutes));
        var (hours, minutes) = (total / 60, total % 60);
        var hourUnit = Bilingual.T("j", "h");
        return hours > 0 ? $"{hours} {hourUnit} {minutes} m" : $"{minutes} m";
    }

    /// <summary>
    /// The clock that matters now, in one short line for a queue row: the response clock while the ticket is new (nobody has
    /// taken it), the resolution clock after: "sisa 1 j 20 m" (time left), "lewat 35 m" (overdue), "dijeda" or "terpenuhi".
    /// </summary>
    public static (string Text, Color Color) Summary(TicketSlaReading sla, TicketStatus status)
    {
        var responding = status == TicketStatus.New;
        var clock = responding ? sla.Response : sla.Resolution;
        var which = responding ? Bilingual.T("Respons", "Response") : Bilingual.T("Penyelesaian", "Resolution");
        var stopped = status is TicketStatus.Resolved or TicketStatus.Closed;
        var left = Duration(clock.Target - clock.Elapsed);
        var over = Duration(clock.Elapsed - clock.Target);
        var text = clock.State switch
        {
            SlaState.Breached when stopped => Bilingual.T($"{which}: terlambat {over}", $"{which}: breached by {over}"),
            SlaState.Breached => Bilingual.T($"{which}: lewat {over}", $"{which}: overdue by {over}"),
            SlaState.Paused => Bilingual.T($"{which}: dijeda, sisa {left}", $"{which}: paused, {left} left"),
            SlaState.Met => Bilingual.T($"{which}: terpenuhi", $"{which}: met"),
            _ => Bilingual.T($"{which}: sisa {left}", $"{which}: {left} left"),
        };
        return (text, ColorOf(clock.State));
    }

    /// <summary>A count that may have stopped at its bound: "10.000+".</summary>
    public static string Count(int value, int bound) =>
        value > bound ? bound.ToString("N0", Culture) + "+" : value.ToString("N0", Culture);

    private static CultureInfo Culture => Bilingual.IsEnglish ? CultureInfo.InvariantCulture : Wib.Indonesian;

    private static string Pick((string Indonesian, string English) text) => Bilingual.T(text.Indonesian, text.English);
}
