using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using Superapps.Modularity;
using Superapps.Notifications.Contracts;
using Superapps.Organization;
using Superapps.Scheduling;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Features.Sla;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The SLA job in hosts built like the portal (Quartz with its clustered store in PostgreSQL, the database initialized on start):
/// a ticket reported before a restart is warned and escalated after it, once each, by the trigger stored before the restart.
/// </summary>
/// <remarks>
/// The module's job runs on a one-second trigger here (it is declared every five minutes), counted so the test waits for runs.
/// Quartz takes the container's <see cref="TimeProvider"/> too, so the clock here runs with real time from a later Monday 09.00
/// WIB and the test moves it forward only; the margins (ten minutes and more) absorb the seconds the hosts take to stop and start.
/// </remarks>
public sealed class SlaJobRestartTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sla_job_still_fires_after_a_restart_and_warns_and_escalates_once()
    {
        var connectionString = await server.CreateDatabaseAsync("slajob", Ct);
        // A Monday 09.00 WIB ahead of the machine's clock, whole weeks later whenever the test runs: the clock only moves forward.
        var now = TimeProvider.System.GetUtcNow();
        var start = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        while (start < now.AddHours(1))
        {
            start = start.AddDays(7);
        }

        var clock = new RunningClock(start);
        var notifier = new RecordingNotifier();
        var audit = new AuditRecorder();
        var runs = new RunCounter();

        DateTimeOffset storedStart;
        Features.Reporting.ReportedTicket ticket;
        SlaPeople people;
        using (var first = BuildHost(connectionString, clock, notifier, audit, runs, seedDemo: true))
        {
            await first.StartAsync(Ct);
            await runs.WaitForAsync(1, Patience);
            people = await SlaPeople.FindAsync(first.Services);
            ticket = await people.ReportAsync(first.Services);
            storedStart = (await TriggerAsync(first)).StartTimeUtc;
            await runs.WaitForAsync(runs.Count + 1, Patience);
            await first.StopAsync(Ct);
        }

        notifier.Notices.ShouldBeEmpty("nothing is due minutes after the report");
        clock.Advance(TimeSpan.FromMinutes(100)); // 10.40: past 75 % of the 2 h response target (10.30), before the target (11.00)

        using var second = BuildHost(connectionString, clock, notifier, audit, runs, seedDemo: false);
        var before = runs.Count;
        await second.StartAsync(Ct);
        await runs.WaitForAsync(before + 2, Patience);
        var afterRestart = notifier.Notices;
        var trigger = await TriggerAsync(second);

        clock.Advance(TimeSpan.FromMinutes(40)); // 11.20: the response target (11.00) is breached
        var advanced = runs.Count;
        await runs.WaitForAsync(advanced + 2, Patience);
        await second.StopAsync(Ct);

        trigger.StartTimeUtc.ShouldBe(storedStart, "the trigger stored before the restart is the one firing after it");
        afterRestart.Select(n => n.Key).ShouldBe([$"tickets.ticket:{ticket.Id}:response-warning:P2"]);
        afterRestart[0].RecipientEmployeeIds.ShouldBe(people.Leads, ignoreOrder: true);
        notifier.Notices.Select(n => n.Key).ShouldBe([$"tickets.ticket:{ticket.Id}:response-warning:P2", $"tickets.ticket:{ticket.Id}:response-breach:P2"]);
        notifier.Notices[1].RecipientEmployeeIds.ShouldBe(people.Leads.Concat(people.Heads).Distinct(), ignoreOrder: true);
        audit.Events.Where(e => e.EntityId == ticket.Id.ToString() && e.Action.StartsWith("ticket.sla-", StringComparison.Ordinal)).Select(e => e.Action)
            .ShouldBe(["ticket.sla-warned", "ticket.sla-escalated"]);
    }

    private static async Task<ITrigger> TriggerAsync(IHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        return (await scheduler.GetTrigger(new TriggerKey(SlaJob.Name, RecurringJob.Group), Ct)).ShouldNotBeNull();
    }

    /// <summary>A host as the portal builds it, with the test's clock, notifier and audit recorder shared across restarts.</summary>
    private static IHost BuildHost(string connectionString, RunningClock clock, RecordingNotifier notifier, AuditRecorder audit, RunCounter runs, bool seedDemo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Superapps:Database:MigrateOnStartup"] = "true",
            ["Superapps:Database:SeedDemoData"] = seedDemo ? "true" : "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(audit);
        builder.Services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        builder.Services.AddSingleton<INotifier>(notifier);
        builder.Services.AddSingleton(runs);
        builder.Services.AddScheduling();
        builder.Services.AddOrganizationDirectory().AddTicketsModule();
        var declared = builder.Services.Single(d => d.ServiceType == typeof(RecurringJob) && d.ImplementationInstance is RecurringJob { Name: SlaJob.Name });
        builder.Services.Remove(declared);
        builder.Services.AddRecurringJob<CountedSlaJob>(SlaJob.Name, TimeSpan.FromSeconds(1));
        builder.Services.AddDatabaseInitialization();
        // Registered last, so every service gets it, Quartz included: its triggers then run on the same moved clock.
        builder.Services.AddSingleton<TimeProvider>(clock);
        return builder.Build();
    }
}

/// <summary>A clock that runs with real time from <paramref name="start"/>, and that a test moves forward.</summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}

/// <summary>The module's <see cref="SlaJob"/>, counting its completed runs.</summary>
[DisallowConcurrentExecution]
public sealed class CountedSlaJob(SlaWatch watch, RunCounter runs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await new SlaJob(watch).Execute(context, cancellationToken);
        runs.Ran();
    }
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
