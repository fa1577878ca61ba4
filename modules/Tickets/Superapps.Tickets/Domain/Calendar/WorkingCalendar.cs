using System.Globalization;

namespace Superapps.Tickets.Domain.Calendar;

/// <summary>One day's business hours in the city's local time, e.g. 07:30–16:00.</summary>
public sealed record WorkingHours
{
    public WorkingHours(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Business hours must end after they start ({start:HH\\:mm}–{end:HH\\:mm}).");
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public TimeSpan Length => End - Start;

    /// <summary>Reads <c>07:30-16:00</c>; an empty text, <c>off</c> or <c>libur</c> is a day off (null).</summary>
    public static bool TryParse(string? text, out WorkingHours? hours)
    {
        hours = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("libur", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], ["HH:mm", "H:mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], ["HH:mm", "H:mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && end > start)
        {
            hours = new WorkingHours(start, end);
            return true;
        }

        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{End:HH\\:mm}");
}

/// <summary>Business hours for each day of the week; a day without hours is off.</summary>
public sealed class WeeklySchedule
{
    private readonly WorkingHours?[] _days = new WorkingHours?[7];

    public WeeklySchedule(IReadOnlyDictionary<DayOfWeek, WorkingHours> days)
    {
        foreach (var (day, hours) in days)
        {
            _days[(int)day] = hours;
        }

        if (_days.All(d => d is null))
        {
            throw new ArgumentException("A working week needs at least one working day.", nameof(days));
        }
    }

    /// <summary>The city government's usual hours: Monday–Thursday 07:30–16:00, Friday 07:30–16:30, weekends off.</summary>
    public static WeeklySchedule Default { get; } = new(new Dictionary<DayOfWeek, WorkingHours>
    {
        [DayOfWeek.Monday] = new(new(7, 30), new(16, 0)),
        [DayOfWeek.Tuesday] = new(new(7, 30), new(16, 0)),
        [DayOfWeek.Wednesday] = new(new(7, 30), new(16, 0)),
        [DayOfWeek.Thursday] = new(new(7, 30), new(16, 0)),
        [DayOfWeek.Friday] = new(new(7, 30), new(16, 30)),
    });

    public WorkingHours? this[DayOfWeek day] => _days[(int)day];
}

/// <summary>
/// The SLA working calendar: business hours per weekday in the city's time zone, minus the days off (public holidays and
/// cuti bersama). It answers one question, the business span of a local date as instants; the <c>BusinessClock</c> does the
/// arithmetic. Immutable, so one instance can serve every request until the entries change.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _daysOff;

    public WorkingCalendar(TimeZoneInfo timeZone, WeeklySchedule week, IEnumerable<(DateOnly First, DateOnly Last)> daysOff)
    {
        TimeZone = timeZone;
        Week = week;
        _daysOff = [];
        foreach (var (first, last) in daysOff)
        {
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                _daysOff.Add(day);
            }
        }
    }

    /// <summary>A calendar from entries (holidays, cuti bersama).</summary>
    public WorkingCalendar(TimeZoneInfo timeZone, WeeklySchedule week, IEnumerable<CalendarEntry> entries)
        : this(timeZone, week, entries.Select(e => (e.FirstDay, e.LastDay)))
    {
    }

    public TimeZoneInfo TimeZone { get; }

    public WeeklySchedule Week { get; }

    public bool IsDayOff(DateOnly day) => _daysOff.Contains(day) || Week[day.DayOfWeek] is null;

    /// <summary>The local date an instant falls on.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The business span of <paramref name="day"/> as instants, or null on a day off.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Span(DateOnly day)
    {
        if (_daysOff.Contains(day) || Week[day.DayOfWeek] is not { } hours)
        {
            return null;
        }

        return (ToInstant(day, hours.Start), ToInstant(day, hours.End));
    }

    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving jump does not exist: take the first instant after it. (WIB has no DST.)
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, TimeZone), TimeSpan.Zero);
    }
}
