using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;

namespace Superapps.Letters.Features.Retention;

/// <summary>
/// Carries out a destruction decision on outgoing letters: removes their stored files (the signed PDF, attachments, the scan of an
/// imported legacy letter) and the body of the letter and of every version. The letter's metadata, number, review history and the
/// decision stay.
/// Runs inside the decision's transaction (same <see cref="LettersDbContext"/>).
/// </summary>
internal sealed class OutgoingLetterEraser(LettersDbContext db) : IArchivedOutgoingEraser
{
    public async Task EraseAsync(IReadOnlyCollection<Guid> outgoingLetterIds, CancellationToken cancellationToken)
    {
        var ids = outgoingLetterIds.ToList();
        await db.OutgoingLetterFiles.Where(f => ids.Contains(f.OutgoingLetterId)).ExecuteDeleteAsync(cancellationToken);
        await db.ImportedScans.Where(s => ids.Contains(s.ImportedLetterId)).ExecuteDeleteAsync(cancellationToken);
        await db.OutgoingLetterVersions.Where(v => ids.Contains(v.OutgoingLetterId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.BodyHtml, string.Empty).SetProperty(v => v.BodyText, string.Empty), cancellationToken);
        await db.OutgoingLetters.Where(l => ids.Contains(l.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.BodyHtml, string.Empty).SetProperty(l => l.BodyText, string.Empty), cancellationToken);
    }
}
