using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;

namespace Superapps.Letters.Features.Registration;

/// <summary>
/// Gives the next agenda number of an OPD for a year. Call it inside the transaction that saves the letter:
/// the counter row stays locked until that transaction ends, so concurrent registrations wait in line (no duplicates),
/// and a registration that fails rolls its number back (no gaps).
/// </summary>
internal static class AgendaNumbering
{
    public static async Task<int> NextAsync(LettersDbContext db, Guid agencyId, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Agenda numbers are only given inside the transaction that saves the letter.");
        }

        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO letters.agenda_counters (agency_id, year, last_number) VALUES ({agencyId}, {year}, 1)
            ON CONFLICT (agency_id, year) DO UPDATE SET last_number = agenda_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers[0];
    }
}
