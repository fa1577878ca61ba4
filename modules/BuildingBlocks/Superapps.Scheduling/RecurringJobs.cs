using Quartz;
using Superapps.SharedKernel;

namespace Superapps.Scheduling;

/// <summary>Stores the declared recurring jobs in the job store, leaving unchanged ones alone so that their next firing is kept.</summary>
public static class RecurringJobs
{
    /// <summary>
    /// Adds or updates each declared job and its trigger, and deletes jobs of the <see cref="RecurringJob.Group"/> that are no
    /// longer declared. An unchanged trigger is kept as it is, so a restart does not move its next firing.
    /// </summary>
    public static async Task StoreAsync(IScheduler scheduler, IReadOnlyCollection<RecurringJob> jobs, CancellationToken cancellationToken = default)
    {
        var duplicate = jobs.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The recurring job name '{duplicate.Key}' is declared more than once.");
        }

        foreach (var job in jobs)
        {
            var existing = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
            var stored = await scheduler.GetJobDetail(job.JobKey, cancellationToken);
            if (existing is not null && stored?.JobType.Type == job.JobType && SameSchedule(existing, job))
            {
                continue;
            }

            var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.JobKey).StoreDurably().Build();
            await scheduler.ScheduleJob(detail, BuildTrigger(job), ScheduleJobOptions.Replacing, cancellationToken);
        }

        var declared = jobs.Select(j => j.JobKey).ToHashSet();
        var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RecurringJob.Group), cancellationToken)).Where(k => !declared.Contains(k)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.DeleteJobs(stale, cancellationToken);
        }
    }

    private static ITrigger BuildTrigger(RecurringJob job)
    {
        var builder = TriggerBuilder.Create().WithIdentity(job.TriggerKey).ForJob(job.JobKey).StartNow();
        return job.Interval is { } interval
            ? builder.WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build()
            : builder.WithCronSchedule(job.Cron!, c => c.InTimeZone(Wib.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
    }

    private static bool SameSchedule(ITrigger trigger, RecurringJob job) => trigger switch
    {
        ISimpleTrigger simple => job.Interval == simple.RepeatInterval,
        ICronTrigger cron => job.Cron == cron.CronExpressionString && cron.TimeZone.Id == Wib.TimeZone.Id,
        _ => false,
    };
}
