using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Archive;

/// <summary>
/// A sent outgoing letter as the archive keeps it. The drafting workflow's Sent transition passes one to
/// <see cref="ArchiveIndex.RecordOutgoingAsync"/> in the transaction that sends the letter.
/// </summary>
/// <param name="OutgoingLetterId">The outgoing letter's id (the archive entry's source id; <c>/surat/konsep/{id}</c>).</param>
/// <param name="AgencyId">The sending OPD, whose archive holds the letter.</param>
/// <param name="Number">The letter's number, e.g. <c>000.1.2/123/Diskominfo/2026</c>.</param>
/// <param name="Addressees">The addressees as shown (correspondent), e.g. "Kepala Dinas Pendidikan; Camat Kota Baru".</param>
/// <param name="PdfFileId">The signed PDF's file id.</param>
/// <param name="BodyText">The letter's text, searchable in full; removed when the letter is destroyed.</param>
/// <param name="PositionIds">Drafter, reviewers and signer: who finds the letter in their own archive.</param>
public sealed record ArchivedOutgoing(
    Guid OutgoingLetterId,
    Guid AgencyId,
    string Number,
    DateOnly LetterDate,
    DateTimeOffset SentAt,
    string Subject,
    string Addressees,
    string ClassificationCode,
    SecurityClass SecurityClass,
    Guid? PdfFileId,
    string? BodyText,
    IReadOnlyCollection<Guid> PositionIds)
{
    /// <summary>An outgoing letter imported from a legacy system (<see cref="OutgoingLetterId"/> is its <c>imported_letters</c> row).</summary>
    public bool Imported { get; init; }
}

/// <summary>
/// Keeps <c>letters.archive_entries</c>: a closed incoming letter and a sent outgoing letter each have one entry, with the
/// positions that see it in their archive and the retention dates of its classification code (<c>letters.retention_schedules</c>,
/// inherited from the nearest parent code). Call it inside the transaction that closes, reopens or sends the letter.
/// </summary>
public sealed class ArchiveIndex(LettersDbContext db)
{
    /// <summary>
    /// Entries of every closed incoming letter (or of those in <c>@letters</c> when <c>{0}</c> filters them), computed from their
    /// rows: the migration's backfill and <see cref="RecordIncomingAsync"/>. Retention dates are set by <see cref="RetentionSql"/>.
    /// An entry already destroyed or handed over keeps what it has.
    /// </summary>
    internal const string IncomingSql = """
        INSERT INTO letters.archive_entries AS e (id, kind, source_id, agency_id, number, reference_number, letter_date, closed_at, subject,
            correspondent, classification_code, security_class, file_id, body_text, visible_positions, disposal_status)
        SELECT gen_random_uuid(), 0, l.id, l.agency_id, lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year, l.sender_number, l.sender_date,
            l.closed_at, l.subject, l.sender, l.classification_code, l.security_class,
            (SELECT f.id FROM letters.files f WHERE f.letter_id = l.id AND f.kind = 0 ORDER BY f.uploaded_at LIMIT 1),
            NULL,
            ARRAY(SELECT r.position_id FROM letters.recipients r WHERE r.letter_id = l.id
                  UNION SELECT d.to_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4
                  UNION SELECT d.from_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4
                  UNION SELECT unnest(i.positions) FROM letters.imported_letters i WHERE i.letter_id = l.id),
            0
        FROM letters.letters l
        WHERE l.status = 1 AND l.closed_at IS NOT NULL {0}
        ON CONFLICT (kind, source_id) DO UPDATE SET
            agency_id = excluded.agency_id, number = excluded.number, reference_number = excluded.reference_number, letter_date = excluded.letter_date,
            closed_at = excluded.closed_at, subject = excluded.subject, correspondent = excluded.correspondent,
            classification_code = excluded.classification_code, security_class = excluded.security_class, file_id = excluded.file_id,
            visible_positions = excluded.visible_positions
        WHERE e.disposal_status IN (0, 1)
        """;

    /// <summary>
    /// Sets the retention dates of the entries matching <c>{0}</c> (a condition on <c>x</c>) from the schedule line of their code or
    /// its nearest parent code; counted from the WIB day the letter closed or was sent. No line: no dates (never due).
    /// </summary>
    internal const string RetentionSql = """
        UPDATE letters.archive_entries e SET
            active_until = (((x.closed_at AT TIME ZONE 'Asia/Jakarta')::date) + make_interval(years => s.active_years))::date,
            inactive_until = (((x.closed_at AT TIME ZONE 'Asia/Jakarta')::date) + make_interval(years => s.active_years + s.inactive_years))::date,
            fate = s.fate
        FROM letters.archive_entries x
        LEFT JOIN LATERAL (
            SELECT rs.active_years, rs.inactive_years, rs.fate FROM letters.retention_schedules rs
            WHERE x.classification_code = rs.code OR x.classification_code LIKE rs.code || '.%'
            ORDER BY length(rs.code) DESC LIMIT 1) s ON true
        WHERE e.id = x.id AND x.disposal_status IN (0, 1) AND {0}
        """;

    private const string OutgoingSql = """
        INSERT INTO letters.archive_entries AS e (id, kind, source_id, agency_id, number, reference_number, letter_date, closed_at, subject,
            correspondent, classification_code, security_class, file_id, body_text, visible_positions, disposal_status, imported)
        VALUES (gen_random_uuid(), 1, @source, @agency, @number, NULL, @date, @sent, @subject, @correspondent, @code, @class, @file, @body, @positions, 0, @imported)
        ON CONFLICT (kind, source_id) DO UPDATE SET
            agency_id = excluded.agency_id, number = excluded.number, letter_date = excluded.letter_date, closed_at = excluded.closed_at,
            subject = excluded.subject, correspondent = excluded.correspondent, classification_code = excluded.classification_code,
            security_class = excluded.security_class, file_id = excluded.file_id, body_text = excluded.body_text,
            visible_positions = excluded.visible_positions
        WHERE e.disposal_status IN (0, 1)
        """;

    /// <summary>
    /// Indexes an incoming letter when it is closed, and removes its entry when it is open again. A letter whose entry has been
    /// transferred, destroyed or handed over cannot be reopened (the caller's transaction is then rolled back).
    /// </summary>
    public async Task RecordIncomingAsync(Guid letterId, CancellationToken cancellationToken = default)
    {
        var closed = await db.Letters.AsNoTracking().Where(l => l.Id == letterId).Select(l => l.Status == Domain.LetterStatus.Closed).SingleAsync(cancellationToken);
        if (!closed)
        {
            var status = await db.ArchiveEntries.AsNoTracking().Where(e => e.Kind == ArchiveKind.Incoming && e.SourceId == letterId)
                .Select(e => (DisposalStatus?)e.DisposalStatus).SingleOrDefaultAsync(cancellationToken);
            if (status is null)
            {
                return;
            }

            if (status != DisposalStatus.Active)
            {
                throw new DomainRuleException(ArchiveErrors.UnderRetentionDecision);
            }

            await db.ArchiveEntries.Where(e => e.Kind == ArchiveKind.Incoming && e.SourceId == letterId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        Guid[] ids = [letterId];
        await db.Database.ExecuteSqlRawAsync(IncomingSql.Replace("{0}", "AND l.id = ANY(@letters)", StringComparison.Ordinal),
            [new NpgsqlParameter("letters", ids)], cancellationToken);
        await ApplyRetentionAsync(ArchiveKind.Incoming, letterId, cancellationToken);
    }

    /// <summary>Indexes a sent outgoing letter (again: a repeated call updates the entry).</summary>
    public async Task RecordOutgoingAsync(ArchivedOutgoing letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.OutgoingLetterId == Guid.Empty || letter.AgencyId == Guid.Empty || string.IsNullOrWhiteSpace(letter.Number)
            || string.IsNullOrWhiteSpace(letter.Subject) || string.IsNullOrWhiteSpace(letter.Addressees) || string.IsNullOrWhiteSpace(letter.ClassificationCode))
        {
            throw new DomainRuleException(ArchiveErrors.OutgoingIncomplete);
        }

        await db.Database.ExecuteSqlRawAsync(OutgoingSql,
        [
            new NpgsqlParameter("source", letter.OutgoingLetterId),
            new NpgsqlParameter("agency", letter.AgencyId),
            new NpgsqlParameter("number", Clip(letter.Number, 150)),
            new NpgsqlParameter("date", letter.LetterDate),
            new NpgsqlParameter("sent", letter.SentAt.ToUniversalTime()),
            new NpgsqlParameter("subject", Clip(letter.Subject, 1000)),
            new NpgsqlParameter("correspondent", Clip(letter.Addressees, 2000)),
            new NpgsqlParameter("code", letter.ClassificationCode.Trim()),
            new NpgsqlParameter("class", (int)letter.SecurityClass),
            new NpgsqlParameter("file", (object?)letter.PdfFileId ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
            new NpgsqlParameter("body", (object?)letter.BodyText ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            new NpgsqlParameter("positions", letter.PositionIds.Distinct().ToArray()),
            new NpgsqlParameter("imported", letter.Imported),
        ], cancellationToken);
        await ApplyRetentionAsync(ArchiveKind.Outgoing, letter.OutgoingLetterId, cancellationToken);
    }

    /// <summary>Entries indexed before any schedule line matched their code get their dates (after the schedule is seeded or extended).</summary>
    internal static Task<int> ApplyMissingRetentionAsync(LettersDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RetentionSql.Replace("{0}", "x.active_until IS NULL AND x.disposal_status = 0", StringComparison.Ordinal),
            cancellationToken);

    /// <summary>
    /// Re-dates the entries under <paramref name="code"/> and its sub-codes after the city changed or added that schedule line.
    /// Entries destroyed or handed over keep their dates; transferred ones are re-dated.
    /// </summary>
    internal static Task<int> ReapplyRetentionAsync(LettersDbContext db, string code, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RetentionSql.Replace("{0}", "(x.classification_code = @code OR x.classification_code LIKE @below)", StringComparison.Ordinal),
            [new NpgsqlParameter("code", code.Trim()), new NpgsqlParameter("below", LikePattern.StartsWith(code.Trim() + "."))], cancellationToken);

    private Task<int> ApplyRetentionAsync(ArchiveKind kind, Guid sourceId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RetentionSql.Replace("{0}", "x.kind = @kind AND x.source_id = @source", StringComparison.Ordinal),
            [new NpgsqlParameter("kind", (int)kind), new NpgsqlParameter("source", sourceId)], cancellationToken);

    private static string Clip(string value, int length)
    {
        value = value.Trim();
        return value.Length > length ? value[..length] : value;
    }
}
