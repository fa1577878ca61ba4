using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Features.Sites;

/// <summary>A node of the network tree as the register page lists it, with its depth and the number of sites on it.</summary>
public sealed record NodeRow(Guid Id, string Code, string Name, NetworkNodeKind Kind, Guid? ParentId, int Depth, int Sites);

/// <summary>A site as the register page lists it.</summary>
public sealed record SiteRow(Guid Id, string Code, string Name, SiteKind Kind, Guid AgencyId, string AgencyName, string? Address,
    double? Latitude, double? Longitude, Guid NodeId, string NodeCode, bool IsActive, SiteMonitorState? Monitor = null);

/// <summary>What the network monitoring last reported of a site (<see cref="ISiteMonitoring"/>).</summary>
public sealed record SiteMonitorState(MonitoredStatus Status, DateTimeOffset? LastSeen, double? LatencyMs, double? PacketLossPercent, DateTimeOffset ReportedAt);

/// <summary>A site the monitoring reports down or degraded, for the network status page.</summary>
public sealed record MonitoredSiteRow(string Code, string Name, string AgencyName, SiteMonitorState Monitor);

/// <summary>What the register page filters by; every filter runs in the database.</summary>
public sealed record SiteFilter(string? Text = null, Guid? AgencyId = null, SiteKind? Kind = null, Guid? NodeId = null, bool IncludeInactive = false);

/// <summary>
/// Reads the register for its page: the whole tree (small: tens of nodes), and a page of sites. Each call reads through a context of
/// its own: the page's tree and its table load at the same time (the table loads once rendered, while the tree is still being read),
/// and one context shared by the circuit refuses a second query before the first is done.
/// </summary>
public sealed class SiteQueries(IServiceScopeFactory scopes)
{
    /// <summary>The tree in display order: each node followed by the nodes under it, cores first, by code.</summary>
    public async Task<IReadOnlyList<NodeRow>> TreeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var nodes = await db.NetworkNodes.AsNoTracking().OrderBy(n => n.Code).ToListAsync(cancellationToken);
        var counts = await db.Sites.AsNoTracking().Where(s => s.IsActive).GroupBy(s => s.NetworkNodeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var children = nodes.ToLookup(n => n.ParentId);
        var rows = new List<NodeRow>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var node in children[parent])
            {
                rows.Add(new NodeRow(node.Id, node.Code, node.Name, node.Kind, node.ParentId, depth, counts.GetValueOrDefault(node.Id)));
                Walk(node.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return rows;
    }

    public async Task<(IReadOnlyList<SiteRow> Items, int Total)> SitesAsync(SiteFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var query = from s in db.Sites.AsNoTracking()
                    join n in db.NetworkNodes.AsNoTracking() on s.NetworkNodeId equals n.Id
                    select new { s, n.Code };
        if (!filter.IncludeInactive)
        {
            query = query.Where(x => x.s.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + filter.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(x => EF.Functions.ILike(x.s.Code, pattern) || EF.Functions.ILike(x.s.Name, pattern) || EF.Functions.ILike(x.s.AgencyName, pattern));
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(x => x.s.AgencyId == agency);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(x => x.s.Kind == kind);
        }

        if (filter.NodeId is { } node)
        {
            query = query.Where(x => x.s.NetworkNodeId == node);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(x => x.Code).ThenBy(x => x.s.Code).Skip(skip).Take(take)
            .Select(x => new SiteRow(x.s.Id, x.s.Code, x.s.Name, x.s.Kind, x.s.AgencyId, x.s.AgencyName, x.s.Address, x.s.Latitude, x.s.Longitude,
                x.s.NetworkNodeId, x.Code, x.s.IsActive,
                x.s.MonitoredStatus == null ? null : new SiteMonitorState(x.s.MonitoredStatus.Value, x.s.MonitoredLastSeen, x.s.MonitoredLatencyMs, x.s.MonitoredPacketLossPercent, x.s.MonitoredAt!.Value)))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The active sites the network monitoring last reported down or degraded (down first), and how many it reports up.</summary>
    public async Task<(IReadOnlyList<MonitoredSiteRow> Problems, int Up)> MonitoredAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var active = db.Sites.AsNoTracking().Where(s => s.IsActive && s.MonitoredStatus != null);
        var up = await active.CountAsync(s => s.MonitoredStatus == MonitoredStatus.Up, cancellationToken);
        var problems = await active.Where(s => s.MonitoredStatus != MonitoredStatus.Up)
            .OrderByDescending(s => s.MonitoredStatus).ThenBy(s => s.Code).Take(200)
            .Select(s => new MonitoredSiteRow(s.Code, s.Name, s.AgencyName,
                new SiteMonitorState(s.MonitoredStatus!.Value, s.MonitoredLastSeen, s.MonitoredLatencyMs, s.MonitoredPacketLossPercent, s.MonitoredAt!.Value)))
            .ToListAsync(cancellationToken);
        return (problems, up);
    }
}
