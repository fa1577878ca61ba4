using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain;

/// <summary>One line of a ticket's append-only history: an action, the status before and after, who and when.</summary>
public sealed class TicketEvent
{
    private TicketEvent()
    {
    }

    internal TicketEvent(Guid ticketId, TicketAction action, TicketStatus from, TicketStatus to, TicketActor actor, string? note, DateTimeOffset at)
    {
        TicketId = ticketId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        Note = note;
        At = at;
    }

    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public TicketAction Action { get; private set; }

    public TicketStatus FromStatus { get; private set; }

    public TicketStatus ToStatus { get; private set; }

    public string ActorUserId { get; private set; } = string.Empty;

    public string ActorName { get; private set; } = string.Empty;

    public TicketRole ActorRole { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A comment on a ticket: internal (helpdesk and technicians only) or visible to the reporter.</summary>
public sealed class TicketComment
{
    private TicketComment()
    {
    }

    internal TicketComment(Guid id, Guid ticketId, TicketActor author, string text, bool isInternal, DateTimeOffset at)
    {
        Id = id;
        TicketId = ticketId;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorRole = author.Role;
        Text = text;
        IsInternal = isInternal;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public string AuthorUserId { get; private set; } = string.Empty;

    public string AuthorName { get; private set; } = string.Empty;

    public TicketRole AuthorRole { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>Internal notes are never shown to the reporter.</summary>
    public bool IsInternal { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A file attached to a ticket (a photo of the device, a screenshot). The bytes live in file storage under <see cref="StorageKey"/>.</summary>
public sealed class TicketAttachment
{
    public const long MaxBytes = 25L * 1024 * 1024;

    private TicketAttachment()
    {
    }

    internal TicketAttachment(Guid id, Guid ticketId, string fileName, string contentType, long sizeBytes, string storageKey, bool isInternal, TicketActor by, DateTimeOffset at)
    {
        Id = id;
        TicketId = ticketId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        IsInternal = isInternal;
        UploadedByUserId = by.UserId;
        UploadedByName = by.Name;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public string StorageKey { get; private set; } = string.Empty;

    public bool IsInternal { get; private set; }

    public string UploadedByUserId { get; private set; } = string.Empty;

    public string UploadedByName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}

/// <summary>The site a ticket is about, as it stood when reported.</summary>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">Its name.</param>
/// <param name="AgencyId">The OPD owning the site.</param>
/// <param name="AgencyName">The OPD's name.</param>
/// <param name="NetworkNodeId">The node the site hung off (for grouping tickets under an incident later).</param>
public sealed record TicketSite(Guid SiteId, string SiteName, Guid AgencyId, string AgencyName, Guid NetworkNodeId);
