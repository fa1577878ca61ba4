using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Data;

namespace Superapps.Tickets.Features.Incidents;

/// <summary>Walks the network tree upwards in PostgreSQL: the nodes a site's traffic passes on its way to the core.</summary>
internal static class NetworkLineage
{
    /// <summary>The node a site hangs off and every node above it (empty for an unknown site).</summary>
    public static async Task<IReadOnlyList<Guid>> NodesAboveSiteAsync(TicketsDbContext db, Guid siteId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE up AS (
                SELECT n.id, n.parent_id FROM tickets.network_nodes n JOIN tickets.sites s ON s.network_node_id = n.id WHERE s.id = {siteId}
                UNION
                SELECT n.id, n.parent_id FROM tickets.network_nodes n JOIN up ON n.id = up.parent_id
            )
            SELECT id AS "Value" FROM up
            """).ToListAsync(cancellationToken);
}
