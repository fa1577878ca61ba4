using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using static Superapps.Tickets.Tests.TicketBuilder;

namespace Superapps.Tickets.Tests;

/// <summary>A technician takes a new, unassigned ticket for themself ("Ambil"); the lead still assigns everything else.</summary>
public sealed class TicketTakeTests
{
    private static readonly DateTimeOffset At = Reported.AddMinutes(25);

    [Fact]
    public void A_technician_takes_a_new_ticket_for_themself_and_that_ends_the_response_clock()
    {
        var ticket = New();

        ticket.Take(Technician, At);

        ticket.Status.ShouldBe(TicketStatus.Assigned);
        ticket.AssigneeUserId.ShouldBe(Technician.UserId);
        ticket.AssigneeName.ShouldBe(Technician.Name);
        ticket.AssignedTeam.ShouldBeNull();
        ticket.FirstResponseAt.ShouldBe(At);
        var taken = ticket.Events[^1];
        (taken.Action, taken.FromStatus, taken.ToStatus, taken.ActorRole).ShouldBe((TicketAction.Assign, TicketStatus.New, TicketStatus.Assigned, TicketRole.Technician));
    }

    [Fact]
    public void The_lead_may_take_one_too()
    {
        var ticket = New();

        ticket.Take(Helpdesk, At);

        ticket.AssigneeUserId.ShouldBe(Helpdesk.UserId);
    }

    [Theory]
    [InlineData(TicketStatus.Assigned)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.WaitingForOpd)]
    [InlineData(TicketStatus.WaitingForVendor)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Reopened)]
    public void Only_a_new_ticket_can_be_taken_and_a_refusal_changes_nothing(TicketStatus status)
    {
        var ticket = InState(status);
        var events = ticket.Events.Count;
        var assignee = ticket.AssigneeUserId;

        var refused = Should.Throw<DomainRuleException>(() => ticket.Take(new TicketActor("user-dewi", "Dewi (Teknisi)", TicketRole.Technician), At.AddDays(1)));

        refused.Error.Code.ShouldBe(TicketErrors.TransitionCode);
        refused.Error.Message().ShouldNotBeNullOrWhiteSpace();
        ticket.Status.ShouldBe(status);
        ticket.Events.Count.ShouldBe(events);
        ticket.AssigneeUserId.ShouldBe(assignee);
    }

    [Fact]
    public void Neither_the_reporter_nor_the_system_takes_a_ticket()
    {
        var ticket = New();

        Should.Throw<DomainRuleException>(() => ticket.Take(Reporter, At)).Error.ShouldBe(TicketErrors.RoleNotAllowed(TicketAction.Assign, TicketRole.Reporter));
        Should.Throw<DomainRuleException>(() => ticket.Take(TicketActor.System, At)).Error.Code.ShouldBe(TicketErrors.TransitionCode);
        ticket.Status.ShouldBe(TicketStatus.New);
        ticket.FirstResponseAt.ShouldBeNull();
    }

    [Fact]
    public void The_refusal_reads_in_both_languages()
    {
        var ticket = InState(TicketStatus.Assigned);

        var error = Should.Throw<DomainRuleException>(() => ticket.Take(Technician, At)).Error;

        error.Indonesian.ShouldContain("Ditugaskan");
        error.English.ShouldContain("Assigned");
    }
}
