using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.LegacyImport;

/// <summary>An imported letter as one viewer may see it (the page of a legacy outgoing letter, <c>/surat/impor/{id}</c>).</summary>
public sealed record ImportedLetterView(ImportedLetter Letter, AccessLevel Access);

/// <summary>
/// Reads imported letters by their <c>imported_letters</c> id, with the module's access rule (<see cref="LetterAccess"/>): the
/// positions on the legacy dispositions, the OPD's agenda keepers (restricted letters: the line only), nobody else. Views of
/// restricted letters are audited (<c>letter.viewed</c>) like those of native letters.
/// </summary>
public sealed class ImportedLetterQueries(IDbContextFactory<LettersDbContext> contexts, IAuditTrail audit)
{
    public async Task<ImportedLetterView> OpenAsync(Viewer viewer, Guid importedId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var letter = await db.ImportedLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == importedId, cancellationToken)
            ?? throw new DomainRuleException(LetterErrors.NotFound);
        var access = LetterAccess.For(viewer, letter.AgencyId, letter.SecurityClass, letter.Positions);
        if (access == AccessLevel.None)
        {
            throw new DomainRuleException(LetterErrors.NotFound);
        }

        if (LetterAccess.ViewsAreLogged(letter.SecurityClass))
        {
            await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "letter.viewed", nameof(ImportedLetter), letter.Id.ToString(),
                $"Surat {letter.SecurityClass} {letter.Number} (impor {letter.Source}) dilihat", new { access }), cancellationToken);
        }

        return new ImportedLetterView(access == AccessLevel.Full ? letter : Masked(letter), access);
    }

    /// <summary>What an agenda keeper sees of a restricted imported letter: its number, date and class, not its subject or correspondent.</summary>
    private static ImportedLetter Masked(ImportedLetter letter) => new()
    {
        Id = letter.Id,
        Source = letter.Source,
        LegacyId = letter.LegacyId,
        Kind = letter.Kind,
        AgencyId = letter.AgencyId,
        AgencyName = letter.AgencyName,
        AgendaNumber = letter.AgendaNumber,
        Number = letter.Number,
        Date = letter.Date,
        ReceivedOn = letter.ReceivedOn,
        Correspondent = LetterLabels(letter.SecurityClass),
        Subject = LetterLabels(letter.SecurityClass),
        Urgency = letter.Urgency,
        SecurityClass = letter.SecurityClass,
        ClassificationCode = letter.ClassificationCode,
        ImportedAt = letter.ImportedAt,
        LetterId = letter.LetterId,
    };

    private static string LetterLabels(SecurityClass securityClass) => $"[{securityClass}]";
}
