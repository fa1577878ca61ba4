namespace Superapps.Letters.Features.Registration;

/// <summary>What a file is by its content (magic bytes), whatever its name says.</summary>
public static class FileSniffer
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>The content type of a PDF, JPEG or PNG file; null for anything else.</summary>
    public static string? ScanType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        return head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? Png : null;
    }

    /// <summary>The content type of a browser recording (WebM, Ogg, MP4/M4A) or a WAV file; null for anything else.</summary>
    public static string? AudioType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        {
            return "audio/webm";
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "audio/mp4";
        }

        return head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : null;
    }
}
