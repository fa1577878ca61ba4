using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Features.Reporting;

/// <summary>The counter of the city's ticket numbers for a year (<c>tickets.ticket_number_counters</c>).</summary>
public sealed class TicketNumberCounter
{
    public int Year { get; set; }

    public int LastSequence { get; set; }
}

/// <summary>
/// Gives the next ticket number of a year, as Letters numbers its agenda (docs/adr/0010-letter-numbering.md). Call it inside the
/// transaction that saves the ticket: the upsert locks the year's counter row until that transaction ends, so concurrent reports
/// wait in line (no duplicates) and a report that fails rolls its number back (no gaps).
/// </summary>
internal static class TicketNumbering
{
    public static async Task<TicketNumber> NextAsync(TicketsDbContext db, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ticket numbers are only given inside the transaction that saves the ticket.");
        }

        var sequences = await db.Database.SqlQuery<int>($"""
            INSERT INTO tickets.ticket_number_counters (year, last_sequence) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last_sequence = ticket_number_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken);
        return new TicketNumber(year, sequences[0]);
    }
}
