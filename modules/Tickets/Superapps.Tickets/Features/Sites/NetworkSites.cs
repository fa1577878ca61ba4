using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Features.Sites;

/// <summary>Reads the sites register (<see cref="INetworkSites"/>): which sites an OPD owns, which sites share an uplink.</summary>
internal sealed class NetworkSites(TicketsDbContext db) : INetworkSites
{
    /// <summary>
    /// The active sites behind a node: a recursive query walks the node tree down from <paramref name="nodeId"/> in PostgreSQL
    /// (one round trip however deep the tree), then takes the sites hanging off any node found.
    /// </summary>
    public async Task<IReadOnlyList<SiteSummary>> SitesBehindNodeAsync(Guid nodeId, CancellationToken cancellationToken = default)
    {
        var sites = await db.Sites.FromSql($"""
                WITH RECURSIVE below AS (
                    SELECT id FROM tickets.network_nodes WHERE id = {nodeId}
                    UNION
                    SELECT n.id FROM tickets.network_nodes n JOIN below b ON n.parent_id = b.id
                )
                SELECT s.* FROM tickets.sites s WHERE s.network_node_id IN (SELECT id FROM below)
                """)
            .AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return [.. sites.Select(s => s.ToSummary())];
    }

    /// <summary>The sites sharing <paramref name="siteId"/>'s uplink: every active site behind the node it hangs off, itself included.</summary>
    public async Task<IReadOnlyList<SiteSummary>> SitesSharingUplinkAsync(Guid siteId, CancellationToken cancellationToken = default)
    {
        var nodeId = await db.Sites.Where(s => s.Id == siteId).Select(s => (Guid?)s.NetworkNodeId).FirstOrDefaultAsync(cancellationToken);
        return nodeId is { } id ? await SitesBehindNodeAsync(id, cancellationToken) : [];
    }

    public async Task<IReadOnlyList<SiteSummary>> SitesOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => s.AgencyId == agencyId && s.IsActive).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return [.. sites.Select(s => s.ToSummary())];
    }
}
