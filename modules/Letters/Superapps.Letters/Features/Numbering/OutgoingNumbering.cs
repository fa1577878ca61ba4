using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;
using Superapps.Letters.Domain.Drafting;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Numbering;

/// <summary>The counter of an OPD's outgoing letter numbers for a year (letters.outgoing_number_counters).</summary>
public sealed class OutgoingNumberCounter
{
    public Guid AgencyId { get; set; }

    public int Year { get; set; }

    public int LastSequence { get; set; }
}

/// <summary>
/// Reserves, uses and voids outgoing letter numbers (docs/adr/0010-letter-numbering.md). A number is reserved inside the
/// transaction that moves a draft to its signer: the OPD's counter row is locked by an upsert until that transaction ends, so
/// concurrent drafts wait in line (no duplicates) and a failed move rolls its number back (no gaps). A reserved number whose
/// letter is returned by the signer or abandoned is recorded void (nomor batal), never reused.
/// </summary>
internal static class OutgoingNumbering
{
    /// <param name="directory">Gives the OPD's code, the unit code of an OPD without a configured format.</param>
    public static async Task ReserveAsync(LettersDbContext db, IOrganizationDirectory directory, OutgoingLetter letter, DraftingActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Letter numbers are only reserved inside the transaction that moves the draft to its signer.");
        }

        var year = Wib.ToWib(now).Year;
        var format = await db.NumberingFormats.AsNoTracking().FirstOrDefaultAsync(f => f.AgencyId == letter.AgencyId, cancellationToken);
        var unitCode = format?.UnitCode
            ?? LetterNumberFormat.DefaultUnitCode((await directory.GetAgencyAsync(letter.AgencyId, cancellationToken))?.Code, letter.AgencyName);
        var sequences = await db.Database.SqlQuery<int>($"""
            INSERT INTO letters.outgoing_number_counters (agency_id, year, last_sequence) VALUES ({letter.AgencyId}, {year}, 1)
            ON CONFLICT (agency_id, year) DO UPDATE SET last_sequence = outgoing_number_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken);
        var sequence = sequences[0];
        var number = LetterNumberFormat.Format(format?.Template ?? LetterNumberFormat.DefaultTemplate, letter.ClassificationCode, sequence,
            unitCode, year);
        letter.ReserveNumber(number, year, sequence);
        db.LetterNumbers.Add(new LetterNumber(letter.AgencyId, year, sequence, number, letter.Id, actor.EmployeeId, actor.Name, now));
    }

    /// <summary>The letter's reserved number becomes the signed letter's number.</summary>
    public static async Task UseAsync(LettersDbContext db, Guid letterId, string byName, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await Reserved(db, letterId).SingleAsync(cancellationToken)).Use(byName, now);

    /// <summary>Records the letter's reserved number, if any, as void with the reason.</summary>
    public static async Task VoidAsync(LettersDbContext db, Guid letterId, string reason, string byName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var number in await Reserved(db, letterId).ToListAsync(cancellationToken))
        {
            number.MakeVoid(reason, byName, now);
        }
    }

    private static IQueryable<LetterNumber> Reserved(LettersDbContext db, Guid letterId) =>
        db.LetterNumbers.Where(n => n.OutgoingLetterId == letterId && n.Status == LetterNumberStatus.Reserved);
}
