using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Features.Reports;

/// <summary>What of a ticket the reports read: when it was reported and last resolved, where, what, and its SLA outcomes.</summary>
public sealed record TicketFacts(DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, TicketStatus Status, Guid AgencyId, Guid SiteId,
    TicketCategory Category, bool? ResponseMet, bool? ResolutionMet, TimeSpan? ResolutionBusinessTime)
{
    /// <summary>Counts as resolved (on <see cref="ResolvedAt"/>) while resolved or closed; a reopened ticket drops out.</summary>
    public bool CountsAsResolved => ResolvedAt is not null && Status is TicketStatus.Resolved or TicketStatus.Closed;
}

/// <summary>
/// The monthly roll-up's arithmetic, pure: which rows a ticket contributes to and what a set of tickets adds up to. The same
/// rules as the raw aggregation of <see cref="TicketReports"/>: counts of reports by the month reported, resolutions and their
/// outcomes and times by the month of the last resolution, months in the city's zone.
/// </summary>
public static class TicketRollup
{
    /// <summary>The first day of the month <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The first day of the month of <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Midnight at the start of <paramref name="day"/> in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The rows a ticket contributes to: the month it was reported, and the month of its last resolution while it counts as resolved.</summary>
    public static IEnumerable<TicketRollupKey> KeysOf(TicketFacts ticket, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        yield return new TicketRollupKey(MonthOf(ticket.CreatedAt, zone), ticket.AgencyId, ticket.SiteId, ticket.Category);
        if (ticket.CountsAsResolved)
        {
            yield return new TicketRollupKey(MonthOf(ticket.ResolvedAt!.Value, zone), ticket.AgencyId, ticket.SiteId, ticket.Category);
        }
    }

    /// <summary>The rows <paramref name="tickets"/> add up to (only those with a ticket in them).</summary>
    public static Dictionary<TicketRollupKey, TicketMonthlyStats> Aggregate(IEnumerable<TicketFacts> tickets, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var rows = new Dictionary<TicketRollupKey, TicketMonthlyStats>();
        foreach (var ticket in tickets)
        {
            var reported = Row(rows, new TicketRollupKey(MonthOf(ticket.CreatedAt, zone), ticket.AgencyId, ticket.SiteId, ticket.Category));
            reported.Reported++;
            reported.ResponseMet += ticket.ResponseMet == true ? 1 : 0;
            reported.ResponseCounted += ticket.ResponseMet is null ? 0 : 1;
            if (!ticket.CountsAsResolved)
            {
                continue;
            }

            var resolved = Row(rows, new TicketRollupKey(MonthOf(ticket.ResolvedAt!.Value, zone), ticket.AgencyId, ticket.SiteId, ticket.Category));
            resolved.Resolved++;
            resolved.ResolutionMet += ticket.ResolutionMet == true ? 1 : 0;
            resolved.ResolutionCounted += ticket.ResolutionMet is null ? 0 : 1;
            if (ticket.ResolutionBusinessTime is { } business)
            {
                resolved.BusinessTimeCount++;
                resolved.BusinessTimeMicroseconds += Microseconds(business);
            }

            resolved.WallTimeMicroseconds += Microseconds(ticket.ResolvedAt.Value - ticket.CreatedAt);
        }

        return rows;
    }

    /// <summary>Whole microseconds, as PostgreSQL keeps times.</summary>
    public static long Microseconds(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMicrosecond;

    private static TicketMonthlyStats Row(Dictionary<TicketRollupKey, TicketMonthlyStats> rows, TicketRollupKey key)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            row = new TicketMonthlyStats { Month = key.Month, AgencyId = key.AgencyId, SiteId = key.SiteId, Category = key.Category };
            rows[key] = row;
        }

        return row;
    }
}
