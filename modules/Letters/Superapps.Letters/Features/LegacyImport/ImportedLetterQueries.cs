using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.LegacyImport;

/// <summary>An imported letter as one viewer may see it (the page of a legacy outgoing letter, <c>/surat/impor/{id}</c>).</summary>
/// <param name="Scan">The outgoing letter's stored scan, for a viewer who may read the letter in full; null without one.</param>
public sealed record ImportedLetterView(ImportedLetter Letter, AccessLevel Access, ImportedScanInfo? Scan = null);

/// <summary>What the page says of a stored scan, without its content.</summary>
public sealed record ImportedScanInfo(string FileName, string ContentType, long Length);

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
        var (letter, access) = await ReadAsync(db, viewer, importedId, cancellationToken);

        if (LetterAccess.ViewsAreLogged(letter.SecurityClass))
        {
            await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "letter.viewed", nameof(ImportedLetter), letter.Id.ToString(),
                $"Surat {letter.SecurityClass} {letter.Number} (impor {letter.Source}) dilihat", new { access }), cancellationToken);
        }

        if (access != AccessLevel.Full)
        {
            return new ImportedLetterView(Masked(letter), access);
        }

        var scan = await db.ImportedScans.AsNoTracking().Where(s => s.ImportedLetterId == letter.Id)
            .Select(s => new ImportedScanInfo(s.FileName, s.ContentType, s.Length)).FirstOrDefaultAsync(cancellationToken);
        return new ImportedLetterView(letter, access, scan);
    }

    /// <summary>
    /// The stored scan of an imported outgoing letter, for a viewer who may read the letter in full (<c>/surat/impor/{id}/berkas</c>);
    /// otherwise, and when there is none (never stored, or destroyed), <see cref="LetterErrors.NotFound"/>, as for native letters' files.
    /// </summary>
    public async Task<ImportedScan> GetScanAsync(Viewer viewer, Guid importedId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (_, access) = await ReadAsync(db, viewer, importedId, cancellationToken);
        if (access != AccessLevel.Full)
        {
            throw new DomainRuleException(LetterErrors.NotFound);
        }

        return await db.ImportedScans.AsNoTracking().FirstOrDefaultAsync(s => s.ImportedLetterId == importedId, cancellationToken)
            ?? throw new DomainRuleException(LetterErrors.NotFound);
    }

    /// <summary>The imported letter and the viewer's access to it; <see cref="LetterErrors.NotFound"/> when it is not there or not theirs to see.</summary>
    private static async Task<(ImportedLetter Letter, AccessLevel Access)> ReadAsync(LettersDbContext db, Viewer viewer, Guid importedId, CancellationToken cancellationToken)
    {
        var letter = await db.ImportedLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == importedId, cancellationToken)
            ?? throw new DomainRuleException(LetterErrors.NotFound);
        var access = LetterAccess.For(viewer, letter.AgencyId, letter.SecurityClass, letter.Positions);
        return access == AccessLevel.None ? throw new DomainRuleException(LetterErrors.NotFound) : (letter, access);
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
