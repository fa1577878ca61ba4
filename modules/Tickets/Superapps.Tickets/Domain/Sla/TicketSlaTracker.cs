namespace Superapps.Tickets.Domain.Sla;

/// <summary>
/// Keeps a ticket's stored SLA state current (docs/adr/0012-ticket-sla-tracking.md). Every transition calls <see cref="Refresh"/>
/// after changing the ticket and before saving it: reports, transitions by the desk, incidents resolving their children and the
/// SLA job alike, so the stored due times, outcomes and time to resolve always follow from the same <see cref="TicketSla.Evaluate"/>.
/// </summary>
public static class TicketSlaTracker
{
    /// <summary>Reads the ticket's clocks at <paramref name="now"/> and stores the reading on it. Needs the ticket's whole history loaded.</summary>
    public static TicketSlaReading Refresh(Ticket ticket, SlaPolicy policy, BusinessClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var reading = TicketSla.Evaluate(ticket.Timeline, ticket.FirstResponseAt, ticket.Priority, policy, clock, now);
        ticket.TrackSla(reading);
        return reading;
    }
}
