using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using static Superapps.Tickets.Tests.Calendars;
using static Superapps.Tickets.Tests.TicketBuilder;

namespace Superapps.Tickets.Tests;

/// <summary>The SLA state a ticket stores (ADR 0012) across nights, weekends, holidays, pauses, resolutions and triage.</summary>
public sealed class SlaTrackingTests
{
    private static Ticket ReportAt(DateTimeOffset at)
    {
        var ticket = Ticket.Report(Guid.NewGuid(), new TicketNumber(2026, 7), Site, TicketCategory.InternetDown, "Internet mati.", Reporter, at);
        Refresh(ticket, at);
        return ticket;
    }

    private static TicketSlaReading Refresh(Ticket ticket, DateTimeOffset now) => TicketSlaTracker.Refresh(ticket, SlaPolicy.Default, Clock, now);

    [Fact]
    public void A_report_late_on_friday_is_due_on_monday_after_the_night_and_the_weekend()
    {
        // P2 (internet down): response 2 h, resolution 8 h; Friday counts until 16.30 WIB, Monday from 07.30.
        var ticket = ReportAt(At(2026, 11, 20, 15));

        ticket.Priority.ShouldBe(TicketPriority.P2);
        ticket.SlaPriority.ShouldBe(TicketPriority.P2);
        ticket.ResponseDueAt.ShouldBe(At(2026, 11, 23, 8));
        ticket.ResponseWarnAt.ShouldBe(At(2026, 11, 20, 16, 30));
        ticket.ResolutionDueAt.ShouldBe(At(2026, 11, 23, 14));
        ticket.ResolutionWarnAt.ShouldBe(At(2026, 11, 23, 12));
        ticket.ResponseMet.ShouldBeNull();
        ticket.ResolutionMet.ShouldBeNull();
        ticket.ResolutionBusinessTime.ShouldBeNull();
    }

    [Fact]
    public void Christmas_and_its_cuti_bersama_do_not_count()
    {
        // Wednesday 23 December 15.00: one hour that day, then 24 (cuti bersama), 25 (Natal), the weekend; Monday 28 from 07.30.
        var ticket = ReportAt(At(2026, 12, 23, 15));

        ticket.ResponseDueAt.ShouldBe(At(2026, 12, 28, 8, 30));
        ticket.ResolutionDueAt.ShouldBe(At(2026, 12, 28, 14, 30));
    }

    [Fact]
    public void Waiting_for_the_opd_pauses_the_resolution_due_time_and_resuming_moves_it_by_the_pause()
    {
        var reported = At(2026, 11, 23, 9);
        var ticket = ReportAt(reported);
        ticket.Assign(Helpdesk, Technician.UserId, Technician.Name, null, reported.AddMinutes(10));
        Refresh(ticket, reported.AddMinutes(10));
        ticket.Start(Technician, reported.AddMinutes(20));
        ticket.WaitForOpd(Technician, "Ruang server terkunci.", At(2026, 11, 23, 10));
        Refresh(ticket, At(2026, 11, 23, 10));

        ticket.ResponseMet.ShouldBe(true);
        ticket.ResolutionDueAt.ShouldBeNull("the due time is unknown while the clock is paused");
        ticket.ResolutionWarnAt.ShouldBeNull();

        ticket.Resume(Reporter, "Kunci sudah ada.", At(2026, 11, 24, 9));
        Refresh(ticket, At(2026, 11, 24, 9));

        // One hour counted before the pause; seven more from Tuesday 09.00.
        ticket.ResolutionDueAt.ShouldBe(At(2026, 11, 24, 16));
        ticket.ResolutionWarnAt.ShouldBe(At(2026, 11, 24, 14));
    }

    [Fact]
    public void The_resolution_fixes_the_outcome_and_the_business_time_and_a_reopen_unfixes_them()
    {
        var reported = At(2026, 11, 23, 9);
        var ticket = ReportAt(reported);
        ticket.Assign(Helpdesk, Technician.UserId, Technician.Name, null, reported.AddHours(3));
        ticket.Start(Technician, reported.AddHours(3));
        ticket.WaitForOpd(Technician, "Menunggu akses.", At(2026, 11, 23, 13));
        ticket.Resume(Technician, null, At(2026, 11, 24, 8));
        ticket.Resolve(Technician, "Kabel diganti.", At(2026, 11, 24, 9));
        Refresh(ticket, At(2026, 11, 24, 9));

        ticket.ResponseMet.ShouldBe(false, "three hours for a two-hour response target");
        ticket.ResolutionMet.ShouldBe(true);
        ticket.ResolutionBusinessTime.ShouldBe(TimeSpan.FromHours(5), "09.00–13.00 Monday and 08.00–09.00 Tuesday; the wait for the OPD does not count");
        ticket.ResolutionDueAt.ShouldBeNull();

        ticket.Reopen(Reporter, "Putus lagi.", TimeSpan.FromDays(7), At(2026, 11, 24, 10));
        Refresh(ticket, At(2026, 11, 24, 10));

        ticket.ResolutionMet.ShouldBeNull();
        ticket.ResolutionBusinessTime.ShouldBeNull();
        ticket.ResolutionDueAt.ShouldBe(At(2026, 11, 24, 13), "the reopened ticket continues with the three hours it had left");
    }

    [Fact]
    public void A_resolution_after_the_target_is_breached_and_closing_keeps_the_figures()
    {
        var reported = At(2026, 11, 20, 15);
        var ticket = ReportAt(reported);
        ticket.Assign(Helpdesk, Technician.UserId, Technician.Name, null, At(2026, 11, 20, 15, 30));
        ticket.Start(Technician, At(2026, 11, 20, 15, 30));
        ticket.Resolve(Technician, "Perangkat diganti.", At(2026, 11, 23, 15));
        Refresh(ticket, At(2026, 11, 23, 15));
        ticket.Confirm(Reporter, At(2026, 11, 30, 9));
        Refresh(ticket, At(2026, 11, 30, 9));

        ticket.ResponseMet.ShouldBe(true);
        ticket.ResolutionMet.ShouldBe(false);
        ticket.ResolutionBusinessTime.ShouldBe(TimeSpan.FromHours(9), "1 h 30 min on Friday, 7 h 30 min on Monday");
    }

    [Fact]
    public void A_triage_to_another_priority_clears_the_markers_and_moves_the_due_times()
    {
        var reported = At(2026, 11, 23, 9);
        var ticket = ReportAt(reported);
        ticket.MarkSlaWarned(SlaClockKind.Resolution, At(2026, 11, 23, 15));
        ticket.MarkSlaEscalated(SlaClockKind.Response, At(2026, 11, 23, 11));
        Refresh(ticket, At(2026, 11, 23, 15));
        ticket.ResolutionWarnedAt.ShouldNotBeNull("the same priority keeps its markers");

        ticket.Triage(Helpdesk, TicketImpact.ManySites, TicketUrgency.High, At(2026, 11, 23, 15, 30));
        Refresh(ticket, At(2026, 11, 23, 15, 30));

        ticket.SlaPriority.ShouldBe(TicketPriority.P1);
        ticket.ResponseDueAt.ShouldBe(At(2026, 11, 23, 10));
        ticket.ResolutionDueAt.ShouldBe(At(2026, 11, 23, 13));
        ticket.ResponseWarnedAt.ShouldBeNull();
        ticket.ResponseEscalatedAt.ShouldBeNull();
        ticket.ResolutionWarnedAt.ShouldBeNull();
    }

    [Fact]
    public void An_escalation_also_marks_the_warning_so_none_follows_the_breach()
    {
        var ticket = ReportAt(At(2026, 11, 23, 9));

        ticket.MarkSlaEscalated(SlaClockKind.Resolution, At(2026, 11, 23, 17));
        ticket.MarkSlaEscalated(SlaClockKind.Resolution, At(2026, 11, 24, 9));

        ticket.ResolutionEscalatedAt.ShouldBe(At(2026, 11, 23, 17), "a marker is set once");
        ticket.ResolutionWarnedAt.ShouldBe(At(2026, 11, 23, 17));
        ticket.ResponseWarnedAt.ShouldBeNull();
    }
}
