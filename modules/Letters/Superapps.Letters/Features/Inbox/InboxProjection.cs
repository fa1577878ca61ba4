using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;

namespace Superapps.Letters.Features.Inbox;

/// <summary>
/// Keeps <c>letters.inbox_entries</c> equal to the inbox's visibility rule: a position has an entry for a letter exactly when
/// the letter is addressed or copied to it, or a live (not cancelled) disposition goes to it or from it. The entry also
/// says whether the letter is addressed to the position, whether the position gave a live disposition on it (the
/// "letters without follow-up" counter), and whether the position is named only as a copy (tembusan, shown as such).
/// </summary>
/// <remarks>
/// The rule lives here only. Every change of a letter's recipients, dispositions or copied columns (registration and internal
/// delivery, dispose, cancel, any transition that closes or reopens the letter) calls <see cref="SaveAsync"/>, which saves
/// the change and recomputes that letter's entries in one transaction. A letter has a handful of recipients and
/// dispositions, so recomputing all its entries is a few index lookups.
/// </remarks>
internal static class InboxProjection
{
    /// <summary>The entries of the letters whose ids are in <c>letter_ids</c> (<c>@letters</c>), recomputed from their rows.</summary>
    private const string RefreshSql = """
        WITH named AS (
            SELECT r.letter_id, r.position_id, r.kind = 0 AS addressed, false AS followed_up, r.kind = 1 AS copy FROM letters.recipients r WHERE r.letter_id = ANY(@letters)
            UNION ALL
            SELECT d.letter_id, d.to_position_id, false, false, false FROM letters.dispositions d WHERE d.letter_id = ANY(@letters) AND d.status <> 4
            UNION ALL
            SELECT d.letter_id, d.from_position_id, false, true, false FROM letters.dispositions d WHERE d.letter_id = ANY(@letters) AND d.status <> 4),
        member AS (
            SELECT letter_id, position_id, bool_or(addressed) AS addressed, bool_or(followed_up) AS followed_up, bool_and(copy) AS copy
            FROM named GROUP BY letter_id, position_id),
        removed AS (
            DELETE FROM letters.inbox_entries e
            WHERE e.letter_id = ANY(@letters)
              AND NOT EXISTS (SELECT 1 FROM member m WHERE m.letter_id = e.letter_id AND m.position_id = e.position_id))
        INSERT INTO letters.inbox_entries (position_id, letter_id, received_at, status, urgency, security_class, sender_date, addressed, followed_up, copy)
        SELECT m.position_id, l.id, l.received_at, l.status, l.urgency, l.security_class, l.sender_date, m.addressed, m.followed_up, m.copy
        FROM member m JOIN letters.letters l ON l.id = m.letter_id
        ON CONFLICT (position_id, letter_id) DO UPDATE SET
            received_at = excluded.received_at, status = excluded.status, urgency = excluded.urgency,
            security_class = excluded.security_class, sender_date = excluded.sender_date,
            addressed = excluded.addressed, followed_up = excluded.followed_up, copy = excluded.copy
        WHERE (inbox_entries.received_at, inbox_entries.status, inbox_entries.urgency, inbox_entries.security_class, inbox_entries.sender_date,
               inbox_entries.addressed, inbox_entries.followed_up, inbox_entries.copy)
            IS DISTINCT FROM (excluded.received_at, excluded.status, excluded.urgency, excluded.security_class, excluded.sender_date,
               excluded.addressed, excluded.followed_up, excluded.copy)
        """;

    /// <summary>
    /// Every letter's entries computed from scratch (the migration's backfill and the benchmark's loader): the same rule as
    /// <see cref="RefreshSql"/>, for an empty table.
    /// </summary>
    internal const string RebuildSql = """
        INSERT INTO letters.inbox_entries (position_id, letter_id, received_at, status, urgency, security_class, sender_date, addressed, followed_up, copy)
        SELECT m.position_id, l.id, l.received_at, l.status, l.urgency, l.security_class, l.sender_date, m.addressed, m.followed_up, m.copy
        FROM (
            SELECT letter_id, position_id, bool_or(addressed) AS addressed, bool_or(followed_up) AS followed_up, bool_and(copy) AS copy FROM (
                SELECT r.letter_id, r.position_id, r.kind = 0 AS addressed, false AS followed_up, r.kind = 1 AS copy FROM letters.recipients r
                UNION ALL
                SELECT d.letter_id, d.to_position_id, false, false, false FROM letters.dispositions d WHERE d.status <> 4
                UNION ALL
                SELECT d.letter_id, d.from_position_id, false, true, false FROM letters.dispositions d WHERE d.status <> 4) named
            GROUP BY letter_id, position_id) m
        JOIN letters.letters l ON l.id = m.letter_id
        ON CONFLICT (position_id, letter_id) DO NOTHING
        """;

    /// <summary>Saves the context's changes and the entries of <paramref name="letterId"/> in one transaction (the caller's, if it has one).</summary>
    public static async Task SaveAsync(LettersDbContext db, Guid letterId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            await RefreshAsync(db, [letterId], cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RefreshAsync(db, [letterId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Recomputes the entries of the given letters from their saved rows; call it inside the transaction that changed them.</summary>
    public static Task<int> RefreshAsync(LettersDbContext db, Guid[] letterIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(RefreshSql, [new Npgsql.NpgsqlParameter("letters", letterIds)], cancellationToken);
}
