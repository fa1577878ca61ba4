using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using Superapps.Modularity;
using Superapps.Testing;

namespace Superapps.Scheduling.IntegrationTests;

public sealed class SchedulingTests(PostgresServer server)
{
    private static readonly string[] QuartzTables =
    [
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_execution_history", "qrtz_fired_triggers", "qrtz_job_details",
        "qrtz_job_status", "qrtz_locks", "qrtz_misfire_history", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_scheduler_state",
        "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers",
    ];

    [Fact]
    public async Task The_initializer_creates_the_scheduler_tables_on_a_fresh_database_and_can_run_again()
    {
        var connectionString = await server.CreateDatabaseAsync("sched", TestContext.Current.CancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var provider = new ServiceCollection().AddSingleton(dataSource).BuildServiceProvider();
        var initializer = new SchedulerSchemaInitializer();
        (await TablesAsync(dataSource)).ShouldBeEmpty();

        await initializer.InitializeAsync(provider, TestContext.Current.CancellationToken);
        var first = await TablesAsync(dataSource);
        await initializer.InitializeAsync(provider, TestContext.Current.CancellationToken);
        var second = await TablesAsync(dataSource);

        first.ShouldBe(QuartzTables);
        second.ShouldBe(first);
        initializer.Order.ShouldBeLessThan(100, "a migration step: runs only when the host migrates");
    }

    [Fact]
    public async Task A_recurring_job_is_stored_in_the_job_store_and_fires_in_a_scope_of_its_own()
    {
        var connectionString = await server.CreateDatabaseAsync("sched", TestContext.Current.CancellationToken);
        var probe = new Probe();
        using var host = BuildHost(connectionString, probe, s => s.AddRecurringJob<ProbeJob>("test.probe", TimeSpan.FromSeconds(1)));

        await host.StartAsync(TestContext.Current.CancellationToken);
        var runs = await probe.WaitForRunsAsync(2, TimeSpan.FromSeconds(60));
        await host.StopAsync(TestContext.Current.CancellationToken);

        runs.Count.ShouldBe(2);
        runs.Distinct().Count().ShouldBe(2, "each run gets a scope of its own");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT t.job_name, t.trigger_group, s.repeat_interval FROM scheduler.qrtz_triggers t " +
            "JOIN scheduler.qrtz_simple_triggers s USING (sched_name, trigger_name, trigger_group) WHERE t.sched_name = 'superapps'");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue("the trigger is persisted in scheduler.qrtz_triggers");
        reader.GetString(0).ShouldBe("test.probe");
        reader.GetString(1).ShouldBe(RecurringJob.Group);
        reader.GetInt64(2).ShouldBe(1000);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task Storing_the_jobs_again_keeps_an_unchanged_trigger_and_drops_jobs_no_longer_declared()
    {
        var connectionString = await server.CreateDatabaseAsync("sched", TestContext.Current.CancellationToken);
        var probe = new Probe();
        using var host = BuildHost(connectionString, probe, s => s.AddRecurringJob<ProbeJob>("test.hourly", TimeSpan.FromHours(1)));
        await host.StartAsync(TestContext.Current.CancellationToken);
        await probe.WaitForRunsAsync(1, TimeSpan.FromSeconds(60));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var hourly = new RecurringJob("test.hourly", typeof(ProbeJob), TimeSpan.FromHours(1), null);
        var before = (await scheduler.GetTrigger(hourly.TriggerKey, TestContext.Current.CancellationToken))!.NextFireTimeUtc;

        await RecurringJobs.StoreAsync(scheduler, [hourly], TestContext.Current.CancellationToken);
        var after = (await scheduler.GetTrigger(hourly.TriggerKey, TestContext.Current.CancellationToken))!.NextFireTimeUtc;
        await RecurringJobs.StoreAsync(scheduler, [new RecurringJob("test.daily", typeof(ProbeJob), null, "0 0 7 * * ?")], TestContext.Current.CancellationToken);
        var remaining = await scheduler.GetTrigger(hourly.TriggerKey, TestContext.Current.CancellationToken);
        var daily = await scheduler.GetTrigger(new TriggerKey("test.daily", RecurringJob.Group), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        after.ShouldBe(before, "an unchanged trigger keeps its next firing across restarts");
        remaining.ShouldBeNull();
        daily.ShouldBeAssignableTo<ICronTrigger>()!.TimeZone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(7));
    }

    /// <summary>
    /// A host as the portal builds it, with the scheduler registered before the database initialization on purpose: the
    /// scheduler must still wait for the tables.
    /// </summary>
    private static IHost BuildHost(string connectionString, Probe probe, Action<IServiceCollection> jobs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Superapps:Database:MigrateOnStartup"] = "true" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddScheduling();
        jobs(builder.Services);
        builder.Services.AddSingleton(probe);
        builder.Services.AddScoped<ScopedMarker>();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddDatabaseInitialization();
        return builder.Build();
    }

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'scheduler' ORDER BY table_name");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

public sealed class ScopedMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>Counts the probe job's runs and lets a test wait for them, without sleeping.</summary>
public sealed class Probe
{
    private readonly List<Guid> _runs = [];
    private readonly SemaphoreSlim _signal = new(0);

    public void Ran(Guid scope)
    {
        lock (_runs)
        {
            _runs.Add(scope);
        }

        _signal.Release();
    }

    /// <summary>Waits until the job ran <paramref name="count"/> times and returns each run's scope id; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Guid>> WaitForRunsAsync(int count, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            (await _signal.WaitAsync(timeout, TestContext.Current.CancellationToken)).ShouldBeTrue($"the job did not run {count} times within {timeout}");
        }

        lock (_runs)
        {
            return [.. _runs.Take(count)];
        }
    }
}

[DisallowConcurrentExecution]
public sealed class ProbeJob(Probe probe, ScopedMarker scoped) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        probe.Ran(scoped.Id);
        return ValueTask.CompletedTask;
    }
}
