using Superapps.SharedKernel;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;

namespace Superapps.Tickets.Tests;

/// <summary>The default city calendar in WIB with a few real days off of 2026, and instants written in WIB.</summary>
internal static class Calendars
{
    public static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    public static readonly (DateOnly, DateOnly)[] DaysOff2026 =
    [
        (new(2026, 3, 18), new(2026, 3, 18)), // cuti bersama Nyepi
        (new(2026, 3, 19), new(2026, 3, 19)), // Nyepi
        (new(2026, 3, 20), new(2026, 3, 20)), // cuti bersama Idul Fitri
        (new(2026, 3, 21), new(2026, 3, 22)), // Idul Fitri (a weekend)
        (new(2026, 3, 23), new(2026, 3, 24)), // cuti bersama Idul Fitri
        (new(2026, 12, 24), new(2026, 12, 24)), // cuti bersama Natal
        (new(2026, 12, 25), new(2026, 12, 25)), // Natal
    ];

    public static WorkingCalendar Wib2026 { get; } = new(Wib.TimeZone, WeeklySchedule.Default, DaysOff2026);

    public static BusinessClock Clock { get; } = new(Wib2026);

    /// <summary>An instant written in WIB.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, WibOffset);
}
