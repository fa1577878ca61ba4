namespace Superapps.Tickets.Domain;

/// <summary>
/// The bytes of a <see cref="TicketAttachment"/>, kept in the database as Letters keeps its files (<c>tickets.ticket_attachment_contents</c>),
/// in their own table so listing a ticket's attachments never reads them. Saved in the same transaction as the record.
/// </summary>
public sealed class TicketAttachmentContent
{
    /// <summary>The storage key prefix of files kept in the database.</summary>
    public const string StoragePrefix = "db:";

    private TicketAttachmentContent()
    {
    }

    public TicketAttachmentContent(Guid attachmentId, byte[] content)
    {
        AttachmentId = attachmentId;
        Content = content;
    }

    public Guid AttachmentId { get; private set; }

    public byte[] Content { get; private set; } = [];
}
