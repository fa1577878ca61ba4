using Superapps.Letters.Domain.Drafting;

namespace Superapps.Letters.Features.Documents;

/// <summary>
/// Everything printed on an outgoing letter, in the standard layout of Indonesian official letters (tata naskah dinas):
/// the OPD's letterhead, number, date, sifat, lampiran, hal, addressees, body, signature block and tembusan.
/// A draft renders with <see cref="Number"/> and <see cref="VerificationUrl"/> empty (shown as placeholders).
/// </summary>
/// <param name="Kind">Decides the layout.</param>
/// <param name="Letterhead">The OPD's kop surat.</param>
/// <param name="Number">The letter number, or null while it is a draft.</param>
/// <param name="Place">The place of the date line, e.g. "Jambi".</param>
/// <param name="Date">The letter's date (the signing date once signed).</param>
/// <param name="Urgency">Sifat as printed, e.g. "Segera".</param>
/// <param name="Attachments">Lampiran as printed, e.g. "1 (satu) berkas" or "-".</param>
/// <param name="Subject">Hal (perihal).</param>
/// <param name="Addressees">The "Yth." lines: internal positions' titles or external names.</param>
/// <param name="AddresseeAddress">For letters to one external addressee: their address ("di tempat" otherwise).</param>
/// <param name="BodyHtml">The body as sanitised rich text (p, br, strong/b, em/i, u, ol, ul, li, table rows).</param>
/// <param name="Signature">The signature block.</param>
/// <param name="CarbonCopies">Tembusan lines, in order.</param>
/// <param name="VerificationUrl">The public verification URL printed as a QR code once signed, or null for a draft.</param>
public sealed record LetterDocument(
    LetterKind Kind,
    Letterhead Letterhead,
    string? Number,
    string Place,
    DateOnly Date,
    string Urgency,
    string Attachments,
    string Subject,
    IReadOnlyList<string> Addressees,
    string? AddresseeAddress,
    string BodyHtml,
    SignatureBlock Signature,
    IReadOnlyList<string> CarbonCopies,
    Uri? VerificationUrl);

/// <summary>Kop surat: the city and OPD names, address and contacts, and the logo.</summary>
/// <param name="Government">The upper line, e.g. "PEMERINTAH KOTA JAMBI".</param>
/// <param name="AgencyName">The OPD, e.g. "DINAS KOMUNIKASI DAN INFORMATIKA".</param>
/// <param name="Address">Street address with postal code.</param>
/// <param name="Contact">Telephone, e-mail and website on one line, or null.</param>
/// <param name="LogoPng">The city's emblem as PNG, or null for a neutral placeholder.</param>
public sealed record Letterhead(string Government, string AgencyName, string Address, string? Contact, byte[]? LogoPng);

/// <summary>The signature block.</summary>
/// <param name="Title">The signer's position as printed, with "Plt."/"Plh." when acting, e.g. "Plt. Kepala Dinas Komunikasi dan Informatika".</param>
/// <param name="Name">The signer's name.</param>
/// <param name="Nip">The signer's NIP, or null.</param>
/// <param name="Rank">Pangkat/golongan as printed, or null.</param>
/// <param name="IsSigned">True once signed electronically: prints the QR code and the BSrE-style e-signature note instead of a blank space.</param>
public sealed record SignatureBlock(string Title, string Name, string? Nip, string? Rank, bool IsSigned);

/// <summary>Renders an outgoing letter to PDF (PDFsharp). Pure: the same document gives the same layout.</summary>
public interface ILetterPdfRenderer
{
    /// <summary>Returns a complete PDF document (PDF 1.7), which <c>qpdf --check</c> accepts.</summary>
    byte[] Render(LetterDocument document);
}

/// <summary>Makes rich text from the editor safe to store and print: an allow-list of tags, no scripts, no event handlers, no styles that hide content.</summary>
public interface IRichTextSanitizer
{
    /// <summary>The sanitised HTML.</summary>
    string Sanitize(string? html);

    /// <summary>The plain text of sanitised HTML, for search and for the diff between versions.</summary>
    string ToPlainText(string? html);
}
