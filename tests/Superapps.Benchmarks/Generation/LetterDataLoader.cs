using System.Diagnostics;
using Npgsql;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Inbox;

namespace Superapps.Benchmarks.Generation;

/// <summary>Loads generated letters into a database that has the Letters migrations applied, then refreshes the statistics.</summary>
internal static class LetterDataLoader
{
    private static readonly string[] Tables = ["letters", "recipients", "dispositions"];

    private static readonly string[] VacuumedTables = [.. Tables, "inbox_entries"];

    /// <summary><see cref="InboxProjection.RebuildSql"/> as it was before migration <c>LetterCopiesAndExternalMails</c> added <c>copy</c>.</summary>
    private const string RebuildBeforeCopiesSql = """
        INSERT INTO letters.inbox_entries (position_id, letter_id, received_at, status, urgency, security_class, sender_date, addressed, followed_up)
        SELECT m.position_id, l.id, l.received_at, l.status, l.urgency, l.security_class, l.sender_date, m.addressed, m.followed_up
        FROM (
            SELECT letter_id, position_id, bool_or(addressed) AS addressed, bool_or(followed_up) AS followed_up FROM (
                SELECT r.letter_id, r.position_id, r.kind = 0 AS addressed, false AS followed_up FROM letters.recipients r
                UNION ALL
                SELECT d.letter_id, d.to_position_id, false, false FROM letters.dispositions d WHERE d.status <> 4
                UNION ALL
                SELECT d.letter_id, d.from_position_id, false, true FROM letters.dispositions d WHERE d.status <> 4) named
            GROUP BY letter_id, position_id) m
        JOIN letters.letters l ON l.id = m.letter_id
        ON CONFLICT (position_id, letter_id) DO NOTHING
        """;

    /// <param name="rebuildIndexes">
    /// Drop the secondary indexes of the three tables before loading and create them again afterwards (much faster for a
    /// million letters). The definitions come from the database, so indexes of later migrations are rebuilt too.
    /// </param>
    public static async Task<GenerationSummary> LoadAsync(string connectionString, GeneratorOptions options, bool rebuildIndexes, TextWriter log, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var clock = Stopwatch.StartNew();

        var indexes = new List<(string Name, string Definition)>();
        if (rebuildIndexes)
        {
            await using (var command = new NpgsqlCommand("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = 'letters' AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'letters'::regnamespace)
                ORDER BY i.indexname
                """, connection))
            {
                command.Parameters.AddWithValue("tables", Tables);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync(connection, $"DROP INDEX letters.\"{name}\"", cancellationToken);
            }

            log.WriteLine($"Dropped {indexes.Count} secondary indexes for the load.");
        }

        var generator = new LetterDataGenerator(options);
        GenerationSummary summary;
        using (var sink = new CopySink(connectionString))
        {
            summary = await Task.Run(() => generator.Generate(sink, n => log.WriteLine($"  {n:N0} letters generated ({clock.Elapsed:hh\\:mm\\:ss})")), cancellationToken);
            sink.Complete();
        }

        log.WriteLine($"Loaded {summary.Letters:N0} letters, {summary.Recipients:N0} recipients, {summary.Dispositions:N0} dispositions in {clock.Elapsed:hh\\:mm\\:ss}.");

        if (rebuildIndexes)
        {
            await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2", cancellationToken);
            foreach (var (name, definition) in indexes)
            {
                var step = Stopwatch.StartNew();
                await ExecuteAsync(connection, definition, cancellationToken);
                log.WriteLine($"  index {name}: {step.Elapsed:hh\\:mm\\:ss}");
            }
        }

        // Each position's inbox entries, by the same rule as the application's (InboxProjection), from the loaded rows.
        var entries = Stopwatch.StartNew();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'", cancellationToken);
        await using (var copies = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'letters' AND table_name = 'inbox_entries' AND column_name = 'copy')",
            connection))
        {
            // A test may load into a database migrated to a point before the entries had their copy column.
            var hasCopy = (bool)(await copies.ExecuteScalarAsync(cancellationToken))!;
            await ExecuteAsync(connection, hasCopy ? InboxProjection.RebuildSql : RebuildBeforeCopiesSql, cancellationToken);
        }

        log.WriteLine($"  inbox entries: {entries.Elapsed:hh\\:mm\\:ss}");

        // The archive entries of the closed letters, by the application's own statement (ArchiveIndex), when the database has
        // the archive (a test may load into a database migrated to an earlier point, to test a later migration's backfill).
        var archived = false;
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('letters.archive_entries') IS NOT NULL", connection))
        {
            archived = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
        }

        if (archived)
        {
            var archive = Stopwatch.StartNew();
            await ExecuteAsync(connection, ArchiveIndex.IncomingSql.Replace("{0}", string.Empty, StringComparison.Ordinal), cancellationToken);
            log.WriteLine($"  archive entries: {archive.Elapsed:hh\\:mm\\:ss}");
        }

        // The application's tables are vacuumed and analyzed by autovacuum; after a bulk load that is done at once.
        foreach (var table in archived ? [.. VacuumedTables, "archive_entries", "archive_readers"] : VacuumedTables)
        {
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) letters.{table}", cancellationToken);
        }

        log.WriteLine($"Indexed, vacuumed and analyzed in {clock.Elapsed:hh\\:mm\\:ss}.");
        return summary;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
