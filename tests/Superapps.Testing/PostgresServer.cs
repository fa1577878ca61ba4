using Superapps.LocalDev;
using Xunit;

namespace Superapps.Testing;

/// <summary>
/// One private PostgreSQL cluster for a test assembly (an xunit assembly fixture), in a throw-away
/// folder under the system temp directory. Each test class asks it for a fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgresCluster? _cluster;
    private int _databases;

    public LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "superapps-tests", Guid.NewGuid().ToString("N")[..12]);
        _cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Ephemeral: true));
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix ?? "test"}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 40)].ToLowerInvariant();
        await Cluster.EnsureDatabaseAsync(name, cancellationToken: cancellationToken);
        return Cluster.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
