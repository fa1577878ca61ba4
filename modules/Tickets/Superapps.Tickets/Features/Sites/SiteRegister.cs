using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.SharedKernel;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Features.Sites;

/// <summary>Keeps the sites register and the network tree: adds cores, distribution nodes and sites, audited.</summary>
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
