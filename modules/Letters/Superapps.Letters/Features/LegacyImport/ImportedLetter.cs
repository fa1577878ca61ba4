using Superapps.Letters.Contracts;

namespace Superapps.Letters.Features.LegacyImport;

/// <summary>
/// The provenance of a letter imported from a legacy e-office system (<c>letters.imported_letters</c>): its source and legacy id
/// (unique together: the import's idempotency key), the letter it became (<see cref="LetterId"/>, for incoming letters; outgoing
/// ones are archive entries whose source is this row), the legacy fields as the legacy book had them, and its dispositions with
/// the giver and recipient resolved from their NIPs (employee id and name as a snapshot), shown as read-only history (ADR 0016).
/// </summary>
public sealed class ImportedLetter
{
    public Guid Id { get; set; }

    public string Source { get; set; } = string.Empty;

    public string LegacyId { get; set; } = string.Empty;

    public LegacyLetterKind Kind { get; set; }

    public Guid AgencyId { get; set; }

    public string AgencyName { get; set; } = string.Empty;

    public string? AgendaNumber { get; set; }

    public string Number { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public string Correspondent { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public Urgency Urgency { get; set; }

    public SecurityClass SecurityClass { get; set; }

    public string ClassificationCode { get; set; } = string.Empty;

    public string? ScanFileName { get; set; }

    /// <summary>The closed letter of the OPD's agenda an incoming legacy letter became; null for outgoing ones (and rows of the release before).</summary>
    public Guid? LetterId { get; set; }

    /// <summary>The scan of an incoming letter as stored with the module's files (<c>letters.files</c>); an outgoing letter's scan is its
    /// <see cref="ImportedScan"/>, keyed by this row.</summary>
    public Guid? ScanFileId { get; set; }

    /// <summary>
    /// The positions the people on the legacy dispositions held when it was imported: they stand for the disposition chain in the
    /// access rule and the archive's readers, so the letter is read by those (and their Plt/Plh) a native letter would be.
    /// </summary>
    public Guid[] Positions { get; set; } = [];

    public DateTimeOffset ImportedAt { get; set; }

    public List<ImportedDisposition> Dispositions { get; set; } = [];
}

/// <summary>A legacy disposition kept as history (stored as JSON with its letter).</summary>
public sealed class ImportedDisposition
{
    public string LegacyId { get; set; } = string.Empty;

    public Guid FromEmployeeId { get; set; }

    public string FromName { get; set; } = string.Empty;

    public string FromNip { get; set; } = string.Empty;

    public Guid ToEmployeeId { get; set; }

    public string ToName { get; set; } = string.Empty;

    public string ToNip { get; set; } = string.Empty;

    public string Instruction { get; set; } = string.Empty;

    public DateOnly? Deadline { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset GivenAt { get; set; }
}
