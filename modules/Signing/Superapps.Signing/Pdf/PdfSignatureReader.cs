using System.Formats.Asn1;
using System.Text;
using System.Text.RegularExpressions;

namespace Superapps.Signing.Pdf;

/// <summary>One signature dictionary found in a PDF.</summary>
/// <param name="ByteRange">The four numbers of <c>/ByteRange</c>, when well formed.</param>
/// <param name="Cms">The DER CMS from <c>/Contents</c> (trailing padding removed), when readable.</param>
/// <param name="Problem">Why the dictionary cannot be checked, in English (for the verifier to turn into a bilingual message).</param>
internal sealed record ParsedSignature(long[]? ByteRange, byte[]? Cms, string? SubFilter, string? Filter, DateTimeOffset? SigningTime, string? Name, string? Reason, ParseProblem? Problem)
{
    /// <summary>The bytes the signature covers (both ranges), or null when the byte range does not fit the file.</summary>
    public byte[]? SignedBytes(byte[] file)
    {
        if (ByteRange is not [var a, var b, var c, var d] || a != 0 || b < 0 || c < b || d < 0 || c + d > file.Length)
        {
            return null;
        }

        var covered = new byte[b + d];
        Array.Copy(file, 0, covered, 0, b);
        Array.Copy(file, c, covered, b, d);
        return covered;
    }

    public bool CoversWholeFile(byte[] file) => ByteRange is [0, _, var c, var d] && c + d == file.Length;
}

internal enum ParseProblem
{
    MalformedByteRange,
    ContentsNotInGap,
    MalformedContents,
}

/// <summary>
/// Finds the signature dictionaries of a PDF by their <c>/ByteRange</c>, reads <c>/Contents</c> from the gap the byte range
/// leaves (where a valid signature's contents must be), and the dictionary's <c>/SubFilter</c>, <c>/M</c>, <c>/Name</c> and
/// <c>/Reason</c>. Works on damaged files too: whatever cannot be read is reported, nothing throws.
/// </summary>
internal static partial class PdfSignatureReader
{
    public static bool LooksLikePdf(byte[] file) =>
        file.Length >= 8 && Encoding.ASCII.GetString(file, 0, Math.Min(1024, file.Length)).Contains("%PDF-", StringComparison.Ordinal);

    public static IReadOnlyList<ParsedSignature> Read(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var signatures = new List<ParsedSignature>();
        foreach (Match match in ByteRangeKey().Matches(text))
        {
            var lexer = new PdfLexer(text, match.Index + match.Length);
            long[]? byteRange = null;
            try
            {
                if (lexer.ReadObject() is PdfArray { Items.Count: 4 } array && array.Items.All(i => i is PdfAtom { AsInteger: >= 0 }))
                {
                    byteRange = [.. array.Items.Select(i => ((PdfAtom)i).AsInteger!.Value)];
                }
            }
            catch (PdfFormatException)
            {
                // Reported below as a malformed byte range.
            }

            var dictionary = EnclosingDictionary(text, match.Index);
            string? Name(string key) => (dictionary?[key] as PdfName)?.Value;
            string? TextOf(string key) => dictionary?[key] is PdfAtom atom ? atom.LiteralText ?? Utf16(atom.HexBytes) : null;
            var subFilter = Name("SubFilter");
            var filter = Name("Filter");
            var signingTime = PdfText.ParseDate(TextOf("M"));
            if (byteRange is null)
            {
                signatures.Add(new(null, null, subFilter, filter, signingTime, TextOf("Name"), TextOf("Reason"), ParseProblem.MalformedByteRange));
                continue;
            }

            var (contents, problem) = ContentsInGap(file, byteRange);
            signatures.Add(new(byteRange, contents, subFilter, filter, signingTime, TextOf("Name"), TextOf("Reason"), problem));
        }

        return signatures;
    }

    private static (byte[]? Contents, ParseProblem? Problem) ContentsInGap(byte[] file, long[] byteRange)
    {
        var (a, b, c, d) = (byteRange[0], byteRange[1], byteRange[2], byteRange[3]);
        if (a != 0 || c < b || b < 2 || c + d > file.Length || c - b < 2)
        {
            return (null, ParseProblem.MalformedByteRange);
        }

        if (file[b] != (byte)'<' || file[c - 1] != (byte)'>')
        {
            return (null, ParseProblem.ContentsNotInGap);
        }

        var hex = Encoding.ASCII.GetString(file, (int)b + 1, (int)(c - b - 2)).Trim();
        if (hex.Length % 2 == 1 || !hex.All(Uri.IsHexDigit))
        {
            return (null, ParseProblem.MalformedContents);
        }

        var bytes = Convert.FromHexString(hex);
        try
        {
            // The placeholder is zero-padded: keep the one DER value at its start.
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var consumed);
            return (bytes[..consumed], null);
        }
        catch (AsnContentException)
        {
            return (null, ParseProblem.MalformedContents);
        }
    }

    /// <summary>The dictionary of the indirect object the key at <paramref name="at"/> belongs to, when it can be read.</summary>
    private static PdfDictionary? EnclosingDictionary(string text, int at)
    {
        var from = Math.Max(0, at - 100_000);
        var window = text[from..at];
        var matches = ObjectHeader().Matches(window);
        if (matches.Count == 0)
        {
            return null;
        }

        var header = matches[^1];
        try
        {
            return new PdfLexer(text, from + header.Index + header.Length).ReadObject() as PdfDictionary;
        }
        catch (PdfFormatException)
        {
            return null;
        }
    }

    private static string? Utf16(byte[]? bytes) =>
        bytes is null ? null
        : bytes is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
        : Encoding.Latin1.GetString(bytes);

    [GeneratedRegex(@"/ByteRange(?=[\s\[])")]
    private static partial Regex ByteRangeKey();

    [GeneratedRegex(@"\d+\s+\d+\s+obj\b")]
    private static partial Regex ObjectHeader();
}
