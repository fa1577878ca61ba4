using Quartz;

namespace Superapps.Tickets.Features.Sla;

/// <summary>Every few minutes, one pass of <see cref="SlaWatch"/>: SLA warnings, escalations and automatic closes. One run at a time across all instances.</summary>
[DisallowConcurrentExecution]
public sealed class SlaJob(SlaWatch watch) : IJob
{
    public const string Name = "tickets.sla";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await watch.RunAsync(cancellationToken);
}
