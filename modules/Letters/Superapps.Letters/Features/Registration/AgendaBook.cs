using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Inbox;

namespace Superapps.Letters.Features.Registration;

/// <summary>Enters a letter in its OPD's agenda book: the paper registration and the internal delivery both end here.</summary>
internal static class AgendaBook
{
    /// <summary>
    /// Numbers the letter and saves it (<paramref name="history"/> writes the first history line once the number is known) with its addressee, files and first history line in one transaction.
    /// The addressee is a recipient of <paramref name="recipientKind"/>: the addressed position, or a copy (tembusan) for an internal copy.
    /// Returns false when a letter with the same source id was entered first (a double submit or a repeated delivery):
    /// nothing is saved and the caller answers with the existing letter.
    /// </summary>
    public static async Task<bool> EnterAsync(LettersDbContext db, Letter letter, IEnumerable<(LetterFileKind Kind, CheckedFile File)> files,
        Guid actorId, string actorName, Func<Letter, string> history, DateTimeOffset now, CancellationToken cancellationToken,
        RecipientKind recipientKind = RecipientKind.To)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        letter.Number(await AgendaNumbering.NextAsync(db, letter.AgencyId, letter.AgendaYear, cancellationToken));
        db.Letters.Add(letter);
        db.Recipients.Add(new LetterRecipient(Guid.CreateVersion7(), letter.Id, letter.AddresseePositionId, letter.AddresseeTitle, recipientKind));
        db.Files.AddRange(files.Select(f => new LetterFile(Guid.CreateVersion7(), letter.Id, null, f.Kind, f.File.FileName, f.File.ContentType, f.File.Content, now)));
        db.Events.Add(new LetterEvent(Guid.CreateVersion7(), letter.Id, null, "registered", actorId, actorName, history(letter), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await InboxProjection.RefreshAsync(db, [letter.Id], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var name }
            && name?.Contains("source_id", StringComparison.Ordinal) == true)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
