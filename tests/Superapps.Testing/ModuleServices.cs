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

    /// <summary>Everything audited so far, by any scope.</summary>
    public AuditRecorder Audit => _provider.GetRequiredService<AuditRecorder>();

    /// <summary>Builds the services, creates a fresh database and applies every registered migration.</summary>
    public static async Task<ModuleServices> CreateAsync(PostgresServer server, Action<IServiceCollection> configure, bool seedDemo = false, TimeProvider? clock = null)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(clock ?? TimeProvider.System);
        // The same lifetimes as the portal's: the audit trail is scoped there (AuditModule), and the scope validation below
        // then catches a singleton that captures it. What it records is kept in the singleton AuditRecorder.
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<IAuditTrail, RecordingAuditTrail>();
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

/// <summary>
/// The audit events recorded in one test's services, in order. A singleton that every scope's <see cref="RecordingAuditTrail"/>
/// writes into, so a test reads everything audited whichever scope (request, circuit, job) did it.
/// </summary>
public sealed class AuditRecorder
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

    public void Add(AuditEvent auditEvent)
    {
        lock (_events)
        {
            _events.Add(auditEvent);
        }
    }

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }
}

/// <summary>
/// The audit trail of tests: scoped like the portal's (which writes through a scoped DbContext for the current actor), so a
/// singleton that captures it fails in tests as it would in the portal; it keeps the events in the shared <see cref="AuditRecorder"/>.
/// </summary>
public sealed class RecordingAuditTrail(AuditRecorder recorder) : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        recorder.Add(auditEvent);
        return Task.CompletedTask;
    }
}
