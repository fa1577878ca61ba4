using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Benchmarks.Generation;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Seed;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Modularity;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// The ArchiveRetention migration on a database that already has letters: generated letters are loaded before it, then it
/// backfills the archive from the closed ones, and the retention seeder gives them their dates.
/// </summary>
public sealed class ArchiveBackfillTests(PostgresServer server)
{
    private const string BeforeArchive = "20261123155538_InboxFollowUp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migration_archives_every_closed_letter_with_the_positions_named_on_it()
    {
        var connectionString = await server.CreateDatabaseAsync(cancellationToken: Ct);
        await using var services = new ServiceCollection()
            .AddDbContextFactory<LettersDbContext>(o => o.UseModuleDatabase(connectionString, LettersDbContext.Schema))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(BeforeArchive, Ct);
        }

        await LetterDataLoader.LoadAsync(connectionString, new GeneratorOptions(Letters: 1500), rebuildIndexes: false, TextWriter.Null, Ct);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.letters WHERE status = 1")).ShouldBeGreaterThan(1000);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Database.MigrateAsync(Ct);
        }

        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.archive_entries"))
            .ShouldBe(await ScalarAsync(connectionString, "SELECT count(*) FROM letters.letters WHERE status = 1"));
        // Each entry copies its letter and names exactly the positions of the letter's inbox entries (the same visibility rule).
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM letters.archive_entries e JOIN letters.letters l ON l.id = e.source_id
            WHERE e.kind <> 0 OR l.status <> 1 OR e.agency_id <> l.agency_id OR e.subject <> l.subject OR e.correspondent <> l.sender
               OR e.closed_at <> l.closed_at OR e.number <> lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year
               OR NOT (e.visible_positions @> ARRAY(SELECT i.position_id FROM letters.inbox_entries i WHERE i.letter_id = l.id)
                       AND ARRAY(SELECT i.position_id FROM letters.inbox_entries i WHERE i.letter_id = l.id) @> e.visible_positions)
               OR e.search_vector IS NULL OR e.active_until IS NOT NULL
            """)).ShouldBe(0);

        // The ArchiveReaders migration gave every entry its readers: the positions named on it and its OPD.
        (await ScalarAsync(connectionString, ReadersOutOfStep)).ShouldBe(0);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.archive_readers"))
            .ShouldBe(await ScalarAsync(connectionString, "SELECT count(*) + sum(cardinality(visible_positions)) FROM letters.archive_entries"));

        // At the next start the seeder gives every entry under a scheduled code its dates; "005" has no line (nor a parent with one).
        await new RetentionScheduleSeeder().InitializeAsync(services, Ct);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.archive_entries WHERE active_until IS NULL"))
            .ShouldBe(await ScalarAsync(connectionString, "SELECT count(*) FROM letters.archive_entries WHERE classification_code = '005'"));
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM letters.archive_entries
            WHERE classification_code LIKE '800.1.%' AND (fate <> 2 OR inactive_until <> ((closed_at AT TIME ZONE 'Asia/Jakarta')::date + interval '30 years')::date)
            """)).ShouldBe(0);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM letters.archive_entries WHERE classification_code LIKE '800.1.%'")).ShouldBeGreaterThan(0);

        // The archive answers from the backfilled entries: an addressee finds their closed letters.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
            var position = await db.Letters.Where(l => l.Status == LetterStatus.Closed).GroupBy(l => l.AddresseePositionId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Ct);
            var expected = await db.Letters.CountAsync(l => l.Status == LetterStatus.Closed && db.InboxEntries.Any(i => i.LetterId == l.Id && i.PositionId == position), Ct);
            var viewer = new Viewer(Guid.NewGuid(), "Pejabat", Guid.NewGuid(), new HashSet<Guid> { position }, KeepsAgenda: false);
            (await new ArchiveQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>()).SearchAsync(viewer, new ArchiveSearch(PageSize: 5), Ct)).Total.ShouldBe(Math.Min(expected, ArchiveQueries.TotalBound));
        }
    }

    [Fact]
    public async Task The_readers_follow_every_insert_update_and_delete_of_an_entry()
    {
        var connectionString = await server.CreateDatabaseAsync(cancellationToken: Ct);
        await using var services = new ServiceCollection()
            .AddDbContextFactory<LettersDbContext>(o => o.UseModuleDatabase(connectionString, LettersDbContext.Schema))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        await db.Database.MigrateAsync(Ct);
        var index = new ArchiveIndex(db);
        var agency = Guid.NewGuid();
        var (drafter, signer, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var letter = new ArchivedOutgoing(Guid.NewGuid(), agency, "000.1/1/DISKOMINFO/2026", new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
            "Undangan rapat", "Kepala Dinas Pendidikan", "000.1", Contracts.SecurityClass.Biasa, null, "Isi surat", [drafter, signer, drafter]);

        await index.RecordOutgoingAsync(letter, Ct);
        (await ReadersAsync(db, letter.OutgoingLetterId)).ShouldBe([agency, drafter, signer], ignoreOrder: true);
        (await ScalarAsync(connectionString, ReadersOutOfStep)).ShouldBe(0);

        // Sent again with another chain and code: the rows are rewritten, the copied columns follow.
        await index.RecordOutgoingAsync(letter with { PositionIds = [other, signer], ClassificationCode = "800.1", Addressees = "Camat Telanaipura" }, Ct);
        (await ReadersAsync(db, letter.OutgoingLetterId)).ShouldBe([agency, other, signer], ignoreOrder: true);
        (await db.ArchiveReaders.Where(r => r.ReaderId == signer).Select(r => new { r.ClassificationCode, r.Correspondent }).SingleAsync(Ct))
            .ShouldBe(new { ClassificationCode = "800.1", Correspondent = "Camat Telanaipura" });

        // Updates that do not touch what readers copy (retention dates, a decision) leave them as they are; deleting the entry removes them.
        (await ScalarAsync(connectionString, "UPDATE letters.archive_entries SET active_until = DATE '2030-01-01' RETURNING 1")).ShouldBe(1);
        (await ScalarAsync(connectionString, ReadersOutOfStep)).ShouldBe(0);
        await db.ArchiveEntries.Where(e => e.SourceId == letter.OutgoingLetterId).ExecuteDeleteAsync(Ct);
        (await db.ArchiveReaders.CountAsync(Ct)).ShouldBe(0);
    }

    /// <summary>Reader rows that differ from what the entries say (either way): zero when the triggers kept them.</summary>
    private const string ReadersOutOfStep = """
        WITH expected AS (
            SELECT r.id AS reader_id, e.id AS entry_id, e.agency_id, e.closed_at, e.letter_date, e.kind, e.security_class, e.classification_code,
                left(e.correspondent, 500) AS correspondent
            FROM letters.archive_entries e CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(e.visible_positions || e.agency_id) AS x) r),
        actual AS (
            SELECT reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code, correspondent FROM letters.archive_readers)
        SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) a) + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) b)
        """;

    private static Task<List<Guid>> ReadersAsync(LettersDbContext db, Guid outgoingLetterId) =>
        db.ArchiveReaders.Where(r => db.ArchiveEntries.Any(e => e.Id == r.EntryId && e.SourceId == outgoingLetterId)).Select(r => r.ReaderId).ToListAsync(Ct);

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
