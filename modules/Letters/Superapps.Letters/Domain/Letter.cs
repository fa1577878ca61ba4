using Superapps.Letters.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Domain;

/// <summary>How a letter reached the receiving OPD.</summary>
public enum LetterOrigin
{
    /// <summary>A paper letter, scanned and registered by the OPD's registry clerk.</summary>
    Paper = 0,

    /// <summary>An electronic letter from another OPD of the city, delivered by the portal.</summary>
    Internal = 1,

    /// <summary>
    /// An archived letter imported from a legacy e-office system (SIPADEK, Sisumaker): closed from the start, never actionable;
    /// its provenance, legacy agenda number and dispositions are in <c>letters.imported_letters</c> (ADR 0016).
    /// </summary>
    Legacy = 2,
}

public enum LetterStatus
{
    Open = 0,

    /// <summary>Every disposition is done and accepted: the letter is in the archive with its tree.</summary>
    Closed = 1,
}

/// <summary>An incoming letter in one OPD's agenda (buku agenda surat masuk).</summary>
public sealed class Letter
{
    public const int MaxSubjectLength = 500;

    private Letter()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The receiving OPD, whose agenda holds the letter.</summary>
    public Guid AgencyId { get; private set; }

    public int AgendaYear { get; private set; }

    /// <summary>Nomor agenda: 1, 2, 3 … per OPD per year, without gaps.</summary>
    public int AgendaNumber { get; private set; }

    public LetterOrigin Origin { get; private set; }

    /// <summary>For internal letters, the sending side's id (idempotent delivery).</summary>
    public Guid? SourceId { get; private set; }

    public string Sender { get; private set; } = string.Empty;

    public Guid? SenderAgencyId { get; private set; }

    public string SenderNumber { get; private set; } = string.Empty;

    public DateOnly SenderDate { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public SecurityClass SecurityClass { get; private set; }

    public Urgency Urgency { get; private set; }

    public string ClassificationCode { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid RegisteredByEmployeeId { get; private set; }

    public string RegisteredByName { get; private set; } = string.Empty;

    /// <summary>The position the letter is addressed to; its holder (or Plt/Plh) receives it.</summary>
    public Guid AddresseePositionId { get; private set; }

    public string AddresseeTitle { get; private set; } = string.Empty;

    public LetterStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>"0042/2026": the agenda number as the OPD's book shows it.</summary>
    public string AgendaLabel => $"{AgendaNumber:D4}/{AgendaYear}";

    /// <summary>Checks what a clerk typed; the agenda number is given by <see cref="Number"/> inside the saving transaction.</summary>
    public static Letter Register(
        Guid id,
        Guid agencyId,
        LetterOrigin origin,
        string sender,
        Guid? senderAgencyId,
        string senderNumber,
        DateOnly senderDate,
        string subject,
        SecurityClass securityClass,
        Urgency urgency,
        string classificationCode,
        Guid addresseePositionId,
        string addresseeTitle,
        Guid registeredBy,
        string registeredByName,
        DateTimeOffset now,
        Guid? sourceId = null)
    {
        var errors = new List<UserError>();
        sender = (sender ?? string.Empty).Trim();
        subject = (subject ?? string.Empty).Trim();
        senderNumber = (senderNumber ?? string.Empty).Trim();
        if (sender.Length is 0 or > 250)
        {
            errors.Add(LetterErrors.Sender);
        }

        if (senderNumber.Length is 0 or > 100)
        {
            errors.Add(LetterErrors.SenderNumber);
        }

        if (subject.Length is 0 or > MaxSubjectLength)
        {
            errors.Add(LetterErrors.Subject);
        }

        if (senderDate > DateOnly.FromDateTime(Wib.ToWib(now).DateTime))
        {
            errors.Add(LetterErrors.SenderDateInFuture);
        }

        if (string.IsNullOrWhiteSpace(classificationCode))
        {
            errors.Add(LetterErrors.Classification);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new Letter
        {
            Id = id,
            AgencyId = agencyId,
            Origin = origin,
            SourceId = sourceId,
            Sender = sender,
            SenderAgencyId = senderAgencyId,
            SenderNumber = senderNumber,
            SenderDate = senderDate,
            Subject = subject,
            SecurityClass = securityClass,
            Urgency = urgency,
            ClassificationCode = classificationCode.Trim(),
            ReceivedAt = now,
            RegisteredByEmployeeId = registeredBy,
            RegisteredByName = registeredByName,
            AddresseePositionId = addresseePositionId,
            AddresseeTitle = addresseeTitle,
            AgendaYear = Wib.ToWib(now).Year,
            Status = LetterStatus.Open,
        };
    }

    /// <summary>
    /// An archived letter of a legacy system, entered closed in its OPD's agenda of the year it was received (numbered like any
    /// other letter by <see cref="Number"/> inside the saving transaction). The caller checked its fields; it is never actionable.
    /// </summary>
    /// <param name="receivedAt">When the legacy book says it was received (its WIB year is the agenda year).</param>
    /// <param name="closedAt">When its legacy handling ended: the last disposition, or its receipt.</param>
    public static Letter Import(Guid id, Guid agencyId, string sender, string senderNumber, DateOnly senderDate, string subject,
        SecurityClass securityClass, Urgency urgency, string classificationCode, Guid addresseePositionId, string addresseeTitle,
        string importedBy, DateTimeOffset receivedAt, DateTimeOffset closedAt) => new()
    {
        Id = id,
        AgencyId = agencyId,
        Origin = LetterOrigin.Legacy,
        Sender = sender.Trim(),
        SenderNumber = senderNumber.Trim(),
        SenderDate = senderDate,
        Subject = subject.Trim(),
        SecurityClass = securityClass,
        Urgency = urgency,
        ClassificationCode = classificationCode.Trim(),
        ReceivedAt = receivedAt,
        RegisteredByEmployeeId = Guid.Empty,
        RegisteredByName = importedBy,
        AddresseePositionId = addresseePositionId,
        AddresseeTitle = addresseeTitle,
        AgendaYear = Wib.ToWib(receivedAt).Year,
        Status = LetterStatus.Closed,
        ClosedAt = closedAt < receivedAt ? receivedAt : closedAt,
    };

    /// <summary>Imported from a legacy system: read-only history, never disposed, reported on or reopened.</summary>
    public bool IsImported => Origin == LetterOrigin.Legacy;

    internal void Number(int agendaNumber) => AgendaNumber = agendaNumber;

    public void Close(DateTimeOffset now)
    {
        Status = LetterStatus.Closed;
        ClosedAt = now;
    }

    public void Reopen()
    {
        Status = LetterStatus.Open;
        ClosedAt = null;
    }
}
