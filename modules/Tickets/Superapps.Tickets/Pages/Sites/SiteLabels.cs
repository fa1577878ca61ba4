using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Pages.Sites;

/// <summary>How the sites register reads on screen, in Indonesian or English.</summary>
public static class SiteLabels
{
    public static string Of(SiteKind kind) => TicketText.Of(kind) is var (indonesian, english) ? Bilingual.T(indonesian, english) : string.Empty;

    public static string Of(NetworkNodeKind kind) => kind == NetworkNodeKind.Core ? Bilingual.T("Inti", "Core") : Bilingual.T("Distribusi", "Distribution");

    public static string Of(MonitoredStatus status) => status switch
    {
        MonitoredStatus.Up => Bilingual.T("Normal", "Up"),
        MonitoredStatus.Degraded => Bilingual.T("Terganggu", "Degraded"),
        MonitoredStatus.Down => Bilingual.T("Putus", "Down"),
        _ => status.ToString(),
    };

    public static MudBlazor.Color ColorOf(MonitoredStatus status) => status switch
    {
        MonitoredStatus.Up => MudBlazor.Color.Success,
        MonitoredStatus.Degraded => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    /// <summary>"Terlihat 2 Desember 2026 09.14 WIB · 12,5 ms · loss 0 %", the monitoring's detail of a site.</summary>
    public static string MonitorDetail(Features.Sites.SiteMonitorState state)
    {
        var culture = Wib.PageCulture;
        var parts = new List<string>();
        if (state.LastSeen is { } seen)
        {
            parts.Add(Bilingual.T("terlihat ", "last seen ") + Wib.FormatDateTime(seen, culture));
        }

        if (state.LatencyMs is { } latency)
        {
            parts.Add(string.Create(culture, $"{latency:0.#} ms"));
        }

        if (state.PacketLossPercent is { } loss)
        {
            parts.Add(string.Create(culture, $"loss {loss:0.#} %"));
        }

        return string.Join(" · ", parts);
    }

    public static string Active(bool active) => active ? Bilingual.T("Aktif", "Active") : Bilingual.T("Nonaktif", "Inactive");

    public static string Coordinates(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.#####}, {lon:0.#####}")
            : "—";
}
