using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Sending;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;

namespace Superapps.Letters.Features.Signing;

/// <summary>What signing did: the letter is signed, and either sent or waiting to be sent again.</summary>
public sealed record SigningResult(string Number, bool Sent);

/// <summary>
/// Signs an outgoing letter: only the holder of the signer position or its active Plt/Plh may. The final document (reserved
/// number, today's date in WIB, signature block with the title incl. "Plt."/"Plh.", the signer's own name, pangkat/golongan and NIP, the verification
/// QR) is rendered and signed through <see cref="IDocumentSigner"/>; a refusal there (wrong passphrase, locked, no certificate)
/// leaves the letter exactly as it was. Then the signed PDF is stored with its SHA-256, the number is used, the letter is
/// signed, and it is sent at once (<see cref="OutgoingLetterSending"/>); a failed sending leaves it signed, to be sent again.
/// </summary>
public sealed class OutgoingLetterSigning(LettersDbContext db, IOrganizationDirectory directory, IDocumentSigner signer, ILetterPdfRenderer renderer,
    DraftDocuments documents, DraftingDesk desk, OutgoingLetterSending sending, DraftingNotices notices, IAuditTrail audit, TimeProvider clock)
{
    public async Task<SigningResult> SignAsync(Viewer viewer, Guid id, string? passphrase, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var letter = await db.OutgoingLetters.Include(l => l.Steps).Include(l => l.Versions).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null || !letter.IsVisibleTo(viewer.EmployeeId, viewer.PositionIds))
        {
            throw new DomainRuleException(DraftingErrors.NotFound);
        }

        db.Entry(letter).Property(l => l.Version).OriginalValue = expectedVersion;
        var actor = await desk.ActorAsync(viewer, letter.SignerPositionId, cancellationToken);
        letter.EnsureCanSign(actor);
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new DomainRuleException(DraftingErrors.PassphraseRequired);
        }

        var profile = await directory.GetEmployeeAsync(viewer.EmployeeId, cancellationToken);
        var code = signer.NewVerificationCode();
        var date = Wib.Today(clock);
        var number = letter.Number!;
        var document = await documents.BuildAsync(letter, number, date, new SignatureBlock(actor.Title, actor.Name, profile?.Nip, profile?.RankLine, IsSigned: true),
            signer.VerificationUrl(code), cancellationToken);
        var pdf = renderer.Render(document);

        // A refusal here throws and nothing has been changed.
        var signed = await signer.SignPdfAsync(new SignPdfRequest(viewer.EmployeeId, pdf, passphrase, code,
            new SignedDocumentDescription(number, date, letter.AgencyName, actor.Name, actor.Title, LettersDbContext.Schema, letter.Id),
            $"Menandatangani {KindLabel(letter.Kind)}"), cancellationToken);

        var now = clock.GetUtcNow();
        var sha256 = string.IsNullOrEmpty(signed.Sha256) ? Convert.ToHexStringLower(SHA256.HashData(signed.Pdf)) : signed.Sha256;
        letter.Sign(actor, date, code, sha256, now);
        await OutgoingNumbering.UseAsync(db, letter.Id, actor.Name, now, cancellationToken);
        db.OutgoingLetterFiles.Add(new OutgoingLetterFile(Guid.CreateVersion7(now), letter.Id, OutgoingFileKind.SignedLetter, $"{FileNames.Safe(number)}.pdf",
            "application/pdf", signed.Pdf, sha256, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(DraftingErrors.Concurrency);
        }

        await audit.RecordAsync(new AuditEvent(LettersDbContext.Schema, "draft.signed", nameof(OutgoingLetter), letter.Id.ToString(),
            $"Surat {number} ditandatangani oleh {actor.Title} ({actor.Name})",
            new { number, code, sha256, signed.Provider, signed.CertificateSerial, actor.Holding }), cancellationToken);
        await notices.SignedAsync(letter);
        var sent = await sending.TrySendAsync(viewer, letter.Id, keepsAgenda: false, cancellationToken);
        return new SigningResult(number, sent);
    }

    public static string KindLabel(LetterKind kind) => kind switch
    {
        LetterKind.NotaDinas => "nota dinas",
        LetterKind.SuratUndangan => "surat undangan",
        LetterKind.SuratEdaran => "surat edaran",
        LetterKind.SuratTugas => "surat tugas",
        _ => "surat dinas",
    };
}

internal static class FileNames
{
    public static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
