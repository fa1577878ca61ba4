using Quartz;

namespace Superapps.Scheduling;

/// <summary>
/// A job a module declared to run again and again: every <see cref="Interval"/>, or on a <see cref="Cron"/> schedule in WIB.
/// </summary>
/// <param name="Name">Unique among all jobs, e.g. <c>letters.disposition-deadlines</c>; the job and trigger key in the store.</param>
/// <param name="JobType">A class implementing <see cref="IJob"/>, built in a dependency injection scope of its own per run.</param>
public sealed record RecurringJob(string Name, Type JobType, TimeSpan? Interval, string? Cron)
{
    /// <summary>The job and trigger group every declared job is stored under.</summary>
    public const string Group = "superapps";

    public JobKey JobKey => new(Name, Group);

    public TriggerKey TriggerKey => new(Name, Group);
}
