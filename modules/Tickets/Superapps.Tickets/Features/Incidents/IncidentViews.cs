using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Incidents;

namespace Superapps.Tickets.Features.Incidents;

/// <summary>Groups tickets under a new incident on a node; the title defaults to "Gangguan jaringan di &lt;node&gt;".</summary>
public sealed record CreateIncident(Guid NodeId, string? Title, IReadOnlyList<Guid> TicketIds);

/// <summary>An incident in a list: how many tickets and sites it holds.</summary>
/// <param name="AffectedSites">Active sites behind its node (what the status page counts).</param>
public sealed record IncidentSummary(Guid Id, string Number, string Title, string NodeName, string Area, IncidentStatus Status, DateTimeOffset CreatedAt,
    int TicketCount, int OpenTicketCount, int AffectedSites);

/// <summary>A child ticket of an incident.</summary>
public sealed record IncidentChild(Guid Id, string Number, string SiteName, string AgencyName, TicketStatus Status, string ReporterName, DateTimeOffset CreatedAt);

/// <summary>An incident with its children, for its page.</summary>
public sealed record IncidentDetails(IncidentSummary Summary, string CreatedByName, DateTimeOffset? ResolvedAt, string? ResolvedByName, string? ResolutionNote,
    IReadOnlyList<IncidentChild> Children);

/// <summary>One area of the status page: its open incidents, the sites they affect, since when.</summary>
public sealed record StatusArea(string Area, IReadOnlyList<IncidentSummary> Incidents)
{
    public int AffectedSites => Incidents.Sum(i => i.AffectedSites);

    public DateTimeOffset Since => Incidents.Min(i => i.CreatedAt);
}
