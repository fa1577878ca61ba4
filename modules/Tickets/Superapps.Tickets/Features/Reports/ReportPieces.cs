namespace Superapps.Tickets.Features.Reports;

/// <summary>An interval of instants, [From, To); empty when they are equal.</summary>
public readonly record struct InstantRange(DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// How a report reads the days <c>from</c>..<c>to</c> (ADR 0013): the roll-up months [<see cref="RollupFrom"/>,
/// <see cref="RollupTo"/>), plus the tickets of <see cref="Plus1"/> and <see cref="Plus2"/>, minus those of <see cref="Minus1"/>
/// and <see cref="Minus2"/>. A month covered in part is read from its tickets when the part is at most half of the month, else
/// as the whole month minus the rest, so at most half a month of tickets is read at each end. <see cref="Plus1"/> and
/// <see cref="Minus1"/> belong to the first month, <see cref="Plus2"/> and <see cref="Minus2"/> to the last.
/// </summary>
public sealed record ReportPieces(DateOnly RollupFrom, DateOnly RollupTo, InstantRange Plus1, InstantRange Plus2, InstantRange Minus1, InstantRange Minus2)
{
    public static ReportPieces Of(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var start = TicketRollup.Start(from, zone);
        var end = TicketRollup.Start(to.AddDays(1), zone);
        var none = new InstantRange(end, end);
        var (firstMonth, lastMonth) = (TicketRollup.MonthOf(from), TicketRollup.MonthOf(to));
        var (rollupFrom, rollupTo) = (firstMonth, lastMonth.AddMonths(1));
        var (plus1, plus2, minus1, minus2) = (none, none, none, none);
        var firstStart = TicketRollup.Start(firstMonth, zone);
        var lastEnd = TicketRollup.Start(lastMonth.AddMonths(1), zone);
        if (firstMonth == lastMonth)
        {
            if (from.Day != 1 || to.AddDays(1).Day != 1)
            {
                if (MoreThanHalf(from, to))
                {
                    (minus1, minus2) = (new InstantRange(firstStart, start), new InstantRange(end, lastEnd));
                }
                else
                {
                    (plus1, rollupTo) = (new InstantRange(start, end), rollupFrom);
                }
            }

            return new ReportPieces(rollupFrom, rollupTo, plus1, plus2, minus1, minus2);
        }

        if (from.Day != 1)
        {
            var firstEnd = TicketRollup.Start(firstMonth.AddMonths(1), zone);
            if (MoreThanHalf(from, firstMonth.AddMonths(1).AddDays(-1)))
            {
                minus1 = new InstantRange(firstStart, start);
            }
            else
            {
                (plus1, rollupFrom) = (new InstantRange(start, firstEnd), firstMonth.AddMonths(1));
            }
        }

        if (to.AddDays(1).Day != 1)
        {
            if (MoreThanHalf(lastMonth, to))
            {
                minus2 = new InstantRange(end, lastEnd);
            }
            else
            {
                (plus2, rollupTo) = (new InstantRange(TicketRollup.Start(lastMonth, zone), end), lastMonth);
            }
        }

        return new ReportPieces(rollupFrom, rollupTo, plus1, plus2, minus1, minus2);
    }

    /// <summary>True when the days <paramref name="from"/>..<paramref name="to"/> (one month) are more than half of that month.</summary>
    private static bool MoreThanHalf(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber + 1) * 2 > DateTime.DaysInMonth(from.Year, from.Month);
}
