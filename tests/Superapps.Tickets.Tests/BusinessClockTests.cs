using Superapps.SharedKernel;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;
using static Superapps.Tickets.Tests.Calendars;

namespace Superapps.Tickets.Tests;

/// <summary>Business-time arithmetic on the city calendar (Mon–Thu 07:30–16:00, Fri 07:30–16:30, WIB), docs/adr/0011.</summary>
public sealed class BusinessClockTests
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Theory]
    // Within a day.
    [InlineData("2026-11-23 09:00", 2, "2026-11-23 11:00")]
    // Across the night: one hour on Monday, one on Tuesday.
    [InlineData("2026-11-23 15:00", 2, "2026-11-24 08:30")]
    // Friday ends at 16:30, then the weekend.
    [InlineData("2026-11-27 16:00", 1, "2026-11-30 08:00")]
    // Starting outside business hours: before opening, after closing, on a Saturday.
    [InlineData("2026-11-23 05:00", 1, "2026-11-23 08:30")]
    [InlineData("2026-11-23 20:00", 1, "2026-11-24 08:30")]
    [InlineData("2026-11-28 10:00", 1, "2026-11-30 08:30")]
    // Ending exactly at closing time stays on that day.
    [InlineData("2026-11-23 07:30", 8.5, "2026-11-23 16:00")]
    // Christmas: cuti bersama on Thursday, Natal on Friday, then the weekend.
    [InlineData("2026-12-23 15:00", 2, "2026-12-28 08:30")]
    // Idul Fitri 2026: cuti bersama and holidays from Wednesday 18 to Tuesday 24 March.
    [InlineData("2026-03-17 15:00", 2, "2026-03-25 08:30")]
    // Five business days (42 h 30 min) from Monday's opening end at 16:00 on Friday.
    [InlineData("2026-11-23 07:30", 42.5, "2026-11-27 16:00")]
    // Three weeks of business time (127.5 h) over the Christmas days off.
    [InlineData("2026-12-14 07:30", 127.5, "2027-01-05 15:00")]
    public void Adding_business_time_skips_nights_weekends_and_days_off(string start, double hours, string expected)
    {
        var due = Clock.Add(Parse(start), H(hours));

        due.ShouldBe(Parse(expected));
        Clock.Between(Parse(start), due).ShouldBe(H(hours));
    }

    [Theory]
    [InlineData("2026-11-27 16:00", "2026-11-30 08:00", 1)]
    [InlineData("2026-11-28 00:00", "2026-11-29 23:59", 0)]
    [InlineData("2026-11-23 00:00", "2026-11-24 00:00", 8.5)]
    [InlineData("2026-11-23 00:00", "2026-11-30 00:00", 43)]
    [InlineData("2026-12-21 00:00", "2026-12-28 00:00", 25.5)]
    [InlineData("2026-11-24 10:00", "2026-11-23 10:00", 0)]
    public void Counting_business_time_between_two_instants(string from, string to, double hours) =>
        Clock.Between(Parse(from), Parse(to)).ShouldBe(H(hours));

    [Fact]
    public void Adding_zero_returns_the_start_even_outside_business_hours()
    {
        var saturday = Parse("2026-11-28 10:00");

        Clock.Add(saturday, TimeSpan.Zero).ShouldBe(saturday);
        Should.Throw<ArgumentOutOfRangeException>(() => Clock.Add(saturday, TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void A_pause_spanning_days_is_not_counted_and_moves_the_due_time()
    {
        var start = Parse("2026-11-23 09:00");
        Interval[] pauses = [new(Parse("2026-11-23 10:00"), Parse("2026-11-25 10:00"))];

        // One hour on Monday before the pause, seven after it on Wednesday 10:00: six on Wednesday, one on Thursday.
        Clock.Add(start, H(8), pauses).ShouldBe(Parse("2026-11-26 08:30"));
        Clock.Between(start, Parse("2026-11-25 12:00"), pauses).ShouldBe(H(3));
    }

    [Fact]
    public void A_due_time_before_the_pause_is_not_moved_and_overlapping_pauses_count_once()
    {
        var start = Parse("2026-11-23 09:00");
        Interval[] pauses = [new(Parse("2026-11-23 13:00"), Parse("2026-11-23 15:00")), new(Parse("2026-11-23 14:00"), Parse("2026-11-24 08:30"))];

        Clock.Add(start, H(2), pauses).ShouldBe(Parse("2026-11-23 11:00"));
        Clock.Between(start, Parse("2026-11-24 09:30"), pauses).ShouldBe(H(5));
        Clock.Add(start, H(5), pauses).ShouldBe(Parse("2026-11-24 09:30"));
    }

    [Fact]
    public void While_a_pause_is_still_open_the_due_time_is_unknown()
    {
        var start = Parse("2026-11-23 09:00");
        Interval[] pauses = [new(Parse("2026-11-23 10:00"), null)];

        Clock.Add(start, H(8), pauses).ShouldBeNull();
        Clock.Add(start, H(0.5), pauses).ShouldBe(Parse("2026-11-23 09:30"));
        Clock.Between(start, Parse("2026-11-30 10:00"), pauses).ShouldBe(H(1));
    }

    [Fact]
    public void WIB_has_no_daylight_saving_now_so_every_working_day_is_as_long_as_its_hours()
    {
        // The zone's history holds old offset changes (the 1940s–1960s), none in the years the calendar covers.
        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2027, 12, 31); day = day.AddDays(1))
        {
            Wib.TimeZone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))).ShouldBe(WibOffset);
            if (Wib2026.Span(day) is { } span)
            {
                (span.End - span.Start).ShouldBe(WeeklySchedule.Default[day.DayOfWeek]!.Length);
                span.Start.ToOffset(WibOffset).TimeOfDay.ShouldBe(new TimeSpan(7, 30, 0));
            }
        }
    }

    [Fact]
    public void A_calendar_in_a_zone_with_daylight_saving_keeps_local_opening_hours()
    {
        // A city calendar is always local time; the arithmetic works in instants, so a DST change moves nothing by an hour.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var clock = new BusinessClock(new WorkingCalendar(amsterdam, WeeklySchedule.Default, Array.Empty<(DateOnly, DateOnly)>()));
        var friday = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1)); // CET; clocks go forward on Sunday 29 March

        var due = clock.Add(friday, H(1));

        due.ShouldBe(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.FromHours(2))); // CEST
        clock.Between(friday, due).ShouldBe(H(1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Adding_is_associative_and_counting_undoes_adding(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var t = RandomInstant(random);
            var a = RandomDuration(random);
            var b = RandomDuration(random);

            Clock.Add(Clock.Add(t, a), b).ShouldBe(Clock.Add(t, a + b), $"t={t:O} a={a} b={b}");
            Clock.Between(t, Clock.Add(t, a)).ShouldBe(a, $"t={t:O} a={a}");
            Clock.Add(t, a).ShouldBeGreaterThanOrEqualTo(t);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void With_pauses_counting_undoes_adding(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var t = RandomInstant(random);
            var pauses = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => RandomInstant(random))
                .Select(s => new Interval(s, s + TimeSpan.FromMinutes(random.Next(1, 5 * 24 * 60))))
                .ToList();
            var a = RandomDuration(random);

            var due = Clock.Add(t, a, pauses);

            due.ShouldNotBeNull();
            Clock.Between(t, due.Value, pauses).ShouldBe(a, $"t={t:O} a={a} pauses={string.Join(", ", pauses)}");
        }
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, WibOffset).AddMinutes(random.Next(0, 700 * 24 * 60)).AddSeconds(random.Next(0, 60));

    private static TimeSpan RandomDuration(Random random) => random.Next(0, 4) switch
    {
        0 => TimeSpan.Zero,
        1 => TimeSpan.FromMinutes(random.Next(1, 120)),
        2 => TimeSpan.FromMinutes(random.Next(1, 60 * 60)) + TimeSpan.FromSeconds(random.Next(0, 60)),
        _ => TimeSpan.FromHours(8.5 * random.Next(1, 30)),
    };

    private static DateTimeOffset Parse(string wib) =>
        DateTimeOffset.ParseExact(wib + " +07:00", "yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
