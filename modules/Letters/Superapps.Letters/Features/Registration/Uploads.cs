using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Registration;

/// <summary>A file read and recognised by its content.</summary>
public sealed record CheckedFile(string FileName, string ContentType, byte[] Content);

/// <summary>Reads uploads within the size limit and recognises them by content.</summary>
internal static class Uploads
{
    public delegate string? Sniffer(ReadOnlySpan<byte> head);

    /// <summary>Reads an upload, or adds an error and returns null. The declared length is checked before anything is read.</summary>
    public static async Task<CheckedFile?> ReadAsync(LetterUpload upload, long maxBytes, string field, Sniffer sniff, Func<string, UserError> typeError,
        List<UserError> errors, CancellationToken cancellationToken)
    {
        if (upload.Length > maxBytes)
        {
            errors.Add(LetterErrors.FileTooLarge(upload.FileName, maxBytes, field));
            return null;
        }

        await using var stream = await upload.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                // The declared length was wrong; stop reading at the limit.
                errors.Add(LetterErrors.FileTooLarge(upload.FileName, maxBytes, field));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        if (sniff(content) is not { } type)
        {
            errors.Add(typeError(upload.FileName));
            return null;
        }

        return new CheckedFile(Path.GetFileName(upload.FileName), type, content);
    }
}
