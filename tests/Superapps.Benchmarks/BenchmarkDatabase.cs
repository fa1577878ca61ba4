using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Npgsql;
using Superapps.Benchmarks.Generation;
using Superapps.Letters;
using Superapps.Letters.Data;
using Superapps.LocalDev;

namespace Superapps.Benchmarks;

/// <summary>
/// The benchmark's private PostgreSQL cluster, kept under <c>artifacts/benchmark-db</c> (git-ignored) so the data is generated
/// once and reused by every benchmark run. The database has the real Letters migrations applied.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string DatabaseName = "letters_benchmark";

    private readonly LocalPostgresCluster _cluster;

    private BenchmarkDatabase(LocalPostgresCluster cluster)
    {
        _cluster = cluster;
        ConnectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(DatabaseName)) { CommandTimeout = 0, MaxPoolSize = 20 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchmarkDatabase> StartAsync(string? dataDirectory)
    {
        var folder = dataDirectory ?? Path.Combine(RepositoryRoot(), "artifacts", "benchmark-db");
        // The defaults of a small server otherwise; shared_buffers is raised so the working set is not read through the OS cache.
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Settings: ["shared_buffers=2GB"]));
        await cluster.EnsureDatabaseAsync(DatabaseName);
        return new BenchmarkDatabase(cluster);
    }

    /// <summary>The data set's marker, or null when the database holds no generated data.</summary>
    public async Task<string?> MarkerAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'letters'", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task SetMarkerAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"COMMENT ON SCHEMA letters IS '{marker.Replace("'", "''", StringComparison.Ordinal)}'", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops and recreates the database, for a new data set.</summary>
    public async Task RecreateAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _cluster.EnsureDatabaseAsync(DatabaseName);
    }

    /// <summary>Applies the Letters migrations that are not applied yet (new indexes are built on the existing data), then analyzes.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync()
    {
        await using var db = CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE letters.letters; ANALYZE letters.recipients; ANALYZE letters.dispositions;");
        }

        // A table a migration filled or rewrote in bulk (the inbox entries' and the archive readers' backfills) needs its
        // visibility map for index-only scans. Cheap when there is nothing to do, so it also covers a run stopped after migrating.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) letters.inbox_entries");
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) letters.archive_entries");
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) letters.archive_readers");

        return pending;
    }

    public LettersDbContext CreateContext(NpgsqlDataSource? dataSource = null)
    {
        var options = new DbContextOptionsBuilder<LettersDbContext>();
        if (dataSource is null)
        {
            options.UseModuleDatabase(ConnectionString, LettersDbContext.Schema);
        }
        else
        {
            options.UseModuleDatabase(dataSource, LettersDbContext.Schema);
        }

        return new LettersDbContext(options.Options);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Superapps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (Superapps.sln was not found above the current directory).");
    }
}

/// <summary>The <c>generate</c> command: makes the data set once; a second run with the same options does nothing.</summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var options = new GeneratorOptions(
            arguments.Int("letters", 1_000_000),
            arguments.Double("dispositions-per-letter", 5),
            arguments.Int("seed", 20261123));
        await using var database = await BenchmarkDatabase.StartAsync(arguments.Text("data-dir"));
        if (!arguments.Flag("force") && await database.MarkerAsync() == options.Marker)
        {
            Console.WriteLine($"The data set is already there ({options.Marker}); --force generates it again.");
            await database.MigrateAsync();
            return 0;
        }

        await database.RecreateAsync();
        await database.MigrateAsync();
        Console.WriteLine($"Generating: {options.Marker}");
        var summary = await LetterDataLoader.LoadAsync(database.ConnectionString, options, rebuildIndexes: true, Console.Out);
        await database.SetMarkerAsync(options.Marker);
        Console.WriteLine($"Done: {summary}");
        return 0;
    }
}
