using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain.Sla;

/// <summary>The ticket entered <paramref name="Status"/> at <paramref name="At"/>.</summary>
public readonly record struct StatusChange(DateTimeOffset At, TicketStatus Status);

/// <summary>Where an SLA clock stands.</summary>
public enum SlaState
{
    /// <summary>Counting, below the warning threshold.</summary>
    Running = 0,

    /// <summary>Counting, past the warning threshold.</summary>
    Warning = 1,

    /// <summary>Stopped for a while (waiting for the OPD, or resolved and awaiting confirmation), not breached.</summary>
    Paused = 2,

    /// <summary>Past the target.</summary>
    Breached = 3,

    /// <summary>Stopped within the target: responded, or resolved in time.</summary>
    Met = 4,
}

/// <summary>One SLA clock at an instant.</summary>
/// <param name="Target">The target, in business time.</param>
/// <param name="Elapsed">Business time counted so far (up to the response, or the resolution, when stopped).</param>
/// <param name="DueAt">When the target is reached if nothing pauses the clock again; null while paused before the target.</param>
/// <param name="WarnAt">When the warning threshold is reached, likewise.</param>
/// <param name="State">Running, warning, paused, breached or met.</param>
public sealed record SlaClockReading(TimeSpan Target, TimeSpan Elapsed, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, SlaState State);

/// <summary>A ticket's three clocks.</summary>
/// <param name="Response">From the report to the first assignment, business time.</param>
/// <param name="Resolution">The customer clock: from the report to the resolution, business time, paused while waiting for the OPD and while resolved.</param>
/// <param name="VendorElapsed">The vendor/ISP clock: wall-clock time spent waiting for the vendor, for the contract.</param>
public sealed record TicketSlaReading(SlaClockReading Response, SlaClockReading Resolution, TimeSpan VendorElapsed);

/// <summary>
/// Reads a ticket's SLA clocks from its status timeline (docs/adr/0011-ticket-sla-clock.md). Pure: the same timeline, policy,
/// calendar and instant always give the same reading, so jobs and pages agree.
/// </summary>
public static class TicketSla
{
    /// <summary>Statuses in which the customer (resolution) clock stands still.</summary>
    public static bool PausesCustomerClock(TicketStatus status) =>
        status is TicketStatus.WaitingForOpd or TicketStatus.Resolved or TicketStatus.Closed;

    public static TicketSlaReading Evaluate(IReadOnlyList<StatusChange> timeline, DateTimeOffset? firstResponseAt, TicketPriority priority,
        SlaPolicy policy, BusinessClock clock, DateTimeOffset now)
    {
        if (timeline.Count == 0)
        {
            throw new ArgumentException("A ticket's timeline starts with its report.", nameof(timeline));
        }

        var target = policy.For(priority);
        var reported = timeline[0].At;
        var intervals = Intervals(timeline);

        var responseEnd = firstResponseAt ?? now;
        var responseElapsed = clock.Between(reported, responseEnd);
        var responseDue = clock.Add(reported, target.Response);
        var response = new SlaClockReading(target.Response, responseElapsed, responseDue, clock.Add(reported, Scale(target.Response, policy.WarningRatio)),
            State(responseElapsed, target.Response, policy.WarningRatio, stopped: firstResponseAt is not null, paused: false));

        var pauses = intervals.Where(i => PausesCustomerClock(i.Status)).Select(i => i.Interval).ToList();
        var current = timeline[^1].Status;
        var stopped = current is TicketStatus.Resolved or TicketStatus.Closed;
        var resolutionElapsed = clock.Between(reported, now, pauses);
        var resolution = new SlaClockReading(target.Resolution, resolutionElapsed, clock.Add(reported, target.Resolution, pauses),
            clock.Add(reported, Scale(target.Resolution, policy.WarningRatio), pauses),
            State(resolutionElapsed, target.Resolution, policy.WarningRatio, stopped, paused: current == TicketStatus.WaitingForOpd));

        var vendor = intervals.Where(i => i.Status == TicketStatus.WaitingForVendor)
            .Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.Interval.EndOr(now) > i.Interval.Start ? i.Interval.EndOr(now) - i.Interval.Start : TimeSpan.Zero));

        return new TicketSlaReading(response, resolution, vendor);
    }

    /// <summary>How long the ticket stood in each status: one interval per entry, the last one open.</summary>
    public static IReadOnlyList<(TicketStatus Status, Interval Interval)> Intervals(IReadOnlyList<StatusChange> timeline) =>
        [.. timeline.Select((change, i) => (change.Status, new Interval(change.At, i + 1 < timeline.Count ? timeline[i + 1].At : null)))];

    private static SlaState State(TimeSpan elapsed, TimeSpan target, double warningRatio, bool stopped, bool paused) =>
        elapsed > target ? SlaState.Breached
        : stopped ? SlaState.Met
        : paused ? SlaState.Paused
        : elapsed >= Scale(target, warningRatio) ? SlaState.Warning
        : SlaState.Running;

    private static TimeSpan Scale(TimeSpan target, double ratio) => TimeSpan.FromTicks((long)Math.Round(target.Ticks * ratio));
}
