using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sla;
using static Superapps.Tickets.Tests.Calendars;

namespace Superapps.Tickets.Tests;

/// <summary>A ticket's response, resolution and vendor clocks read from its timeline (docs/adr/0011).</summary>
public sealed class TicketSlaTests
{
    private static readonly DateTimeOffset Reported = At(2026, 11, 23, 9); // Monday 09.00 WIB

    private static TicketSlaReading Read(TicketPriority priority, DateTimeOffset now, DateTimeOffset? responded, params (DateTimeOffset At, TicketStatus Status)[] changes) =>
        TicketSla.Evaluate([new StatusChange(Reported, TicketStatus.New), .. changes.Select(c => new StatusChange(c.At, c.Status))], responded, priority,
            SlaPolicy.Default, Clock, now);

    [Fact]
    public void The_response_clock_runs_until_the_first_assignment()
    {
        var waiting = Read(TicketPriority.P1, At(2026, 11, 23, 9, 50), null);
        var late = Read(TicketPriority.P1, At(2026, 11, 23, 10, 1), null);
        var answered = Read(TicketPriority.P1, At(2026, 11, 23, 15), At(2026, 11, 23, 9, 30), (At(2026, 11, 23, 9, 30), TicketStatus.Assigned));

        waiting.Response.State.ShouldBe(SlaState.Warning);
        waiting.Response.DueAt.ShouldBe(At(2026, 11, 23, 10));
        waiting.Response.WarnAt.ShouldBe(At(2026, 11, 23, 9, 45));
        late.Response.State.ShouldBe(SlaState.Breached);
        answered.Response.State.ShouldBe(SlaState.Met);
        answered.Response.Elapsed.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Waiting_for_the_OPD_pauses_the_customer_clock_across_days_and_the_due_time_moves()
    {
        // P2: 8 business hours. One hour of work, then two days waiting for the OPD, then work again.
        var assigned = At(2026, 11, 23, 9, 10);
        (DateTimeOffset, TicketStatus)[] changes =
        [
            (assigned, TicketStatus.Assigned), (At(2026, 11, 23, 9, 20), TicketStatus.InProgress),
            (At(2026, 11, 23, 10), TicketStatus.WaitingForOpd), (At(2026, 11, 25, 10), TicketStatus.InProgress),
        ];

        var paused = Read(TicketPriority.P2, At(2026, 11, 24, 15), assigned, changes[..3]);
        var resumed = Read(TicketPriority.P2, At(2026, 11, 25, 12), assigned, changes);

        paused.Resolution.State.ShouldBe(SlaState.Paused);
        paused.Resolution.DueAt.ShouldBeNull();
        paused.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(1));
        resumed.Resolution.State.ShouldBe(SlaState.Running);
        resumed.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(3));
        resumed.Resolution.DueAt.ShouldBe(At(2026, 11, 26, 8, 30));
        resumed.Resolution.WarnAt.ShouldBe(At(2026, 11, 25, 15));
    }

    [Fact]
    public void Waiting_for_the_vendor_keeps_the_customer_clock_running_and_counts_vendor_time_on_the_wall_clock()
    {
        // P1: 4 business hours. The ISP is waited for from Monday 11.00 to Tuesday 09.00: 22 hours on the wall clock.
        (DateTimeOffset, TicketStatus)[] changes =
        [
            (At(2026, 11, 23, 9, 5), TicketStatus.Assigned), (At(2026, 11, 23, 9, 10), TicketStatus.InProgress),
            (At(2026, 11, 23, 11), TicketStatus.WaitingForVendor), (At(2026, 11, 24, 9), TicketStatus.InProgress),
        ];

        var reading = Read(TicketPriority.P1, At(2026, 11, 24, 10), At(2026, 11, 23, 9, 5), changes);
        var stillWaiting = Read(TicketPriority.P1, At(2026, 11, 23, 23), At(2026, 11, 23, 9, 5), changes[..3]);

        reading.VendorElapsed.ShouldBe(TimeSpan.FromHours(22));
        reading.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(7) + TimeSpan.FromHours(2.5));
        reading.Resolution.State.ShouldBe(SlaState.Breached);
        reading.Resolution.DueAt.ShouldBe(At(2026, 11, 23, 13));
        stillWaiting.VendorElapsed.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public void Resolving_stops_the_clock_and_reopening_continues_it_where_it_stood()
    {
        (DateTimeOffset, TicketStatus)[] resolved =
        [
            (At(2026, 11, 23, 9, 30), TicketStatus.Assigned), (At(2026, 11, 23, 10), TicketStatus.InProgress),
            (At(2026, 11, 23, 12), TicketStatus.Resolved),
        ];
        (DateTimeOffset, TicketStatus)[] reopened = [.. resolved, (At(2026, 11, 25, 9), TicketStatus.Reopened)];

        var met = Read(TicketPriority.P2, At(2026, 11, 25, 8), At(2026, 11, 23, 9, 30), resolved);
        var again = Read(TicketPriority.P2, At(2026, 11, 25, 10), At(2026, 11, 23, 9, 30), reopened);

        met.Resolution.State.ShouldBe(SlaState.Met);
        met.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(3));
        again.Resolution.State.ShouldBe(SlaState.Running);
        again.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(4));
        again.Resolution.DueAt.ShouldBe(At(2026, 11, 25, 14));
    }

    [Fact]
    public void A_report_on_a_Saturday_starts_counting_on_Monday_morning()
    {
        var saturday = At(2026, 11, 28, 10);
        var reading = TicketSla.Evaluate([new StatusChange(saturday, TicketStatus.New)], null, TicketPriority.P3, SlaPolicy.Default, Clock, At(2026, 11, 30, 7));

        reading.Response.Elapsed.ShouldBe(TimeSpan.Zero);
        reading.Response.DueAt.ShouldBe(At(2026, 11, 30, 11, 30));
        reading.Resolution.DueAt.ShouldBe(At(2026, 12, 2, 16)); // 3 business days: Monday, Tuesday, Wednesday
        reading.Resolution.State.ShouldBe(SlaState.Running);
    }

    [Fact]
    public void The_default_targets_are_the_published_ones()
    {
        SlaPolicy.Default.For(TicketPriority.P1).ShouldBe(new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(4)));
        SlaPolicy.Default.For(TicketPriority.P2).ShouldBe(new SlaTarget(TimeSpan.FromHours(2), TimeSpan.FromHours(8)));
        SlaPolicy.Default.For(TicketPriority.P3).ShouldBe(new SlaTarget(TimeSpan.FromHours(4), TimeSpan.FromHours(25.5)));
        SlaPolicy.Default.For(TicketPriority.P4).ShouldBe(new SlaTarget(TimeSpan.FromHours(8.5), TimeSpan.FromHours(42.5)));
        SlaPolicy.Default.WarningRatio.ShouldBe(0.75);
    }
}
