using Superapps.Letters.Contracts;
using Superapps.Organization.Contracts;

namespace Superapps.Letters.Domain.Drafting;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Signed is what the signer did, not a numeric type.")]
public enum DraftStepAction
{
    Created = 0,
    Submitted = 1,

    /// <summary>A reviewer's paraf.</summary>
    Approved = 2,
    Returned = 3,
    Signed = 4,
    Sent = 5,
    Abandoned = 6,
}

/// <summary>One step of a draft's history: who, in which position and holding, when, what, with which notes. Append-only.</summary>
public sealed class OutgoingLetterStep
{
    private OutgoingLetterStep()
    {
    }

    internal OutgoingLetterStep(Guid outgoingLetterId, DraftStepAction action, DraftingActor actor, int versionNumber, string? notes, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        OutgoingLetterId = outgoingLetterId;
        Action = action;
        EmployeeId = actor.EmployeeId;
        Name = actor.Name;
        PositionId = actor.PositionId;
        Title = actor.Title;
        Holding = actor.Holding;
        VersionNumber = versionNumber;
        Notes = notes;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid OutgoingLetterId { get; private set; }

    public DraftStepAction Action { get; private set; }

    public Guid EmployeeId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid PositionId { get; private set; }

    /// <summary>The title as shown, "Plt."/"Plh." included.</summary>
    public string Title { get; private set; } = string.Empty;

    public HoldingKind Holding { get; private set; }

    /// <summary>The submitted version the step acted on (0 before the first submission).</summary>
    public int VersionNumber { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>The content of a draft as it was submitted for review: kept forever, compared with the previous one.</summary>
public sealed class OutgoingLetterVersion
{
    private OutgoingLetterVersion()
    {
    }

    internal OutgoingLetterVersion(Guid outgoingLetterId, int number, DraftContent content, string submittedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        OutgoingLetterId = outgoingLetterId;
        Number = number;
        Subject = content.Subject;
        ClassificationCode = content.ClassificationCode;
        SecurityClass = content.SecurityClass;
        Urgency = content.Urgency;
        Attachments = content.Attachments;
        BodyHtml = content.BodyHtml;
        BodyText = content.BodyText;
        Addressees = content.Addressees;
        CarbonCopies = content.CarbonCopies;
        SubmittedBy = submittedBy;
        SubmittedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid OutgoingLetterId { get; private set; }

    /// <summary>1, 2, 3 … per letter.</summary>
    public int Number { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string ClassificationCode { get; private set; } = string.Empty;

    public SecurityClass SecurityClass { get; private set; }

    public Urgency Urgency { get; private set; }

    public string Attachments { get; private set; } = string.Empty;

    public string BodyHtml { get; private set; } = string.Empty;

    public string BodyText { get; private set; } = string.Empty;

    public IReadOnlyList<Addressee> Addressees { get; private set; } = [];

    public IReadOnlyList<CarbonCopy> CarbonCopies { get; private set; } = [];

    public string SubmittedBy { get; private set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The version as comparable plain text: the header lines and the body.</summary>
    public string ComparableText =>
        $"Hal: {Subject}\nLampiran: {Attachments}\nYth.: {string.Join("; ", Addressees.Select(a => a.Name))}\n{BodyText}";
}

public enum OutgoingFileKind
{
    Attachment = 0,

    /// <summary>The signed letter.</summary>
    SignedLetter = 1,
}

/// <summary>A file of an outgoing letter: an attachment the drafter uploaded, or the signed PDF. Content is kept in the database.</summary>
public sealed class OutgoingLetterFile
{
    private OutgoingLetterFile()
    {
    }

    public OutgoingLetterFile(Guid id, Guid outgoingLetterId, OutgoingFileKind kind, string fileName, string contentType, byte[] content, string? sha256,
        DateTimeOffset uploadedAt)
    {
        Id = id;
        OutgoingLetterId = outgoingLetterId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid OutgoingLetterId { get; private set; }

    public OutgoingFileKind Kind { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];

    public long Length { get; private set; }

    public string? Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
