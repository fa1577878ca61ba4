using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Superapps.Benchmarks.Generation;
using Superapps.LocalDev;
using Superapps.SharedKernel;
using Superapps.Tickets;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Queue;
using Superapps.Tickets.Features.Reports;

namespace Superapps.Benchmarks;

/// <summary>One measured call against the tickets data: what the portal does for one page view, with the services it uses.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Viewer">"lead" or "technician".</param>
/// <param name="Call">The call; returns a number of rows found, to show the query did its work.</param>
internal sealed record TicketScenario(string Name, string Viewer, Func<IServiceProvider, TicketPrincipal, Task<int>> Call)
{
    public static TicketScenario Queue(string name, string viewer, Func<TicketQueue, TicketPrincipal, Task<int>> call) =>
        new(name, viewer, (services, principal) => call(services.GetRequiredService<TicketQueue>(), principal));
}

/// <summary>
/// The tickets benchmark (docs/performance.md): 200,000 generated tickets in their own private cluster under
/// <c>artifacts/benchmark-tickets-db</c> (git-ignored), the real migrations and the real <see cref="TicketQueue"/>, each call
/// timed on its own after a warm-up. The queue reads through a fresh scope and context per call, as in the portal.
/// </summary>
internal static class TicketQueueBenchmark
{
    public const string DatabaseName = "tickets_benchmark";

    private static readonly QueueSearch FirstPage = new();

    private static readonly string[] ViewerKinds = ["lead", "technician"];

    /// <summary>
    /// The scenarios, for the helpdesk lead and for a technician. The SLA reports (another part of the module) add theirs here:
    /// a <see cref="TicketScenario"/> gets the scope's services (any report service registered by <c>AddTicketsModule</c>) and
    /// the viewer, e.g. <c>new("sla-monthly", "lead", (s, v) => s.GetRequiredService&lt;SlaReports&gt;()...)</c>.
    /// </summary>
    public static IReadOnlyList<TicketScenario> Scenarios(Guid busiestAgency) =>
    [
        .. ViewerKinds.SelectMany(viewer => new[]
        {
            TicketScenario.Queue("counts", viewer, async (q, v) => (await q.CountsAsync(v, FirstPage)).Open),
            TicketScenario.Queue("first-page", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage)).Total),
            TicketScenario.Queue("status-priority", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, Status = TicketStatus.InProgress, Priority = TicketPriority.P2 })).Total),
            TicketScenario.Queue("opd", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, AgencyId = busiestAgency })).Total),
            TicketScenario.Queue("opd-open", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { AgencyId = busiestAgency })).Total),
            TicketScenario.Queue("search-common", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, Text = TicketDataGenerator.CommonTerm })).Total),
            TicketScenario.Queue("search-rare", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, Text = TicketDataGenerator.RareTerm })).Total),
            TicketScenario.Queue("search-number", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, Text = "TIK-2026-0123" })).Total),
            TicketScenario.Queue("mine", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Assignee = QueueAssignee.Mine })).Total),
            TicketScenario.Queue("mine-all", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.All, Assignee = QueueAssignee.Mine, Sort = QueueSort.Updated })).Total),
            TicketScenario.Queue("closed-newest", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.Closed, Sort = QueueSort.Newest })).Total),
            TicketScenario.Queue("closed-page-20", viewer, async (q, v) => (await q.SearchAsync(v, FirstPage with { Group = QueueGroup.Closed, Page = 20 })).Total),
        }),

        // The SLA reports (/tiket/laporan): one call builds the whole page (summary, categories, OPDs, sites, 12 months, recent).
        Report("report-month", new TicketReportFilter(Today.AddDays(1 - Today.Day), Today)),
        Report("report-year", new TicketReportFilter(Today.AddYears(-1).AddDays(1), Today)),
        Report("report-year-opd", new TicketReportFilter(Today.AddYears(-1).AddDays(1), Today, AgencyId: busiestAgency)),
        Report("report-year-category", new TicketReportFilter(Today.AddYears(-1).AddDays(1), Today, Category: TicketCategory.InternetDown)),
    ];

    private static DateOnly Today => DateOnly.FromDateTime(TicketGeneratorOptions.Now.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static TicketScenario Report(string name, TicketReportFilter filter) =>
        new(name, "lead", async (services, _) => (await services.GetRequiredService<TicketReports>().BuildAsync(filter)).Summary.Reported);

    public static async Task<int> GenerateAsync(Arguments arguments)
    {
        var options = new TicketGeneratorOptions(arguments.Int("tickets", 200_000), arguments.Int("seed", 20261123));
        await using var cluster = await StartAsync(arguments.Text("data-dir"));
        var connectionString = ConnectionString(cluster);
        if (!arguments.Flag("force") && await MarkerAsync(connectionString) == options.Marker)
        {
            Console.WriteLine($"The data set is already there ({options.Marker}); --force generates it again.");
            await using var existing = Services(connectionString);
            await MigrateAsync(existing);
            return 0;
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await cluster.EnsureDatabaseAsync(DatabaseName);
        await using var services = Services(connectionString);
        await MigrateAsync(services);
        Console.WriteLine($"Generating: {options.Marker}");
        var summary = await TicketDataGenerator.LoadAsync(connectionString, options, Console.Out);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { TicketDataGenerator.ApproximateSlaState, "VACUUM (ANALYZE) tickets.tickets", "VACUUM (ANALYZE) tickets.ticket_events", "ANALYZE tickets.sites" })
            {
                await using var vacuum = new NpgsqlCommand(sql, connection);
                await vacuum.ExecuteNonQueryAsync();
            }
        }

        // The reports' monthly roll-up, from the tickets just loaded and their SLA state (the job would do it at the portal's start).
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var rows = await scope.ServiceProvider.GetRequiredService<TicketReportRollups>().RebuildAllAsync();
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) tickets.ticket_monthly_stats");
            Console.WriteLine($"Report roll-up: {rows:N0} rows.");
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var marker = new NpgsqlCommand($"COMMENT ON SCHEMA tickets IS '{options.Marker}'", connection);
            await marker.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Done: {summary}");
        return 0;
    }

    public static async Task<int> RunAsync(Arguments arguments)
    {
        await using var cluster = await StartAsync(arguments.Text("data-dir"));
        var connectionString = ConnectionString(cluster);
        var marker = await MarkerAsync(connectionString) ?? throw new InvalidOperationException("No generated tickets: run tickets-generate first.");
        await using var services = Services(connectionString);
        foreach (var migration in await MigrateAsync(services))
        {
            Console.WriteLine($"Applied migration {migration} to the generated data.");
        }

        var (viewers, busiestAgency) = await ViewersAsync(connectionString);
        var only = arguments.Text("only");
        var scenarios = Scenarios(busiestAgency).Where(s => only is null || $"{s.Name}/{s.Viewer}".Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var iterations = arguments.Int("iterations", 200);
        var warmup = arguments.Int("warmup", 20);
        var table = new StringBuilder();
        table.AppendLine("| Query | Viewer | Calls | Rows found (mean) | p50 ms | p95 ms | p99 ms | max ms |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"Data: {marker}");
        foreach (var scenario in scenarios)
        {
            var group = viewers[scenario.Viewer];
            var timings = new List<double>(iterations);
            long found = 0;
            for (var i = 0; i < warmup + iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                var rows = await scenario.Call(services, group[i % group.Count]);
                watch.Stop();
                if (i >= warmup)
                {
                    found += rows;
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {scenario.Viewer} | {timings.Count} | {found / (double)timings.Count:N0} | {Percentile(timings, 0.50):F1} | {Percentile(timings, 0.95):F1} | {Percentile(timings, 0.99):F1} | {timings[^1]:F1} |");
            table.AppendLine(line);
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine(table);
        if (arguments.Text("out") is { } output)
        {
            await File.WriteAllTextAsync(output, $"{marker}\n{DateTimeOffset.UtcNow:u}\n\n{table}");
        }

        return 0;
    }

    private static async Task<LocalPostgresCluster> StartAsync(string? dataDirectory)
    {
        var folder = dataDirectory ?? Path.Combine(BenchmarkDatabase.RepositoryRoot(), "artifacts", "benchmark-tickets-db");
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Settings: ["shared_buffers=512MB"]));
        await cluster.EnsureDatabaseAsync(DatabaseName);
        return cluster;
    }

    private static string ConnectionString(LocalPostgresCluster cluster) =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString(DatabaseName)) { CommandTimeout = 0, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>The Tickets module's services on the benchmark database, with the generated data's "now" as the clock.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<TimeProvider>(new FixedClock(TicketGeneratorOptions.Now));
        services.AddScoped<IAuditTrail, NoAudit>();
        services.AddTicketsModule();
        return services.BuildServiceProvider();
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) tickets.tickets");
        }

        return pending;
    }

    private static async Task<string?> MarkerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'tickets'", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>The lead (assigns, rarely holds tickets) and the five technicians holding the most tickets; the OPD with the most tickets.</summary>
    private static async Task<(Dictionary<string, List<TicketPrincipal>> Viewers, Guid BusiestAgency)> ViewersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var technicians = new List<TicketPrincipal>();
        await using (var command = new NpgsqlCommand(
            "SELECT assignee_user_id FROM tickets.tickets WHERE assignee_user_id IS NOT NULL GROUP BY assignee_user_id ORDER BY count(*) DESC LIMIT 5", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                technicians.Add(new TicketPrincipal(Guid.Parse(reader.GetString(0)), "Teknisi", null, IsTechnician: true, IsHelpdeskLead: false));
            }
        }

        await using var busiest = new NpgsqlCommand("SELECT agency_id FROM tickets.tickets GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1", connection);
        var agency = (Guid)(await busiest.ExecuteScalarAsync())!;
        var lead = new TicketPrincipal(Guid.NewGuid(), "Koordinator Helpdesk", null, IsTechnician: false, IsHelpdeskLead: true);
        return (new() { ["lead"] = [lead], ["technician"] = technicians }, agency);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoAudit : IAuditTrail
    {
        public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
