using Superapps.Tickets.Domain.Calendar;

namespace Superapps.Tickets.Domain.Sla;

/// <summary>A stretch of time; an open end means "still going".</summary>
public readonly record struct Interval(DateTimeOffset Start, DateTimeOffset? End)
{
    public DateTimeOffset EndOr(DateTimeOffset now) => End ?? now;
}

/// <summary>
/// Arithmetic in business time on a <see cref="WorkingCalendar"/> (docs/adr/0011-ticket-sla-clock.md): only the business
/// hours of working days count; nights, weekends, public holidays and cuti bersama do not. Pure and exact to the tick, so
/// <c>Add(Add(t, a), b) == Add(t, a + b)</c> and <c>Between(t, Add(t, a)) == a</c> for any instant and durations.
/// </summary>
public sealed class BusinessClock(WorkingCalendar calendar)
{
    /// <summary>How far ahead an addition may look before it gives up (a calendar without working days never ends).</summary>
    private const int MaxDays = 3660;

    public WorkingCalendar Calendar { get; } = calendar;

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="start"/>. Adding zero returns the start itself;
    /// a start outside business hours counts from the next business hour. A result is never later than needed: it may be the end of a span.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = duration;
        var day = Calendar.LocalDate(start);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (Calendar.Span(day) is not { } span)
            {
                continue;
            }

            var from = start > span.Start ? start : span.Start;
            if (from >= span.End)
            {
                continue;
            }

            var available = span.End - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"The calendar has no business time within {MaxDays} days of {start:O}.");
    }

    /// <summary>Business time from <paramref name="from"/> to <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        for (var day = Calendar.LocalDate(from); day <= Calendar.LocalDate(to); day = day.AddDays(1))
        {
            if (Calendar.Span(day) is not { } span)
            {
                continue;
            }

            var start = from > span.Start ? from : span.Start;
            var end = to < span.End ? to : span.End;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Business time from <paramref name="from"/> to <paramref name="to"/> that falls outside every pause.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to, IEnumerable<Interval> pauses)
    {
        var total = Between(from, to);
        foreach (var pause in Merge(pauses))
        {
            var start = pause.Start > from ? pause.Start : from;
            var end = pause.EndOr(to) < to ? pause.EndOr(to) : to;
            total -= Between(start, end);
        }

        return total;
    }

    /// <summary>
    /// The instant <paramref name="duration"/> of business time after <paramref name="start"/>, not counting the pauses; null when
    /// the clock stands in a pause that has not ended before the duration is used up (the due time is not known yet).
    /// </summary>
    public DateTimeOffset? Add(DateTimeOffset start, TimeSpan duration, IEnumerable<Interval> pauses)
    {
        var cursor = start;
        var remaining = duration;
        foreach (var pause in Merge(pauses))
        {
            if (pause.End is { } end && end <= cursor)
            {
                continue;
            }

            var due = Add(cursor, remaining);
            if (due <= pause.Start)
            {
                return due;
            }

            if (pause.Start > cursor)
            {
                remaining -= Between(cursor, pause.Start);
            }

            if (pause.End is not { } resume)
            {
                return null;
            }

            cursor = resume;
        }

        return Add(cursor, remaining);
    }

    /// <summary>Sorts and joins overlapping or touching pauses; an open pause swallows every later one.</summary>
    private static List<Interval> Merge(IEnumerable<Interval> pauses)
    {
        var merged = new List<Interval>();
        foreach (var pause in pauses.Where(p => p.End is null || p.End > p.Start).OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && (merged[^1].End is null || merged[^1].End >= pause.Start))
            {
                var last = merged[^1];
                merged[^1] = last with { End = last.End is null || pause.End is null ? null : (last.End > pause.End ? last.End : pause.End) };
                continue;
            }

            merged.Add(pause);
        }

        return merged;
    }
}
