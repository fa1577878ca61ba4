using Superapps.Notifications.Contracts;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Superapps.Datasets;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Features.Uploads;
using Superapps.LocalDev;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Benchmarks;

/// <summary>
/// The Datasets benchmarks (docs/performance.md, "Datasets"), each on a fresh database in a private cluster under
/// <c>artifacts/benchmark-datasets-db</c> with the real migrations:
/// <list type="bullet">
/// <item><c>upload-ingest</c>: a generated 100,000-row CSV through the real <see cref="DatasetUploads"/> (validation while streaming and
/// binary COPY of every row, one transaction), timed per run, with the process's extra peak working set and managed heap.</item>
/// <item><c>compliance-dashboard</c>: 40 OPDs, 1,000 datasets and 24 periods of versions; the real <see cref="ComplianceQueries"/>
/// for the city's dashboard and for one OPD's drill-down, each call timed on its own after a warm-up (p50/p95/p99/max).</item>
/// </list>
/// </summary>
internal static class DatasetsBenchmark
{
    public const string DatabaseName = "datasets_benchmark";

    /// <summary>15 December 2026, 10.00 WIB: November's data was due on the 10th.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 3, 0, 0, TimeSpan.Zero);

    public static async Task<int> IngestAsync(Arguments arguments)
    {
        var rows = arguments.Int("rows", 100_000);
        var runs = arguments.Int("iterations", 3);
        await using var cluster = await StartAsync(arguments.Text("data-dir"));
        await using var services = await ServicesAsync(cluster, new BenchmarkDirectory(1));
        var agency = BenchmarkDirectory.AgencyId(0);
        var dataset = Dataset.Create("benchmark-ingest", "Penduduk per Kelurahan", null, agency, UploadValidationBenchmark.Schema,
            new UpdateSchedule(UpdateFrequency.Monthly, 10), new ReportingPeriod(UpdateFrequency.Monthly, 2026, 1), Now);
        await using (var db = await services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync())
        {
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(Path.GetTempPath(), $"superapps-ingest-{rows}.csv");
        await UploadValidationBenchmark.WriteCsvAsync(file, rows);
        var length = new FileInfo(file).Length;
        var uploader = new Uploader(Guid.CreateVersion7(), "Operator Data", agency);

        async Task<UploadResult> UploadAsync()
        {
            await using var scope = services.CreateAsyncScope();
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            var result = await scope.ServiceProvider.GetRequiredService<DatasetUploads>().UploadAsync(dataset.Id, "2026-11", stream, "penduduk.csv", uploader);
            return result.VersionId is null || result.Report.Rows != rows
                ? throw new InvalidOperationException($"The upload was refused: {result.Report.ErrorCount} errors, {result.Report.FileErrors.Count} file errors.")
                : result;
        }

        // Warm-up with a small file would not warm COPY's buffers; one whole run, then a clean heap.
        await UploadAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peakWorkingSet = baseline;
        var peakManaged = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await UploadAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)runs;
        await sampling.CancelAsync();
        await sampler;
        times.Sort();
        var output = new StringBuilder()
            .AppendLine("| Rows | File | Runs | min ms | median ms | max ms | extra working set MB | peak managed heap MB | allocated per run MB |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture,
                $"| {rows:N0} | {length / 1024.0 / 1024.0:F1} MB | {runs} | {times[0]:F0} | {times[times.Count / 2]:F0} | {times[^1]:F0} | {(peakWorkingSet - baseline) / 1024.0 / 1024.0:F1} | {peakManaged / 1024.0 / 1024.0:F1} | {allocatedPerRun / 1024.0 / 1024.0:F0} |");
        await WriteAsync(arguments, output);
        File.Delete(file);
        return 0;
    }

    public static async Task<int> DashboardAsync(Arguments arguments)
    {
        var agencies = arguments.Int("agencies", 40);
        var datasetCount = arguments.Int("datasets", 1000);
        var periods = arguments.Int("periods", 24);
        var iterations = arguments.Int("iterations", 200);
        var warmup = arguments.Int("warmup", 20);
        await using var cluster = await StartAsync(arguments.Text("data-dir"));
        var directory = new BenchmarkDirectory(agencies);
        await using var services = await ServicesAsync(cluster, directory);
        var seeding = Stopwatch.StartNew();
        var versions = await SeedAsync(services, agencies, datasetCount, periods);
        await using (var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await using var analyze = new NpgsqlCommand("ANALYZE datasets.datasets; ANALYZE datasets.versions;", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Seeded {datasetCount:N0} datasets of {agencies} OPDs with {versions:N0} versions in {seeding.Elapsed.TotalSeconds:F1} s.");
        var month = new ComplianceMonth(2026, 12);
        var output = new StringBuilder()
            .AppendLine("| Scenario | Calls | p50 ms | p95 ms | p99 ms | max ms | rows |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, call) in new (string, Func<ComplianceQueries, Task<int>>)[]
        {
            ("dashboard", async q => (await q.ReportAsync(month)).Due.Count),
            ("drill-down", async q => (await q.AgencyAsync(BenchmarkDirectory.AgencyId(0), month)).Datasets.Count),
            ("dashboard-previous-month", async q => (await q.ReportAsync(month.AddMonths(-1))).Due.Count),
        })
        {
            var times = new List<double>();
            var found = 0;
            for (var i = 0; i < warmup + iterations; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var queries = scope.ServiceProvider.GetRequiredService<ComplianceQueries>();
                var clock = Stopwatch.StartNew();
                found = await call(queries);
                if (i >= warmup)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            output.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {times.Count} | {Pct(times, 50):F1} | {Pct(times, 95):F1} | {Pct(times, 99):F1} | {times[^1]:F1} | {found:N0} |");
        }

        await WriteAsync(arguments, output);
        return 0;
    }

    private static double Pct(List<double> sorted, int percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

    /// <summary>
    /// The data: datasets spread over the OPDs, 70 % monthly, 20 % quarterly, 10 % yearly, each required for its last
    /// <paramref name="periods"/> periods. Per due period: most are uploaded (a fifth of them twice, the first returned or replaced),
    /// mostly approved, around the due date; one in ten is missing. Inserted by binary COPY.
    /// </summary>
    private static async Task<int> SeedAsync(ServiceProvider services, int agencies, int count, int periods)
    {
        var random = new Random(20261215);
        var today = DateOnly.FromDateTime(Wib.ToWib(Now).DateTime);
        var datasets = new List<Dataset>();
        for (var i = 0; i < count; i++)
        {
            var frequency = (i % 10) switch { < 7 => UpdateFrequency.Monthly, < 9 => UpdateFrequency.Quarterly, _ => UpdateFrequency.Yearly };
            var schedule = new UpdateSchedule(frequency, 5 + (i % 20));
            var since = schedule.LatestDue(today);
            for (var p = 1; p < periods; p++)
            {
                since = since.Previous();
            }

            datasets.Add(Dataset.Create($"dataset-{i:D4}", $"Dataset {i:D4}", null, BenchmarkDirectory.AgencyId(i % agencies),
                DatasetSchema.Create([new("nilai", ColumnType.WholeNumber)]), schedule, since, Now.AddYears(-3)));
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync())
        {
            db.Datasets.AddRange(datasets);
            await db.SaveChangesAsync();
        }

        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY datasets.versions (id, dataset_id, period, number, status, file_name, file_bytes, row_count, uploaded_by_id, uploaded_by_name, uploaded_at, columns) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in datasets)
            {
                var number = 0;
                foreach (var period in d.Since.Through(d.Schedule.LatestDue(today)))
                {
                    if (random.Next(10) == 0)
                    {
                        continue;
                    }

                    var due = ComplianceRules.DeadlineEnd(d.Schedule.DueOn(period));
                    if (random.Next(5) == 0)
                    {
                        await WriteVersionAsync(importer, d, period, ++number, random.Next(2) == 0 ? "Returned" : "Superseded", due.AddDays(-random.Next(1, 8)));
                        written++;
                    }

                    var status = random.Next(10) < 8 ? "Approved" : random.Next(2) == 0 ? "Submitted" : "Returned";
                    await WriteVersionAsync(importer, d, period, ++number, status, due.AddDays(random.Next(-6, 4)).AddHours(-random.Next(0, 20)));
                    written++;
                }
            }

            await importer.CompleteAsync();
        }

        return written;
    }

    private static async Task WriteVersionAsync(NpgsqlBinaryImporter importer, Dataset d, ReportingPeriod period, int number, string status, DateTimeOffset uploadedAt)
    {
        await importer.StartRowAsync();
        await importer.WriteAsync(Guid.CreateVersion7(uploadedAt), NpgsqlTypes.NpgsqlDbType.Uuid);
        await importer.WriteAsync(d.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
        await importer.WriteAsync(period.Key, NpgsqlTypes.NpgsqlDbType.Varchar);
        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Integer);
        await importer.WriteAsync(status, NpgsqlTypes.NpgsqlDbType.Varchar);
        await importer.WriteAsync("data.csv", NpgsqlTypes.NpgsqlDbType.Varchar);
        await importer.WriteAsync(1024L, NpgsqlTypes.NpgsqlDbType.Bigint);
        await importer.WriteAsync(100, NpgsqlTypes.NpgsqlDbType.Integer);
        await importer.WriteAsync(Guid.Empty, NpgsqlTypes.NpgsqlDbType.Uuid);
        await importer.WriteAsync("Operator Data", NpgsqlTypes.NpgsqlDbType.Varchar);
        await importer.WriteAsync(uploadedAt.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
        await importer.WriteAsync("[]", NpgsqlTypes.NpgsqlDbType.Jsonb);
    }

    private static async Task WriteAsync(Arguments arguments, StringBuilder output)
    {
        Console.Write(output);
        if (arguments.Text("out") is { } path)
        {
            await File.WriteAllTextAsync(path, output.ToString());
        }
    }

    /// <summary>The private cluster, with the benchmark's database created afresh: each run seeds its own data.</summary>
    private static async Task<LocalPostgresCluster> StartAsync(string? dataDirectory)
    {
        var folder = dataDirectory ?? Path.Combine(BenchmarkDatabase.RepositoryRoot(), "artifacts", "benchmark-datasets-db");
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Settings: ["shared_buffers=256MB"]));
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await cluster.EnsureDatabaseAsync(DatabaseName);
        return cluster;
    }

    private static async Task<ServiceProvider> ServicesAsync(LocalPostgresCluster cluster, BenchmarkDirectory directory)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(DatabaseName)) { CommandTimeout = 0, MaxPoolSize = 20 }.ConnectionString;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddScoped<IAuditTrail, NoAudit>();
        services.AddSingleton<INotifier, NoNotices>();
        services.AddSingleton<IOrganizationDirectory>(directory);
        services.AddDatasetsModule();
        var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return provider;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoAudit : IAuditTrail
    {
        public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>Notices (the walidata told of each upload) are not what is measured.</summary>
    private sealed class NoNotices : INotifier
    {
        public Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>OPDs "OPD 01" … with stable ids.</summary>
    private sealed class BenchmarkDirectory(int count) : TestOrganizationDirectory(
        [.. Enumerable.Range(0, count).Select(i => new AgencyProfile(AgencyId(i), $"OPD{i:D2}", $"OPD {i:D2}", $"OPD{i:D2}", AgencyKind.Dinas, true, null, null, null, null, null, null))])
    {
        public static Guid AgencyId(int index) => new($"0195d0a0-0000-7000-8000-{index:D12}");
    }
}
