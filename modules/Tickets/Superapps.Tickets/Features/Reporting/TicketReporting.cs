using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Live;

namespace Superapps.Tickets.Features.Reporting;

/// <summary>What a reporter sends: the site, the category and what they see.</summary>
public sealed record ReportTicket(Guid SiteId, TicketCategory Category, string Description);

/// <summary>The new ticket's id and number, for the reporter.</summary>
public sealed record ReportedTicket(Guid Id, string Number);

/// <summary>Takes a report: checks it, numbers it in the saving transaction (no gaps, no duplicates) and audits it.</summary>
public sealed class TicketReporting(TicketsDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<TicketsOptions> options, TicketChanges changes)
{
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

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, options.Value.FindTimeZone()).Year;
        var strategy = db.Database.CreateExecutionStrategy();
        var ticket = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await TicketNumbering.NextAsync(db, year, cancellationToken);
            var created = Ticket.Report(Guid.CreateVersion7(), number, site!, input.Category, input.Description, reporter, now);
            db.Tickets.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        });

        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "ticket.reported", nameof(Ticket), ticket.Id.ToString(),
            $"Tiket {ticket.Number} dilaporkan untuk {ticket.SiteName}: {TicketText.Of(ticket.Category).Indonesian}",
            new { ticket.Number, ticket.SiteId, ticket.Category, ticket.Priority, reporter = reporter.UserId }), cancellationToken);
        await changes.PublishAsync(ticket.Id);
        return new ReportedTicket(ticket.Id, ticket.Number);
    }
}
