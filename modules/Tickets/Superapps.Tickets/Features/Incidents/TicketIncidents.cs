using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Live;
using Superapps.Tickets.Features.Sla;

namespace Superapps.Tickets.Features.Incidents;

/// <summary>
/// Incidents (journey 5): proposes groupings from the network tree, opens incidents (the helpdesk lead), links and unlinks tickets,
/// and resolves an incident with every open child in one transaction, audited per ticket, then tells each child's reporter.
/// </summary>
public sealed class TicketIncidents(TicketsDbContext db, INetworkSites sites, IAuditTrail audit, INotifier notifier, TimeProvider clock, IOptions<TicketsOptions> options,
    SlaTracking sla, TicketChanges changes)
{
    private static readonly TicketStatus[] Finished = [TicketStatus.Resolved, TicketStatus.Closed];

    /// <summary>The groupings the tree suggests for the open tickets not in an incident yet (<see cref="IncidentProposals"/>).</summary>
    public async Task<IReadOnlyList<IncidentProposal>> ProposeAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await db.NetworkNodes.AsNoTracking()
            .Select(n => new ProposalNode(n.Id, n.ParentId, n.Code, n.Name, n.Kind == NetworkNodeKind.Core)).ToListAsync(cancellationToken);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.IncidentId == null && !Finished.Contains(t.Status))
            .Join(db.Sites, t => t.SiteId, s => s.Id, (t, s) => new ProposalTicket(t.Id, t.Number, t.SiteId, t.SiteName, s.NetworkNodeId, t.CreatedAt))
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Open)
            .Select(i => new ProposalIncident(i.Id, i.Number, i.NetworkNodeId)).ToListAsync(cancellationToken);
        return IncidentProposals.Propose(nodes, tickets, incidents);
    }

    /// <summary>Opens an incident on a node with the given open tickets (each behind the node, in no other incident). The lead only.</summary>
    public async Task<IncidentSummary> CreateAsync(CreateIncident input, TicketActor actor, CancellationToken cancellationToken = default)
    {
        var nodes = await db.NetworkNodes.AsNoTracking().Select(n => new ProposalNode(n.Id, n.ParentId, n.Code, n.Name, n.Kind == NetworkNodeKind.Core))
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        if (!nodes.TryGetValue(input.NodeId, out var node))
        {
            throw new DomainRuleException(IncidentErrors.NodeNotFound);
        }

        var ids = input.TicketIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainRuleException(IncidentErrors.NoTickets);
        }

        var behind = (await sites.SitesBehindNodeAsync(node.Id, cancellationToken)).Select(s => s.Id).ToHashSet();
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, options.Value.FindTimeZone()).Year;
        var strategy = db.Database.CreateExecutionStrategy();
        var (incident, tickets) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var linked = await db.Tickets.Where(t => ids.Contains(t.Id)).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
            var errors = new List<UserError>();
            if (linked.Count != ids.Count)
            {
                errors.Add(TicketErrors.NotFound);
            }

            errors.AddRange(linked.Where(t => !t.IsOpen).Select(t => IncidentErrors.TicketClosed(t.Number)));
            errors.AddRange(linked.Where(t => t.IsOpen && !behind.Contains(t.SiteId)).Select(t => IncidentErrors.NotBehindNode(t.Number, node.Name)));
            if (errors.Count > 0)
            {
                throw new DomainRuleException(errors);
            }

            // Incident numbers: a transaction-scoped lock serialises the yearly sequence (incidents are rare; no counter table needed).
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('tickets.incident_numbers'))", cancellationToken);
            var last = await db.Incidents.Where(i => i.Year == year).MaxAsync(i => (int?)i.Sequence, cancellationToken) ?? 0;
            var opened = Incident.Open(Guid.CreateVersion7(), year, last + 1, input.Title, new IncidentNode(node.Id, node.Code, node.Name, AreaOf(node.Id, nodes)), actor, now);
            db.Incidents.Add(opened);
            foreach (var ticket in linked)
            {
                ticket.LinkToIncident(opened.Id, actor, now);
            }

            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (opened, linked);
        });

        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "incident.created", nameof(Incident), incident.Id.ToString(),
            $"Insiden {incident.Number} dibuat untuk {incident.NetworkNodeName} dengan {tickets.Count} tiket oleh {actor.Name}",
            new { incident.Number, node = incident.NetworkNodeCode, tickets = tickets.Select(t => t.Number), actor = actor.UserId }), cancellationToken);
        foreach (var ticket in tickets)
        {
            await AuditLinkAsync(ticket, incident, actor, linked: true, cancellationToken);
        }

        return (await SummariesAsync(db.Incidents.Where(i => i.Id == incident.Id), cancellationToken))[0];
    }

    /// <summary>Adds an open ticket of a site behind the node to an open incident (the helpdesk).</summary>
    public async Task LinkAsync(Guid incidentId, Guid ticketId, TicketActor actor, CancellationToken cancellationToken = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken) ?? throw new DomainRuleException(IncidentErrors.NotFound);
        incident.RequireOpen();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken) ?? throw new DomainRuleException(TicketErrors.NotFound);
        if (!(await NetworkLineage.NodesAboveSiteAsync(db, ticket.SiteId, cancellationToken)).Contains(incident.NetworkNodeId))
        {
            throw new DomainRuleException(IncidentErrors.NotBehindNode(ticket.Number, incident.NetworkNodeName));
        }

        ticket.LinkToIncident(incident.Id, actor, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await AuditLinkAsync(ticket, incident, actor, linked: true, cancellationToken);
    }

    /// <summary>Takes a ticket out of its incident (the helpdesk); the ticket goes on on its own.</summary>
    public async Task UnlinkAsync(Guid ticketId, TicketActor actor, CancellationToken cancellationToken = default)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken) ?? throw new DomainRuleException(TicketErrors.NotFound);
        var incident = ticket.IncidentId is { } id ? await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        ticket.UnlinkFromIncident(actor, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await AuditLinkAsync(ticket, incident, actor, linked: false, cancellationToken);
    }

    /// <summary>
    /// Resolves the incident and, in the same transaction, every open child ticket with the incident's note (whatever their working
    /// status); audits each, then tells each child's reporter (idempotent key per ticket and incident).
    /// </summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(Guid incidentId, TicketActor actor, string? note, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        var (incident, resolved) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var found = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken) ?? throw new DomainRuleException(IncidentErrors.NotFound);
            var text = found.Resolve(actor, note, now);
            // With their history: the SLA state of each child is worked out from it at the resolution.
            var children = await db.Tickets.Include(t => t.Events).Where(t => t.IncidentId == incidentId && !Finished.Contains(t.Status))
                .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
            var done = new List<(Ticket Ticket, TicketStatus Before)>();
            foreach (var child in children)
            {
                var before = child.Status;
                child.ResolveFromIncident(incidentId, actor, text, now);
                await sla.RefreshAsync(child, now, cancellationToken);
                done.Add((child, before));
            }

            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (found, done);
        });

        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "incident.resolved", nameof(Incident), incident.Id.ToString(),
            $"Insiden {incident.Number} diselesaikan oleh {actor.Name}; {resolved.Count} tiket ikut selesai",
            new { incident.Number, tickets = resolved.Select(r => r.Ticket.Number), actor = actor.UserId }), cancellationToken);
        foreach (var (ticket, before) in resolved)
        {
            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "ticket.resolved", nameof(Ticket), ticket.Id.ToString(),
                $"Tiket {ticket.Number}: {TicketText.Of(before).Indonesian} → {TicketText.Of(ticket.Status).Indonesian} lewat insiden {incident.Number} oleh {actor.Name}",
                new { ticket.Number, from = before, to = ticket.Status, incident = incident.Number, actor = actor.UserId, role = actor.Role }), cancellationToken);
        }

        foreach (var (ticket, _) in resolved)
        {
            await changes.PublishAsync(ticket.Id);
            if (Guid.TryParse(ticket.ReporterUserId, out var reporter))
            {
                await notifier.NotifyAsync(new Notice([reporter], NoticeTopic.Ticket, $"tickets.ticket:{ticket.Id}:incident-resolved:{incident.Id}",
                    new BilingualText($"Gangguan pada tiket {ticket.Number} sudah ditangani", $"The fault of ticket {ticket.Number} was fixed"),
                    new BilingualText($"{incident.Title} ({incident.Number}): {incident.ResolutionNote}. Mohon konfirmasi bila layanan sudah normal.",
                        $"{incident.Title} ({incident.Number}): {incident.ResolutionNote}. Please confirm when the service is back to normal."),
                    $"/tiket/{ticket.Number}"), cancellationToken);
            }
        }

        return [.. resolved.Select(r => r.Ticket.Number)];
    }

    /// <summary>The open incidents, newest first.</summary>
    public Task<IReadOnlyList<IncidentSummary>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        SummariesAsync(db.Incidents.Where(i => i.Status == IncidentStatus.Open), cancellationToken);

    /// <summary>The open incidents whose node the site's traffic passes (for "sudah dilaporkan" on the report form).</summary>
    public async Task<IReadOnlyList<IncidentSummary>> OpenAffectingSiteAsync(Guid siteId, CancellationToken cancellationToken = default)
    {
        var above = await NetworkLineage.NodesAboveSiteAsync(db, siteId, cancellationToken);
        return above.Count == 0 ? [] : await SummariesAsync(db.Incidents.Where(i => i.Status == IncidentStatus.Open && above.Contains(i.NetworkNodeId)), cancellationToken);
    }

    /// <summary>The status page: open incidents grouped by area, the area with the longest outage first.</summary>
    public async Task<IReadOnlyList<StatusArea>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var open = await ListOpenAsync(cancellationToken);
        return [.. open.GroupBy(i => i.Area).Select(g => new StatusArea(g.Key, [.. g.OrderBy(i => i.CreatedAt)])).OrderBy(a => a.Since)];
    }

    /// <summary>An incident and its children; null when there is none.</summary>
    public async Task<IncidentDetails?> GetAsync(Guid incidentId, CancellationToken cancellationToken = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var summary = (await SummariesAsync(db.Incidents.Where(i => i.Id == incidentId), cancellationToken))[0];
        var children = await db.Tickets.AsNoTracking().Where(t => t.IncidentId == incidentId).OrderBy(t => t.CreatedAt)
            .Select(t => new IncidentChild(t.Id, t.Number, t.SiteName, t.AgencyName, t.Status, t.ReporterName, t.CreatedAt)).ToListAsync(cancellationToken);
        return new IncidentDetails(summary, incident.CreatedByName, incident.ResolvedAt, incident.ResolvedByName, incident.ResolutionNote, children);
    }

    private async Task<IReadOnlyList<IncidentSummary>> SummariesAsync(IQueryable<Incident> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderByDescending(i => i.CreatedAt)
            .Select(i => new
            {
                i.Id, i.Number, i.Title, i.NetworkNodeId, i.NetworkNodeName, i.Area, i.Status, i.CreatedAt,
                Tickets = db.Tickets.Count(t => t.IncidentId == i.Id),
                Open = db.Tickets.Count(t => t.IncidentId == i.Id && !Finished.Contains(t.Status)),
            })
            .ToListAsync(cancellationToken);
        var result = new List<IncidentSummary>(rows.Count);
        foreach (var r in rows)
        {
            var affected = (await sites.SitesBehindNodeAsync(r.NetworkNodeId, cancellationToken)).Count;
            result.Add(new IncidentSummary(r.Id, r.Number, r.Title, r.NetworkNodeName, r.Area, r.Status, r.CreatedAt, r.Tickets, r.Open, affected));
        }

        return result;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(TicketErrors.ChangedMeanwhile);
        }
    }

    private Task AuditLinkAsync(Ticket ticket, Incident? incident, TicketActor actor, bool linked, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, linked ? "ticket.incident-linked" : "ticket.incident-unlinked", nameof(Ticket), ticket.Id.ToString(),
            linked ? $"Tiket {ticket.Number} digabungkan ke insiden {incident?.Number} oleh {actor.Name}" : $"Tiket {ticket.Number} dilepas dari insiden {incident?.Number} oleh {actor.Name}",
            new { ticket.Number, incident = incident?.Number, actor = actor.UserId, role = actor.Role }), cancellationToken);

    /// <summary>The area a node serves: the distribution node right under the core on its way up (a kecamatan's POP), or the node itself.</summary>
    internal static string AreaOf(Guid nodeId, IReadOnlyDictionary<Guid, ProposalNode> nodes)
    {
        var lineage = IncidentProposals.Lineage(nodeId, nodes);
        var area = lineage.Count >= 2 ? lineage[^2] : lineage[0];
        return nodes.TryGetValue(area, out var node) ? node.Name : string.Empty;
    }
}
