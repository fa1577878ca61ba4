using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;

namespace Superapps.Tickets.Features.Sites;

/// <summary>
/// Stores what the network monitoring reports of a site (<see cref="ISiteMonitoring"/>): one statement that sets the monitored
/// columns of the site with that code, and nothing else of it (its details and <c>UpdatedAt</c> are the register's).
/// An older report than the one stored is ignored, so feeds read out of order never move a site back in time.
/// </summary>
internal sealed class SiteMonitoring(TicketsDbContext db) : ISiteMonitoring
{
    public async Task<bool> ReportStatusAsync(SiteStatusReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var code = (report.SiteCode ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length == 0 || !Enum.IsDefined(report.Status))
        {
            return false;
        }

        var latency = report.LatencyMs is { } l && double.IsFinite(l) && l >= 0 ? l : (double?)null;
        var loss = report.PacketLossPercent is { } p && double.IsFinite(p) ? Math.Clamp(p, 0, 100) : (double?)null;
        // PostgreSQL keeps instants: the feed's +07:00 times are stored as UTC.
        var reportedAt = report.ReportedAt.ToUniversalTime();
        var lastSeen = report.LastSeen?.ToUniversalTime();
        var exists = await db.Sites.AnyAsync(s => s.Code == code, cancellationToken);
        if (!exists)
        {
            return false;
        }

        await db.Sites.Where(s => s.Code == code && (s.MonitoredAt == null || s.MonitoredAt <= reportedAt))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.MonitoredStatus, report.Status)
                .SetProperty(s => s.MonitoredLastSeen, lastSeen)
                .SetProperty(s => s.MonitoredLatencyMs, latency)
                .SetProperty(s => s.MonitoredPacketLossPercent, loss)
                .SetProperty(s => s.MonitoredAt, reportedAt), cancellationToken);
        return true;
    }
}
