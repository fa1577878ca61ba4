using Microsoft.Extensions.Logging;
using Quartz;

namespace Superapps.Tickets.Features.Reports;

/// <summary>
/// Every hour, the reports' roll-up of the recent months is rebuilt from the tickets (a safety net: the saves keep it current);
/// when the roll-up is empty and tickets exist (the first start after the migration <c>TicketReportRollups</c>, or after it was
/// emptied by hand), every month is rebuilt. One run at a time across all instances; idempotent.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class TicketRollupJob(TicketReportRollups rollups, TimeProvider clock, ILogger<TicketRollupJob> logger) : IJob
{
    public const string Name = "tickets.report-rollups";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await RunAsync(cancellationToken);

    /// <summary>One pass: everything when the roll-up is empty, else the recent months. Returns the rows written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await rollups.IsEmptyAsync(cancellationToken))
        {
            var rows = await rollups.RebuildAllAsync(cancellationToken);
            LogRebuiltAll(logger, rows);
            return rows;
        }

        return await rollups.RebuildRecentAsync(clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The ticket reports' roll-up was empty: rebuilt from every ticket ({Rows} rows).")]
    private static partial void LogRebuiltAll(ILogger logger, int rows);
}
