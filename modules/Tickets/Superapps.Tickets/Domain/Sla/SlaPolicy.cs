using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain.Sla;

/// <summary>Response and resolution targets of one priority, in business time.</summary>
public sealed record SlaTarget(TimeSpan Response, TimeSpan Resolution);

/// <summary>
/// The service levels: targets per priority in business time and the share of a target after which a warning is due.
/// "Business days" in targets count <see cref="BusinessDay"/> each (Monday–Thursday's 8 h 30 min), so 3 business days are
/// 25 h 30 min of business time.
/// </summary>
public sealed class SlaPolicy
{
    public static readonly TimeSpan BusinessDay = new(8, 30, 0);

    public SlaPolicy(IReadOnlyDictionary<TicketPriority, SlaTarget> targets, double warningRatio)
    {
        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            if (!targets.TryGetValue(priority, out var target) || target.Response <= TimeSpan.Zero || target.Resolution < target.Response)
            {
                throw new ArgumentException($"{priority} needs a positive response target and a resolution target no shorter than it.", nameof(targets));
            }
        }

        if (warningRatio is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warningRatio), "The warning threshold is a share of the target between 0 and 1.");
        }

        Targets = targets;
        WarningRatio = warningRatio;
    }

    /// <summary>P1 1 h / 4 h, P2 2 h / 8 h, P3 4 h / 3 business days, P4 1 business day / 5 business days; warning at 75 %.</summary>
    public static SlaPolicy Default { get; } = new(new Dictionary<TicketPriority, SlaTarget>
    {
        [TicketPriority.P1] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        [TicketPriority.P2] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        [TicketPriority.P3] = new(TimeSpan.FromHours(4), 3 * BusinessDay),
        [TicketPriority.P4] = new(BusinessDay, 5 * BusinessDay),
    }, 0.75);

    public IReadOnlyDictionary<TicketPriority, SlaTarget> Targets { get; }

    /// <summary>The share of a target after which the clock warns (0.75: at 75 %).</summary>
    public double WarningRatio { get; }

    public SlaTarget For(TicketPriority priority) => Targets[priority];
}
