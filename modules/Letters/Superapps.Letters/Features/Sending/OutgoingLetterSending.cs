using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Drafting;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;

namespace Superapps.Letters.Features.Sending;

/// <summary>A signed letter for an external addressee with an e-mail address.</summary>
/// <param name="Key">Stable per letter and addressee, so an implementation can send each mail once across retries.</param>
/// <param name="SecurityClass">A restricted letter's mail carries no subject.</param>
/// <param name="VerificationUrl">The public page that verifies the signed PDF.</param>
public sealed record ExternalLetterMail(string Key, Guid LetterId, string ToName, string ToEmail, string Number, string Subject, SecurityClass SecurityClass,
    string SenderAgency, Uri VerificationUrl, string FileName, byte[] Pdf);

/// <summary>
/// Sends a signed letter to an external addressee by e-mail, once per <see cref="ExternalLetterMail.Key"/>, and throws when it could not.
/// The module's own (<see cref="ExternalLetterEmailer"/>) mails through the Notifications module; a host replaces it by registering its own.
/// </summary>
public interface IExternalLetterMailer
{
    Task SendAsync(ExternalLetterMail mail, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends a signed letter: each internal addressee and internal copy gets it through <see cref="IInternalLetterInbox"/> (entered in
/// the receiving OPD's agenda and the position's inbox) with a source id stable per letter and position, so sending again
/// delivers nothing twice; external addressees with an e-mail address get it by e-mail through <see cref="IExternalLetterMailer"/>,
/// once per addressee. All delivered: the letter is sent. A failure leaves it signed with the reason, for "Kirim ulang".
/// </summary>
public sealed partial class OutgoingLetterSending(LettersDbContext db, IInternalLetterInbox inbox, IExternalLetterMailer mailer, IDocumentSigner signer, DraftingDesk desk,
    DraftingNotices notices, ArchiveIndex archive, IAuditTrail audit, TimeProvider clock, ILogger<OutgoingLetterSending> logger)
{
    /// <summary>"Kirim ulang": the drafter, the signer or a registry clerk of the drafting OPD sends a signed letter again.</summary>
    public async Task SendAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!await TrySendAsync(viewer, id, viewer.KeepsAgenda, cancellationToken))
        {
            throw new DomainRuleException(DraftingErrors.SendFailed);
        }
    }

    /// <summary>The source id of the delivery of letter <paramref name="letterId"/> to <paramref name="positionId"/>: the same on every retry.</summary>
    public static Guid SourceId(Guid letterId, Guid positionId)
    {
        Span<byte> input = stackalloc byte[32];
        letterId.TryWriteBytes(input[..16]);
        positionId.TryWriteBytes(input[16..]);
        return new Guid(SHA256.HashData(input)[..16]);
    }

    internal async Task<bool> TrySendAsync(Viewer viewer, Guid id, bool keepsAgenda, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var letter = await LoadAsync(id, cancellationToken);
        var clerk = keepsAgenda && viewer.AgencyId == letter.AgencyId;
        if (!letter.IsVisibleTo(viewer.EmployeeId, viewer.PositionIds) && !clerk)
        {
            throw new DomainRuleException(DraftingErrors.NotFound);
        }

        var actor = await desk.ActorAsync(viewer, letter.SignerPositionId, cancellationToken);
        letter.EnsureCanSend(actor, clerk);
        var pdf = await db.OutgoingLetterFiles.AsNoTracking().Where(f => f.OutgoingLetterId == id && f.Kind == OutgoingFileKind.SignedLetter)
            .Select(f => f.Content).SingleAsync(cancellationToken);
        var number = letter.Number!;
        try
        {
            foreach (var (positionId, copy) in InternalRecipients(letter))
            {
                await inbox.DeliverAsync(new InternalLetter(SourceId(letter.Id, positionId), letter.AgencyId, letter.AgencyName, number, letter.LetterDate!.Value,
                    letter.Subject, letter.SecurityClass, letter.Urgency, letter.ClassificationCode, positionId, pdf, copy), cancellationToken);
            }

            foreach (var addressee in letter.Addressees.Where(a => a.Kind == AddresseeKind.External && a.Email is not null))
            {
                await mailer.SendAsync(new ExternalLetterMail($"letters.outgoing:{letter.Id}:{addressee.Email}", letter.Id, addressee.Name, addressee.Email!, number,
                    letter.Subject, letter.SecurityClass, letter.AgencyName, signer.VerificationUrl(letter.VerificationCode!), $"{Signing.FileNames.Safe(number)}.pdf", pdf),
                    cancellationToken);
            }
        }
#pragma warning disable CA1031 // The letter is signed and saved; a failed delivery is recorded on it for "Kirim ulang", never lost.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, id, ex);
            db.ChangeTracker.Clear();
            var failed = await LoadAsync(id, cancellationToken);
            failed.RecordSendFailure(ex is DomainRuleException rule ? rule.Error.Indonesian : ex.GetType().Name, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "draft.send-failed", nameof(OutgoingLetter), id.ToString(),
                $"Surat {number} belum terkirim: {failed.SendError}"), cancellationToken);
            return false;
        }

        db.ChangeTracker.Clear();
        letter = await LoadAsync(id, cancellationToken);
        if (letter.State == OutgoingLetterState.Sent)
        {
            return true;
        }

        letter.MarkSent(actor, clerk, clock.GetUtcNow());
        try
        {
            // Sent and archived together: the archive never misses a sent letter, nor holds one that is not sent.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await archive.RecordOutgoingAsync(await ArchivedAsync(letter, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone sent it at the same moment; the deliveries are idempotent, so it is sent either way.
            db.ChangeTracker.Clear();
            return true;
        }

        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "draft.sent", nameof(OutgoingLetter), id.ToString(),
            $"Surat {number} terkirim ke {letter.Addressees.Count} tujuan dan {letter.CarbonCopies.Count} tembusan"), cancellationToken);
        await notices.SentAsync(letter);
        return true;
    }

    /// <summary>The sent letter as the archive keeps it: seen by its drafter, reviewers and signer; the signed PDF as its file.</summary>
    private async Task<ArchivedOutgoing> ArchivedAsync(OutgoingLetter letter, CancellationToken cancellationToken)
    {
        var fileId = await db.OutgoingLetterFiles.Where(f => f.OutgoingLetterId == letter.Id && f.Kind == OutgoingFileKind.SignedLetter)
            .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
        Guid[] positions = [letter.DrafterPositionId, .. letter.Reviewers.Select(r => r.PositionId), .. letter.SignerPositionId is { } signer ? [signer] : Array.Empty<Guid>()];
        return new ArchivedOutgoing(letter.Id, letter.AgencyId, letter.Number!, letter.LetterDate!.Value, letter.SentAt ?? clock.GetUtcNow(), letter.Subject,
            string.Join("; ", letter.Addressees.Select(a => a.Name)), letter.ClassificationCode, letter.SecurityClass, fileId, letter.BodyText, positions);
    }

    /// <summary>Internal addressees, then internal copies (tembusan, <c>Copy</c>), each position once: a position that is both is an addressee.</summary>
    public static IEnumerable<(Guid PositionId, bool Copy)> InternalRecipients(OutgoingLetter letter)
    {
        var addressed = letter.Addressees.Where(a => a.PositionId is not null).Select(a => a.PositionId!.Value).Distinct().ToList();
        return addressed.Select(p => (p, false))
            .Concat(letter.CarbonCopies.Where(c => c.PositionId is not null).Select(c => c.PositionId!.Value).Distinct().Where(p => !addressed.Contains(p)).Select(p => (p, true)));
    }

    private async Task<OutgoingLetter> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.OutgoingLetters.Include(l => l.Steps).Include(l => l.Versions).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
        ?? throw new DomainRuleException(DraftingErrors.NotFound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send outgoing letter {LetterId}; it stays signed for sending again")]
    private static partial void LogFailed(ILogger logger, Guid letterId, Exception exception);
}
