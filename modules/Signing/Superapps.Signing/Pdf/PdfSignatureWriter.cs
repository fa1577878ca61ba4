using System.Globalization;
using System.Text;

namespace Superapps.Signing.Pdf;

/// <summary>What goes into the signature dictionary besides the CMS.</summary>
internal sealed record SignatureDictionaryInfo(DateTimeOffset SigningTime, string Name, string Reason, string? Location = null);

/// <summary>
/// Adds one PAdES signature to a PDF as an incremental update, leaving every original byte as it was: a signature dictionary
/// (<c>/Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached</c>, <c>/ByteRange</c>, <c>/Contents</c>, <c>/M</c>), a signature
/// field with an invisible widget on page 1, page 1's <c>/Annots</c>, the <c>/AcroForm</c> with <c>/SigFlags 3</c>, and a classic
/// cross-reference section with <c>/Prev</c>. The CMS is made by the caller over the bytes the <c>/ByteRange</c> covers.
/// </summary>
internal static class PdfSignatureWriter
{
    /// <summary>Room for the CMS: signer and intermediate certificates and attributes take ~4 KB; a BSrE chain more.</summary>
    public const int ContentsCapacity = 16 * 1024;

    private const string ByteRangePlaceholder = "/ByteRange [0 9999999999 9999999999 9999999999]";

    public static byte[] Sign(byte[] pdf, SignatureDictionaryInfo info, Func<byte[], byte[]> createCms)
    {
        var file = PdfFile.Open(pdf);
        var next = file.Size;
        var signatureNumber = next++;
        var fieldNumber = next++;
        var objects = new List<(int Number, int Generation, string Body)>();

        var (pageReference, page) = file.FirstPage();
        var rootReference = file.Trailer["Root"] as PdfReference ?? throw new PdfFormatException("The trailer has no /Root.");
        var catalog = file.ResolveDictionary(rootReference);
        var field = new PdfReference(fieldNumber, 0);

        // Page 1: the widget joins its annotations.
        switch (page["Annots"])
        {
            case PdfReference annotsReference:
                var annots = file.Resolve(annotsReference) as PdfArray ?? new PdfArray([]);
                objects.Add((annotsReference.Number, file.GenerationOf(annotsReference.Number), new PdfArray([.. annots.Items, field]).Serialize()));
                break;
            case PdfArray inline:
                page.Set("Annots", new PdfArray([.. inline.Items, field]));
                objects.Add((pageReference.Number, file.GenerationOf(pageReference.Number), page.Serialize()));
                break;
            default:
                page.Set("Annots", new PdfArray([field]));
                objects.Add((pageReference.Number, file.GenerationOf(pageReference.Number), page.Serialize()));
                break;
        }

        // The form: the field joins its fields, and signatures are announced (SignaturesExist | AppendOnly).
        var fieldName = $"Signature{signatureNumber.ToString(CultureInfo.InvariantCulture)}";
        switch (catalog["AcroForm"])
        {
            case PdfReference formReference:
                var form = file.ResolveDictionary(formReference);
                AddField(file, form, field);
                objects.Add((formReference.Number, file.GenerationOf(formReference.Number), form.Serialize()));
                break;
            case PdfDictionary inlineForm:
                AddField(file, inlineForm, field);
                objects.Add((rootReference.Number, file.GenerationOf(rootReference.Number), catalog.Serialize()));
                break;
            default:
                var formNumber = next++;
                objects.Add((formNumber, 0, $"<</Fields [{fieldNumber} 0 R] /SigFlags 3>>"));
                catalog.Set("AcroForm", new PdfReference(formNumber, 0));
                objects.Add((rootReference.Number, file.GenerationOf(rootReference.Number), catalog.Serialize()));
                break;
        }

        objects.Add((fieldNumber, 0, string.Create(CultureInfo.InvariantCulture,
            $"<</Type /Annot /Subtype /Widget /FT /Sig /T {PdfText.Encode(fieldName)} /V {signatureNumber} 0 R /F 132 /Rect [0 0 0 0] /P {pageReference.Number} {pageReference.Generation} R>>")));

        var contentsPlaceholder = "<" + new string('0', ContentsCapacity * 2) + ">";
        var signature = new StringBuilder()
            .Append("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ")
            .Append(ByteRangePlaceholder).Append(" /Contents ").Append(contentsPlaceholder)
            .Append(" /M ").Append(PdfText.Date(info.SigningTime))
            .Append(" /Name ").Append(PdfText.Encode(info.Name))
            .Append(" /Reason ").Append(PdfText.Encode(info.Reason));
        if (!string.IsNullOrWhiteSpace(info.Location))
        {
            signature.Append(" /Location ").Append(PdfText.Encode(info.Location));
        }

        signature.Append(">>");
        objects.Add((signatureNumber, 0, signature.ToString()));

        // Write the update after the original bytes.
        var update = new StringBuilder();
        var newline = pdf[^1] is (byte)'\n' or (byte)'\r' ? string.Empty : "\n";
        update.Append(newline);
        var offsets = new List<(int Number, int Generation, long Offset)>();
        foreach (var (number, generation, body) in objects.OrderBy(o => o.Number))
        {
            offsets.Add((number, generation, pdf.Length + update.Length));
            update.Append(CultureInfo.InvariantCulture, $"{number} {generation} obj\n").Append(body).Append("\nendobj\n");
        }

        var xrefOffset = pdf.Length + update.Length;
        update.Append("xref\n");
        foreach (var (number, generation, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} {generation:D5} n\r\n");
        }

        var trailer = new PdfDictionary([]);
        trailer.Set("Size", new PdfAtom(next.ToString(CultureInfo.InvariantCulture)));
        trailer.Set("Root", rootReference);
        if (file.Trailer["Info"] is { } infoObject)
        {
            trailer.Set("Info", infoObject);
        }

        if (file.Trailer["ID"] is { } id)
        {
            trailer.Set("ID", id);
        }

        trailer.Set("Prev", new PdfAtom(file.StartXref.ToString(CultureInfo.InvariantCulture)));
        update.Append("trailer\n").Append(trailer.Serialize()).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n");

        var updateBytes = Encoding.Latin1.GetBytes(update.ToString());
        var signed = new byte[pdf.Length + updateBytes.Length];
        pdf.CopyTo(signed, 0);
        updateBytes.CopyTo(signed, pdf.Length);

        // Fill in the byte range around /Contents, then the CMS over those bytes.
        var signatureOffset = offsets.Single(o => o.Number == signatureNumber).Offset;
        var byteRangeAt = IndexOf(signed, ByteRangePlaceholder, signatureOffset);
        var contentsAt = IndexOf(signed, " /Contents <", byteRangeAt) + " /Contents ".Length;
        var contentsEnd = contentsAt + contentsPlaceholder.Length;
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"/ByteRange [0 {contentsAt} {contentsEnd} {signed.Length - contentsEnd}]");
        Encoding.ASCII.GetBytes(byteRange.PadRight(ByteRangePlaceholder.Length)).CopyTo(signed, byteRangeAt);

        var covered = new byte[contentsAt + (signed.Length - contentsEnd)];
        Array.Copy(signed, 0, covered, 0, contentsAt);
        Array.Copy(signed, contentsEnd, covered, contentsAt, signed.Length - contentsEnd);
        var cms = createCms(covered);
        if (cms.Length > ContentsCapacity)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {ContentsCapacity} bytes reserved.");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(signed, contentsAt + 1);
        return signed;
    }

    private static void AddField(PdfFile file, PdfDictionary form, PdfReference field)
    {
        var fields = form["Fields"] is { } existing ? file.Resolve(existing) as PdfArray ?? new PdfArray([]) : new PdfArray([]);
        form.Set("Fields", new PdfArray([.. fields.Items, field]));
        form.Set("SigFlags", new PdfAtom("3"));
    }

    private static int IndexOf(byte[] haystack, string needle, long from)
    {
        var pattern = Encoding.ASCII.GetBytes(needle);
        var index = haystack.AsSpan((int)from).IndexOf(pattern);
        return index < 0 ? throw new InvalidOperationException("The signature placeholder was not written.") : (int)from + index;
    }
}
