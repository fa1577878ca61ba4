using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Features.Calendar;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The SLA calendar on PostgreSQL: seeded holidays, overlaps refused by the check and by the exclusion constraint.</summary>
public sealed class CalendarTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Wib(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_holidays_are_seeded_once_and_the_business_clock_skips_them()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var calendar = harness.Get<TicketCalendar>();

        var entries2026 = await calendar.EntriesOfYearAsync(2026, Ct);
        entries2026.Count.ShouldBe(23);
        (await calendar.EntriesOfYearAsync(2027, Ct)).ShouldAllBe(e => e.IsProvisional);

        // Seeding again (a second start) adds nothing.
        await Superapps.Modularity.DatabaseInitializationExtensions.InitializeDatabaseAsync(harness.Services.Services, migrate: true, seedDemo: false, Ct);
        (await harness.Get<TicketsDbContext>().CalendarEntries.CountAsync(Ct)).ShouldBe(23 + 16);

        var clock = await calendar.ClockAsync(Ct);
        clock.Add(Wib(2026, 12, 23, 15), TimeSpan.FromHours(2)).ShouldBe(Wib(2026, 12, 28, 8, 30));
        clock.Add(Wib(2026, 12, 31, 15), TimeSpan.FromHours(2)).ShouldBe(Wib(2027, 1, 4, 8, 30));
    }

    [Fact]
    public async Task An_overlapping_entry_is_refused_with_a_clear_error_and_the_existing_one_is_kept()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var calendar = harness.Get<TicketCalendar>();

        var refused = await Should.ThrowAsync<DomainRuleException>(() => calendar.AddAsync(
            new NewCalendarEntry(CalendarEntryKind.LocalDayOff, "HUT Kota", new(2026, 12, 24), new(2026, 12, 28)), "Admin", Ct));

        refused.Errors.Select(e => e.Code).ShouldBe([CalendarErrors.OverlapCode, CalendarErrors.OverlapCode]);
        refused.Errors[0].Indonesian.ShouldContain("Cuti bersama Hari Raya Natal");
        refused.Errors[1].English.ShouldContain("Hari Raya Natal");
        var kept = await calendar.EntriesOfYearAsync(2026, Ct);
        kept.Count.ShouldBe(23);
        kept.ShouldNotContain(e => e.Name == "HUT Kota");

        var added = await calendar.AddAsync(new NewCalendarEntry(CalendarEntryKind.LocalDayOff, "HUT Kota", new(2026, 12, 28), new(2026, 12, 28)), "Admin",
            Ct);
        harness.Audit.Events.ShouldContain(e => e.Action == "calendar.entry-added" && e.EntityId == added.Id.ToString());
    }

    [Fact]
    public async Task The_database_refuses_overlaps_the_check_did_not_see_and_two_administrators_at_once_get_one_entry()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var now = harness.Clock.GetUtcNow();

        // Straight into the table, bypassing the domain check: the exclusion constraint refuses it.
        var db = harness.Get<TicketsDbContext>();
        db.CalendarEntries.Add(CalendarEntry.Create(Guid.NewGuid(), CalendarEntryKind.LocalDayOff, "Bentrok", new(2026, 8, 16), new(2026, 8, 18), false, "test", now));
        var violation = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        violation.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.ExclusionViolation);

        using var start = new ManualResetEventSlim(false);
        var attempts = new[] { ("Pilkada", new DateOnly(2026, 11, 25)), ("Pilkada ulang", new DateOnly(2026, 11, 25)) }.Select(a => Task.Run(async () =>
        {
            await using var scope = harness.NewScope();
            var calendar = scope.ServiceProvider.GetRequiredService<TicketCalendar>();
            start.Wait(Ct);
            try
            {
                await calendar.AddAsync(new NewCalendarEntry(CalendarEntryKind.LocalDayOff, a.Item1, a.Item2, a.Item2), "Admin", Ct);
                return null;
            }
            catch (DomainRuleException ex)
            {
                return ex.Error;
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null)!.Code.ShouldBe(CalendarErrors.OverlapCode);
        await using var read = harness.NewScope();
        (await read.ServiceProvider.GetRequiredService<TicketsDbContext>().CalendarEntries
            .CountAsync(e => e.FirstDay == new DateOnly(2026, 11, 25), Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_or_removing_a_day_off_recomputes_the_stored_due_times_of_open_tickets_only()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        var reporting = harness.Get<Superapps.Tickets.Features.Reporting.TicketReporting>();
        var desk = harness.Get<Superapps.Tickets.Features.Desk.TicketDesk>();
        // Monday 23 November 09.00 WIB: a P4 ticket (response 8 h 30 min: due Tuesday 09.00), and one resolved at once.
        var open = await reporting.ReportAsync(new(site.Id, Superapps.Tickets.Contracts.TicketCategory.Other, "Printer jaringan mati."), TicketsHarness.Reporter, Ct);
        var done = await reporting.ReportAsync(new(site.Id, Superapps.Tickets.Contracts.TicketCategory.Other, "Printer lantai 2 mati."), TicketsHarness.Reporter, Ct);
        await desk.TakeAsync(done.Id, TicketsHarness.Technician, Ct);
        await desk.StartAsync(done.Id, TicketsHarness.Technician, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await desk.ResolveAsync(done.Id, TicketsHarness.Technician, "Kertas macet.", Ct);

        async Task<Superapps.Tickets.Domain.Ticket> Saved(Guid id)
        {
            await using var scope = harness.NewScope();
            return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
        }

        var before = await Saved(open.Id);
        before.ResponseDueAt.ShouldBe(Wib(2026, 11, 24, 9));
        var resolvedBefore = await Saved(done.Id);
        harness.Audit.Clear();

        // Tuesday becomes a day off: the open ticket's response falls due on Wednesday; the resolved ticket is left as it was.
        var calendar = harness.Get<TicketCalendar>();
        var entry = await calendar.AddAsync(new NewCalendarEntry(CalendarEntryKind.LocalDayOff, "Pilkada", new(2026, 11, 24), new(2026, 11, 24)), "Admin", Ct);
        var moved = await Saved(open.Id);
        moved.ResponseDueAt.ShouldBe(Wib(2026, 11, 25, 9));
        moved.ResponseWarnAt.ShouldBe(before.ResponseWarnAt); // 75 % of the target falls on Monday 15.22.30 either way
        moved.ResolutionDueAt.ShouldNotBeNull().ShouldBeGreaterThan(before.ResolutionDueAt!.Value);
        var resolvedAfter = await Saved(done.Id);
        resolvedAfter.Version.ShouldBe(resolvedBefore.Version);
        resolvedAfter.ResolutionBusinessTime.ShouldBe(resolvedBefore.ResolutionBusinessTime);

        // Removed again (from another scope, as the page's circuit would): back to Tuesday.
        await using (var scope = harness.NewScope())
        {
            await scope.ServiceProvider.GetRequiredService<TicketCalendar>().RemoveAsync(entry.Id, Ct);
        }

        var back = await Saved(open.Id);
        back.ResponseDueAt.ShouldBe(before.ResponseDueAt);
        back.ResponseWarnAt.ShouldBe(before.ResponseWarnAt);
        back.ResolutionDueAt.ShouldBe(before.ResolutionDueAt);
        harness.Audit.Events.Select(e => e.Action).ShouldBe(["calendar.entry-added", "calendar.entry-removed"]);
        harness.Audit.Events.ShouldAllBe(e => e.Data!.ToString()!.Contains("recomputedTickets = 1"));
    }
}
