using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Superapps.Benchmarks.Generation;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Configurations;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Inbox;
using Superapps.Organization;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// The benchmark's data generator at a small scale (so it cannot rot unnoticed), and the inbox queries on its data: every
/// query strategy must give what the plain form of the query gives.
/// </summary>
public sealed class GeneratedInboxTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly GeneratorOptions Options = new(Letters: 3000);

    /// <summary>The name on the one disposition a test adds to the generated data.</summary>
    private const string AddedGiver = "Kabid B";
    private readonly TestClock _clock = new(GeneratorOptions.Now);
    private ModuleServices _module = null!;
    private GenerationSummary _summary = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), clock: _clock);
        _summary = await LetterDataLoader.LoadAsync(_module.ConnectionString, Options, rebuildIndexes: false, TextWriter.Null, Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    [Fact]
    public async Task The_generator_loads_what_it_reports_with_five_dispositions_a_letter()
    {
        (await ScalarAsync("SELECT count(*) FROM letters.letters")).ShouldBe(Options.Letters);
        (await ScalarAsync("SELECT count(*) FROM letters.recipients")).ShouldBe(_summary.Recipients);
        (await ScalarAsync($"SELECT count(*) FROM letters.dispositions WHERE from_name <> '{AddedGiver}'")).ShouldBe(_summary.Dispositions);
        ((double)_summary.Dispositions / Options.Letters).ShouldBeInRange(4.9, 5.1);
        (await ScalarAsync("SELECT max(depth) FROM (SELECT count(*) AS depth FROM letters.dispositions c JOIN letters.dispositions p ON p.id = c.parent_id GROUP BY c.letter_id) t"))
            .ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Generated_letters_and_trees_keep_the_rules_of_the_desk()
    {
        // Each letter has one addressee receipt; agenda numbers run 1, 2, 3 … per OPD and year.
        (await ScalarAsync("""
            SELECT count(*) FROM letters.letters l WHERE (SELECT count(*) FROM letters.recipients r
              WHERE r.letter_id = l.id AND r.kind = 0 AND r.position_id = l.addressee_position_id) <> 1
            """)).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM (SELECT agency_id, agenda_year FROM letters.letters GROUP BY 1, 2 HAVING max(agenda_number) <> count(*)) t")).ShouldBe(0);

        // A tree stays on its letter; a top-level disposition comes from a recipient, a lower one from its parent's target.
        (await ScalarAsync("SELECT count(*) FROM letters.dispositions c JOIN letters.dispositions p ON p.id = c.parent_id WHERE p.letter_id <> c.letter_id OR p.to_position_id <> c.from_position_id")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM letters.dispositions c WHERE c.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM letters.dispositions p WHERE p.id = c.parent_id)")).ShouldBe(0);
        (await ScalarAsync("""
            SELECT count(*) FROM letters.dispositions d WHERE d.parent_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM letters.recipients r WHERE r.letter_id = d.letter_id AND r.position_id = d.from_position_id)
            """)).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM letters.dispositions WHERE letter_id NOT IN (SELECT id FROM letters.letters)")).ShouldBe(0);

        // A closed letter's tree is done; the search vectors are filled by PostgreSQL as for the application's rows.
        (await ScalarAsync("SELECT count(*) FROM letters.dispositions d JOIN letters.letters l ON l.id = d.letter_id WHERE l.status = 1 AND d.status <> 3")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM letters.letters WHERE search_vector IS NULL OR length(search_vector) = 0")).ShouldBe(0);
    }

    [Fact]
    public async Task Search_terms_are_skewed_from_common_to_rare()
    {
        var common = await ScalarAsync($"SELECT count(*) FROM letters.letters WHERE search_vector @@ to_tsquery('simple', '{Vocabulary.CommonTerm}')");
        var rare = await ScalarAsync($"SELECT count(*) FROM letters.letters WHERE search_vector @@ to_tsquery('simple', '{Vocabulary.RareTerm}')");
        common.ShouldBeGreaterThan(Options.Letters / 10);
        rare.ShouldBeLessThan(Options.Letters / 500);
    }

    [Fact]
    public void The_same_seed_generates_the_same_rows()
    {
        var first = new HashingSink();
        var second = new HashingSink();
        new LetterDataGenerator(Options with { Letters = 500 }).Generate(first);
        new LetterDataGenerator(Options with { Letters = 500 }).Generate(second);
        var other = new HashingSink();
        new LetterDataGenerator(Options with { Letters = 500, Seed = 7 }).Generate(other);

        second.Hash.ShouldBe(first.Hash);
        other.Hash.ShouldNotBe(first.Hash);
    }

    [Fact]
    public async Task The_inbox_entries_are_the_visibility_rule_computed_the_plain_way()
    {
        // Every (position, letter) the plain rule names has an entry, and no other entry exists: addressed or copied, or a
        // live disposition to or from the position (the cancelled-parent giver included, which the old queries looked up apart).
        const string plain = """
            SELECT p.id AS position_id, l.id AS letter_id, l.received_at, l.status, l.urgency, l.security_class, l.sender_date,
              EXISTS (SELECT 1 FROM letters.recipients r WHERE r.letter_id = l.id AND r.position_id = p.id AND r.kind = 0) AS addressed,
              EXISTS (SELECT 1 FROM letters.dispositions d WHERE d.letter_id = l.id AND d.from_position_id = p.id AND d.status <> 4) AS followed_up
            FROM letters.letters l
            CROSS JOIN LATERAL (
              SELECT r.position_id AS id FROM letters.recipients r WHERE r.letter_id = l.id
              UNION SELECT d.to_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4
              UNION SELECT d.from_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4) p
            """;
        const string entries = "SELECT position_id, letter_id, received_at, status, urgency, security_class, sender_date, addressed, followed_up FROM letters.inbox_entries";
        (await ScalarAsync("SELECT count(*) FROM letters.inbox_entries")).ShouldBeGreaterThan(Options.Letters);
        (await ScalarAsync($"SELECT count(*) FROM ({plain} EXCEPT {entries}) t")).ShouldBe(0);
        (await ScalarAsync($"SELECT count(*) FROM ({entries} EXCEPT {plain}) t")).ShouldBe(0);
    }

    public static TheoryData<string> Strategies => ["default", "rare", "common"];

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Every_inbox_strategy_gives_what_the_plain_query_gives(string strategy)
    {
        var viewers = await ViewersAsync();
        InboxSearch page = new(null, null, null, InboxStatus.All, null, null, 0, 20, null, true);
        InboxSearch[] searches =
        [
            page,
            page with { Page = 1 },
            page with { Urgency = Urgency.SangatSegera, Status = InboxStatus.Open },
            page with { Status = InboxStatus.Unread },
            page with { Status = InboxStatus.Closed, SecurityClass = SecurityClass.Biasa },
            page with { Text = Vocabulary.CommonTerm },
            page with { Text = Vocabulary.RareTerm },
            page with { Text = "segera" },
            page with { Text = "005/1" },
            page with { Text = Vocabulary.CommonTerm, SortBy = "sender", Descending = false },
            page with { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31), SortBy = "received", Descending = false },
        ];

        var compared = 0;
        foreach (var viewer in viewers)
        {
            await using var scope = _module.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
            var queries = strategy switch
            {
                "rare" => new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock) { RareTermLimit = 1_000_000 },
                "common" => new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock) { RareTermLimit = -1 },
                _ => new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock),
            };
            (await queries.CountersAsync(viewer, Ct)).ShouldBe(await PlainCountersAsync(db, viewer), $"counters of {viewer.PositionIds.First()}");
            foreach (var search in searches)
            {
                var actual = await queries.SearchAsync(viewer, search, Ct);
                var (ids, total) = await PlainSearchAsync(db, viewer, search);
                if (actual.TotalIsAtLeast)
                {
                    total.ShouldBeGreaterThan(actual.Total, $"{search} for {viewer.PositionIds.First()}");
                }
                else
                {
                    actual.Total.ShouldBe(total, $"{search} for {viewer.PositionIds.First()}");
                }

                actual.Items.Select(i => i.LetterId).ShouldBe(ids, $"{search} for {viewer.PositionIds.First()}");
                compared += total;
            }
        }

        compared.ShouldBeGreaterThan(1000);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Every_archive_strategy_gives_what_the_plain_query_gives(string strategy)
    {
        (await ScalarAsync("SELECT count(*) FROM letters.archive_readers")).ShouldBeGreaterThan(await ScalarAsync("SELECT count(*) FROM letters.archive_entries"));
        var viewers = await ViewersAsync();
        var agency = await ScalarGuidAsync("SELECT agency_id FROM letters.archive_entries GROUP BY agency_id ORDER BY count(*) DESC, agency_id LIMIT 1");
        var named = await ScalarGuidAsync($"SELECT p FROM letters.archive_entries, unnest(visible_positions) p WHERE agency_id = '{agency}' GROUP BY p ORDER BY count(*) DESC, p LIMIT 1");
        // The registry clerk of the OPD with the most letters, named on none of them, and its head acting as agenda keeper.
        viewers.Add(new Viewer(Guid.NewGuid(), "Pencatat", agency, new HashSet<Guid>(), KeepsAgenda: true));
        viewers.Add(new Viewer(Guid.NewGuid(), "Kepala", agency, new HashSet<Guid> { named, viewers[0].PositionIds.First() }, KeepsAgenda: true));
        ArchiveSearch first = new(PageSize: 20);
        ArchiveSearch[] searches =
        [
            first,
            first with { Page = 1 },
            first with { Text = Vocabulary.CommonTerm },
            first with { Text = Vocabulary.RareTerm },
            first with { Text = "0001/2025" },
            first with { Year = 2025, ClassificationPrefix = "000.1" },
            first with { Correspondent = "provinsi" },
            first with { Kind = ArchiveKind.Incoming, SecurityClass = SecurityClass.Biasa, From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 6, 30) },
            first with { Text = Vocabulary.CommonTerm, SortBy = "date", Descending = false },
        ];

        var compared = 0;
        foreach (var viewer in viewers)
        {
            await using var scope = _module.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
            var queries = strategy switch
            {
                "rare" => new ArchiveQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>()) { RareTermLimit = 1_000_000 },
                "common" => new ArchiveQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>()) { RareTermLimit = -1 },
                _ => new ArchiveQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>()),
            };
            foreach (var search in searches)
            {
                var because = $"{search} for {string.Join(",", viewer.PositionIds)} keeper {viewer.KeepsAgenda}";
                var actual = await queries.SearchAsync(viewer, search, Ct);
                var plain = await PlainArchiveAsync(db, viewer, search);
                if (actual.TotalIsAtLeast)
                {
                    plain.Count.ShouldBeGreaterThan(actual.Total, because);
                }
                else
                {
                    actual.Total.ShouldBe(plain.Count, because);
                }

                // Ties in the sort key may come in any order: the page holds the same keys, and each line is one the plain query shows, masked alike.
                var expected = (search.SortBy == "date" ? plain.OrderBy(l => l.LetterDate) : plain.OrderByDescending(l => l.ClosedAt))
                    .Skip(search.Page * search.PageSize).Take(search.PageSize).ToList();
                if (search.SortBy == "date")
                {
                    actual.Items.Select(i => i.LetterDate).ShouldBe(expected.Select(l => l.LetterDate), because);
                }
                else
                {
                    actual.Items.Select(i => i.ClosedAt).ShouldBe(expected.Select(l => l.ClosedAt), because);
                }

                var byId = plain.ToDictionary(l => l.Id);
                actual.Items.ShouldAllBe(i => byId.ContainsKey(i.EntryId) && i.Masked == !byId[i.EntryId].Visible, because);
                compared += plain.Count;
            }
        }

        compared.ShouldBeGreaterThan(1000);
    }

    private sealed record PlainArchiveLine(Guid Id, DateTimeOffset ClosedAt, DateOnly LetterDate, bool Visible);

    /// <summary>The archive's rule written the plain way, on the entries alone: what the readers and the rarity look must not change.</summary>
    private static async Task<List<PlainArchiveLine>> PlainArchiveAsync(LettersDbContext db, Viewer viewer, ArchiveSearch search)
    {
        var positions = viewer.PositionIds.ToArray();
        var agency = viewer.AgencyId;
        var keeper = viewer.KeepsAgenda;
        var lines = db.ArchiveEntries.AsNoTracking()
            .Where(e => e.VisiblePositions.Any(p => positions.Contains(p)) || (keeper && e.AgencyId == agency))
            .Select(e => new { Entry = e, Visible = !keeper || e.SecurityClass == SecurityClass.Biasa || e.VisiblePositions.Any(p => positions.Contains(p)) });
        if (search.Kind is { } kind)
        {
            lines = lines.Where(x => x.Entry.Kind == kind);
        }

        if (search.Year is { } year)
        {
            lines = lines.Where(x => x.Entry.LetterDate.Year == year);
        }

        if (search.From is { } from)
        {
            lines = lines.Where(x => x.Entry.LetterDate >= from);
        }

        if (search.To is { } to)
        {
            lines = lines.Where(x => x.Entry.LetterDate <= to);
        }

        if (search.SecurityClass is { } securityClass)
        {
            lines = lines.Where(x => x.Entry.SecurityClass == securityClass);
        }

        if (search.ClassificationPrefix is { } code)
        {
            lines = lines.Where(x => x.Entry.ClassificationCode == code || x.Entry.ClassificationCode.StartsWith(code + "."));
        }

        if (search.Correspondent is { } correspondent)
        {
            lines = lines.Where(x => x.Visible && EF.Functions.ILike(x.Entry.Correspondent, "%" + correspondent + "%"));
        }

        if (search.Text is { } text)
        {
            lines = lines.Where(x => x.Entry.Number == text || (x.Visible && x.Entry.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
        }

        return await lines.Select(x => new PlainArchiveLine(x.Entry.Id, x.Entry.ClosedAt, x.Entry.LetterDate, x.Visible)).ToListAsync(Ct);
    }

    private async Task<Guid> ScalarGuidAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_module.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (Guid)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task A_giver_under_a_disposition_cancelled_afterwards_still_finds_the_letter()
    {
        // Kabid B received a disposition, disposed it further while it was unread, and then it was cancelled.
        Guid giver, letter;
        await using (var connection = new NpgsqlConnection(_module.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("""
                WITH parent AS (
                  SELECT d.id, d.letter_id, d.to_position_id FROM letters.dispositions d
                  WHERE d.parent_id IS NULL AND EXISTS (SELECT 1 FROM letters.letters l WHERE l.id = d.letter_id AND l.status = 0)
                    AND NOT EXISTS (SELECT 1 FROM letters.recipients r WHERE r.letter_id = d.letter_id AND r.position_id = d.to_position_id)
                    AND NOT EXISTS (SELECT 1 FROM letters.dispositions o WHERE o.letter_id = d.letter_id AND o.id <> d.id AND o.to_position_id = d.to_position_id)
                    AND NOT EXISTS (SELECT 1 FROM letters.dispositions c WHERE c.parent_id = d.id)
                  ORDER BY d.id LIMIT 1),
                cancelled AS (UPDATE letters.dispositions d SET status = 4, read_at = NULL, cancelled_at = d.sent_at FROM parent p WHERE d.id = p.id RETURNING d.id)
                INSERT INTO letters.dispositions (id, letter_id, parent_id, from_employee_id, from_name, from_position_id, from_title, to_position_id, to_title,
                  instructions, sent_at, status)
                SELECT gen_random_uuid(), p.letter_id, p.id, gen_random_uuid(), @giver, p.to_position_id, 'Kepala Bidang', gen_random_uuid(), 'Staf',
                  ARRAY['Laksanakan'], now(), 0
                FROM parent p
                RETURNING from_position_id, letter_id
                """, connection);
            command.Parameters.AddWithValue("giver", AddedGiver);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            (await reader.ReadAsync(Ct)).ShouldBeTrue();
            giver = reader.GetGuid(0);
            letter = reader.GetGuid(1);
        }

        var viewer = new Viewer(Guid.NewGuid(), "Kabid B", Guid.Empty, new HashSet<Guid> { giver }, KeepsAgenda: false);
        var search = new InboxSearch(null, null, null, InboxStatus.All, null, null, 0, 100, null, true);
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();

        // The rows above were written by hand; the desk refreshes the letter's entries in the same transaction, as here.
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await InboxProjection.RefreshAsync(db, [letter], Ct);
            await transaction.CommitAsync(Ct);
        }

        var plain = await PlainSearchAsync(db, viewer, search);
        plain.Ids.ShouldContain(letter);
        var page = await new InboxQueries(scope.ServiceProvider.GetRequiredService<IDbContextFactory<LettersDbContext>>(), _clock).SearchAsync(viewer, search, Ct);
        page.Total.ShouldBe(plain.Total);
        page.Items.Select(i => i.LetterId).ShouldBe(plain.Ids);
        (await ScalarAsync($"SELECT count(*) FROM letters.inbox_entries WHERE position_id = '{giver}' AND letter_id = '{letter}'")).ShouldBe(1);
    }

    private async Task<List<Viewer>> ViewersAsync()
    {
        var positions = new List<Guid>();
        await using var connection = new NpgsqlConnection(_module.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            WITH sizes AS (SELECT position_id, count(*) AS n FROM (SELECT position_id FROM letters.recipients UNION ALL SELECT to_position_id FROM letters.dispositions) t GROUP BY 1),
                 ranked AS (SELECT position_id, n, row_number() OVER (ORDER BY n DESC, position_id) AS rank, count(*) OVER () AS total FROM sizes)
            SELECT position_id FROM ranked WHERE rank <= 3 OR rank BETWEEN total / 2 AND total / 2 + 2 ORDER BY rank
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            positions.Add(reader.GetGuid(0));
        }

        // One viewer holds two positions at once (a Kabid who is also Plt. of another).
        return [.. positions.Select(p => new Viewer(Guid.NewGuid(), "Viewer", Guid.Empty, new HashSet<Guid> { p }, false)),
            new Viewer(Guid.NewGuid(), "Plt", Guid.Empty, new HashSet<Guid> { positions[1], positions[^1] }, false)];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_module.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The counters as first written: one plain query each.</summary>
    private async Task<InboxCounters> PlainCountersAsync(LettersDbContext db, Viewer viewer)
    {
        var positions = viewer.PositionIds.ToList();
        var now = _clock.GetUtcNow();
        var toMe = db.Recipients.Where(r => positions.Contains(r.PositionId));
        var dispositions = db.Dispositions.Where(d => positions.Contains(d.ToPositionId) && d.Status != DispositionStatus.Cancelled);
        return new InboxCounters(
            await toMe.CountAsync(r => r.Kind == RecipientKind.To && r.ReadAt == null, Ct),
            await toMe.CountAsync(r => r.Kind == RecipientKind.To && db.Letters.Any(l => l.Id == r.LetterId && l.Status == LetterStatus.Open)
                && !db.Dispositions.Any(d => d.LetterId == r.LetterId && d.FromPositionId == r.PositionId && d.Status != DispositionStatus.Cancelled), Ct),
            await dispositions.CountAsync(d => d.Status == DispositionStatus.Unread, Ct),
            await dispositions.CountAsync(d => d.Status == DispositionStatus.Read, Ct),
            await toMe.CountAsync(r => r.Kind == RecipientKind.Cc && r.ReadAt == null, Ct),
            await dispositions.CountAsync(d => d.Status != DispositionStatus.Done && d.Deadline != null && d.Deadline < now, Ct));
    }

    /// <summary>The inbox search as first written: the visibility rule and every filter in one plain statement.</summary>
    private static async Task<(List<Guid> Ids, int Total)> PlainSearchAsync(LettersDbContext db, Viewer viewer, InboxSearch search)
    {
        var positions = viewer.PositionIds.ToList();
        var mine = db.Letters.AsNoTracking().Where(l =>
            db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId))
            || db.Dispositions.Any(d => d.LetterId == l.Id && d.Status != DispositionStatus.Cancelled
                && (positions.Contains(d.ToPositionId) || positions.Contains(d.FromPositionId))));
        if (search.SecurityClass is { } securityClass)
        {
            mine = mine.Where(l => l.SecurityClass == securityClass);
        }

        if (search.Urgency is { } urgency)
        {
            mine = mine.Where(l => l.Urgency == urgency);
        }

        if (search.From is { } from)
        {
            mine = mine.Where(l => l.SenderDate >= from);
        }

        if (search.To is { } to)
        {
            mine = mine.Where(l => l.SenderDate <= to);
        }

        mine = search.Status switch
        {
            InboxStatus.Open => mine.Where(l => l.Status == LetterStatus.Open),
            InboxStatus.Closed => mine.Where(l => l.Status == LetterStatus.Closed),
            InboxStatus.Unread => mine.Where(l =>
                db.Recipients.Any(r => r.LetterId == l.Id && positions.Contains(r.PositionId) && r.ReadAt == null)
                || db.Dispositions.Any(d => d.LetterId == l.Id && positions.Contains(d.ToPositionId) && d.Status == DispositionStatus.Unread)),
            _ => mine,
        };

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var number = LikePattern.StartsWith(text);
            mine = mine.Where(l => EF.Property<NpgsqlTsVector>(l, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))
                || EF.Functions.ILike(l.SenderNumber, number)
                || db.Dispositions.Any(d => d.LetterId == l.Id
                    && EF.Property<NpgsqlTsVector>(d, LetterConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", text))));
        }

        var total = await mine.CountAsync(Ct);
        mine = (search.SortBy, search.Descending) switch
        {
            ("sender", false) => mine.OrderBy(l => l.Sender).ThenByDescending(l => l.ReceivedAt),
            ("received", false) => mine.OrderBy(l => l.ReceivedAt),
            _ => mine.OrderByDescending(l => l.ReceivedAt),
        };
        var ids = await mine.Skip(search.Page * search.PageSize).Take(search.PageSize).Select(l => l.Id).ToListAsync(Ct);
        return (ids, total);
    }

    /// <summary>Hashes every generated row, to compare two generations without a database.</summary>
    private sealed class HashingSink : ILetterRowSink
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Hash => Convert.ToHexString(_hash.GetCurrentHash());

        public void Letter(LetterRow row) => Add(row.ToString());

        public void Recipient(RecipientRow row) => Add(row.ToString());

        public void Disposition(DispositionRow row) => Add(row + string.Join('|', row.Instructions));

        private void Add(string text) => _hash.AppendData(Encoding.UTF8.GetBytes(text));
    }
}
