using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Superapps.Notifications.Contracts;
using Superapps.Modularity;
using Superapps.SharedKernel;

namespace Superapps.Testing;

/// <summary>
/// A service provider for integration tests of one or more modules against a real database,
/// with their real migrations applied.
/// </summary>
public sealed class ModuleServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ModuleServices(ServiceProvider provider, string connectionString)
    {
        _provider = provider;
        ConnectionString = connectionString;
    }

    public IServiceProvider Services => _provider;

    public string ConnectionString { get; }

    /// <summary>Builds the services, creates a fresh database and applies every registered migration.</summary>
    public static async Task<ModuleServices> CreateAsync(PostgresServer server, Action<IServiceCollection> configure, bool seedDemo = false, TimeProvider? clock = null)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton<IAuditTrail, RecordingAuditTrail>();
        configure(services);
        services.TryAddSingleton<RecordingNotifier>();
        services.TryAddSingleton<INotifier>(sp => sp.GetRequiredService<RecordingNotifier>());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.InitializeDatabaseAsync(migrate: true, seedDemo: seedDemo);
        return new ModuleServices(provider, connectionString);
    }

    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}

/// <summary>An audit trail that keeps events in memory, for asserting that an action was audited.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly List<AuditEvent> _events = [];

    public IReadOnlyList<AuditEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        lock (_events)
        {
            _events.Add(auditEvent);
        }

        return Task.CompletedTask;
    }
}
