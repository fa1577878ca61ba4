namespace Superapps.Tickets.Contracts;

/// <summary>What the network monitoring last said of a site.</summary>
public enum MonitoredStatus
{
    /// <summary>Reachable.</summary>
    Up = 0,

    /// <summary>Reachable, with loss or high latency.</summary>
    Degraded = 1,

    /// <summary>Not reachable.</summary>
    Down = 2,
}

/// <summary>One site's status as a network monitoring system reports it.</summary>
/// <param name="SiteCode">The site's code in the sites register (e.g. <c>KEL-KOTABARU</c>); matched without regard to case.</param>
/// <param name="Status">Up, degraded or down.</param>
/// <param name="LastSeen">When the monitoring last reached the site's device.</param>
/// <param name="LatencyMs">Round-trip latency in milliseconds, when known.</param>
/// <param name="PacketLossPercent">Packet loss, 0 to 100, when known.</param>
/// <param name="ReportedAt">When the monitoring produced the report.</param>
public sealed record SiteStatusReport(string SiteCode, MonitoredStatus Status, DateTimeOffset? LastSeen, double? LatencyMs, double? PacketLossPercent, DateTimeOffset ReportedAt);

/// <summary>Takes a site's monitored status into the sites register (the last report wins; nothing else of the site changes).</summary>
public interface ISiteMonitoring
{
    /// <summary>Stores the report on the site. False when no site has that code (nothing is stored).</summary>
    Task<bool> ReportStatusAsync(SiteStatusReport report, CancellationToken cancellationToken = default);
}
