using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Features.Access;

namespace Superapps.Tickets.Features.Reporting;

/// <summary>One of the reporter's tickets in "Tiket Saya".</summary>
public sealed record MyTicketRow(Guid Id, string Number, string SiteName, TicketCategory Category, TicketStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool InIncident);

/// <summary>A page of rows and the total.</summary>
public sealed record MyTicketsSlice(IReadOnlyList<MyTicketRow> Rows, int Total);

/// <summary>The reporter's own tickets (journey 2): newest first, paged on the server, and how many are open.</summary>
public sealed class ReporterTickets(TicketsDbContext db)
{
    public async Task<MyTicketsSlice> PageAsync(TicketPrincipal reporter, int page, int pageSize, bool openOnly = false, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Tickets.AsNoTracking().Where(t => t.ReporterUserId == reporter.UserId);
        if (openOnly)
        {
            query = query.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(t => new MyTicketRow(t.Id, t.Number, t.SiteName, t.Category, t.Status, t.CreatedAt, t.UpdatedAt, t.IncidentId != null))
            .ToListAsync(cancellationToken);
        return new MyTicketsSlice(rows, total);
    }

    /// <summary>How many of the reporter's tickets are not resolved yet (the home widget).</summary>
    public Task<int> OpenCountAsync(TicketPrincipal reporter, CancellationToken cancellationToken = default) =>
        db.Tickets.CountAsync(t => t.ReporterUserId == reporter.UserId && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed, cancellationToken);
}
