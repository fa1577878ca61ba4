using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Features.Attachments;

/// <summary>
/// Reads an upload in bounded chunks and recognises it by its content: refuses anything over
/// <see cref="TicketsOptions.MaxAttachmentBytes"/> (before opening it when the declared length says so, and at the limit when the
/// declared length lied), an empty file, a file claiming to be a photo whose content is not one, and anything that is neither a photo
/// nor a PDF. Needs no database, so forms check files as soon as they are picked.
/// </summary>
public sealed class TicketUploadChecker(IOptions<TicketsOptions> options)
{
    private const int ChunkSize = 64 * 1024;

    public long MaxBytes => options.Value.MaxAttachmentBytes;

    /// <summary>Reads and recognises an upload; throws a bilingual <see cref="DomainRuleException"/> naming the file otherwise.</summary>
    public async Task<CheckedAttachment> CheckAsync(TicketUpload upload, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(upload.FileName?.Trim() ?? string.Empty);
        name = name.Length is 0 ? "berkas" : name.Length > 255 ? name[^255..] : name;
        if (upload.DeclaredLength > MaxBytes)
        {
            throw new DomainRuleException(TicketErrors.FileTooLarge(name, MaxBytes));
        }

        await using var stream = await upload.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                // The declared length was wrong: stop at the limit, read no further.
                throw new DomainRuleException(TicketErrors.FileTooLarge(name, MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new DomainRuleException(TicketErrors.EmptyFile(name));
        }

        var content = buffer.ToArray();
        var type = TicketFileSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, TicketFileSniffer.HeadLength)));
        if (TicketFileSniffer.ClaimsImage(name, upload.DeclaredType) && (type is null || !TicketFileSniffer.IsImage(type)))
        {
            throw new DomainRuleException(TicketErrors.NotAnImage(name));
        }

        return type is null ? throw new DomainRuleException(TicketErrors.FileType(name)) : new CheckedAttachment(name, type, content);
    }
}
