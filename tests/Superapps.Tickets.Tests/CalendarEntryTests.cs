using Superapps.SharedKernel;
using Superapps.Tickets.Data.Seed;
using Superapps.Tickets.Domain.Calendar;

namespace Superapps.Tickets.Tests;

public sealed class CalendarEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static CalendarEntry Entry(string name, DateOnly first, DateOnly last, CalendarEntryKind kind = CalendarEntryKind.PublicHoliday) =>
        CalendarEntry.Create(Guid.NewGuid(), kind, name, first, last, false, "test", Now);

    [Fact]
    public void An_overlapping_entry_is_refused_with_a_bilingual_error_naming_the_entry_in_the_way()
    {
        var lebaran = Entry("Hari Raya Idul Fitri 1447 H", new(2026, 3, 21), new(2026, 3, 22));
        var cuti = Entry("Cuti bersama Idul Fitri", new(2026, 3, 20), new(2026, 3, 24), CalendarEntryKind.CollectiveLeave);

        var refused = Should.Throw<DomainRuleException>(() => CalendarEntry.EnsureNoOverlap([lebaran], cuti));

        refused.Error.Code.ShouldBe(CalendarErrors.OverlapCode);
        refused.Error.Indonesian.ShouldContain("Hari Raya Idul Fitri 1447 H");
        refused.Error.Indonesian.ShouldContain("21 Maret 2026");
        refused.Error.English.ShouldContain("overlap");
        refused.Error.English.ShouldContain("21 March 2026");
    }

    [Fact]
    public void Adjacent_entries_do_not_overlap_and_every_clash_is_reported()
    {
        var a = Entry("A", new(2026, 3, 20), new(2026, 3, 20));
        var b = Entry("B", new(2026, 3, 21), new(2026, 3, 22));
        var c = Entry("C", new(2026, 3, 23), new(2026, 3, 24));

        CalendarEntry.EnsureNoOverlap([a, c], b);
        Should.Throw<DomainRuleException>(() => CalendarEntry.EnsureNoOverlap([a, b, c], Entry("D", new(2026, 3, 19), new(2026, 3, 23))))
            .Errors.Count.ShouldBe(3);
    }

    [Fact]
    public void A_backwards_or_nameless_entry_is_refused_with_every_problem()
    {
        var refused = Should.Throw<DomainRuleException>(() => Entry(" ", new(2026, 3, 22), new(2026, 3, 21)));

        refused.Errors.ShouldBe([CalendarErrors.Name, CalendarErrors.Range]);
    }

    [Fact]
    public async Task The_seeded_holidays_do_not_overlap_and_match_the_2026_decree_counts()
    {
        var file = await HolidaySeeder.ReadAsync(TestContext.Current.CancellationToken);
        var entries = file.Entries.Select(e => Entry(e.Name, e.First, e.Last, e.Kind)).ToList();

        for (var i = 0; i < entries.Count; i++)
        {
            CalendarEntry.EnsureNoOverlap(entries.Take(i), entries[i]);
        }

        int Days(int year, CalendarEntryKind kind) => file.Entries.Where(e => e.First.Year == year && e.Kind == kind).Sum(e => e.Last.DayNumber - e.First.DayNumber + 1);
        Days(2026, CalendarEntryKind.PublicHoliday).ShouldBe(17);
        Days(2026, CalendarEntryKind.CollectiveLeave).ShouldBe(8);
        file.Entries.Where(e => e.First.Year == 2027).ShouldAllBe(e => e.Provisional);
        file.Entries.Where(e => e.First.Year == 2026).ShouldAllBe(e => !e.Provisional);
        file.Source.ShouldContain("SKB");
    }
}
