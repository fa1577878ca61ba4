namespace Superapps.Tickets.Features.Attachments;

/// <summary>What a file is by its content (magic bytes), whatever its name or declared type says: photos and PDF documents.</summary>
public static class TicketFileSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 12;

    /// <summary>The content type of a JPEG, PNG, WebP or PDF file; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return head.StartsWith("%PDF-"u8) ? Pdf : null;
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the name or declared type claims a photo (what a disguised file pretends to be).</summary>
    public static bool ClaimsImage(string fileName, string? declaredType) =>
        (declaredType is not null && IsImage(declaredType))
        || Path.GetExtension(fileName).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp" or ".gif" or ".heic" or ".bmp";
}
