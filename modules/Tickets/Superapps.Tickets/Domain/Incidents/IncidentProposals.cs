namespace Superapps.Tickets.Domain.Incidents;

/// <summary>A node of the network tree as the proposals read it.</summary>
public sealed record ProposalNode(Guid Id, Guid? ParentId, string Code, string Name, bool IsCore);

/// <summary>An open ticket not in any incident yet.</summary>
public sealed record ProposalTicket(Guid Id, string Number, Guid SiteId, string SiteName, Guid NodeId, DateTimeOffset CreatedAt);

/// <summary>An open incident and its node.</summary>
public sealed record ProposalIncident(Guid Id, string Number, Guid NodeId);

/// <summary>
/// A grouping the helpdesk may accept: open tickets of several sites behind one node (a new incident), or open tickets behind the
/// node of an incident already open (<see cref="IncidentId"/> set: they join it).
/// </summary>
public sealed record IncidentProposal(Guid NodeId, string NodeCode, string NodeName, Guid? IncidentId, string? IncidentNumber, IReadOnlyList<ProposalTicket> Tickets)
{
    public int SiteCount => Tickets.Select(t => t.SiteId).Distinct().Count();

    public (string Indonesian, string English) Title => IncidentId is null
        ? ($"{SiteCount} lokasi di belakang {NodeName} melaporkan gangguan", $"{SiteCount} sites behind {NodeName} report a fault")
        : ($"{Tickets.Count} tiket baru di belakang {NodeName} dapat bergabung ke {IncidentNumber}", $"{Tickets.Count} new tickets behind {NodeName} can join {IncidentNumber}");
}

/// <summary>
/// Proposes incidents from the network tree (journey 5), as pure arithmetic on the tree and the open tickets:
/// <list type="number">
/// <item>Open tickets behind the node of an open incident are proposed to join it (the deepest such incident when several cover them).</item>
/// <item>Of the rest, for each distribution node from the deepest up: when the open tickets behind it come from at least
/// <see cref="MinimumSites"/> different sites, it is proposed as a new incident with those tickets. Tickets proposed for a deeper node
/// are not proposed again for its ancestors, so each grouping names the lowest node that covers its sites. Cores are never proposed:
/// a core failing is the data centre's own incident, opened by hand.</item>
/// </list>
/// </summary>
public static class IncidentProposals
{
    public const int MinimumSites = 2;

    public static IReadOnlyList<IncidentProposal> Propose(IReadOnlyList<ProposalNode> nodes, IReadOnlyList<ProposalTicket> tickets, IReadOnlyList<ProposalIncident> openIncidents)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var depth = new Dictionary<Guid, int>();
        var lineage = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var node in nodes)
        {
            var path = Lineage(node.Id, byId);
            lineage[node.Id] = path;
            depth[node.Id] = path.Count;
        }

        IReadOnlyList<Guid> LineageOf(Guid nodeId) => lineage.TryGetValue(nodeId, out var path) ? path : [nodeId];

        var proposals = new List<IncidentProposal>();
        var left = tickets.ToList();

        // 1. Join incidents already open.
        var joins = new Dictionary<ProposalIncident, List<ProposalTicket>>();
        foreach (var ticket in tickets)
        {
            var path = LineageOf(ticket.NodeId);
            var incident = openIncidents.Where(i => path.Contains(i.NodeId)).OrderByDescending(i => depth.GetValueOrDefault(i.NodeId)).FirstOrDefault();
            if (incident is not null)
            {
                (joins.TryGetValue(incident, out var list) ? list : joins[incident] = []).Add(ticket);
                left.Remove(ticket);
            }
        }

        foreach (var (incident, joining) in joins)
        {
            var node = byId.GetValueOrDefault(incident.NodeId);
            proposals.Add(new IncidentProposal(incident.NodeId, node?.Code ?? string.Empty, node?.Name ?? string.Empty, incident.Id, incident.Number,
                [.. joining.OrderBy(t => t.CreatedAt)]));
        }

        // 2. New incidents, lowest node first.
        var grouped = new List<IncidentProposal>();
        foreach (var node in nodes.Where(n => !n.IsCore).OrderByDescending(n => depth[n.Id]).ThenBy(n => n.Code, StringComparer.Ordinal))
        {
            var behind = left.Where(t => LineageOf(t.NodeId).Contains(node.Id)).ToList();
            if (behind.Select(t => t.SiteId).Distinct().Count() >= MinimumSites)
            {
                grouped.Add(new IncidentProposal(node.Id, node.Code, node.Name, null, null, [.. behind.OrderBy(t => t.CreatedAt)]));
                left.RemoveAll(behind.Contains);
            }
        }

        proposals.AddRange(grouped.OrderByDescending(p => p.SiteCount).ThenBy(p => p.NodeCode, StringComparer.Ordinal));
        return proposals;
    }

    /// <summary>The node and its ancestors up to the root, the node first. A cycle in bad data ends the walk.</summary>
    public static IReadOnlyList<Guid> Lineage(Guid nodeId, IReadOnlyDictionary<Guid, ProposalNode> nodes)
    {
        var path = new List<Guid> { nodeId };
        var current = nodeId;
        while (nodes.TryGetValue(current, out var node) && node.ParentId is { } parent && !path.Contains(parent))
        {
            path.Add(parent);
            current = parent;
        }

        return path;
    }
}
