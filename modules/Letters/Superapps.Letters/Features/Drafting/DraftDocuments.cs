using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Documents;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Drafting;

/// <summary>Turns an outgoing letter into the <see cref="LetterDocument"/> the renderer prints: the draft preview, and the final letter at signing.</summary>
public sealed class DraftDocuments(LettersDbContext db, IOrganizationDirectory directory, ILetterPdfRenderer renderer, IOptions<LettersOptions> options,
    TimeProvider clock)
{
    public async Task<LetterDocument> BuildAsync(OutgoingLetter letter, string? number, DateOnly date, SignatureBlock signature, Uri? verificationUrl,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var settings = await db.NumberingFormats.AsNoTracking().FirstOrDefaultAsync(f => f.AgencyId == letter.AgencyId, cancellationToken);
        // The OPD's address and contacts come from the organisation directory; a line typed on /surat/penomoran overrides its line.
        var agency = settings is { Address: not null, Contact: not null } ? null : await directory.GetAgencyAsync(letter.AgencyId, cancellationToken);
        var letterhead = new Letterhead(options.Value.Government, letter.AgencyName.ToUpperInvariant(), settings?.Address ?? agency?.AddressLine ?? string.Empty,
            settings?.Contact ?? agency?.ContactLine, null);
        var single = letter.Addressees.Count == 1 && letter.Addressees[0].Kind == AddresseeKind.External ? letter.Addressees[0].Address : null;
        return new LetterDocument(letter.Kind, letterhead, number, options.Value.Place, date, UrgencyLabel(letter.Urgency), letter.Attachments, letter.Subject,
            [.. letter.Addressees.Select(a => a.Name)], single, letter.BodyHtml, signature, [.. letter.CarbonCopies.Select(c => c.Text)], verificationUrl);
    }

    /// <summary>The current draft as PDF ("Pratinjau"), for the drafter, the reviewers and the signer (and their Plt/Plh) only.</summary>
    public async Task<(byte[] Pdf, string FileName)> PreviewAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var letter = await db.OutgoingLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null || !letter.IsVisibleTo(viewer.EmployeeId, viewer.PositionIds))
        {
            throw new DomainRuleException(DraftingErrors.NotFound);
        }

        // Before signing, the block shows who would sign today (the holder, or the Plt/Plh when the position has no holder) with their
        // pangkat and NIP; the title stays the signer position's, as the draft names it.
        var signerName = letter.SignedByName;
        PositionHolder? holder = null;
        if (signerName is null && letter.SignerPositionId is { } signer)
        {
            holder = (await directory.GetPositionAsync(signer, cancellationToken))?.Holders is [var first, ..] ? first : null;
            signerName = holder?.Name;
        }

        var block = new SignatureBlock(letter.SignedByTitle ?? letter.SignerTitle ?? string.Empty, signerName ?? string.Empty, holder?.Nip, holder?.RankLine,
            IsSigned: false);
        var document = await BuildAsync(letter, letter.Number, letter.LetterDate ?? Wib.Today(clock), block, null, cancellationToken);
        return (renderer.Render(document), $"konsep-{letter.Id:N}.pdf");
    }

    public static string UrgencyLabel(Urgency urgency) => urgency switch
    {
        Urgency.Segera => "Segera",
        Urgency.SangatSegera => "Sangat Segera",
        _ => "Biasa",
    };
}
