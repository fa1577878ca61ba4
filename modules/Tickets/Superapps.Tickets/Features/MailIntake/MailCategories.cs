using System.Text.RegularExpressions;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Features.MailIntake;

/// <summary>Guesses a ticket's category from the words of an e-mail (Indonesian and English); the helpdesk corrects it at triage.</summary>
public static partial class MailCategories
{
    // Most specific first: "fiber putus" is a cut fibre before it is an internet outage.
    private static readonly (TicketCategory Category, Regex Words)[] Rules =
    [
        (TicketCategory.FibreCut, FibreCut()),
        (TicketCategory.InternetDown, InternetDown()),
        (TicketCategory.ServerOrDataCentre, Server()),
        (TicketCategory.Slow, Slow()),
        (TicketCategory.WiFi, WiFi()),
        (TicketCategory.Lan, Lan()),
        (TicketCategory.Application, Application()),
    ];

    public static TicketCategory Of(string? subject, string? body)
    {
        var text = $"{subject}\n{body}";
        foreach (var (category, words) in Rules)
        {
            if (words.IsMatch(text))
            {
                return category;
            }
        }

        return TicketCategory.Other;
    }

    [GeneratedRegex(@"\b(fiber|fibre|serat optik|kabel (fo|optik)|fo)\b.{0,20}\b(putus|terputus|rusak|cut)\b|\b(putus|terputus)\b.{0,20}\b(fiber|fibre|fo)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FibreCut();

    [GeneratedRegex(@"\b(internet|koneksi|jaringan)\s+(mati|putus|down|terputus|tidak (terkoneksi|tersambung|bisa|konek))\b|\btidak (ada|bisa) (internet|koneksi)\b|\b(internet down|no internet|offline)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternetDown();

    [GeneratedRegex(@"\b(server|data ?cent(er|re)|pusat data)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Server();

    [GeneratedRegex(@"\b(lambat|lemot|lelet|slow|pelan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Slow();

    [GeneratedRegex(@"\b(wi-?fi|hotspot|access point)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WiFi();

    [GeneratedRegex(@"\b(lan|switch|kabel (lan|utp|jaringan)|hub)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lan();

    [GeneratedRegex(@"\b(aplikasi|website|situs|sistem informasi|application)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Application();
}
