using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Modularity;

namespace Superapps.Scheduling;

/// <summary>
/// Creates the Quartz job store's tables in the <c>scheduler</c> schema when they are missing (idempotent DDL, see
/// <c>quartz-postgres.sql</c>). A migration step: it runs with the modules' migrations, when the host migrates on start.
/// </summary>
public sealed class SchedulerSchemaInitializer : IDatabaseInitializer
{
    /// <summary>The schema holding Quartz's tables.</summary>
    public const string Schema = "scheduler";

    /// <summary>The table prefix Quartz is configured with: schema-qualified.</summary>
    public const string TablePrefix = Schema + ".qrtz_";

    public int Order => 5;

    public string Name => "scheduler-tables";

    /// <summary>The DDL, as shipped in this assembly (also the script to apply by hand in production).</summary>
    public static string Script()
    {
        using var stream = typeof(SchedulerSchemaInitializer).Assembly.GetManifestResourceStream("Superapps.Scheduling.quartz-postgres.sql")
            ?? throw new InvalidOperationException("The scheduler's schema script is not embedded in Superapps.Scheduling.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(Script());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
