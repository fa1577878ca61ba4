using System.Diagnostics;
using System.Globalization;
using System.Text;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Validation;
using Superapps.Tabular;

namespace Superapps.Benchmarks;

/// <summary>
/// Validating an OPD's upload: a generated CSV of 100,000 rows and ten typed columns streams through the real
/// <see cref="UploadValidator"/> against its schema. Reports the time of each run and the process's extra peak memory.
/// Storing the rows in PostgreSQL is not part of this measurement yet (the Datasets module has no storage yet).
/// </summary>
internal static class UploadValidationBenchmark
{
    internal static readonly DatasetSchema Schema = DatasetSchema.Create([
        new("kode_wilayah", ColumnType.Text, Required: true, Key: true),
        new("kecamatan", ColumnType.Text, Required: true),
        new("kelurahan", ColumnType.Text, Required: true),
        new("jumlah_penduduk", ColumnType.WholeNumber, Required: true),
        new("laki_laki", ColumnType.WholeNumber),
        new("perempuan", ColumnType.WholeNumber),
        new("luas_km2", ColumnType.Number),
        new("kepadatan", ColumnType.Number),
        new("tanggal_data", ColumnType.Date),
        new("terverifikasi", ColumnType.Boolean),
    ]);

    private sealed class CountingSink : IValidRowSink
    {
        public long Cells { get; private set; }

        public ValueTask AddAsync(int row, IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            Cells += values.Count;
            return ValueTask.CompletedTask;
        }
    }

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var rows = arguments.Int("rows", 100_000);
        var runs = arguments.Int("iterations", 5);
        var file = Path.Combine(Path.GetTempPath(), $"superapps-upload-{rows}.csv");
        await WriteCsvAsync(file, rows);
        var length = new FileInfo(file).Length;

        // Warm-up, then a clean heap: the peak below is what validation adds to a process at rest.
        await ValidateAsync(file);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peakManaged = 0L;
        var times = new List<double>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                process.Refresh();
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var peakWorkingSet = baseline;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var report = await ValidateAsync(file);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (!report.IsValid || report.Rows != rows)
            {
                throw new InvalidOperationException($"The generated file did not validate: {report.ErrorCount} errors, {report.FileErrors.Count} file errors.");
            }

            process.Refresh();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
        }

        await sampling.CancelAsync();
        await sampler;
        times.Sort();
        var output = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| Rows | File | Runs | min ms | median ms | max ms | extra working set MB | peak managed heap MB |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture,
                $"| {rows:N0} | {length / 1024.0 / 1024.0:F1} MB | {runs} | {times[0]:F0} | {times[times.Count / 2]:F0} | {times[^1]:F0} | {(peakWorkingSet - baseline) / 1024.0 / 1024.0:F1} | {peakManaged / 1024.0 / 1024.0:F1} |");
        Console.Write(output);
        if (arguments.Text("out") is { } path)
        {
            await File.WriteAllTextAsync(path, output.ToString());
        }

        File.Delete(file);
        return 0;
    }

    private static async Task<ValidationReport> ValidateAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return await UploadValidator.ValidateAsync(stream, TabularFormat.Csv, Schema, new CountingSink());
    }

    /// <summary>A realistic population table: unique region codes, Indonesian names, decimal commas, dd/MM/yyyy dates.</summary>
    internal static async Task WriteCsvAsync(string path, int rows)
    {
        var random = new Random(20261202);
        string[] kecamatan = ["Kota Baru", "Pasar Jambi", "Telanaipura", "Danau Sipin", "Jelutung", "Jambi Selatan", "Jambi Timur", "Pelayangan", "Danau Teluk", "Alam Barajo", "Paal Merah"];
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync("kode_wilayah;kecamatan;kelurahan;jumlah_penduduk;laki_laki;perempuan;luas_km2;kepadatan;tanggal_data;terverifikasi");
        for (var i = 0; i < rows; i++)
        {
            var men = random.Next(500, 20_000);
            var women = random.Next(500, 20_000);
            var area = Math.Round(0.5 + (random.NextDouble() * 30), 2);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"15.71.{i / 100:D4}.{i % 100:D2};{kecamatan[i % kecamatan.Length]};Kelurahan {i:D6};{men + women};{men};{women};{area.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')};{((men + women) / area).ToString("0.0", CultureInfo.InvariantCulture)};{1 + (i % 28):D2}/{1 + (i % 12):D2}/2026;{(i % 3 == 0 ? "ya" : "tidak")}");
            await writer.WriteLineAsync(line);
        }
    }
}
