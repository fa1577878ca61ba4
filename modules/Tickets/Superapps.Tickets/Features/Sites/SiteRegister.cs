using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.SharedKernel;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Features.Sites;

/// <summary>
/// Keeps the sites register and the network tree: adds, renames and moves nodes (never into a loop), adds, edits, moves and
/// deactivates sites (kept for the history of their tickets). Every change is audited.
/// </summary>
public sealed class SiteRegister(TicketsDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<NetworkNode> AddCoreAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        var node = NetworkNode.Core(Guid.CreateVersion7(), code, name, clock.GetUtcNow());
        await SaveAsync(node, SiteErrors.DuplicateNodeCode, cancellationToken);
        await AuditAsync("node.created", nameof(NetworkNode), node.Id, $"Simpul inti {node.Code} {node.Name} ditambahkan", new { node.Code, node.Kind }, cancellationToken);
        return node;
    }

    public async Task<NetworkNode> AddDistributionAsync(string code, string name, Guid parentId, CancellationToken cancellationToken = default)
    {
        var parent = await db.NetworkNodes.FindAsync([parentId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.NodeNotFound);
        var node = NetworkNode.Distribution(Guid.CreateVersion7(), code, name, parent, clock.GetUtcNow());
        await SaveAsync(node, SiteErrors.DuplicateNodeCode, cancellationToken);
        await AuditAsync("node.created", nameof(NetworkNode), node.Id, $"Simpul distribusi {node.Code} {node.Name} di bawah {parent.Code} ditambahkan",
            new { node.Code, node.Kind, parent = parent.Code }, cancellationToken);
        return node;
    }

    public async Task<Site> AddSiteAsync(SiteDetails details, Guid nodeId, CancellationToken cancellationToken = default)
    {
        var node = await db.NetworkNodes.FindAsync([nodeId], cancellationToken);
        var errors = new List<UserError>();
        try
        {
            details = SiteRules.Check(details);
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
        }

        if (node is null)
        {
            errors.Add(SiteErrors.NodeNotFound);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var site = Site.Create(Guid.CreateVersion7(), details, node!, clock.GetUtcNow());
        await SaveAsync(site, SiteErrors.DuplicateCode, cancellationToken);
        await AuditAsync("site.created", nameof(Site), site.Id, $"Lokasi {site.Code} {site.Name} ({site.AgencyName}) ditambahkan di {node!.Code}",
            new { site.Code, site.Kind, site.AgencyId, node = node!.Code, site.Latitude, site.Longitude }, cancellationToken);
        return site;
    }

    public async Task<NetworkNode> RenameNodeAsync(Guid nodeId, string name, CancellationToken cancellationToken = default)
    {
        var node = await db.NetworkNodes.FindAsync([nodeId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.NodeNotFound);
        var before = node.Name;
        node.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync("node.renamed", nameof(NetworkNode), node.Id, $"Simpul {node.Code} diganti nama dari {before} menjadi {node.Name}",
            new { node.Code, before, after = node.Name }, cancellationToken);
        return node;
    }

    /// <summary>
    /// Moves a distribution node under another node. Moves are taken one at a time (a transaction-scoped advisory lock), and the
    /// nodes below the moving one are read by a recursive query inside that transaction, so two moves at once cannot close a loop.
    /// </summary>
    public async Task<NetworkNode> MoveNodeAsync(Guid nodeId, Guid newParentId, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var (node, from, to) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockTreeAsync(cancellationToken);
            var node = await db.NetworkNodes.FindAsync([nodeId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.NodeNotFound);
            var parent = await db.NetworkNodes.FindAsync([newParentId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.NodeNotFound);
            var from = node.ParentId is { } oldParentId ? (await db.NetworkNodes.FindAsync([oldParentId], cancellationToken))?.Code : null;
            node.MoveUnder(parent, await DescendantsAsync(node.Id, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (node, from, parent.Code);
        });

        await AuditAsync("node.moved", nameof(NetworkNode), node.Id, $"Simpul {node.Code} dipindahkan dari {from} ke bawah {to}",
            new { node.Code, from, to }, cancellationToken);
        return node;
    }

    /// <summary>Every node below <paramref name="nodeId"/> (not itself), by a recursive query in PostgreSQL.</summary>
    public async Task<IReadOnlyCollection<Guid>> DescendantsAsync(Guid nodeId, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQuery<Guid>($"""
                WITH RECURSIVE below AS (
                    SELECT id FROM tickets.network_nodes WHERE parent_id = {nodeId}
                    UNION
                    SELECT n.id FROM tickets.network_nodes n JOIN below b ON n.parent_id = b.id
                )
                SELECT id AS "Value" FROM below
                """).ToListAsync(cancellationToken);

    /// <summary>Changes a site's details and the node it hangs off (a move to another node when <paramref name="nodeId"/> differs).</summary>
    public async Task<Site> UpdateSiteAsync(Guid siteId, SiteDetails details, Guid nodeId, CancellationToken cancellationToken = default)
    {
        var site = await db.Sites.FindAsync([siteId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.SiteNotFound);
        var node = await db.NetworkNodes.FindAsync([nodeId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.NodeNotFound);
        var before = new { site.Code, site.Name, site.Kind, site.AgencyId, site.Address, site.Latitude, site.Longitude, site.NetworkNodeId };
        site.Update(details, node, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(SiteErrors.DuplicateCode);
        }

        var moved = before.NetworkNodeId != node.Id;
        await AuditAsync(moved ? "site.moved" : "site.updated", nameof(Site), site.Id,
            moved ? $"Lokasi {site.Code} {site.Name} dipindahkan ke simpul {node.Code}" : $"Lokasi {site.Code} {site.Name} diubah",
            new { before, after = new { site.Code, site.Name, site.Kind, site.AgencyId, site.Address, site.Latitude, site.Longitude, node = node.Code } }, cancellationToken);
        return site;
    }

    /// <summary>Moves a site to another node, keeping its details.</summary>
    public async Task<Site> MoveSiteAsync(Guid siteId, Guid nodeId, CancellationToken cancellationToken = default)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, cancellationToken) ?? throw new DomainRuleException(SiteErrors.SiteNotFound);
        return await UpdateSiteAsync(siteId, Details(site), nodeId, cancellationToken);
    }

    /// <summary>Takes a site out of use: no new reports; it stays in the register for the history of its tickets.</summary>
    public async Task DeactivateSiteAsync(Guid siteId, CancellationToken cancellationToken = default)
    {
        var site = await db.Sites.FindAsync([siteId], cancellationToken) ?? throw new DomainRuleException(SiteErrors.SiteNotFound);
        if (!site.IsActive)
        {
            throw new DomainRuleException(SiteErrors.SiteInactive);
        }

        site.Deactivate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync("site.deactivated", nameof(Site), site.Id, $"Lokasi {site.Code} {site.Name} dinonaktifkan", new { site.Code }, cancellationToken);
    }

    public static SiteDetails Details(Site site) =>
        new(site.Code, site.Name, site.Kind, site.AgencyId, site.AgencyName, site.Address, site.Latitude, site.Longitude);

    /// <summary>One change of the tree at a time, across instances, until the transaction ends.</summary>
    internal Task LockTreeAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('tickets.network_nodes'))", cancellationToken);

    private async Task SaveAsync(object entity, UserError duplicate, CancellationToken cancellationToken)
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(duplicate);
        }
    }

    private Task AuditAsync(string action, string entityType, Guid id, string summary, object data, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, action, entityType, id.ToString(), summary,
            data), cancellationToken);
}
