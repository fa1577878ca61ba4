using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Superapps.Scheduling;

/// <summary>
/// Starts the scheduler once the application has started, and stops it with the application. Waiting for
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/> means every hosted service's start has finished, the
/// database initialization (migrations, the scheduler's own tables) included, so the scheduler never queries tables that
/// do not exist yet, whatever order the services were registered in. It then stores the declared recurring jobs.
/// </summary>
internal sealed partial class SchedulerHost(
    ISchedulerFactory factory,
    IEnumerable<RecurringJob> jobs,
    IHostApplicationLifetime lifetime,
    IOptions<SchedulingOptions> options,
    ILogger<SchedulerHost> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _start = Task.CompletedTask;
    private IScheduler? _scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger, SchedulingOptions.Section);
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() => _start = StartSchedulerAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _start.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the scheduler finished starting.
        }

        if (_scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartSchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            _scheduler = scheduler;
            await RecurringJobs.StoreAsync(scheduler, [.. jobs], cancellationToken);
            await scheduler.Start(cancellationToken);
            LogStarted(logger, scheduler.SchedulerInstanceId, jobs.Count());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping.
        }
#pragma warning disable CA1031 // A scheduler that cannot start must stop the application, whatever the reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled work is disabled ({Section}:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler {InstanceId} started with {Count} recurring jobs.")]
    private static partial void LogStarted(ILogger logger, string instanceId, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The scheduler could not start; stopping. Are the scheduler.qrtz_* tables there (docs/operations.md)?")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
