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

    public static string Active(bool active) => active ? Bilingual.T("Aktif", "Active") : Bilingual.T("Nonaktif", "Inactive");

    public static string Coordinates(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.#####}, {lon:0.#####}")
            : "—";
}
