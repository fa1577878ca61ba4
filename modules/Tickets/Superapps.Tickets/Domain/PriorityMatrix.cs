using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain;

/// <summary>
/// Priority from impact and urgency, ITIL style: priority = impact + urgency − 1 (each ranked 1 to 3), capped at P4.
/// <code>
///                  urgency High  Medium  Low
/// impact ManySites         P1    P2      P3
///        OneSite           P2    P3      P4
///        OnePerson         P3    P4      P4
/// </code>
/// </summary>
public static class PriorityMatrix
{
    public static TicketPriority Of(TicketImpact impact, TicketUrgency urgency)
    {
        if (!Enum.IsDefined(impact) || !Enum.IsDefined(urgency))
        {
            throw new ArgumentOutOfRangeException(nameof(impact), "Unknown impact or urgency.");
        }

        return (TicketPriority)Math.Min((int)impact + (int)urgency - 1, (int)TicketPriority.P4);
    }

    /// <summary>
    /// What a report starts with before the helpdesk triages it: a fault that takes a site off the network is one site,
    /// high urgency (P2); a slow or broken local network is one site, medium (P3); the rest one person, medium (P4).
    /// </summary>
    public static (TicketImpact Impact, TicketUrgency Urgency) DefaultFor(TicketCategory category) => category switch
    {
        TicketCategory.InternetDown or TicketCategory.FibreCut or TicketCategory.ServerOrDataCentre => (TicketImpact.OneSite, TicketUrgency.High),
        TicketCategory.Slow or TicketCategory.Lan => (TicketImpact.OneSite, TicketUrgency.Medium),
        _ => (TicketImpact.OnePerson, TicketUrgency.Medium),
    };
}
