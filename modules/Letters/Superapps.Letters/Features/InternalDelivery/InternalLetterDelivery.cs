using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Notices;
using Superapps.Letters.Features.Registration;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.InternalDelivery;

/// <summary>
/// Receives a signed letter from another OPD of the city: enters it in the receiving OPD's agenda with the sender's
/// data as sent, so no clerk re-types it, and puts it in the addressee's inbox. Repeating a delivery changes nothing.
/// </summary>
internal sealed class InternalLetterDelivery(
    LettersDbContext db,
    IOrganizationDirectory directory,
    IAuditTrail audit,
    IOptions<LettersOptions> options,
    LetterNotices notices,
    TimeProvider clock) : IInternalLetterInbox
{
    /// <summary>The agenda shows this as the one who entered an electronically delivered letter.</summary>
    public const string DeliveredBy = "Surat elektronik (SPBE)";

    public async Task<Guid> DeliverAsync(InternalLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (await FindAsync(letter.SourceId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var errors = new List<UserError>();
        var now = clock.GetUtcNow();
        var addressee = await directory.GetPositionAsync(letter.AddresseePositionId, cancellationToken);
        if (addressee is not { IsActive: true })
        {
            errors.Add(LetterErrors.Addressee);
        }

        if (!await db.ClassificationCodes.AnyAsync(c => c.Code == letter.ClassificationCode && c.IsActive, cancellationToken))
        {
            errors.Add(LetterErrors.Classification);
        }

        var pdf = letter.Pdf ?? [];
        if (pdf.LongLength > options.Value.MaxFileBytes)
        {
            errors.Add(LetterErrors.FileTooLarge("surat.pdf", options.Value.MaxFileBytes, "scan"));
        }
        else if (FileSniffer.ScanType(pdf) != FileSniffer.Pdf)
        {
            errors.Add(LetterErrors.FileType("surat.pdf", "scan"));
        }

        Letter? entry = null;
        try
        {
            entry = Letter.Register(Guid.CreateVersion7(), addressee?.AgencyId ?? Guid.Empty, LetterOrigin.Internal, letter.SenderName, letter.SenderAgencyId,
                letter.Number, letter.Date, letter.Subject, letter.SecurityClass, letter.Urgency, letter.ClassificationCode, letter.AddresseePositionId,
                addressee?.Title ?? string.Empty, Guid.Empty, DeliveredBy, now, letter.SourceId);
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException([.. errors.Distinct()]);
        }

        var scan = new CheckedFile($"{SafeFileName(letter.Number)}.pdf", FileSniffer.Pdf, pdf);
        if (!await AgendaBook.EnterAsync(db, entry!, [(LetterFileKind.Letter, scan)], Guid.Empty, DeliveredBy,
            l => letter.Copy
                ? $"Tembusan diterima secara elektronik dari {l.Sender} dengan nomor agenda {l.AgendaLabel}, untuk {l.AddresseeTitle}"
                : $"Diterima secara elektronik dari {l.Sender} dengan nomor agenda {l.AgendaLabel}, ditujukan kepada {l.AddresseeTitle}",
            now, cancellationToken, letter.Copy ? RecipientKind.Cc : RecipientKind.To))
        {
            // The same letter delivered twice at once: the other delivery won.
            return await FindAsync(letter.SourceId, cancellationToken) ?? throw new InvalidOperationException("The winning delivery vanished.");
        }

        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "letter.delivered", nameof(Letter), entry!.Id.ToString(),
            $"{(letter.Copy ? "Tembusan surat" : "Surat")} elektronik {entry.AgendaLabel} dari {entry.Sender}: {entry.Subject}",
            new { entry.AgendaLabel, entry.SenderNumber, entry.SecurityClass, entry.Urgency, entry.ClassificationCode, addressee = entry.AddresseeTitle, letter.SourceId, letter.Copy }),
            cancellationToken);
        await notices.RegisteredAsync(entry, addressee!, letter.Copy);
        return entry.Id;
    }

    private async Task<Guid?> FindAsync(Guid sourceId, CancellationToken cancellationToken) =>
        await db.Letters.AsNoTracking().Where(l => l.SourceId == sourceId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);

    private static string SafeFileName(string number) =>
        string.Concat(number.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
