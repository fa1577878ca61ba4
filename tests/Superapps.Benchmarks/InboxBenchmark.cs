using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Superapps.Benchmarks.Generation;
using Superapps.Letters;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Inbox;

namespace Superapps.Benchmarks;

/// <summary>One measured call of the inbox or the archive: what the portal does for one page view or one search.</summary>
internal sealed record Scenario(string Name, string ViewerKind, Func<LettersDbContext, TimeProvider, Viewer, Task<int>> Call)
{
    public static Scenario Inbox(string name, string viewerKind, Func<InboxQueries, Viewer, Task<int>> call) =>
        new(name, viewerKind, (db, clock, viewer) => call(new InboxQueries(new TimedContext(db), clock), viewer));

    public static Scenario Archive(string name, string viewerKind, Func<ArchiveQueries, Viewer, Task<int>> call) =>
        new(name, viewerKind, (db, _, viewer) => call(new ArchiveQueries(new TimedContext(db)), viewer));
}

/// <summary>The one context the runner created for a timed call, handed to the query (which disposes it, as it does its own).</summary>
internal sealed class TimedContext(LettersDbContext db) : IDbContextFactory<LettersDbContext>
{
    public LettersDbContext CreateDbContext() => db;
}

/// <summary>
/// A small load runner over the real <see cref="InboxQueries"/>: every call is timed on its own (a fresh DbContext per call,
/// as per request in the portal), after a warm-up, so the percentiles are per request. Calls rotate over several viewers of
/// the same kind, so one viewer's cached rows do not stand for all.
/// </summary>
internal static class InboxBenchmark
{
    private static readonly InboxSearch FirstPage = new(null, null, null, InboxStatus.All, null, null, 0, 20, null, true);

    private static readonly ArchiveSearch ArchiveFirstPage = new();

    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        .. new[] { "heaviest", "busy", "typical" }.SelectMany(kind => new Scenario[]
        {
            Scenario.Inbox("counters", kind, async (q, v) => (await q.CountersAsync(v)).UnreadLetters),
            Scenario.Inbox("first-page", kind, async (q, v) => (await q.SearchAsync(v, FirstPage)).Total),
            Scenario.Inbox("first-page-filtered", kind, async (q, v) => (await q.SearchAsync(v, FirstPage with { Urgency = Urgency.SangatSegera, Status = InboxStatus.Open })).Total),
            Scenario.Inbox("first-page-unread", kind, async (q, v) => (await q.SearchAsync(v, FirstPage with { Status = InboxStatus.Unread })).Total),
            Scenario.Inbox("search-common", kind, async (q, v) => (await q.SearchAsync(v, FirstPage with { Text = Vocabulary.CommonTerm })).Total),
            Scenario.Inbox("search-rare", kind, async (q, v) => (await q.SearchAsync(v, FirstPage with { Text = Vocabulary.RareTerm })).Total),
            Scenario.Inbox("search-number", kind, async (q, v) => (await q.SearchAsync(v, FirstPage with { Text = "005/12" })).Total),
        }),

        // The archive (letters.archive_entries): people by the positions on each entry, registry clerks by their OPD.
        .. new[] { "heaviest", "busy", "typical", "clerk" }.SelectMany(kind => new Scenario[]
        {
            Scenario.Archive("archive-first-page", kind, async (q, v) => (await q.SearchAsync(v, ArchiveFirstPage)).Total),
            Scenario.Archive("archive-search-common", kind, async (q, v) => (await q.SearchAsync(v, ArchiveFirstPage with { Text = Vocabulary.CommonTerm })).Total),
            Scenario.Archive("archive-search-rare", kind, async (q, v) => (await q.SearchAsync(v, ArchiveFirstPage with { Text = Vocabulary.RareTerm })).Total),
            Scenario.Archive("archive-filtered", kind, async (q, v) => (await q.SearchAsync(v, ArchiveFirstPage with { Year = 2025, ClassificationPrefix = "000.1" })).Total),
            Scenario.Archive("archive-correspondent", kind, async (q, v) => (await q.SearchAsync(v, ArchiveFirstPage with { Correspondent = "provinsi" })).Total),
        }),
    ];

    public static async Task<int> RunAsync(Arguments arguments, bool explain)
    {
        await using var database = await BenchmarkDatabase.StartAsync(arguments.Text("data-dir"));
        var marker = await database.MarkerAsync() ?? throw new InvalidOperationException("No generated data: run the generate command first.");
        foreach (var migration in await database.MigrateAsync())
        {
            Console.WriteLine($"Applied migration {migration} to the generated data.");
        }

        var viewers = await ViewersAsync(database);
        var only = arguments.Text("only");
        var scenarios = Scenarios.Where(s => only is null || $"{s.Name}/{s.ViewerKind}".Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var clock = new FixedClock(GeneratorOptions.Now);
        Console.WriteLine($"Data: {marker}");
        foreach (var (kind, list) in viewers)
        {
            Console.WriteLine($"{kind} viewers: {string.Join(", ", list.Select(v => v.Letters.ToString("N0", CultureInfo.InvariantCulture)))} letters each");
        }

        return explain
            ? await ExplainAsync(database, scenarios, viewers, clock)
            : await MeasureAsync(database, scenarios, viewers, clock, arguments.Int("iterations", 200), arguments.Int("warmup", 20),
                TimeSpan.FromSeconds(arguments.Int("budget-seconds", 20)), arguments.Text("out"), marker);
    }

    private static async Task<int> MeasureAsync(BenchmarkDatabase database, IReadOnlyList<Scenario> scenarios,
        Dictionary<string, List<(Viewer Viewer, long Letters)>> viewers, TimeProvider clock, int iterations, int warmup, TimeSpan budget, string? output, string marker)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var table = new StringBuilder();
        table.AppendLine("| Query | Viewer | Calls | Rows found (mean) | p50 ms | p95 ms | p99 ms | max ms |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in scenarios)
        {
            var group = viewers[scenario.ViewerKind];
            var timings = new List<double>(iterations);
            long found = 0;
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < warmup + iterations; i++)
            {
                var viewer = group[i % group.Count].Viewer;
                var watch = Stopwatch.StartNew();
                await using (var db = database.CreateContext(dataSource))
                {
                    var rows = await scenario.Call(db, clock, viewer);
                    watch.Stop();
                    if (i >= warmup)
                    {
                        found += rows;
                        timings.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                // A slow query stops after its time budget, with at least 20 measured calls.
                if (i >= warmup && spent.Elapsed > budget && timings.Count >= 20)
                {
                    break;
                }
            }

            timings.Sort();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {scenario.ViewerKind} | {timings.Count} | {found / (double)timings.Count:N0} | {Percentile(timings, 0.50):F1} | {Percentile(timings, 0.95):F1} | {Percentile(timings, 0.99):F1} | {timings[^1]:F1} |");
            table.AppendLine(line);
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine(table);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, $"{marker}\n{DateTimeOffset.UtcNow:u}\n\n{table}");
        }

        return 0;
    }

    private static async Task<int> ExplainAsync(BenchmarkDatabase database, IReadOnlyList<Scenario> scenarios,
        Dictionary<string, List<(Viewer Viewer, long Letters)>> viewers, TimeProvider clock)
    {
        var folder = Path.Combine(BenchmarkDatabase.RepositoryRoot(), "artifacts", "benchmark-plans");
        Directory.CreateDirectory(folder);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var scenario in scenarios)
        {
            var recorder = new CommandRecorder();
            var options = new DbContextOptionsBuilder<LettersDbContext>();
            options.UseModuleDatabase(dataSource, LettersDbContext.Schema);
            options.AddInterceptors(recorder);
            await using (var db = new LettersDbContext(options.Options))
            {
                await scenario.Call(db, clock, viewers[scenario.ViewerKind][0].Viewer);
            }

            var report = new StringBuilder();
            foreach (var (sql, parameters) in recorder.Commands)
            {
                await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
                command.Parameters.AddRange(parameters);
                report.AppendLine(sql).AppendLine();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    report.AppendLine(reader.GetString(0));
                }

                report.AppendLine().AppendLine(new string('-', 80));
            }

            var file = Path.Combine(folder, $"{scenario.Name}-{scenario.ViewerKind}.txt");
            await File.WriteAllTextAsync(file, report.ToString());
            var times = report.ToString().Split('\n').Where(l => l.StartsWith("Execution Time", StringComparison.Ordinal)).Select(l => l.Trim());
            Console.WriteLine($"{scenario.Name}/{scenario.ViewerKind}: {string.Join("; ", times)} -> {Path.GetRelativePath(BenchmarkDatabase.RepositoryRoot(), file)}");
        }

        return 0;
    }

    /// <summary>
    /// Heaviest: the five positions named on the most letters (the Kepala of the biggest OPDs, 40,000 to 140,000 letters).
    /// Busy: five positions named on about 5,000 letters (thousands). Typical: ten positions around the median.
    /// </summary>
    private static async Task<Dictionary<string, List<(Viewer Viewer, long Letters)>>> ViewersAsync(BenchmarkDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var sizes = new List<(Guid Position, long Letters)>();
        await using (var command = new NpgsqlCommand("""
            WITH named AS (SELECT position_id, letter_id FROM letters.recipients
                           UNION SELECT to_position_id, letter_id FROM letters.dispositions WHERE status <> 4)
            SELECT position_id, count(*) FROM named GROUP BY position_id ORDER BY count(*), position_id
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sizes.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
        }

        static List<(Viewer, long)> Viewers(IEnumerable<(Guid Position, long Letters)> chosen) =>
            [.. chosen.Select(s => (new Viewer(Guid.Empty, "Benchmark", Guid.Empty, new HashSet<Guid> { s.Position }, KeepsAgenda: false), s.Letters))];

        var heaviest = Viewers(sizes.OrderByDescending(s => s.Letters).Take(5));
        var busy = Viewers(sizes.Where(s => s.Letters is >= 2000 and <= 10000).OrderBy(s => Math.Abs(s.Letters - 5000)).Take(5));
        var typical = Viewers(sizes.Skip((sizes.Count / 2) - 5).Take(10));

        // Registry clerks of the three OPDs with the most letters: their OPD's whole archive, restricted letters masked.
        var clerks = new List<(Viewer, long)>();
        await using (var command = new NpgsqlCommand("SELECT agency_id, count(*) FROM letters.letters GROUP BY agency_id ORDER BY count(*) DESC LIMIT 3", connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                clerks.Add((new Viewer(Guid.Empty, "Benchmark", reader.GetGuid(0), new HashSet<Guid>(), KeepsAgenda: true), reader.GetInt64(1)));
            }
        }

        return new() { ["heaviest"] = heaviest, ["busy"] = busy, ["typical"] = typical, ["clerk"] = clerks };
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Keeps the SQL and parameters EF sends, to run them again under EXPLAIN.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, NpgsqlParameter[] Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) =>
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
    }
}
