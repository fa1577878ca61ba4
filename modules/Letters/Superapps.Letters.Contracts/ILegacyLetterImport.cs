namespace Superapps.Letters.Contracts;

/// <summary>Whether a legacy letter came in or went out.</summary>
public enum LegacyLetterKind
{
    /// <summary>Surat masuk.</summary>
    Incoming = 0,

    /// <summary>Surat keluar.</summary>
    Outgoing = 1,
}

/// <summary>A disposition of a legacy letter, kept as history: who gave it to whom (by NIP), what it said, by when, and how it ended.</summary>
/// <param name="LegacyId">The legacy system's id of the disposition.</param>
/// <param name="FromNip">The giver's NIP (18 digits); must be an employee of the organisation directory.</param>
/// <param name="ToNip">The recipient's NIP; must be an employee of the organisation directory.</param>
/// <param name="Instruction">Isi disposisi.</param>
/// <param name="Deadline">Batas waktu, when one was set.</param>
/// <param name="Status">The legacy status as written (e.g. "Selesai", "Belum dibaca").</param>
/// <param name="GivenAt">When it was given.</param>
public sealed record LegacyDisposition(string LegacyId, string FromNip, string ToNip, string Instruction, DateOnly? Deadline, string Status, DateTimeOffset GivenAt);

/// <summary>One archived letter from a legacy e-office system (e.g. SIPADEK, Sisumaker), as an adapter read it.</summary>
/// <param name="Source">The legacy system, e.g. <c>sipadek</c>; with <paramref name="LegacyId"/> the letter's key for idempotency.</param>
/// <param name="LegacyId">The legacy id (e.g. <c>masuk:1042</c>).</param>
/// <param name="AgencyCode">The OPD whose book held it (Organization module code, e.g. <c>DISKOMINFO</c>).</param>
/// <param name="AgendaNumber">Nomor agenda as the legacy book had it, for incoming letters.</param>
/// <param name="Number">Nomor surat.</param>
/// <param name="Date">Tanggal surat.</param>
/// <param name="ReceivedOn">Tanggal terima (incoming) or sent (outgoing), when known.</param>
/// <param name="Correspondent">Asal surat (incoming) or tujuan (outgoing).</param>
/// <param name="Scan">The scan, when there is one: the Letters module reads it through its file limits (PDF, JPEG or PNG by content, at most
/// <c>Superapps:Letters:MaxFileBytes</c>) and stores it with the letter.</param>
public sealed record LegacyLetter(
    string Source,
    string LegacyId,
    LegacyLetterKind Kind,
    string AgencyCode,
    string? AgendaNumber,
    string Number,
    DateOnly Date,
    DateOnly? ReceivedOn,
    string Correspondent,
    string Subject,
    Urgency Urgency,
    SecurityClass SecurityClass,
    string ClassificationCode,
    LegacyScan? Scan,
    IReadOnlyList<LegacyDisposition> Dispositions);

/// <summary>A legacy letter's scan as the adapter found it: its file name, declared length, and how to open it (read once).</summary>
public sealed record LegacyScan(string FileName, long Length, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>What came of importing one legacy letter.</summary>
/// <param name="LetterId">The imported letter's id in the Letters module (also when it had been imported before).</param>
/// <param name="Created">False when the same source and legacy id had been imported already: nothing changed.</param>
public sealed record LegacyLetterImported(Guid LetterId, bool Created);

/// <summary>
/// Takes archived letters of a legacy e-office system into the Letters module, with their dispositions as history. Implemented
/// by the Letters module; idempotent by (source, legacy id). An incoming letter becomes a closed letter of its OPD's agenda (origin
/// Legacy) with its scan; an outgoing one an entry of its OPD's archive. A letter that cannot be taken (unknown OPD, unknown NIP,
/// bad fields, a scan too large or not a PDF/JPEG/PNG) is refused with bilingual errors (a <c>DomainRuleException</c>) and nothing
/// of it is saved.
/// </summary>
public interface ILegacyLetterImport
{
    Task<LegacyLetterImported> ImportAsync(LegacyLetter letter, CancellationToken cancellationToken = default);
}
