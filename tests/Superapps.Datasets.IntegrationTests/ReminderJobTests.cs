using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.Reminders;
using Superapps.Modularity;
using Superapps.Notifications.Contracts;
using Superapps.Organization.Contracts;
using Superapps.Scheduling;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The reminders job in a host built like the portal (Quartz with its clustered store in PostgreSQL): it is declared daily at 07.00
/// WIB, and, run on a one-second trigger here and counted, it escalates a late dataset through the scheduler once.
/// </summary>
public sealed class ReminderJobTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_job_is_declared_daily_and_escalates_through_the_scheduler_once()
    {
        var connectionString = await server.CreateDatabaseAsync("remindersjob", Ct);
        // 11 December, 10.00 WIB, of a year ahead of the machine's clock: the clock only moves forward.
        var start = new DateTimeOffset(2026, 12, 11, 3, 0, 0, TimeSpan.Zero);
        while (start < TimeProvider.System.GetUtcNow().AddHours(1))
        {
            start = start.AddYears(1);
        }

        var notifier = new RecordingNotifier();
        var runs = new RunCounter();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Superapps:Database:MigrateOnStartup"] = "true" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        builder.Services.AddSingleton<INotifier>(notifier);
        builder.Services.AddSingleton(runs);
        builder.Services.AddScheduling();
        builder.Services.AddDatasetsModule().AddSingleton<IOrganizationDirectory, CityDirectory>();
        var declared = builder.Services.Single(d => d.ServiceType == typeof(RecurringJob) && d.ImplementationInstance is RecurringJob { Name: DatasetRemindersJob.Name });
        ((RecurringJob)declared.ImplementationInstance!).ShouldSatisfyAllConditions(
            j => j.JobType.ShouldBe(typeof(DatasetRemindersJob)), j => j.Cron.ShouldBe(DatasetRemindersJob.Cron));
        builder.Services.Remove(declared);
        builder.Services.AddRecurringJob<CountedRemindersJob>(DatasetRemindersJob.Name, TimeSpan.FromSeconds(1));
        builder.Services.AddDatabaseInitialization();
        builder.Services.AddSingleton<TimeProvider>(new RunningClock(start));
        using var host = builder.Build();

        await host.StartAsync(Ct);
        await runs.WaitForAsync(1, Patience);
        var dataset = SmallCity.Monthly("jumlah-sekolah", "Jumlah Sekolah", CityDirectory.Disdik.AgencyId, since: $"{start.Year}-11");
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(Ct);
        }

        await runs.WaitForAsync(runs.Count + 3, Patience);
        await host.StopAsync(Ct);

        notifier.Notices.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            n => n.Key.ShouldBe($"datasets.dataset:{dataset.Id}:{start.Year}-11:escalation"),
            n => n.RecipientEmployeeIds.ShouldBe([CityDirectory.DisdikHead.EmployeeId]));
    }
}

/// <summary>The module's <see cref="DatasetRemindersJob"/>, counting its completed runs.</summary>
[DisallowConcurrentExecution]
public sealed class CountedRemindersJob(DatasetReminders reminders, RunCounter runs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await new DatasetRemindersJob(reminders).Execute(context, cancellationToken);
        runs.Ran();
    }
}

/// <summary>A clock that runs with real time from <paramref name="start"/>.</summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
}

/// <summary>Counts runs and lets a test wait for a count, without sleeping.</summary>
public sealed class RunCounter
{
    private readonly SemaphoreSlim _signal = new(0);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Ran()
    {
        Interlocked.Increment(ref _count);
        _signal.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> runs completed; fails after <paramref name="timeout"/> without one.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        while (Count < count)
        {
            (await _signal.WaitAsync(timeout, TestContext.Current.CancellationToken)).ShouldBeTrue($"the job did not complete {count} runs in time");
        }
    }
}
