namespace Superapps.Letters.Features.LegacyImport;

/// <summary>
/// The scan of an outgoing letter imported from a legacy system (<c>letters.imported_scans</c>), one per <see cref="ImportedLetter"/>
/// and keyed by it. Incoming legacy letters keep their scan with the letter they became (<c>letters.files</c>); an outgoing one is an
/// archive entry only (ADR 0016), so its scan is kept here, read through the same file limits, served by
/// <c>/surat/impor/{id}/berkas</c> to whoever may read the letter in full, and removed when the letter is destroyed.
/// </summary>
public sealed class ImportedScan
{
    private ImportedScan()
    {
    }

    public ImportedScan(Guid importedLetterId, string fileName, string contentType, byte[] content, DateTimeOffset storedAt)
    {
        ImportedLetterId = importedLetterId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        StoredAt = storedAt;
    }

    public Guid ImportedLetterId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>Established from the content when it was imported (PDF, JPEG or PNG).</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset StoredAt { get; private set; }
}
