using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Features.Reports;

/// <summary>
/// One row of the reports' monthly roll-up (<c>tickets.ticket_monthly_stats</c>, docs/adr/0013-ticket-report-rollups.md): the
/// figures of the tickets of one OPD, site and category for one month in the city's zone. The first three counts are of the
/// tickets <b>reported</b> in the month; the rest of the tickets <b>resolved</b> in the month that are still resolved or closed
/// (their last resolution), as <see cref="TicketReports"/> buckets them. Every figure is a sum, so any set of rows adds up.
/// Rows are never edited: <see cref="TicketReportRollups"/> deletes a key's row and writes it again from the tickets.
/// </summary>
public sealed class TicketMonthlyStats
{
    /// <summary>The first day of the month, in the city's zone.</summary>
    public DateOnly Month { get; init; }

    public Guid AgencyId { get; init; }

    public Guid SiteId { get; init; }

    public TicketCategory Category { get; init; }

    /// <summary>Tickets reported in the month.</summary>
    public int Reported { get; set; }

    /// <summary>Of those, answered (first assignment) within the response target.</summary>
    public int ResponseMet { get; set; }

    /// <summary>Of those, answered at all (the response outcome is known).</summary>
    public int ResponseCounted { get; set; }

    /// <summary>Tickets whose last resolution falls in the month and that are resolved or closed now.</summary>
    public int Resolved { get; set; }

    /// <summary>Of those, resolved within the resolution target.</summary>
    public int ResolutionMet { get; set; }

    /// <summary>Of those, with a resolution outcome.</summary>
    public int ResolutionCounted { get; set; }

    /// <summary>Of those, with a business time to resolve.</summary>
    public int BusinessTimeCount { get; set; }

    /// <summary>Their business time to resolve, summed, in microseconds (PostgreSQL's precision).</summary>
    public long BusinessTimeMicroseconds { get; set; }

    /// <summary>The wall-clock time from report to resolution of every resolved ticket, summed, in microseconds.</summary>
    public long WallTimeMicroseconds { get; set; }

    /// <summary>The key of this row.</summary>
    public TicketRollupKey Key => new(Month, AgencyId, SiteId, Category);

    /// <summary>True when no ticket contributes to the row (such rows are not stored).</summary>
    public bool IsEmpty => Reported == 0 && Resolved == 0;
}

/// <summary>A roll-up row's key: month (first day, city zone), OPD, site and category.</summary>
public readonly record struct TicketRollupKey(DateOnly Month, Guid AgencyId, Guid SiteId, TicketCategory Category);
