using Quartz;

namespace Superapps.Letters.Features.Deadlines;

/// <summary>
/// Every few minutes, reminds and escalates dispositions by their deadlines (<see cref="DispositionDeadlines"/>). One run at a
/// time across all instances: the job store is clustered and this job is not concurrent.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispositionDeadlineJob(DispositionDeadlines deadlines) : IJob
{
    public const string Name = "letters.disposition-deadlines";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await deadlines.RunAsync(cancellationToken);
}
