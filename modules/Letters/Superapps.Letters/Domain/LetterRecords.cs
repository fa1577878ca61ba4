namespace Superapps.Letters.Domain;

public enum RecipientKind
{
    /// <summary>Addressed to (kepada).</summary>
    To = 0,

    /// <summary>Carbon copy (tembusan).</summary>
    Cc = 1,
}

/// <summary>A position a letter is delivered to, with the read receipt of its first opening.</summary>
public sealed class LetterRecipient
{
    private LetterRecipient()
    {
    }

    public LetterRecipient(Guid id, Guid letterId, Guid positionId, string title, RecipientKind kind)
    {
        Id = id;
        LetterId = letterId;
        PositionId = positionId;
        Title = title;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid LetterId { get; private set; }

    public Guid PositionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public RecipientKind Kind { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public Guid? ReadByEmployeeId { get; private set; }

    public bool MarkRead(Guid employeeId, DateTimeOffset now)
    {
        if (ReadAt is not null)
        {
            return false;
        }

        ReadAt = now;
        ReadByEmployeeId = employeeId;
        return true;
    }
}

public enum LetterFileKind
{
    /// <summary>The scan of a paper letter, or the signed PDF of an electronic one.</summary>
    Letter = 0,
    Attachment = 1,

    /// <summary>A follow-up report's attachment.</summary>
    FollowUp = 2,

    /// <summary>A recorded voice instruction of a disposition.</summary>
    VoiceNote = 3,
}

/// <summary>A stored file: a scan, an attachment, a follow-up document, a voice note. Content is kept in the database.</summary>
public sealed class LetterFile
{
    private LetterFile()
    {
    }

    public LetterFile(Guid id, Guid letterId, Guid? dispositionId, LetterFileKind kind, string fileName, string contentType, byte[] content, DateTimeOffset uploadedAt)
    {
        Id = id;
        LetterId = letterId;
        DispositionId = dispositionId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid LetterId { get; private set; }

    public Guid? DispositionId { get; private set; }

    public LetterFileKind Kind { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>One line of a letter's history: append-only, shown on the letter.</summary>
public sealed class LetterEvent
{
    private LetterEvent()
    {
    }

    public LetterEvent(Guid id, Guid letterId, Guid? dispositionId, string action, Guid? employeeId, string actorName, string summary, DateTimeOffset at)
    {
        Id = id;
        LetterId = letterId;
        DispositionId = dispositionId;
        Action = action;
        EmployeeId = employeeId;
        ActorName = actorName;
        Summary = summary;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid LetterId { get; private set; }

    public Guid? DispositionId { get; private set; }

    /// <summary>registered, read, disposed, cancelled, started, completed, accepted, reopened, closed, viewed.</summary>
    public string Action { get; private set; } = string.Empty;

    public Guid? EmployeeId { get; private set; }

    public string ActorName { get; private set; } = string.Empty;

    public string Summary { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}

/// <summary>The last agenda number given in one OPD in one year.</summary>
public sealed class AgendaCounter
{
    public Guid AgencyId { get; set; }

    public int Year { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>A code of the archive classification (Permendagri 83/2022), e.g. <c>000.1.5</c> Rapat Pimpinan.</summary>
public sealed class ClassificationCode
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    public int Level { get; set; }

    public bool IsActive { get; set; } = true;
}
