using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Sla;
using Superapps.Tickets.Features.Live;

namespace Superapps.Tickets.Features.Reporting;

/// <summary>What a reporter sends: the site, the category and what they see; optionally the open incident they join
/// ("sudah dilaporkan") and photos already checked by <see cref="TicketAttachments.CheckAsync"/>.</summary>
public sealed record ReportTicket(Guid SiteId, TicketCategory Category, string Description, Guid? IncidentId = null, IReadOnlyList<CheckedAttachment>? Files = null);

/// <summary>The new ticket's id and number, for the reporter.</summary>
public sealed record ReportedTicket(Guid Id, string Number);

/// <summary>Takes a report: checks it, numbers it in the saving transaction (no gaps, no duplicates) and audits it.</summary>
public sealed class TicketReporting(TicketsDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<TicketsOptions> options, TicketAttachments attachments, SlaTracking sla, TicketChanges changes)
{
    /// <summary>
    /// A report by a signed-in employee (the report form and endpoints): an employee reports for the sites of their own OPD only; a
    /// site of another OPD is refused with <see cref="TicketErrors.SiteOfAnotherAgency"/>. The helpdesk may report for any site: it
    /// logs calls on someone's behalf.
    /// </summary>
    public async Task<ReportedTicket> ReportAsync(ReportTicket input, TicketPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!principal.IsHelpdesk)
        {
            if (principal.AgencyId is not { } agencyId)
            {
                throw new DomainRuleException(TicketErrors.NoAgency);
            }

            var owner = await db.Sites.AsNoTracking().Where(s => s.Id == input.SiteId && s.IsActive).Select(s => (Guid?)s.AgencyId).FirstOrDefaultAsync(cancellationToken);
            if (owner is { } ownerId && ownerId != agencyId)
            {
                throw new DomainRuleException(TicketErrors.SiteOfAnotherAgency);
            }
        }

        return await ReportAsync(input, principal.AsReporter(), cancellationToken);
    }

    /// <summary>A report by a trusted caller that has already decided the reporter may report for the site (e-mail intake, tests).</summary>
    public async Task<ReportedTicket> ReportAsync(ReportTicket input, TicketActor reporter, CancellationToken cancellationToken = default)
    {
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == input.SiteId && s.IsActive)
            .Select(s => new TicketSite(s.Id, s.Name, s.AgencyId, s.AgencyName, s.NetworkNodeId))
            .FirstOrDefaultAsync(cancellationToken);
        var errors = new List<UserError>();
        if (site is null)
        {
            errors.Add(TicketErrors.SiteNotFound);
        }

        if (!Enum.IsDefined(input.Category))
        {
            errors.Add(TicketErrors.Category);
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > Ticket.MaxTextLength)
        {
            errors.Add(TicketErrors.Description);
        }

        Incident? incident = null;
        if (input.IncidentId is { } incidentId && site is not null)
        {
            incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
            if (incident is null)
            {
                errors.Add(IncidentErrors.NotFound);
            }
            else if (!incident.IsOpen)
            {
                errors.Add(IncidentErrors.NotOpen);
            }
            else if (!(await NetworkLineage.NodesAboveSiteAsync(db, site.SiteId, cancellationToken)).Contains(incident.NetworkNodeId))
            {
                errors.Add(IncidentErrors.SiteNotAffected);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        IReadOnlyList<TicketAttachment> files = [];

        var now = clock.GetUtcNow();
        // Read before the transaction: the SLA clock's calendar is the same whatever number the ticket gets.
        await sla.ClockAsync(cancellationToken);
        var year = TimeZoneInfo.ConvertTime(now, options.Value.FindTimeZone()).Year;
        var strategy = db.Database.CreateExecutionStrategy();
        var ticket = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await TicketNumbering.NextAsync(db, year, cancellationToken);
            var created = Ticket.Report(Guid.CreateVersion7(), number, site!, input.Category, input.Description, reporter, now);
            if (incident is not null)
            {
                created.LinkToIncident(incident.Id, reporter, now);
            }

            await sla.RefreshAsync(created, now, cancellationToken);
            files = attachments.Add(created, input.Files ?? [], reporter, isInternal: false, now);
            db.Tickets.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        });

        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "ticket.reported", nameof(Ticket), ticket.Id.ToString(),
            $"Tiket {ticket.Number} dilaporkan untuk {ticket.SiteName}: {TicketText.Of(ticket.Category).Indonesian}",
            new { ticket.Number, ticket.SiteId, ticket.Category, ticket.Priority, reporter = reporter.UserId, incident = incident?.Number }), cancellationToken);
        if (incident is not null)
        {
            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "ticket.incident-linked", nameof(Ticket), ticket.Id.ToString(),
                $"Tiket {ticket.Number} bergabung ke insiden {incident.Number} saat dilaporkan", new { ticket.Number, incident = incident.Number, actor = reporter.UserId }),
                cancellationToken);
        }

        await attachments.AuditAsync(ticket, files, reporter, cancellationToken);
        await changes.PublishAsync(ticket.Id);
        return new ReportedTicket(ticket.Id, ticket.Number);
    }
}
