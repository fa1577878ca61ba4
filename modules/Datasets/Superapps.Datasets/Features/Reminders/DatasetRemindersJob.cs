using Quartz;

namespace Superapps.Datasets.Features.Reminders;

/// <summary>Every morning at 07.00 WIB, one pass of <see cref="DatasetReminders"/>. One run at a time across all instances.</summary>
[DisallowConcurrentExecution]
public sealed class DatasetRemindersJob(DatasetReminders reminders) : IJob
{
    public const string Name = "datasets.reminders";

    /// <summary>07.00 WIB every day: before office hours, so a reminder is read the same morning.</summary>
    public const string Cron = "0 0 7 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.RunAsync(cancellationToken);
}
