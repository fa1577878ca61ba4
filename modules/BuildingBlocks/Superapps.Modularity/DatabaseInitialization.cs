using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Superapps.Modularity;

/// <summary>One step of preparing the database: applying a module's migrations, or seeding data.</summary>
public interface IDatabaseInitializer
{
    /// <summary>Lower runs first. Migrations use 0..99, reference data 100..199, demo data 200 and up.</summary>
    int Order { get; }

    string Name { get; }

    Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Applies a module's EF Core migrations.</summary>
public sealed class MigrationsInitializer<TContext>(int order) : IDatabaseInitializer
    where TContext : DbContext
{
    public int Order { get; } = order;

    public string Name => $"migrations:{typeof(TContext).Name}";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var context = services.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Settings of the database and how it is prepared on start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Superapps:Database";

    /// <summary>Apply migrations when the host starts (the embedded development setup and tests).
    /// Production applies an idempotent script or a migrations bundle instead; see docs/operations.md.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed the demo city (organisation, users, sample records) when the host starts.</summary>
    public bool SeedDemoData { get; set; }
}

public static class DatabaseInitializationExtensions
{
    /// <summary>Registers a module's migrations to run on start when <see cref="DatabaseOptions.MigrateOnStartup"/> is set.</summary>
    public static IServiceCollection AddMigrationsInitializer<TContext>(this IServiceCollection services, int order)
        where TContext : DbContext
    {
        services.AddSingleton<IDatabaseInitializer>(new MigrationsInitializer<TContext>(order));
        return services;
    }

    /// <summary>Runs every registered <see cref="IDatabaseInitializer"/> before the host serves requests.</summary>
    public static IServiceCollection AddDatabaseInitialization(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DatabaseInitializationService>());
        return services;
    }

    /// <summary>Runs the initializers now, in order, under a PostgreSQL advisory lock so that
    /// two processes starting together do not migrate or seed the same schema at once.
    /// Migrations (order below 100) run when <paramref name="migrate"/> is set; reference data (100–199:
    /// roles, clients from configuration) always runs and is idempotent; demo data (200 and up) only when asked.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, bool migrate, bool seedDemo, CancellationToken cancellationToken = default)
    {
        var initializers = services.GetServices<IDatabaseInitializer>()
            .Where(i => (migrate && i.Order < 100) || i.Order is >= 100 and < 200 || (seedDemo && i.Order >= 200))
            .OrderBy(i => i.Order)
            .ToList();
        if (initializers.Count == 0)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Superapps.DatabaseInitialization");
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(7452001)", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var initializer in initializers)
            {
                await using var scope = services.CreateAsyncScope();
                logger.LogInformation("Database step {Step}", initializer.Name);
                await initializer.InitializeAsync(scope.ServiceProvider, cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(7452001)", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DatabaseInitializationService(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            services.InitializeDatabaseAsync(options.Value.MigrateOnStartup, options.Value.SeedDemoData, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
